import type { CommandResult } from './types';

export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

/**
 * Keeps a command's stdout and stderr up to a shared byte budget, so a runaway command can't fill
 * the server's memory. Streaming callbacks still see everything; only what is kept for the result
 * is capped, and `truncated` says so.
 */
export class OutputCollector {
  private readonly kept = { stdout: [] as string[], stderr: [] as string[] };
  private remaining: number;
  private truncated = false;

  constructor(maxBytes: number) {
    this.remaining = maxBytes;
  }

  push(stream: 'stdout' | 'stderr', text: string): void {
    if (text.length === 0) return;
    const bytes = Buffer.byteLength(text);
    if (bytes <= this.remaining) {
      this.kept[stream].push(text);
      this.remaining -= bytes;
      return;
    }
    this.truncated = true;
    if (this.remaining > 0) this.kept[stream].push(cutUtf8(text, this.remaining));
    this.remaining = 0;
  }

  result(exitCode: number): CommandResult {
    return { exitCode, stdout: this.kept.stdout.join(''), stderr: this.kept.stderr.join(''), truncated: this.truncated };
  }
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8 without splitting a character. */
function cutUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text);
  let end = maxBytes;
  // A continuation byte (10xxxxxx) at the cut means the character straddles it.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString();
}
