import { describe, expect, it } from 'vitest';
import { OutputCollector } from './output';

describe('OutputCollector', () => {
  it('keeps stdout and stderr within one shared budget and says when it dropped some', () => {
    const output = new OutputCollector(10);
    output.push('stdout', 'abcdef');
    output.push('stderr', 'ghij');
    expect(output.result(0)).toEqual({ exitCode: 0, stdout: 'abcdef', stderr: 'ghij', truncated: false });
    output.push('stdout', 'k');
    expect(output.result(1)).toMatchObject({ stdout: 'abcdef', truncated: true });
  });

  it('never splits a multi-byte character at the cap', () => {
    const output = new OutputCollector(5);
    output.push('stdout', 'aé€b'); // 1 + 2 + 3 + 1 bytes: "aé" fits in 5, "€" would not
    expect(output.result(0)).toMatchObject({ stdout: 'aé', truncated: true });
  });
});
