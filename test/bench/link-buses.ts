import { CU16_UNLOCK_STATUS_PROFILE, type LinkConfig } from '../../firmware-bridge';
import { encodeEightyRequest } from '../../firmware-bridge/eighty/codec';
import { EIGHTY_PROFILE } from '../../firmware-bridge/eighty/profile';
import { EIGHTY_SHORT_BYTES } from '../../firmware-bridge/eighty/types';
import { encodeKerongRequest } from '../../firmware-bridge/kerong/codec';
import { KerongCommand } from '../../firmware-bridge/kerong/types';
import { encodeLine } from '../../firmware-bridge/line/codec';
import { encodeModbusRequest } from '../../firmware-bridge/modbus/codec';
import { WAVESHARE_8CH_PROFILE } from '../../firmware-bridge/modbus/profile';
import { ModbusFunction, WaveshareCoil } from '../../firmware-bridge/modbus/types';
import { KERONG_BOARDS, type KnobSettings } from '../../hardware-sim/simulator';

export type BenchDialect = 'line' | 'kerong' | '8a' | 'modbus';
export const BENCH_DIALECTS: readonly BenchDialect[] = ['line', 'kerong', '8a', 'modbus'];

/** One dialect's bus for the link bench: the simulated board, the link's view of it, its frames. */
export interface BenchBus {
  /** The board family's own line speed (8N1): the wire time counts bytes at this rate. */
  baud: number;
  /** The simulated board's behaviour (knob settings), passed to the simulator's process. */
  wire: Partial<KnobSettings>;
  link: Pick<LinkConfig, 'dialect' | 'kerongProfile' | 'eightyProfile' | 'modbusProfile'>;
  /** The link's number for the simulator's one board (bank board 0). */
  board: number;
  /** The pulse each open asks for, when the board times it (undefined: the link's default). */
  pulseMs?: number;
  /** Bytes of the board's answer to an open whose request was `requestBytes` long. */
  replyBytes(requestBytes: number, seq: number, channel: number): number;
  /** The open of `channel` as hand-made bytes, for the bare-socket baseline. */
  rawOpen(channel: number, seq: number): Uint8Array;
}

/**
 * Every dialect measured the same way: an open is a request and an answer, and the bar is on
 * the round trip against the wire time of both at the board family's speed. Boards that answer
 * an open differently from that are set so that they do, and the board physics stays out of
 * the figure:
 *
 * - Kerong: most boards answer nothing to an unlock (the simulator's default, kerong-lib's) and
 *   the open is judged by a status read after a 1 s settle window: that is the lock's time, not
 *   the link's. The bench runs the board that answers an unlock with its 9-byte status (the
 *   vendor sheet's echo board) and the profile that expects it (cu16-unlock-status).
 * - 8A/80: a real board answers an unlock once the lock has moved, about 1 s later (dp2's
 *   WjlLockDriver.cs; the simulator's default unlockReplyMs 1000). The bench's board answers at
 *   once (unlockReplyMs 0), with the 0x80 header the default 8a80 profile expects; the wire time
 *   counts the 5-byte request and the 5-byte reply at 9600 baud.
 * - Modbus: the flash-on write (FC05 to 0x0200 + relay) is answered by its 8-byte echo as soon
 *   as the board has it (Waveshare wiki); the board times the pulse itself, so opens ask for the
 *   shortest flash (100 ms) and a door is reopened only after its relay has dropped (a relay
 *   still on would not switch on again). 9600 baud, the board's factory speed.
 */
export function benchBus(dialect: BenchDialect): BenchBus {
  switch (dialect) {
    case 'line':
      return {
        baud: 19200,
        wire: {},
        link: { dialect },
        board: 0,
        replyBytes: (_request, seq, channel) =>
          encodeLine({ type: 'reply', reply: { seq, ok: true, ack: { verb: 'OPEN', board: 0, channel } } })
            .length,
        rawOpen: (channel, seq) =>
          encodeLine({
            type: 'request',
            request: { seq, command: { verb: 'OPEN', board: 0, channel, pulseMs: 500 } },
          }),
      };
    case 'kerong':
      return {
        baud: CU16_UNLOCK_STATUS_PROFILE.baud,
        wire: KERONG_BOARDS.echo,
        link: { dialect, kerongProfile: CU16_UNLOCK_STATUS_PROFILE },
        board: 0,
        replyBytes: () => CU16_UNLOCK_STATUS_PROFILE.replyLength[KerongCommand.unlockOne]!,
        rawOpen: (channel) =>
          encodeKerongRequest({ board: 0, lock: channel, command: KerongCommand.unlockOne }),
      };
    case '8a':
      return {
        baud: EIGHTY_PROFILE.baud,
        wire: { unlockReplyMs: 0, unlockReplyHeader: 0x80 },
        link: { dialect, eightyProfile: { ...EIGHTY_PROFILE, locks: 16 } },
        board: 1,
        replyBytes: () => EIGHTY_SHORT_BYTES,
        rawOpen: (channel) => encodeEightyRequest({ kind: 'unlock', board: 1, lock: channel + 1 }),
      };
    case 'modbus':
      return {
        baud: WAVESHARE_8CH_PROFILE.baud,
        wire: {},
        link: { dialect, modbusProfile: { ...WAVESHARE_8CH_PROFILE, relays: 16 } },
        board: 1,
        pulseMs: 100,
        replyBytes: (request) => request, // FC05 is answered with its own echo
        rawOpen: (channel) =>
          encodeModbusRequest({
            unit: 1,
            function: ModbusFunction.writeSingleCoil,
            address: WaveshareCoil.flashOnBase + channel,
            value: 1,
          }),
      };
  }
}
