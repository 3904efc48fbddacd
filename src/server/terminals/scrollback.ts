/**
 * A terminal's output history, addressed by byte offset. Chunks are kept whole until the total
 * passes the capacity, then the oldest are dropped; a reader asking for an offset that was
 * dropped learns how much it lost instead of silently getting a gap.
 */
export interface ScrollbackChunk {
  /** Offset of the chunk's first byte in the terminal's whole output. */
  start: number;
  data: Uint8Array;
}

export class Scrollback {
  private chunks: ScrollbackChunk[] = [];
  private size = 0;
  /** Total bytes ever written: the offset the next chunk starts at. */
  end = 0;

  constructor(private readonly capacity = 2 * 1024 * 1024) {}

  append(data: Uint8Array): ScrollbackChunk {
    const chunk = { start: this.end, data };
    this.chunks.push(chunk);
    this.end += data.byteLength;
    this.size += data.byteLength;
    while (this.size > this.capacity && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.data.byteLength;
    }
    return chunk;
  }

  /** Offset of the oldest byte still kept. */
  get start(): number {
    return this.chunks[0]?.start ?? this.end;
  }

  /** Everything from `offset` on, cutting the first chunk if the offset falls inside it. */
  since(offset: number): { chunks: ScrollbackChunk[]; lost: number } {
    const from = Math.max(offset, this.start);
    const chunks: ScrollbackChunk[] = [];
    for (const chunk of this.chunks) {
      const chunkEnd = chunk.start + chunk.data.byteLength;
      if (chunkEnd <= from) continue;
      chunks.push(chunk.start >= from ? chunk : { start: from, data: chunk.data.subarray(from - chunk.start) });
    }
    return { chunks, lost: Math.max(0, from - offset) };
  }
}
