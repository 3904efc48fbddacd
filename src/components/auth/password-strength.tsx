'use client';

import { useEffect, useState } from 'react';
import { estimatePasswordStrength, MIN_PASSWORD_SCORE, PASSWORD_RECOMMENDED_LENGTH, type PasswordStrength as Strength } from '@/lib/password-policy';

const COLORS = ['bg-red-500', 'bg-orange-500', 'bg-amber-500', 'bg-emerald-500', 'bg-emerald-600'] as const;

/** Live feedback while typing a new password; the server refuses what it calls "Very weak" (MIN_PASSWORD_SCORE). */
export function PasswordStrength({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [strength, setStrength] = useState<Strength | null>(null);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    if (!password) return;
    let current = true;
    const timer = setTimeout(() => {
      void estimatePasswordStrength(password, inputsKey.split('\n').filter(Boolean)).then((result) => {
        if (current) setStrength(result);
      });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  const shown = password ? strength : null;
  return (
    <div aria-live="polite" className="space-y-1.5">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((bar) => (
          <span key={bar} className={`h-1.5 flex-1 rounded-full ${shown && shown.score > bar ? COLORS[shown.score] : 'bg-border'}`} />
        ))}
      </div>
      <p className="text-xs text-muted" data-testid="password-strength">
        {shown ? (
          <>
            <span className="font-medium text-fg">{shown.label}.</span> {shown.score < MIN_PASSWORD_SCORE ? 'This password will be refused. ' : ''}
            {shown.warning ?? shown.suggestions[0] ?? ''}
          </>
        ) : (
          `Use ${PASSWORD_RECOMMENDED_LENGTH} or more characters; a few unrelated words work well.`
        )}
      </p>
    </div>
  );
}
