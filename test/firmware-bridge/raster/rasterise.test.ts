import { describe, expect, it } from 'vitest';
import { Bitmap, drawTextLine, fillOutline, type PathCommand } from '../../../firmware-bridge/raster';

const square = (x: number, y: number, side: number, clockwise: boolean): PathCommand[] => {
  const corners = [
    [x, y],
    [x + side, y],
    [x + side, y + side],
    [x, y + side],
  ];
  if (!clockwise) corners.reverse();
  return [
    { command: 'moveTo', args: corners[0]! },
    ...corners.slice(1).map((c) => ({ command: 'lineTo', args: c })),
    { command: 'closePath', args: [] },
  ];
};

const inked = (page: Bitmap, x0 = 0, y0 = 0, x1 = page.width, y1 = page.height) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (page.get(x, y)) n++;
  return n;
};

const identity = { dx: 0, dy: 40, sx: 1, sy: 1 };

describe('filling outlines', () => {
  it('burns exactly the dots whose centres lie inside a square', () => {
    const page = new Bitmap(64);
    fillOutline(page, square(10, 10, 8, true), identity);
    expect(inked(page)).toBe(64);
    // y is flipped: font units 10..18 up from a baseline at 40 are rows 22..29.
    expect(page.get(10, 22)).toBe(true);
    expect(page.get(17, 29)).toBe(true);
    expect(page.get(18, 29)).toBe(false);
    expect(page.get(10, 30)).toBe(false);
  });

  it('leaves a hole where an inner contour winds the other way (the counter of an "o")', () => {
    const page = new Bitmap(64);
    fillOutline(page, [...square(0, 0, 20, true), ...square(5, 5, 10, false)], identity);
    expect(inked(page)).toBe(400 - 100);
    expect(page.get(10, 30)).toBe(false);
  });

  it('packs rows MSB first for GS v 0', () => {
    const page = new Bitmap(16);
    page.set(0, 0);
    page.set(9, 0);
    page.set(15, 1);
    const { widthBytes, rows } = page.packRows();
    expect(widthBytes).toBe(2);
    expect([...rows]).toEqual([0x80, 0x40, 0x00, 0x01]);
  });
});

describe('drawing Vietnamese text', () => {
  it('puts the tone and shape marks on the letter: ế carries ink above where e has none', () => {
    const style = { bold: false, width: 1, height: 1, align: 'left' as const };
    const plain = new Bitmap(64);
    const marked = new Bitmap(64);
    drawTextLine(plain, 0, 'e', style);
    drawTextLine(marked, 0, 'ế', style);
    const topOfE = [...Array(plain.height).keys()].find((y) => inked(plain, 0, y, 64, y + 1) > 0)!;
    expect(inked(plain, 0, 0, 64, topOfE)).toBe(0);
    expect(inked(marked, 0, 0, 64, topOfE)).toBeGreaterThan(10);
    // The letter itself is the same e (drawn from another subset file, so a dot may differ).
    expect(Math.abs(inked(marked, 0, topOfE, 64, marked.height) - inked(plain))).toBeLessThan(
      inked(plain) / 10,
    );
  });

  it('draws the dot below under ặ, below the baseline of a', () => {
    const style = { bold: false, width: 1, height: 1, align: 'left' as const };
    const plain = new Bitmap(64);
    const marked = new Bitmap(64);
    drawTextLine(plain, 0, 'a', style);
    drawTextLine(marked, 0, 'ặ', style);
    const bottomOfA = [...Array(plain.height).keys()].filter((y) => inked(plain, 0, y, 64, y + 1) > 0).pop()!;
    expect(inked(marked, 0, bottomOfA + 1, 64, marked.height)).toBeGreaterThan(2);
  });
});
