import { afterEach, describe, expect, it } from 'vitest';
import { createLink, LinkError, type LockerLink } from '../../../firmware-bridge';
import { duplexPair } from '../../../firmware-bridge/duplex-pair';
import {
  encodeModbusReply,
  ModbusDecoder,
  WAVESHARE_8CH_PROFILE,
  writeModbusBits,
} from '../../../firmware-bridge/modbus/codec';
import { FAST_PATIENT as OPTIONS } from '../../support/fixtures';

/**
 * A bare Waveshare-style relay + input board on an in-memory cable, answering as its wiki
 * describes: FC02 with the input bits, FC05 with an echo of the write. A door's reed contact
 * closes (input set) while the door is shut; a flash-on pops the door open.
 */
function board(unit: number) {
  const [host, wire] = duplexPair();
  const shut = Array(8).fill(true) as boolean[];
  const flashes: { relay: number; units: number }[] = [];
  const decoder = new ModbusDecoder('requests');
  wire.on('data', (chunk: Buffer) => {
    for (const item of decoder.push(chunk)) {
      if (item.kind !== 'frame' || 'kind' in item.frame || item.frame.unit !== unit) continue;
      const request = item.frame;
      if (request.function === 0x02) {
        wire.write(encodeModbusReply({ kind: 'bits', unit, function: 0x02, data: writeModbusBits(shut) }));
      } else if (request.function === 0x05 && request.address >= 0x0200 && request.address < 0x0208) {
        flashes.push({ relay: request.address - 0x0200, units: request.value });
        shut[request.address - 0x0200] = false;
        wire.write(
          encodeModbusReply({ kind: 'write', unit, address: request.address, value: request.value }),
        );
      }
    }
  });
  return { connect: () => host, flashes };
}

describe('a Modbus relay bus through the link', () => {
  let link: LockerLink | null = null;
  afterEach(async () => {
    await link?.stop();
    link = null;
  });

  it('reads unit 1 at connect and opens door 5 with one 700 ms flash of relay 5', async () => {
    const b = board(1);
    link = createLink({ transport: b.connect, dialect: 'modbus', options: OPTIONS });
    await link.start();
    expect(link.snapshot()[0]?.doors[5]).toEqual({ locked: true, open: false, present: null });
    const outcome = await link.open({ board: 1, channel: 5 }, { pulseMs: 700 });
    expect(outcome.kind).toBe('opened');
    expect(b.flashes).toEqual([{ relay: 5, units: 7 }]);
  });

  it('refuses unit 0 (the broadcast) in the configuration', () => {
    expect(() => createLink({ transport: () => duplexPair()[0], dialect: 'modbus', boards: [0] })).toThrow(
      LinkError,
    );
  });

  it('refuses a profile with more relays than a board has, naming the field', () => {
    const modbusProfile = { ...WAVESHARE_8CH_PROFILE, relays: 33 };
    expect(() => createLink({ transport: () => duplexPair()[0], dialect: 'modbus', modbusProfile })).toThrow(
      /relays/,
    );
  });
});
