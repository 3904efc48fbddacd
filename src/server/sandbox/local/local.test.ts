import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { describeSandboxContract } from '../contract';
import { LocalSandboxProvider } from './provider';

const dataDirs: string[] = [];
const makeProvider = (isolation: 'auto' | 'none') => async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aura-sandbox-contract-'));
  dataDirs.push(dataDir);
  return new LocalSandboxProvider({ dataDir, isolation });
};

describeSandboxContract('local', makeProvider('auto'));
// The fallback for hosts without bubblewrap keeps the same behaviour, minus the isolation.
describeSandboxContract('local without bubblewrap', makeProvider('none'));

afterAll(async () => {
  await Promise.all(dataDirs.map((dataDir) => rm(dataDir, { recursive: true, force: true })));
});
