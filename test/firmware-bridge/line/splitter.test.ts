import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, type LineSplitterOptions } from '../../../firmware-bridge/line-splitter';
import { chunked, splitsOf } from './arbitraries';

type Piece = { kind: 'line'; bytes: Buffer; headDropped: boolean } | { kind: 'overflow'; bytes: Buffer };

function splitter(options: LineSplitterOptions) {
  const pieces: Piece[] = [];
  const lines = new LineSplitter(options, {
    line: (bytes, headDropped) => pieces.push({ kind: 'line', bytes: Buffer.from(bytes), headDropped }),
    discard: (bytes) => pieces.push({ kind: 'overflow', bytes: Buffer.from(bytes) }),
  });
  return { lines, pieces };
}

const LF = 0x0a;

/** Lines of printable text and binary, some longer than any bound tried, with or without an end. */
const stream = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.uint8Array({ maxLength: 30 }).map((bytes) => bytes.filter((b) => b !== LF)),
        fc.integer({ min: 0, max: 300 }).map((n) => new Uint8Array(n).fill(0x41)),
      ),
      fc.boolean(),
    ),
    { maxLength: 12 },
  )
  .map((parts) =>
    Buffer.concat(parts.map(([text, ended]) => Buffer.concat([text, ended ? Buffer.of(LF) : Buffer.of()]))),
  );

const withCuts = stream.chain((bytes) => fc.tuple(fc.constant(bytes), splitsOf(bytes.length)));

describe('LineSplitter (firmware-bridge/line-splitter.ts)', () => {
  it('accounts for every byte in order, and never holds more than the bound, however the bytes are cut', () => {
    fc.assert(
      fc.property(withCuts, fc.integer({ min: 1, max: 200 }), ([bytes, cuts], max) => {
        const { lines, pieces } = splitter({ maxHeldBytes: max });
        for (const chunk of chunked(bytes, cuts)) {
          lines.push(chunk);
          expect(lines.buffered).toBeLessThanOrEqual(max);
        }
        const out = Buffer.concat(pieces.map((p) => p.bytes));
        expect(out).toEqual(bytes.subarray(0, bytes.length - lines.buffered));
        for (const piece of pieces.filter((p) => p.kind === 'line')) {
          expect(piece.bytes.indexOf(LF)).toBe(piece.bytes.length - 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same lines whatever the chunking when no line passes the bound', () => {
    fc.assert(
      fc.property(withCuts, ([bytes, cuts]) => {
        const max = bytes.length + 1;
        const whole = splitter({ maxHeldBytes: max });
        whole.lines.push(bytes);
        const cut = splitter({ maxHeldBytes: max });
        for (const chunk of chunked(bytes, cuts)) cut.lines.push(chunk);
        expect(cut.pieces).toEqual(whole.pieces);
        expect(cut.pieces.every((p) => p.kind === 'line' && !p.headDropped)).toBe(true);
        expect(cut.lines.buffered).toBe(whole.lines.buffered);
      }),
      { numRuns: 500 },
    );
  });

  it('marks the end of a line whose head was dropped, and only that line', () => {
    const { lines, pieces } = splitter({ maxHeldBytes: 8 });
    lines.push(Buffer.from('0123456789'));
    lines.push(Buffer.from('ab\ncd\n'));
    expect(pieces).toEqual([
      { kind: 'overflow', bytes: Buffer.from('0123456789') },
      { kind: 'line', bytes: Buffer.from('ab\n'), headDropped: true },
      { kind: 'line', bytes: Buffer.from('cd\n'), headDropped: false },
    ]);
  });

  it('hands a complete line over whole, even past the bound: the bound is on what it holds', () => {
    const { lines, pieces } = splitter({ maxHeldBytes: 4 });
    lines.push(Buffer.from('0123456789\n'));
    expect(pieces).toEqual([{ kind: 'line', bytes: Buffer.from('0123456789\n'), headDropped: false }]);
  });

  it('keeps an over-long tail from where the owner says a line may start', () => {
    const { lines, pieces } = splitter({
      maxHeldBytes: 8,
      keepFrom: (held) => held.lastIndexOf('>'.charCodeAt(0)),
    });
    lines.push(Buffer.from('noise noise >ab'));
    expect(pieces).toEqual([{ kind: 'overflow', bytes: Buffer.from('noise noise ') }]);
    expect(lines.buffered).toBe(3);
    lines.push(Buffer.from('c\n'));
    expect(pieces.at(-1)).toEqual({ kind: 'line', bytes: Buffer.from('>abc\n'), headDropped: false });
  });

  it('drops the whole tail when what the owner would keep is still past the bound', () => {
    const { lines, pieces } = splitter({ maxHeldBytes: 4, keepFrom: () => 1 });
    lines.push(Buffer.from('abcdefgh'));
    expect(pieces).toEqual([{ kind: 'overflow', bytes: Buffer.from('abcdefgh') }]);
    expect(lines.buffered).toBe(0);
  });

  it('splits at the delimiter it is given', () => {
    const { lines, pieces } = splitter({ maxHeldBytes: 16, delimiter: 0x0d });
    lines.push(Buffer.from('A\rB\nC\r'));
    expect(pieces.map((p) => p.bytes.toString())).toEqual(['A\r', 'B\nC\r']);
  });

  it('keeps its own copy of a partial line: the caller may reuse its buffer', () => {
    const { lines, pieces } = splitter({ maxHeldBytes: 16 });
    const buffer = Buffer.from('abc');
    lines.push(buffer);
    buffer.fill(0x7a);
    lines.push(Buffer.from('\n'));
    expect(pieces).toEqual([{ kind: 'line', bytes: Buffer.from('abc\n'), headDropped: false }]);
  });

  it('forgets a partial line on reset', () => {
    const { lines, pieces } = splitter({ maxHeldBytes: 4 });
    lines.push(Buffer.from('abcdef'));
    lines.push(Buffer.from('xy'));
    lines.reset();
    expect(lines.buffered).toBe(0);
    lines.push(Buffer.from('z\n'));
    expect(pieces.at(-1)).toEqual({ kind: 'line', bytes: Buffer.from('z\n'), headDropped: false });
  });

  it('refuses a bound that is not a positive whole number', () => {
    for (const maxHeldBytes of [0, -1, 1.5, Number.NaN]) {
      expect(() => splitter({ maxHeldBytes })).toThrow(RangeError);
    }
  });
});
