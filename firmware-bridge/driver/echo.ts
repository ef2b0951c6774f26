/**
 * Drops our own bytes when the adapter or gateway sends them back (many RS485 adapters do:
 * libmodbus issues 35, 432 and 818). After each write the bytes that arrive first are compared
 * with what was written; a whole copy is dropped, a partial one is held until it is whole or
 * differs, and then released to the decoder as it came. Whether this bus echoes is learned
 * from the first write of a connection: a bus that answered without the echo is not
 * searched for one again, so a reply that happens to begin like our request (a Kerong status
 * reply echoing CMD 0x30 whose first two hook bytes read 03 35) is never eaten.
 */
export class EchoFilter {
  private expected: Uint8Array | null = null;
  private matched = 0;
  /** null until the first write's answer told us. */
  private echoes: boolean | null = null;
  dropped = 0;

  get learned(): boolean | null {
    return this.echoes;
  }

  wrote(bytes: Uint8Array): void {
    if (this.echoes === false) return;
    this.expected = bytes;
    this.matched = 0;
  }

  /** The bytes that are not our echo, in order. */
  filter(chunk: Buffer): Buffer {
    const expected = this.expected;
    if (!expected) return chunk;
    let i = 0;
    while (i < chunk.length && this.matched < expected.length && chunk[i] === expected[this.matched]) {
      i++;
      this.matched++;
    }
    if (this.matched === expected.length) {
      this.echoes = true;
      this.dropped += expected.length;
      this.expected = null;
      this.matched = 0;
      return chunk.subarray(i);
    }
    if (i === chunk.length) return chunk.subarray(0, 0); // all of it may still be the echo
    // Differs: what was held was real data after all.
    const held = expected.subarray(0, this.matched);
    this.expected = null;
    this.matched = 0;
    if (this.echoes === null) this.echoes = false;
    return held.length === 0 ? chunk : Buffer.concat([held, chunk.subarray(i)]);
  }

  /** A reply timeout or a new write ends the wait for an echo; held bytes were real after all. */
  release(): Buffer {
    const held = this.expected ? Buffer.from(this.expected.subarray(0, this.matched)) : Buffer.alloc(0);
    this.expected = null;
    this.matched = 0;
    return held;
  }
}
