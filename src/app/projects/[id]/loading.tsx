import { WorkspaceSkeleton } from '@/components/workspace/workspace-skeleton';

export default function Loading() {
  return <WorkspaceSkeleton />;
}
