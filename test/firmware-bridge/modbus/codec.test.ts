import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkModbusProfile,
  encodeModbusReply,
  encodeModbusRequest,
  GENERIC_RELAY_PROFILE,
  ModbusEncodeError,
  modbusCrc,
  modbusSilenceMs,
  readModbusBits,
  WAVESHARE_8CH_PROFILE,
  writeModbusBits,
} from '../../../firmware-bridge/modbus/codec';

const hex = (bytes: Buffer) => bytes.toString('hex').toUpperCase().match(/../g)!.join(' ');

/**
 * Golden frames. "wiki" is the Waveshare wiki "Modbus RTU Relay" development protocol (its
 * examples as quoted by open-source projects and by the shared reference hardware.md); "csdn" is
 * the CSDN article "Modbus RTU指令详解" (blog.csdn.net/weixin_43176183/article/details/112915034)
 * for a unit-255 generic board; "artisan" is artisan-roaster-scope/artisan discussion 634, an
 * LCTech 2-channel board's manual quoted there.
 */
describe('CRC-16/MODBUS', () => {
  it('has the catalogued check value 0x4B37 for "123456789"', () => {
    expect(modbusCrc(Buffer.from('123456789', 'ascii'))).toBe(0x4b37);
  });
});

describe('Modbus requests written by the host', () => {
  it('writes the wiki reads of 8 coils and 8 inputs of unit 1', () => {
    expect(hex(encodeModbusRequest({ unit: 1, function: 0x01, address: 0, value: 8 }))).toBe(
      '01 01 00 00 00 08 3D CC',
    );
    expect(hex(encodeModbusRequest({ unit: 1, function: 0x02, address: 0, value: 8 }))).toBe(
      '01 02 00 00 00 08 79 CC',
    );
  });

  it('writes the wiki flash-on examples: relay 1 for 700 ms, relay 2 for 800 ms', () => {
    expect(hex(encodeModbusRequest({ unit: 1, function: 0x05, address: 0x0200, value: 7 }))).toBe(
      '01 05 02 00 00 07 8D B0',
    );
    expect(hex(encodeModbusRequest({ unit: 1, function: 0x05, address: 0x0201, value: 8 }))).toBe(
      '01 05 02 01 00 08 9C 74',
    );
  });

  it('writes relay on and off as the wiki and the csdn article show', () => {
    expect(hex(encodeModbusRequest({ unit: 1, function: 0x05, address: 0, value: 0xff00 }))).toBe(
      '01 05 00 00 FF 00 8C 3A',
    );
    expect(hex(encodeModbusRequest({ unit: 1, function: 0x05, address: 0, value: 0x0000 }))).toBe(
      '01 05 00 00 00 00 CD CA',
    );
    expect(hex(encodeModbusRequest({ unit: 255, function: 0x05, address: 0, value: 0xff00 }))).toBe(
      'FF 05 00 00 FF 00 99 E4',
    );
    expect(hex(encodeModbusRequest({ unit: 255, function: 0x05, address: 0, value: 0x0000 }))).toBe(
      'FF 05 00 00 00 00 D8 14',
    );
  });

  it('writes the artisan read of 8 inputs of unit 255', () => {
    expect(hex(encodeModbusRequest({ unit: 255, function: 0x02, address: 0, value: 8 }))).toBe(
      'FF 02 00 00 00 08 6C 12',
    );
  });

  it('refuses unit 0, the broadcast every board executes', () => {
    expect(() => encodeModbusRequest({ unit: 0, function: 0x05, address: 0x0200, value: 7 })).toThrow(
      /unit 0 is a broadcast/,
    );
  });

  it('refuses coil 0x00FF (every relay) and 0x01FF (toggle every relay), whatever the value', () => {
    for (const value of [0xff00, 0x0000, 7]) {
      expect(() => encodeModbusRequest({ unit: 1, function: 0x05, address: 0x00ff, value })).toThrow(
        ModbusEncodeError,
      );
      expect(() => encodeModbusRequest({ unit: 1, function: 0x05, address: 0x01ff, value })).toThrow(
        ModbusEncodeError,
      );
    }
    expect(() => encodeModbusRequest({ unit: 1, function: 0x05, address: 0x02ff, value: 7 })).toThrow(
      /every relay/,
    );
  });

  it('refuses FC 0x0F, the multi-coil write the csdn article uses to open every relay', () => {
    expect(() =>
      encodeModbusRequest({ unit: 255, function: 0x0f, address: 0, value: 8, data: Buffer.from([0xff]) }),
    ).toThrow(/FC 0x0F/);
  });

  it('refuses other functions, a zero flash, a relay value other than FF00/0000 and a 0-bit read', () => {
    expect(() => encodeModbusRequest({ unit: 1, function: 0x06, address: 0, value: 1 })).toThrow(/not used/);
    expect(() => encodeModbusRequest({ unit: 1, function: 0x05, address: 0x0200, value: 0 })).toThrow(
      /flash of 0/,
    );
    expect(() => encodeModbusRequest({ unit: 1, function: 0x05, address: 0x0001, value: 0x0100 })).toThrow(
      ModbusEncodeError,
    );
    expect(() => encodeModbusRequest({ unit: 1, function: 0x05, address: 0x0100, value: 0xff00 })).toThrow(
      ModbusEncodeError,
    );
    expect(() => encodeModbusRequest({ unit: 1, function: 0x01, address: 0, value: 0 })).toThrow(
      ModbusEncodeError,
    );
    expect(() => encodeModbusRequest({ unit: 256, function: 0x01, address: 0, value: 8 })).toThrow(
      ModbusEncodeError,
    );
  });
});

