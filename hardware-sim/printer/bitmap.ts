import { PNG } from 'pngjs';

/** A 1-bit picture of printed paper, one byte per dot (1 = burnt), growing downwards as paper feeds. */
export class Bitmap {
  private dots: Uint8Array;
  height = 0;

  constructor(readonly width: number) {
    this.dots = new Uint8Array(width * 256);
  }

  ensureHeight(height: number): void {
    if (height <= this.height) return;
    if (height * this.width > this.dots.length) {
      const grown = new Uint8Array(Math.max(height * this.width, this.dots.length * 2));
      grown.set(this.dots);
      this.dots = grown;
    }
    this.height = height;
  }

  set(x: number, y: number): void {
    if (x < 0 || x >= this.width || y < 0) return;
    this.ensureHeight(y + 1);
    this.dots[y * this.width + x] = 1;
  }

  get(x: number, y: number): boolean {
    if (x < 0 || x >= this.width || y < 0 || y >= this.height) return false;
    return this.dots[y * this.width + x] === 1;
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    for (let row = y; row < y + h; row++) for (let col = x; col < x + w; col++) this.set(col, row);
  }

  /** Black on white, as thermal paper looks. */
  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: Math.max(1, this.height) });
    for (let i = 0; i < this.width * this.height; i++) {
      const shade = this.dots[i] === 1 ? 0 : 255;
      png.data[i * 4] = shade;
      png.data[i * 4 + 1] = shade;
      png.data[i * 4 + 2] = shade;
      png.data[i * 4 + 3] = 255;
    }
    if (this.height === 0) png.data.fill(255);
    return PNG.sync.write(png);
  }
}
