import { createRequire } from 'node:module';
import type { PNG as PngClass } from 'pngjs';
import type { Bitmap } from '../../firmware-bridge/raster';

/** pngjs is loaded on the first slip drawn, not when the demo daemon starts (about 30 ms). */
const loadPng = (): typeof PngClass =>
  (createRequire(import.meta.url)('pngjs') as { PNG: typeof PngClass }).PNG;

/** Black on white, as thermal paper looks. */
export function bitmapToPng(page: Bitmap): Buffer {
  const PNG = loadPng();
  const png = new PNG({ width: page.width, height: Math.max(1, page.height) });
  png.data.fill(255);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (!page.get(x, y)) continue;
      const at = (y * page.width + x) * 4;
      png.data[at] = 0;
      png.data[at + 1] = 0;
      png.data[at + 2] = 0;
    }
  }
  return PNG.sync.write(png);
}
