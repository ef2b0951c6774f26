// @ts-check
/**
 * Charts as inline SVG drawn here (no chart library): bars by month, a two-part ring. Colours
 * are paired with labels and values in text, so nothing is said by colour alone.
 */

const NS = 'http://www.w3.org/2000/svg';

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {...(SVGElement | string)} children
 */
function s(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/**
 * An empty drawing of the given size, named for screen readers by `label` and titled `title`.
 * @param {string} title @param {string} label @param {number} width @param {number} height
 */
function chartSvg(title, label, width, height) {
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'img',
    'aria-label': label,
  });
  svg.append(s('title', {}, title));
  return svg;
}

/** The words a chart with no figures shows in their place. @param {number} x @param {number} y @param {string} text */
function emptyNote(x, y, text) {
  return s('text', { x, y, 'text-anchor': 'middle', 'font-size': 14, fill: '#4b5563' }, text);
}

/**
 * Grouped bars: one group per label, one bar per series. With more groups than a reader can
 * label (a month's days), only every `labelEvery`-th label is written and the values go in each
 * bar's tooltip instead of over it, where they would overlap.
 * @param {{ title: string, labels: string[], series: { name: string, colour: string, values: (number | null)[] }[],
 *   format?: (v: number) => string, empty?: string, labelEvery?: number, width?: number }} chart
 *   `width` in the drawing's units: a wider drawing keeps its text the size of the others' when
 *   shown wider.
 */
export function barChart({
  title,
  labels,
  series,
  format = String,
  empty = '',
  labelEvery = 1,
  width = 560,
}) {
  const height = 260;
  const left = 40;
  const bottom = 40;
  const top = 30;
  const plotH = height - bottom - top;
  const max = Math.max(1, ...series.flatMap((x) => x.values.map((v) => v ?? 0)));
  const groupW = (width - left - 10) / Math.max(1, labels.length);
  // The gap between groups shrinks with the group so that 31 days still get bars a finger wide.
  const barW = Math.min(36, (groupW * 0.8) / series.length);
  const crowded = labels.length > 12;
  const svg = chartSvg(title, title, width, height);
  for (const f of max >= 2 ? [0, 0.5, 1] : [0, 1]) {
    const y = top + plotH * (1 - f);
    svg.append(s('line', { x1: left, x2: width - 5, y1: y, y2: y, stroke: '#d1d5db' }));
    svg.append(
      s(
        'text',
        { x: left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#374151' },
        format(max * f),
      ),
    );
  }
  labels.forEach((label, i) => {
    const gx = left + i * groupW + (groupW - barW * series.length) / 2;
    series.forEach((x, j) => {
      const v = x.values[i] ?? 0;
      const bh = (v / max) * plotH;
      const bx = gx + j * barW;
      svg.append(
        s(
          'rect',
          {
            x: bx + 1,
            y: top + plotH - bh,
            width: Math.max(1, barW - 2),
            height: bh,
            fill: x.colour,
            'data-series': j,
            'data-index': i,
            'data-value': v,
          },
          s('title', {}, `${x.name} ${label}: ${format(v)}`),
        ),
      );
      svg.append(
        s(
          'text',
          {
            x: bx + barW / 2,
            y: top + plotH - bh - 4,
            'text-anchor': 'middle',
            'font-size': 11,
            fill: '#111827',
          },
          v > 0 && !crowded ? format(v) : '',
        ),
      );
    });
    if (i % labelEvery !== 0 && i !== labels.length - 1) return;
    svg.append(
      s(
        'text',
        {
          x: left + i * groupW + groupW / 2,
          y: height - bottom + 16,
          'text-anchor': 'middle',
          'font-size': 12,
          fill: '#111827',
        },
        label,
      ),
    );
  });
  if (series.every((x) => x.values.every((v) => !v)))
    svg.append(emptyNote((left + width) / 2, top + plotH / 2, empty));
  series.forEach((x, j) => {
    const lx = left + j * 170;
    svg.append(s('rect', { x: lx, y: 6, width: 14, height: 14, fill: x.colour }));
    svg.append(s('text', { x: lx + 20, y: 18, 'font-size': 12, fill: '#111827' }, x.name));
  });
  return svg;
}

/**
 * A ring split in two (on time / late), the share written in the middle.
 * @param {{ title: string, a: { name: string, value: number, colour: string },
 *   b: { name: string, value: number, colour: string }, centre: string }} chart
 */
export function ringChart({ title, a, b, centre }) {
  const r = 90;
  const c = 2 * Math.PI * r;
  const total = a.value + b.value;
  const share = total === 0 ? 0 : a.value / total;
  const svg = chartSvg(title, `${title}: ${centre}`, 560, 260);
  svg.append(
    s('circle', {
      cx: 140,
      cy: 130,
      r,
      fill: 'none',
      stroke: total === 0 ? '#e5e7eb' : b.colour,
      'stroke-width': 34,
    }),
  );
  if (total > 0)
    svg.append(
      s('circle', {
        cx: 140,
        cy: 130,
        r,
        fill: 'none',
        stroke: a.colour,
        'stroke-width': 34,
        'stroke-dasharray': `${c * share} ${c}`,
        transform: 'rotate(-90 140 130)',
      }),
    );
  svg.append(
    s(
      'text',
      {
        x: 140,
        y: 136,
        'text-anchor': 'middle',
        'font-size': total === 0 ? 14 : 24,
        'font-weight': 700,
        fill: '#111827',
      },
      centre,
    ),
  );
  [a, b].forEach((x, i) => {
    svg.append(s('rect', { x: 290, y: 100 + i * 36, width: 16, height: 16, fill: x.colour }));
    svg.append(
      s('text', { x: 314, y: 113 + i * 36, 'font-size': 15, fill: '#111827' }, `${x.name}: ${x.value}`),
    );
  });
  return svg;
}

/**
 * Horizontal bars, one row per item, longest first as given: the item's name above its bar, the
 * count and share after it. For the share of each procedure, whose names are too long for a
 * column chart's axis.
 * @param {{ title: string, rows: { name: string, value: number, share: number }[], colour: string,
 *   empty?: string, format?: (row: { value: number, share: number }) => string }} chart
 */
export function shareChart({ title, rows, colour, empty = '', format = (r) => `${r.value}` }) {
  const width = 560;
  const rowH = 44;
  const top = 10;
  const left = 10;
  const valueW = 150;
  const height = Math.max(80, top + rows.length * rowH + 6);
  const max = Math.max(0, ...rows.map((r) => r.share));
  const svg = chartSvg(title, title, width, height);
  if (rows.length === 0) {
    svg.append(emptyNote(width / 2, height / 2 + 5, empty));
    return svg;
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const bw = max === 0 ? 0 : (r.share / max) * (width - left - valueW);
    svg.append(s('text', { x: left, y: y + 13, 'font-size': 13, fill: '#111827' }, r.name));
    svg.append(
      s(
        'rect',
        { x: left, y: y + 18, width: bw, height: 18, fill: colour, 'data-share': r.share },
        s('title', {}, `${r.name}: ${format(r)}`),
      ),
    );
    svg.append(s('text', { x: left + bw + 8, y: y + 32, 'font-size': 13, fill: '#111827' }, format(r)));
  });
  return svg;
}
