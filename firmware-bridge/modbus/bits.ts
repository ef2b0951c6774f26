/** Bits of an FC01/FC02 reply: bit 0 of the first data byte is the first coil or input asked. */
export function readModbusBits(data: Uint8Array, count: number): boolean[] {
  if (data.length * 8 < count)
    throw new RangeError(`${data.length} data bytes hold fewer than ${count} bits`);
  const bits: boolean[] = new Array(count);
  for (let k = 0; k < count; k++) bits[k] = ((data[k >> 3]! >> (k & 7)) & 1) === 1;
  return bits;
}

/** The data bytes a board sends for these bits (unused high bits clear). */
export function writeModbusBits(bits: readonly boolean[]): Buffer {
  const data = Buffer.alloc(Math.max(1, Math.ceil(bits.length / 8)));
  bits.forEach((bit, k) => {
    if (bit) data[k >> 3]! |= 1 << (k & 7);
  });
  return data;
}
