import { describe, expect, it } from 'vitest';
import { type ScanLine, ScanLineReader } from '../../src/devices/scan-lines';

function read(chunks: (string | Uint8Array)[], maxLineBytes = 64): ScanLine[] {
  const lines: ScanLine[] = [];
  const reader = new ScanLineReader({ maxLineBytes }, (line) => lines.push(line));
  for (const chunk of chunks) reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return lines;
}

const scans = (...texts: string[]) => texts.map((text) => ({ kind: 'scan', text }));

describe('reading scan lines', () => {
  it('takes CR, LF and CR LF as the end of a scan, and ignores empty lines', () => {
    expect(read(['A\rB\nC\r\nD\r\n\r\n\n'])).toEqual(scans('A', 'B', 'C', 'D'));
  });

  it('joins a scan that arrives in pieces, whatever the cut', () => {
    const line = 'DL1.06126112100427.Qm9va2luZy1zZWNyZXQtMTIz\r\n';
    for (let cut = 1; cut < line.length; cut++) {
      expect(read([line.slice(0, cut), line.slice(cut)])).toEqual(scans(line.trim()));
    }
  });

  it('keeps a scan of UTF-8 text from a result document', () => {
    expect(read(['Giấy khai sinh số 123\n'])).toEqual(scans('Giấy khai sinh số 123'));
  });

  it('reports noise as garbled and goes on reading', () => {
    expect(
      read([Uint8Array.of(0xff, 0xfe, 0x41, 0x0a), 'OK\n', Uint8Array.of(0x41, 0x00, 0x42, 0x0d), 'OK2\r']),
    ).toEqual([
      { kind: 'garbled', length: 3 },
      { kind: 'scan', text: 'OK' },
      { kind: 'garbled', length: 3 },
      { kind: 'scan', text: 'OK2' },
    ]);
  });

  it('drops a line past the bound without holding it, reports it once, in order', () => {
    const long = 'x'.repeat(200);
    expect(read(['FIRST\n', long.slice(0, 90), long.slice(90), '\nNEXT\n'], 64)).toEqual([
      { kind: 'scan', text: 'FIRST' },
      { kind: 'too_long', length: 200 },
      { kind: 'scan', text: 'NEXT' },
    ]);
  });

  it('accepts a line exactly at the bound', () => {
    expect(read([`${'y'.repeat(64)}\n`], 64)).toEqual(scans('y'.repeat(64)));
    expect(read([`${'y'.repeat(65)}\n`], 64)).toEqual([{ kind: 'too_long', length: 65 }]);
  });
});
