import Link from 'next/link';
import type { PublicUser } from '@/lib/schemas/auth';
import { UserMenu } from './user-menu';

/** The header's account slot: sign-in links, or the signed-in user's menu. */
export function AccountMenu({ user }: { user: PublicUser | null }) {
  if (!user) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link href="/sign-in" className="rounded-md px-3 py-2 font-medium hover:bg-surface-sunken">
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md bg-accent px-3 py-2 font-medium text-white hover:bg-accent-strong">
          Sign up
        </Link>
      </div>
    );
  }
  return <UserMenu name={user.username} />;
}
