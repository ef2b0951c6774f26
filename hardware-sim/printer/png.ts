import { PNG } from 'pngjs';
import type { Bitmap } from '../../firmware-bridge/raster';

/** Black on white, as thermal paper looks. */
export function bitmapToPng(page: Bitmap): Buffer {
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
