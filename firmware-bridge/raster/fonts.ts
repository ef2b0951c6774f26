import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Be Vietnam Pro, from the @fontsource package: each subset file holds part of the alphabet
 * (latin has ASCII, vietnamese has ế ữ ặ..., latin-ext has đ Ư...), so each character is drawn
 * from the first file that has it.
 */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;

export interface GlyphPlacement {
  path: { commands: { command: string; args: number[] }[] };
  /** Pen position and offset, in font units. */
  x: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedText {
  glyphs: GlyphPlacement[];
  /** Advance width in font units. */
  width: number;
  unitsPerEm: number;
}

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
}

function open(path: string): fontkit.Font {
  const font = fontkit.openSync(path);
  if (!('layout' in font)) throw new Error(`${path} is a font collection, not a font`);
  return font;
}

export class ReceiptFont {
  private constructor(private readonly faces: fontkit.Font[]) {}

  static load(weight: 400 | 700): ReceiptFont {
    const dir = fontDir();
    return new ReceiptFont(SUBSETS.map((s) => open(join(dir, `be-vietnam-pro-${s}-${weight}-normal.woff`))));
  }

  /** Lays out NFC text run by run, each run in the subset that has its characters. */
  shape(text: string): ShapedText {
    const glyphs: GlyphPlacement[] = [];
    let pen = 0;
    for (const run of this.runs(text.normalize('NFC'))) {
      const laid = run.face.layout(run.text);
      laid.glyphs.forEach((glyph, i) => {
        const position = laid.positions[i]!;
        glyphs.push({ path: glyph.path, x: pen, xOffset: position.xOffset, yOffset: position.yOffset });
        pen += position.xAdvance;
      });
    }
    return { glyphs, width: pen, unitsPerEm: this.faces[0]!.unitsPerEm };
  }

  private faceFor(codePoint: number): fontkit.Font {
    return this.faces.find((f) => f.hasGlyphForCodePoint(codePoint)) ?? this.faces[0]!;
  }

  private runs(text: string): { face: fontkit.Font; text: string }[] {
    const runs: { face: fontkit.Font; text: string }[] = [];
    for (const char of text) {
      const face = this.faceFor(char.codePointAt(0)!);
      const last = runs[runs.length - 1];
      // A combining mark stays with its letter so the layout can place it.
      if (last && (last.face === face || /\p{M}/u.test(char))) last.text += char;
      else runs.push({ face, text: char });
    }
    return runs;
  }
}
