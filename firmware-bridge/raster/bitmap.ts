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

  /** Rows of whole bytes, MSB = leftmost dot, 1 = black: the layout GS v 0 and PNG both start from. */
  packRows(): { widthBytes: number; rows: Uint8Array } {
    const widthBytes = Math.ceil(this.width / 8);
    const rows = new Uint8Array(widthBytes * this.height);
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        if (this.dots[y * this.width + x] === 1) rows[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
    return { widthBytes, rows };
  }
}
