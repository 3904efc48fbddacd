import { describe } from 'vitest';
import { readProcessEnv } from '@/env';
import { describeSandboxContract } from '../contract';
import { E2BSandboxProvider } from './provider';

const apiKey = readProcessEnv().E2B_API_KEY;

// The same contract as the local provider, against real E2B microVMs. Skipped without
// E2B_API_KEY: it needs the network and spends sandbox time, so it runs only where a key is set.
describe.skipIf(!apiKey)('e2b provider against E2B', () => {
  describeSandboxContract('e2b', () => new E2BSandboxProvider({ apiKey: apiKey ?? '' }));
});
