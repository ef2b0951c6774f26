import { describe, it } from 'vitest';
import { releasedAfterEach } from '../support/release';
import { deadBoardAmongLive, noDoubleFires, opensOnce, shutAtRest } from './board-bus-checks';
import { BoardBusRig, HAVE_SOCAT, warnIfNoSocat } from './board-bus-rig';

/**
 * The daemon drives a bank of Modbus RTU relay + input boards, configured as config/README.md
 * describes, against boards written from the Waveshare "Modbus RTU Relay" wiki and
 * nobrega8/mbmap-library's map of it (hardware-sim modbus-responder.ts: units from 1, the
 * board-timed "flash on" write answered by its echo, door inputs read with FC02).
 */

warnIfNoSocat('Modbus');

const SIZES = 'SSSSSMML'; // an 8-relay board: one door a relay
/** The bank both tests drive, reached one way or the other. */
const BANK = { dialect: 'modbus', boards: [1, 2], sizes: SIZES, baud: 9600 } as const;
const later = releasedAfterEach();

describe('a Modbus relay bank driven by the daemon', () => {
  it('through an echoing, slow gateway: the write echo, then silent unlocks, then a dead board', async () => {
    const rig = await BoardBusRig.create(
      {
        ...BANK,
        via: 'tcp',
        // An FC05 reply is the echo of its request: an adapter's echo must not pass for it.
        wire: { echo: true, lateMs: 40 },
        bus: {
          profile: 'waveshare-8ch',
          // The gateway's 40 ms added to the profile's figures (hardware-install.md, section 3).
          boardProfile: { replyTimeoutMs: { status: 400, open: 400 } },
        },
      },
      later,
    );
    await rig.start();
    await shutAtRest(rig);
    await opensOnce(rig, 14); // unit 2, relay 5
    rig.sim.knobs.silentUnlocks = true; // the relay flashes and the write is never answered
    await opensOnce(rig, 3); // unit 1, relay 2
    await deadBoardAmongLive(rig, { simBoard: 1, configBoard: 2, door: 10 }, 8);
    noDoubleFires(rig, { 14: 1, 3: 1, 8: 1 });
  });

  it.skipIf(!HAVE_SOCAT)(
    'over a serial port: door contacts open on a shut door, with the polarity override',
    async () => {
      const rig = await BoardBusRig.create(
        {
          ...BANK,
          via: 'pty',
          wire: { polarity: 'inverted' },
          bus: { boardProfile: { inputOpenWhenSet: true } },
        },
        later,
      );
      await rig.start();
      await shutAtRest(rig);
      await opensOnce(rig, 9); // unit 2, relay 0
      await opensOnce(rig, 8); // unit 1, relay 7
      noDoubleFires(rig, { 9: 1, 8: 1 });
    },
  );
});
