import { eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentTurns, type TurnFileChange } from '@/server/db/schema';

/** Adds a file change to the turn: the first `before` and the last `after` per path count. */
export async function recordTurnChange(options: { db: Database; turnId: string; change: TurnFileChange }): Promise<void> {
  const { db, turnId, change } = options;
  await db.transaction(async (tx) => {
    const [turn] = await tx.select({ fileChanges: agentTurns.fileChanges }).from(agentTurns).where(eq(agentTurns.id, turnId)).for('update');
    if (!turn) return;
    const existing = turn.fileChanges.find((entry) => entry.path === change.path);
    const fileChanges = existing ? turn.fileChanges.map((entry) => (entry === existing ? { ...entry, after: change.after } : entry)) : [...turn.fileChanges, change];
    await tx.update(agentTurns).set({ fileChanges }).where(eq(agentTurns.id, turnId));
  });
}
