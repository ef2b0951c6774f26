import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeModbusReply,
  encodeModbusRequest,
  ModbusDecoder,
  modbusCrc,
} from '../../../firmware-bridge/modbus/codec';
import type { ModbusFrame, ModbusReply, ModbusRequest } from '../../../firmware-bridge/modbus/types';
import {
  assertBitFlipRejected,
  assertBoundedUnderNoise,
  assertChunkingChangesNothing,
  assertFrameAfterAnyGarbage,
  framesOf,
  reasonsOf,
} from '../decoder-properties';

const unit = fc.integer({ min: 1, max: 255 });
const request: fc.Arbitrary<ModbusRequest> = fc.oneof(
  fc.record({
    unit,
    function: fc.constantFrom(0x01, 0x02),
    address: fc.integer({ min: 0, max: 0xffff }),
    value: fc.integer({ min: 1, max: 2000 }),
  }),
  fc
    .record({
      unit,
      function: fc.constant(0x05),
      address: fc
        .integer({ min: 0, max: 31 })
        .chain((relay) => fc.constantFrom(relay, 0x0200 + relay, 0x0400 + relay)),
      value: fc.constantFrom(0xff00, 0x0000, 7),
    })
    .filter((r) => (r.address < 0x0100 ? r.value !== 7 : r.value === 7)),
);
const reply: fc.Arbitrary<ModbusReply> = fc.oneof(
  fc.record({
    kind: fc.constant('bits' as const),
    unit,
    function: fc.constantFrom(0x01, 0x02),
    data: fc.uint8Array({ minLength: 1, maxLength: 4 }).map(Buffer.from),
  }),
  fc.record({
    kind: fc.constant('write' as const),
    unit,
    address: fc.integer({ min: 0, max: 0xffff }),
    value: fc.integer({ min: 0, max: 0xffff }),
  }),
  fc.record({
    kind: fc.constant('exception' as const),
    unit,
    function: fc.constantFrom(0x01, 0x02, 0x05),
    code: fc.integer({ min: 1, max: 0x0b }),
  }),
);

const directions = [
  { direction: 'requests' as const, frame: request.map(encodeModbusRequest) },
  { direction: 'replies' as const, frame: reply.map(encodeModbusReply) },
];
const newDecoder = (direction: 'requests' | 'replies') => new ModbusDecoder(direction, { maxBitBytes: 4 });

const lengthOf = (frame: ModbusFrame) =>
  'kind' in frame ? (frame.kind === 'bits' ? 5 + frame.data.length : frame.kind === 'write' ? 8 : 5) : 8;
const bytes = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');

describe('ModbusDecoder, golden frames (Waveshare wiki, csdn article, artisan discussion 634)', () => {
  it('reads the host requests: wiki reads and flash-on, csdn relay on', () => {
    const out = newDecoder('requests').push(
      bytes(
        '01 01 00 00 00 08 3D CC  01 02 00 00 00 08 79 CC  01 05 02 00 00 07 8D B0  FF 05 00 00 FF 00 99 E4',
      ),
    );
    expect(framesOf(out)).toEqual([
      { unit: 1, function: 0x01, address: 0, value: 8 },
      { unit: 1, function: 0x02, address: 0, value: 8 },
      { unit: 1, function: 0x05, address: 0x0200, value: 7 },
      { unit: 255, function: 0x05, address: 0, value: 0xff00 },
    ]);
  });

  it('reads the csdn all-relays FC0F write (FF 0F 00 00 00 08 01 FF 30 1D) so a simulator can refuse it', () => {
    expect(framesOf(newDecoder('requests').push(bytes('FF 0F 00 00 00 08 01 FF 30 1D')))).toEqual([
      { unit: 255, function: 0x0f, address: 0, value: 8, data: bytes('FF') },
    ]);
  });

  it('reads the board replies: wiki coils and inputs, artisan inputs, csdn write echo', () => {
    const out = newDecoder('replies').push(
      bytes('01 01 01 00 51 88  01 02 01 00 A1 88  FF 02 01 01 51 A0  FF 05 00 00 FF 00 99 E4'),
    );
    expect(framesOf(out)).toEqual([
      { kind: 'bits', unit: 1, function: 0x01, data: bytes('00') },
      { kind: 'bits', unit: 1, function: 0x02, data: bytes('00') },
      { kind: 'bits', unit: 255, function: 0x02, data: bytes('01') },
      { kind: 'write', unit: 255, address: 0, value: 0xff00 },
    ]);
  });

  it('reads an exception reply with its code', () => {
    const frame = Buffer.from([0x01, 0x85, 0x02, 0, 0]);
    frame.writeUInt16LE(modbusCrc(frame, 0, 3), 3);
    expect(framesOf(newDecoder('replies').push(frame))).toEqual([
      { kind: 'exception', unit: 1, function: 0x05, code: 0x02 },
    ]);
  });
});

