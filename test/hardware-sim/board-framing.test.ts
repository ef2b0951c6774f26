import { afterEach, describe, expect, it } from 'vitest';
import { FrameBuffer } from '../../hardware-sim/frame-buffer';
import { seededRandom } from '../../hardware-sim/prng';
import type { Dialect } from '../../hardware-sim/simulator';
import { byteBus, bytesOf, hex } from './byte-host';

/**
 * The boards find their frames the way a real board must: after garbage, across any chunking,
 * and never from a corrupted frame. Frames: Kerong `02 00 30 03 35` (hardware.md, kerong-lib),
 * 8A/80 `80 01 00 33 B2` (dp2 WjlLockDriver.cs), Modbus `01 01 00 00 00 08 3D CC` (Waveshare wiki).
 */
const CASES: { dialect: Dialect; request: string; reply: string }[] = [
  // The default Kerong board replies 0x35 (kerong-lib's RESP_STATE), hook bit 1 = locked.
  { dialect: 'kerong', request: '02 00 30 03 35', reply: '02 00 35 ff ff 00 00 03 38' },
  { dialect: '8a', request: '80 01 00 33 b2', reply: '80 01 ff ff ff ff 33 b2' },
  { dialect: 'modbus', request: '01 01 00 00 00 08 3d cc', reply: '01 01 01 00 51 88' },
];

let bus: Awaited<ReturnType<typeof byteBus>> | null = null;
afterEach(async () => {
  await bus?.stop();
  bus = null;
});

describe.each(CASES)('$dialect boards', ({ dialect, request, reply }) => {
  it('answer a frame after random garbage, split into random chunks, exactly once', async () => {
    const random = seededRandom(dialect.length * 7919);
    for (let round = 0; round < 20; round++) {
      bus = await byteBus({ dialect, boards: 1, doors: 16, baud: 'instant' });
      // Garbage without a frame start, so the only frame on the line is the one sent.
      const starts = new Set([0x02, 0x80, 0x8a, 0x01]);
      const garbage = Array.from({ length: random.int(0, 12) }, () => random.int(0, 255)).filter(
        (b) => !starts.has(b),
      );
      const bytes = Buffer.concat([Buffer.from(garbage), bytesOf(request)]);
      for (let at = 0; at < bytes.length; ) {
        const size = random.int(1, 4);
        await bus.send(hex(bytes.subarray(at, at + size)));
        at += size;
      }
      expect(bus.take()).toBe(reply);
      await bus.stop();
      bus = null;
    }
  });

  it('never accept a frame with any single bit flipped', async () => {
    bus = await byteBus({ dialect, boards: 1, doors: 16, baud: 'instant' });
    const frame = bytesOf(request);
    for (let i = 0; i < frame.length * 8; i++) {
      const bad = Buffer.from(frame);
      bad[i >> 3] = bad[i >> 3]! ^ (1 << (i % 8));
      await bus.send(hex(bad));
    }
    expect(bus.take()).toBe('');
    expect(bus.sim.fires).toEqual([]);
    // And the board still reads the next good frame.
    await bus.send(request);
    expect(bus.take()).toBe(reply);
  });
});

describe('the frame buffer of a board', () => {
  it('never grows past its limit on a noisy line, handing back what it drops', () => {
    const buffer = new FrameBuffer(64);
    let dropped = 0;
    for (let i = 0; i < 100; i++) dropped += buffer.push(Buffer.alloc(10, 0x55))?.length ?? 0;
    expect(buffer.length).toBe(64);
    expect(dropped).toBe(1000 - 64);
  });
});
