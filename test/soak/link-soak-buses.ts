import { CU16_REPLY35_PROFILE, type LinkConfig } from '../../firmware-bridge';
import { EIGHTY_PROFILE } from '../../firmware-bridge/eighty/profile';
import { WAVESHARE_8CH_PROFILE } from '../../firmware-bridge/modbus/profile';
import { KERONG_BOARDS, type KnobSettings } from '../../hardware-sim/simulator';

export type SoakDialect = 'line' | 'kerong' | '8a' | 'modbus';
export const SOAK_DIALECTS: readonly SoakDialect[] = ['line', 'kerong', '8a', 'modbus'];

/** One soak bus: how its simulated boards behave and how the link is told about them. */
export interface SoakBus {
  /** The simulator's board behaviour for this dialect (knob settings). */
  wire: Partial<KnobSettings>;
  /** What createLink needs beyond the transport, the shared options and the channels. */
  link: Pick<LinkConfig, 'dialect' | 'kerongProfile' | 'eightyProfile' | 'modbusProfile'>;
  /** The link's number for the simulator's bank board b. */
  address(board: number): number;
  /**
   * Boards that time the pulse themselves: the pulse each open asks for, and a door is opened
   * again only once its previous pulse is over (a relay still on does not switch on again, so
   * the lock would not fire and the open would read jammed, as on a real board).
   */
  pulseMs?: number;
}

/**
 * Each dialect's boards as found in the field, paired with the driver profile that reads them,
 * with time compressed: the simulator runs in instant mode (a lock releases and its door swings
 * at once) on an in-process cable with no line turnaround, so the waits the real defaults leave
 * for the physics only slow the run down. Every shortening is named here:
 *
 * - Kerong: the board kerong-lib drives (status reply 0x35, nothing read back after an unlock,
 *   hook bit 0 = locked; suryavirkapur/kerong-lib), read by the cu16-reply35 profile. Every open
 *   is judged by a status read after the settle window: 50 ms here (1 s by default), no gap
 *   between frames (1 ms), a 10 ms quiet wait after a timeout (50 ms), and an unlock holds the
 *   bus 2 ms for a reply that does not come (the reply timeout, 10 ms in this soak): sixteen
 *   workers share one bus, and at 10 ms a 2,000-operation run took 18 s instead of 8.
 * - 8A/80: the dp2 board (WjlLockDriver.cs: unlock reply header 0x80), read by the default 8a80
 *   profile with 16 locks. The board's unlock reply, about 1 s after the command on real boards
 *   (unlockReplyMs 1000, the simulator's default), leaves at once here: the soak's short reply
 *   timeout would otherwise turn every open into a timeout and a late reply.
 * - Modbus: a Waveshare relay board (flash-on write, door inputs on while shut), read by the
 *   waveshare-8ch profile widened to 16 relays. Opens ask for a 100 ms pulse (the board's
 *   shortest flash, one 100 ms unit; 500 ms by default), and a door waits for its relay to drop
 *   before it is opened again.
 *
 * On the 8A/80 and Modbus buses bank board b answers at address b + 1 (the simulator's rule).
 */
export function soakBus(dialect: SoakDialect): SoakBus {
  switch (dialect) {
    case 'line':
      return { wire: {}, link: { dialect }, address: (b) => b };
    case 'kerong':
      return {
        wire: KERONG_BOARDS['kerong-lib'],
        link: {
          dialect,
          kerongProfile: {
            ...CU16_REPLY35_PROFILE,
            settleMs: 50,
            minGapMs: 0,
            quietAfterTimeoutMs: 10,
            replyTimeoutMs: { unlock: 2 },
          },
        },
        address: (b) => b,
      };
    case '8a':
      return {
        wire: { unlockReplyMs: 0, unlockReplyHeader: 0x80 },
        link: { dialect, eightyProfile: { ...EIGHTY_PROFILE, locks: 16 } },
        address: (b) => b + 1,
      };
    case 'modbus':
      return {
        wire: {},
        link: { dialect, modbusProfile: { ...WAVESHARE_8CH_PROFILE, relays: 16 } },
        address: (b) => b + 1,
        pulseMs: 100,
      };
  }
}
