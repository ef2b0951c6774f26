import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16 } from '../../../firmware-bridge/crc16';
import { encodeLine, LineEncodeError, parseLine } from '../../../firmware-bridge/line/codec';
import type { LineFrame } from '../../../firmware-bridge/line/types';
import { lineFrame } from './arbitraries';

/** A line with its CRC computed here, to write test lines by hand. */
function signed(text: string): string {
  const crc = crc16(Buffer.from(text, 'latin1')).toString(16).toUpperCase().padStart(4, '0');
  return `${text}*${crc}\n`;
}

describe('line codec', () => {
  it('writes a request as ">seq VERB args*CRC" and a newline', () => {
    const bytes = encodeLine({
      type: 'request',
      request: { seq: 12, command: { verb: 'OPEN', board: 0, channel: 3, pulseMs: 500 } },
    });
    expect(bytes.toString('latin1')).toBe(signed('>12 OPEN 0 3 500'));
  });

  it('writes a status as channel count and three 16-bit hex bitmaps, bit i for channel i', () => {
    const bytes = encodeLine({
      type: 'reply',
      reply: {
        seq: 4,
        ok: true,
        ack: {
          verb: 'STATUS',
          board: 1,
          channels: [
            { locked: true, doorOpen: false, present: false },
            { locked: false, doorOpen: true, present: true },
            { locked: true, doorOpen: false, present: true },
          ],
        },
      },
    });
    expect(bytes.toString('latin1')).toBe(signed('<4 ACK STATUS 1 3 0005 0002 0006'));
  });

  it('round-trips every kind of frame, and re-encodes a parsed line byte for byte', () => {
    fc.assert(
      fc.property(lineFrame, (frame) => {
        const bytes = encodeLine(frame);
        const parsed = parseLine(bytes);
        expect(parsed).toEqual(frame);
        expect(encodeLine(parsed as LineFrame).equals(bytes)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a line with "\\r\\n", with only "\\n", or with no terminator, given as text or bytes', () => {
    const line = signed('>7 PING');
    const expected = { type: 'request', request: { seq: 7, command: { verb: 'PING' } } };
    expect(parseLine(line)).toEqual(expected);
    expect(parseLine(line.replace('\n', '\r\n'))).toEqual(expected);
    expect(parseLine(Buffer.from(line.trimEnd(), 'latin1'))).toEqual(expected);
  });

  it('rejects any single changed byte as a checksum or syntax error', () => {
    fc.assert(
      fc.property(lineFrame, fc.nat(), fc.integer({ min: 1, max: 255 }), (frame, at, delta) => {
        const bytes = encodeLine(frame);
        const damaged = Buffer.from(bytes);
        const pos = at % (bytes.length - 1); // the final '\n' is framing, not content
        damaged[pos] = (damaged[pos]! + delta) & 0xff;
        const parsed = parseLine(damaged);
        expect(parsed.type).toBe('error');
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects any single flipped bit', () => {
    fc.assert(
      fc.property(lineFrame, fc.nat(), fc.integer({ min: 0, max: 7 }), (frame, at, bit) => {
        const damaged = Buffer.from(encodeLine(frame));
        damaged[at % (damaged.length - 1)]! ^= 1 << bit;
        expect(parseLine(damaged).type).toBe('error');
      }),
      { numRuns: 2000 },
    );
  });

  it('tells a damaged CRC ("checksum") from a line that is not in the grammar ("malformed")', () => {
    expect(parseLine('>7 PING*0000\n')).toMatchObject({ type: 'error', reason: 'checksum' });
    expect(parseLine(signed('>7 PONG'))).toMatchObject({ type: 'error', reason: 'malformed' });
    expect(parseLine('>7 PING\n')).toMatchObject({ type: 'error', reason: 'malformed' });
    let seq = 1;
    while (!/[A-F]/.test(signed(`>${seq} PING`).slice(-5))) seq++;
    const line = signed(`>${seq} PING`);
    const lowerCrc = line.slice(0, -5) + line.slice(-5).toLowerCase();
    expect(parseLine(lowerCrc)).toMatchObject({ type: 'error', reason: 'malformed' });
  });

  it('accepts only the one spelling of each number, so decode-encode never changes bytes', () => {
    for (const text of ['>07 PING', '>0 PING', '>65536 PING', '>1 STATUS +1', '>1 STATUS  1', '>1 PING ']) {
      expect(parseLine(signed(text))).toMatchObject({ type: 'error', reason: 'malformed' });
    }
    expect(parseLine(signed('<1 ACK STATUS 0 2 0004 0000 0000'))).toMatchObject({ reason: 'malformed' });
    expect(parseLine(signed('<1 ACK STATUS 0 2 000a 0000 0000'))).toMatchObject({ reason: 'malformed' });
  });

  it('reads a NAK that could not know the request sequence number as seq 0 and no verb', () => {
    expect(parseLine(signed('<0 NAK - CRC'))).toEqual({
      type: 'reply',
      reply: { seq: 0, ok: false, verb: null, reason: 'CRC' },
    });
    expect(parseLine(signed('<0 ACK PING'))).toMatchObject({ type: 'error', reason: 'malformed' });
  });

  it('rejects a byte outside printable ASCII even under a matching CRC', () => {
    expect(parseLine(signed('>1 STATUS\t1'))).toMatchObject({ type: 'error', reason: 'malformed' });
  });

  it('refuses to encode what no board could read', () => {
    const bad: LineFrame[] = [
      { type: 'request', request: { seq: 0, command: { verb: 'PING' } } },
      { type: 'request', request: { seq: 1, command: { verb: 'STATUS', board: 70000 } } },
      { type: 'event', event: { seq: 1, body: { event: 'FAULT', board: 0, code: 'has space' } } },
      { type: 'reply', reply: { seq: 1, ok: true, ack: { verb: 'STATUS', board: 0, channels: [] } } },
    ];
    for (const frame of bad) expect(() => encodeLine(frame)).toThrow(LineEncodeError);
  });
});
