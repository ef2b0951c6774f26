import { afterEach, describe, expect, it } from 'vitest';
import { createLink, LinkError, type LockerLink } from '../../../firmware-bridge';
import { duplexPair } from '../../../firmware-bridge/duplex-pair';
import {
  EIGHTY_PROFILE,
  EightyDecoder,
  encodeEightyReply,
  writeEightyBoard,
} from '../../../firmware-bridge/eighty/codec';
import { FAST_PATIENT as OPTIONS } from '../../support/fixtures';

/**
 * A bare 8A/80 board on the other end of an in-memory cable, answering as the manual quoted in
 * dp2 WjlLockDriver.cs describes: a whole-board query with 80 BB [25-32][17-24][9-16][1-8] 33 X,
 * an unlock with 80 BB LL SS X once the lock has moved. Its locks spring open when unlocked.
 */
function board(address: number) {
  const [host, wire] = duplexPair();
  const locked = Array(8).fill(true) as boolean[];
  const unlocks: number[] = [];
  const decoder = new EightyDecoder('requests');
  wire.on('data', (chunk: Buffer) => {
    for (const item of decoder.push(chunk)) {
      if (item.kind !== 'frame' || !('board' in item.frame) || item.frame.board !== address) continue;
      const frame = item.frame;
      if (frame.kind === 'query_board') {
        wire.write(
          encodeEightyReply({
            kind: 'board',
            board: address,
            bits: writeEightyBoard(locked, EIGHTY_PROFILE),
          }),
        );
      } else if (frame.kind === 'unlock') {
        unlocks.push(frame.lock);
        locked[frame.lock - 1] = false;
        wire.write(
          encodeEightyReply({ kind: 'lock', header: 0x80, board: address, lock: frame.lock, state: 0x11 }),
        );
      }
    }
  });
  return { connect: () => host, locked, unlocks };
}

describe('an 8A/80 bus through the link', () => {
  let link: LockerLink | null = null;
  afterEach(async () => {
    await link?.stop();
    link = null;
  });

  it('reads board 7 at connect and opens its door 2 with one unlock of lock 3', async () => {
    const b = board(7);
    link = createLink({ transport: b.connect, dialect: '8a', boards: [7], options: OPTIONS });
    await link.start();
    expect(link.snapshot()).toEqual([
      { board: 7, doors: Array(8).fill({ locked: true, open: false, present: null }) },
    ]);
    const outcome = await link.open({ board: 7, channel: 2 });
    expect(outcome.kind).toBe('opened');
    expect(b.unlocks).toEqual([3]);
  });

  it('refuses board 0 and 65 in the configuration, naming the field', () => {
    for (const bad of [0, 65]) {
      expect(() => createLink({ transport: () => duplexPair()[0], dialect: '8a', boards: [bad] })).toThrow(
        LinkError,
      );
    }
    expect(() =>
      createLink({
        transport: () => duplexPair()[0],
        dialect: '8a',
        eightyProfile: { ...EIGHTY_PROFILE, locks: 40 },
      }),
    ).toThrow(/locks/);
  });
});
