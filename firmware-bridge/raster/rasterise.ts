import type { Bitmap } from './bitmap';

/** A glyph outline command as fontkit gives it (font units, y pointing up). */
export interface PathCommand {
  command: string;
  args: number[];
}

/** Font units to dots: x' = dx + x * sx, y' = dy - y * sy (the page's y points down). */
export interface Placement {
  dx: number;
  dy: number;
  sx: number;
  sy: number;
}

type Edge = [x0: number, y0: number, x1: number, y1: number];
const CURVE_STEPS = 8;

/** Flattens an outline into straight edges in dot coordinates. */
function edgesOf(commands: readonly PathCommand[], p: Placement): Edge[] {
  const edges: Edge[] = [];
  const map = (x: number, y: number): [number, number] => [p.dx + x * p.sx, p.dy - y * p.sy];
  let start: [number, number] = [0, 0];
  let pen: [number, number] = [0, 0];
  const lineTo = (to: [number, number]) => {
    edges.push([pen[0], pen[1], to[0], to[1]]);
    pen = to;
  };
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') {
      if (pen[0] !== start[0] || pen[1] !== start[1]) lineTo(start);
      start = map(a[0]!, a[1]!);
      pen = start;
    } else if (command === 'lineTo') {
      lineTo(map(a[0]!, a[1]!));
    } else if (command === 'quadraticCurveTo') {
      const [x0, y0] = pen;
      const [cx, cy] = map(a[0]!, a[1]!);
      const [x1, y1] = map(a[2]!, a[3]!);
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        lineTo([u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1]);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = pen;
      const [ax, ay] = map(a[0]!, a[1]!);
      const [bx, by] = map(a[2]!, a[3]!);
      const [x1, y1] = map(a[4]!, a[5]!);
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        const x = u * u * u * x0 + 3 * u * u * t * ax + 3 * u * t * t * bx + t * t * t * x1;
        const y = u * u * u * y0 + 3 * u * u * t * ay + 3 * u * t * t * by + t * t * t * y1;
        lineTo([x, y]);
      }
    } else if (command === 'closePath') {
      lineTo(start);
    }
  }
  if (pen[0] !== start[0] || pen[1] !== start[1]) lineTo(start);
  return edges;
}

/**
 * Fills an outline with the non-zero winding rule, sampling each dot at its centre: a dot is
 * burnt when its centre lies inside the glyph, as a 203 dpi head would render it.
 */
export function fillOutline(bitmap: Bitmap, commands: readonly PathCommand[], placement: Placement): void {
  const edges = edgesOf(commands, placement).filter((e) => e[1] !== e[3]);
  if (edges.length === 0) return;
  const top = Math.max(0, Math.floor(Math.min(...edges.map((e) => Math.min(e[1], e[3])))));
  const bottom = Math.ceil(Math.max(...edges.map((e) => Math.max(e[1], e[3]))));
  for (let y = top; y < bottom; y++) {
    const sy = y + 0.5;
    const crossings: [number, number][] = [];
    for (const [x0, y0, x1, y1] of edges) {
      if (sy < Math.min(y0, y1) || sy >= Math.max(y0, y1)) continue;
      crossings.push([x0 + ((sy - y0) * (x1 - x0)) / (y1 - y0), y1 > y0 ? 1 : -1]);
    }
    crossings.sort((a, b) => a[0] - b[0]);
    let winding = 0;
    let spanStart = 0;
    for (const [x, direction] of crossings) {
      const before = winding;
      winding += direction;
      if (before === 0 && winding !== 0) spanStart = x;
      else if (before !== 0 && winding === 0) {
        for (let px = Math.ceil(spanStart - 0.5); px + 0.5 < x; px++) bitmap.set(px, y);
      }
    }
  }
}
