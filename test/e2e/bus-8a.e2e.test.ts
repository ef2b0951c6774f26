import { describe, it } from 'vitest';
import { releasedAfterEach } from '../support/release';
import { deadBoardAmongLive, noDoubleFires, opensOnce, shutAtRest } from './board-bus-checks';
import { BoardBusRig, HAVE_SOCAT, warnIfNoSocat } from './board-bus-rig';

/**
 * The daemon drives a bank of generic 8A/80 boards, configured as config/README.md describes,
 * against boards written from the vendor manual as DigitalPlatform/dp2 WjlLockDriver.cs quotes
 * it (hardware-sim lock8a-responder.ts: addresses from 1, XOR check byte, the unlock answered
 * about 1 s later).
 */

warnIfNoSocat('8A/80');

const SIZES = 'SSSSSMML';
/** The bank both tests drive, reached one way or the other. */
const BANK = { dialect: '8a', boards: [1, 2], sizes: SIZES, baud: 9600 } as const;
const later = releasedAfterEach();

describe('an 8A/80 bank driven by the daemon', () => {
  it('through an echoing, slow gateway: 8A-headed replies, then silent unlocks, then a dead board', async () => {
    const rig = await BoardBusRig.create(
      {
        ...BANK,
        via: 'tcp',
        // The unlock reply `8A BB LL 11 X` is byte for byte the request: the echo must not pass for it.
        wire: { unlockReplyHeader: 0x8a, echo: true, lateMs: 40 },
        bus: {
          profile: '8a80-reply8a',
          // The gateway's 40 ms added to the profile's figures (hardware-install.md, section 3).
          boardProfile: { replyTimeoutMs: { status: 300, open: 1400 } },
        },
      },
      later,
    );
    await rig.start();
    await shutAtRest(rig);
    await opensOnce(rig, 11); // address 2, lock 3
    rig.sim.knobs.silentUnlocks = true; // the unlock fires and is never answered
    await opensOnce(rig, 2); // address 1, lock 2
    await deadBoardAmongLive(rig, { simBoard: 1, configBoard: 2, door: 9 }, 4);
    noDoubleFires(rig, { 11: 1, 2: 1, 4: 1 });
  });

  it.skipIf(!HAVE_SOCAT)(
    'over a serial port: inverted switches, 0x80 replies, with the polarity override',
    async () => {
      const rig = await BoardBusRig.create(
        {
          ...BANK,
          via: 'pty',
          wire: { unlockReplyHeader: 0x80, polarity: 'inverted' },
          bus: { profile: '8a80', boardProfile: { boardBitLocked: false } },
        },
        later,
      );
      await rig.start();
      await shutAtRest(rig);
      await opensOnce(rig, 16); // address 2, lock 8
      await opensOnce(rig, 1); // address 1, lock 1
      noDoubleFires(rig, { 16: 1, 1: 1 });
    },
  );
});