describe('Modbus replies written by a board', () => {
  it('writes the wiki coil reply with every relay off, as bus captures show it after 01 01 00 00 00 08 3D CC', () => {
    // Some project notes quote "all on" and "relays 1-4 on" replies whose CRCs do not check
    // (01 01 01 FF 91 88 for one): only frames whose CRC checks are used as golden frames.
    const coils = (data: number) =>
      encodeModbusReply({ kind: 'bits', unit: 1, function: 0x01, data: Buffer.from([data]) });
    expect(hex(coils(0x00))).toBe('01 01 01 00 51 88');
  });

  it('writes the wiki input reply (none triggered) and the artisan one (input 1 high)', () => {
    expect(hex(encodeModbusReply({ kind: 'bits', unit: 1, function: 0x02, data: Buffer.from([0x00]) }))).toBe(
      '01 02 01 00 A1 88',
    );
    expect(
      hex(encodeModbusReply({ kind: 'bits', unit: 255, function: 0x02, data: Buffer.from([0x01]) })),
    ).toBe('FF 02 01 01 51 A0');
  });

  it('echoes a coil write, as the csdn article shows ("returned as sent")', () => {
    expect(hex(encodeModbusReply({ kind: 'write', unit: 255, address: 0, value: 0xff00 }))).toBe(
      'FF 05 00 00 FF 00 99 E4',
    );
  });

  it('writes an exception as UNIT FC|80 CODE CRC (Modbus application protocol, section 7)', () => {
    const frame = encodeModbusReply({ kind: 'exception', unit: 1, function: 0x05, code: 0x02 });
    expect(hex(frame.subarray(0, 3))).toBe('01 85 02');
    expect(modbusCrc(frame, 0, 3)).toBe(frame.readUInt16LE(3));
  });
});

describe('Modbus bits and profiles', () => {
  it('reads bit 0 of the first byte as the first coil (wiki: 0F = relays 1-4 on)', () => {
    expect(readModbusBits(Buffer.from([0x0f]), 8)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(readModbusBits(Buffer.from([0x00, 0x80]), 16)[15]).toBe(true);
    expect(() => readModbusBits(Buffer.from([0x00]), 9)).toThrow(RangeError);
  });

  it('writes then reads back the same bits', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 32 }), (bits) => {
        expect(readModbusBits(writeModbusBits(bits), bits.length)).toEqual(bits);
      }),
    );
  });

  it('needs 3.5 character times of silence: 4.01 ms at 9600 baud, 1.75 ms above 19200', () => {
    expect(modbusSilenceMs(9600)).toBeCloseTo(4.0104, 3);
    expect(modbusSilenceMs(115200)).toBe(1.75);
    expect(WAVESHARE_8CH_PROFILE.interFrameGapMs).toBeCloseTo(4.0104, 3);
  });

  it('has Waveshare boards on unit 1 and generic ones on unit 255, both at 9600 baud', () => {
    expect([WAVESHARE_8CH_PROFILE.defaultUnit, WAVESHARE_8CH_PROFILE.baud]).toEqual([1, 9600]);
    expect([GENERIC_RELAY_PROFILE.defaultUnit, GENERIC_RELAY_PROFILE.baud]).toEqual([255, 9600]);
  });

  it('refuses a profile that names an impossible board, naming the field', () => {
    const base = WAVESHARE_8CH_PROFILE;
    expect(() => checkModbusProfile({ ...base, defaultUnit: 0 })).toThrow(/defaultUnit/);
    expect(() => checkModbusProfile({ ...base, relays: 33 })).toThrow(/relays/);
    expect(() => checkModbusProfile({ ...base, interFrameGapMs: 1 })).toThrow(/interFrameGapMs/);
    expect(() => checkModbusProfile({ ...base, maxFlashUnits: 0 })).toThrow(/maxFlashUnits/);
    expect(checkModbusProfile(base)).toBe(base);
  });
});
