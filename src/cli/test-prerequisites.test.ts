import { describe, expect, it } from 'vitest';
import { installCommand, missingRequirements, REQUIREMENTS } from './test-prerequisites';

describe('npm test prerequisites', () => {
  it('names every missing package, and only those, in the command a user runs', () => {
    const onlyChromium = missingRequirements(REQUIREMENTS, (file) => file === '/usr/bin/chromium');
    expect(onlyChromium.map((requirement) => requirement.pkg)).toEqual(['bubblewrap']);
    const nothing = missingRequirements(REQUIREMENTS, () => false);
    expect(installCommand(nothing, false)).toBe('sudo apt-get install chromium bubblewrap');
    expect(installCommand(nothing, true)).toBe('apt-get install chromium bubblewrap');
  });

  it('accepts bwrap wherever a distribution puts it', () => {
    expect(missingRequirements(REQUIREMENTS, (file) => ['/usr/bin/chromium', '/usr/local/bin/bwrap'].includes(file))).toEqual([]);
  });
});
