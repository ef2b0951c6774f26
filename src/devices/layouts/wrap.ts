/**
 * Word wrap for a fixed-pitch printer line. Counts characters in NFC, where one Vietnamese letter
 * is one cell whatever its marks. A word longer than a line is split.
 */
export function wrapText(text: string, columns: number): string[] {
  if (columns < 1) throw new RangeError('columns must be at least 1');
  const lines: string[] = [];
  let current: string[] = [];
  for (const word of text
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w !== '')) {
    let chars = [...word];
    while (chars.length > columns) {
      if (current.length > 0) lines.push(current.join(''));
      lines.push(chars.slice(0, columns).join(''));
      chars = chars.slice(columns);
      current = [];
    }
    const candidate = current.length === 0 ? chars : [...current, ' ', ...chars];
    if (candidate.length <= columns) current = candidate;
    else {
      lines.push(current.join(''));
      current = chars;
    }
  }
  if (current.length > 0) lines.push(current.join(''));
  return lines;
}

/** DD/MM/YYYY, the way dates are written in Vietnam, from an ISO date. */
export function vietnameseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}
