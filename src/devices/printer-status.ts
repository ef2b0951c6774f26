/**
 * The answer to DLE EOT 4 (roll paper sensor): bits 2-3 set when the paper is near its end,
 * bits 5-6 set when it is out. Bits 1 and 4 are always set and bit 0 and 7 always clear, which
 * tells a status byte from stray data.
 */
export type PaperStatus = 'ok' | 'near_end' | 'out';

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function paperStatusOf(byte: number): PaperStatus {
  if (byte & 0x60) return 'out';
  if (byte & 0x0c) return 'near_end';
  return 'ok';
}
