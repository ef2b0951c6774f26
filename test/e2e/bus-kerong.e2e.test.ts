import { describe, expect, it } from 'vitest';
import { KERONG_BOARDS } from '../../hardware-sim/simulator';
import { releasedAfterEach } from '../support/release';
import { deadBoardAmongLive, noDoubleFires, opensOnce, shutAtRest } from './board-bus-checks';
import { BoardBusRig, HAVE_SOCAT, warnIfNoSocat } from './board-bus-rig';

/**
 * The daemon drives a bank of Kerong CU16 boards, configured as config/README.md describes,
 * against boards that answer as the public drivers read them (hardware-sim kerong-responder.ts:
 * julio-alv/lkaas-kerong and suryavirkapur/kerong-lib; frames in the shared hardware.md).
 */

warnIfNoSocat('Kerong');

const SIZES = 'SSSSSSSSSSMMMMLL';
/** The bank both tests drive, reached one way or the other. */
const BANK = { dialect: 'kerong', boards: [0, 1], sizes: SIZES, baud: 19200 } as const;
const later = releasedAfterEach();

describe('a Kerong CU16 bank driven by the daemon', () => {
  it('through an echoing, slow gateway: no reply to unlocks, then a dead board among live ones', async () => {
    const rig = await BoardBusRig.create(
      {
        ...BANK,
        via: 'tcp',
        // lkaas-kerong's board: status echoed as 0x30, latch bit 1 = closed, nothing after an unlock;
        // behind a gateway that sends our bytes back and answers 40 ms late.
        wire: { ...KERONG_BOARDS['lkaas-kerong'], echo: true, lateMs: 40 },
        bus: {
          profile: 'cu16',
          // hardware-install.md: a gateway's latency is added to the link's and the profile's timeouts.
          link: { replyTimeoutMs: 500 },
          boardProfile: { replyTimeoutMs: { status: 500 }, quietAfterTimeoutMs: 100 },
        },
      },
      later,
    );
    await rig.start();
    await shutAtRest(rig);
    await opensOnce(rig, 20); // board 1, lock 3
    await opensOnce(rig, 5); // board 0, lock 4
    // The gateway's echo reached the daemon and was dropped, not taken for replies.
    expect((await rig.linkStats()).echoBytes).toBeGreaterThan(0);
    await deadBoardAmongLive(rig, { simBoard: 1, configBoard: 1, door: 17 }, 7);
    noDoubleFires(rig, { 20: 1, 5: 1, 7: 1 });
  });

  it.skipIf(!HAVE_SOCAT)(
    'over a serial port: kerong-lib boards (0x35 replies, hook bit 0 = locked) with the polarity override',
    async () => {
      const rig = await BoardBusRig.create(
        {
          ...BANK,
          via: 'pty',
          wire: KERONG_BOARDS['kerong-lib'],
          bus: { boardProfile: { hookActiveHigh: false }, link: { replyTimeoutMs: 500 } },
        },
        later,
      );
      await rig.start();
      await shutAtRest(rig);
      await opensOnce(rig, 30); // board 1, lock 14

      // A citizen drops a dossier off: the door the kiosk names opens, the dossier goes in.
      const start = await rig.kiosk!.call<{ ticket: string; door: number }>('POST', '/dropoffs', {
        procedureCode: 'HKD-01',
        name: 'Phạm Thị Hồng Nhung',
        phone: '0903111222',
      });
      expect(start.status, start.text).toBe(201);
      const door = start.body.door;
      await rig.fillAndShut(door);
      const done = await rig.kiosk!.call<{ status: string }>(
        'GET',
        `/dropoffs/${start.body.ticket}?waitMs=10000`,
      );
      expect(done.body.status, done.text).toBe('deposited');
      noDoubleFires(rig, { 30: 1, [door]: 1 });
    },
  );
});