describe('ModbusDecoder, properties', () => {
  for (const { direction, frame } of directions) {
    const decoder = () => newDecoder(direction);
    describe(`(${direction})`, () => {
      it('finds the same frames however the bytes are chunked, and accounts for every byte', () => {
        assertChunkingChangesNothing(decoder, frame, lengthOf);
      });

      it('yields the frame after any garbage, with nothing held back, unless a false frame begun in the garbage passes its CRC', () => {
        // RTU has no start byte: any garbage may look like the start of a frame. The real frame
        // must still come out at once (on a quiet bus nothing else will arrive to settle it).
        // The one exception is a candidate begun in the garbage that reaches into the frame and
        // whose CRC-16 happens to check (about 1 in 65,536 candidates; fast-check finds one in
        // some 10^5 runs): then that false frame is taken and the real one lost, and the host's
        // timeout and status read cover it, as for a lost reply.
        const garbage = fc.uint8Array({ maxLength: 200 }).map(Buffer.from);
        assertFrameAfterAnyGarbage(decoder, garbage, frame, lengthOf, 1000);
      });

      it('rejects a frame alone on the line with any one bit flipped', () => {
        assertBitFlipRejected(decoder, frame);
      });

      it('keeps its buffer below one frame under endless noise', () => {
        assertBoundedUnderNoise(decoder, new Uint8Array([0x01, 0x0f, 0, 0, 0, 8, 0xf6]));
      });
    });
  }
});

describe('ModbusDecoder, resynchronising', () => {
  it('loses a request to a garbage FC0F candidate whose CRC happens to check (found by the property above)', () => {
    // Seed 758273599: B3 0F ... announces 5 data bytes, and the CRC over it and the first bytes
    // of the real request checks. No CRC rules this out; the host's timeout covers it.
    const out = newDecoder('requests').push(bytes('B3 0F 82 00 03 E7 05  18 05 04 0C 00 07 4F 32'));
    expect(framesOf(out)).toEqual([
      { unit: 0xb3, function: 0x0f, address: 0x8200, value: 999, data: bytes('18 05 04 0C 00') },
    ]);
  });

  it('does not let garbage that looks like a long frame hold back the reply behind it', () => {
    // 01 01 04 announces a 9-byte frame; the 5-byte exception reply behind it completes first,
    // and on a quiet bus the bytes the false start waits for would never come.
    const exception = encodeModbusReply({ kind: 'exception', unit: 1, function: 0x05, code: 0x04 });
    const out = newDecoder('replies').push(Buffer.concat([bytes('01 01 04'), exception]));
    expect(reasonsOf(out)).toEqual(['noise', 'frame']);
    expect(out[0]).toMatchObject({ bytes: bytes('01 01 04') });
    expect(framesOf(out)).toEqual([{ kind: 'exception', unit: 1, function: 0x05, code: 0x04 }]);
  });

  it('calls a complete false start with a bad CRC a checksum discard, and finds the reply in it', () => {
    const out = newDecoder('replies').push(bytes('01 01 04  01 01 01 00 51 88'));
    expect(reasonsOf(out)).toEqual(['checksum', 'frame']);
  });

  it('reports a frame with a bad CRC as a checksum discard', () => {
    const out = newDecoder('replies').push(bytes('01 01 01 00 51 89'));
    expect(reasonsOf(out)).toEqual(['checksum']);
  });

  it('holds a partial frame and completes it with the next chunk', () => {
    const d = newDecoder('replies');
    expect(d.push(bytes('01 01 01'))).toEqual([]);
    expect(d.buffered).toBe(3);
    expect(framesOf(d.push(bytes('00 51 88')))).toHaveLength(1);
    expect(d.buffered).toBe(0);
  });

  it('starts frames only at the configured units, and never at unit 0 in replies', () => {
    const wire = bytes('01 01 01 00 51 88');
    expect(framesOf(new ModbusDecoder('replies', { units: [2] }).push(wire))).toEqual([]);
    expect(framesOf(new ModbusDecoder('replies', { units: [1] }).push(wire))).toHaveLength(1);
    const broadcast = encodeModbusRequest({ unit: 1, function: 0x05, address: 0x0200, value: 7 });
    broadcast[0] = 0;
    broadcast.writeUInt16LE(modbusCrc(broadcast, 0, 6), 6);
    expect(framesOf(newDecoder('replies').push(broadcast))).toEqual([]);
    expect(framesOf(newDecoder('requests').push(broadcast))).toEqual([
      { unit: 0, function: 0x05, address: 0x0200, value: 7 },
    ]);
  });

  it('forgets a partial frame on reset', () => {
    const d = newDecoder('replies');
    d.push(bytes('01 01 01 00'));
    d.reset();
    expect(d.buffered).toBe(0);
    expect(framesOf(d.push(bytes('51 88')))).toEqual([]);
  });
});
