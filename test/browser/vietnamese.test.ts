import { describe, expect, it } from 'vitest';
import { typeKey } from '../../src/pages/shared/keyboard.js';
import { applyTone, tonePosition } from '../../src/pages/shared/vietnamese.js';

/** Keys as the on-screen keyboard sends them, a word's tone after the word. */
function typeKeys(keys: string[]): string {
  return keys.reduce((value, key) => typeKey(value, key, { maxLength: 60, capitalizeWords: true }), '');
}

describe('Vietnamese typing on the on-screen keyboard', () => {
  it('types "Nguyễn Thị Ánh" in NFC from letter, mark and tone keys', () => {
    const typed = typeKeys([
      ...['n', 'g', 'u', 'y', 'ê', 'n', 'tone:nga', 'space'],
      ...['t', 'h', 'i', 'tone:nang', 'space'],
      ...['a', 'n', 'h', 'tone:sac'],
    ]);
    expect(typed).toBe('Nguyễn Thị Ánh');
    expect(typed).toBe(typed.normalize('NFC'));
    expect(Array.from(typed)).toHaveLength(14);
  });

  it('places the tone where a reader expects it', () => {
    const cases: [string, Parameters<typeof applyTone>[1], string][] = [
      ['Hoang', 'huyen', 'Hoàng'],
      ['hoa', 'huyen', 'hòa'],
      ['ngoai', 'huyen', 'ngoài'],
      ['tiên', 'sac', 'tiến'],
      ['quy', 'sac', 'quý'],
      ['gia', 'sac', 'giá'],
      ['Mươi', 'huyen', 'Mười'],
      ['Trương', 'nga', 'Trưỡng'],
      ['Thuy', 'hoi', 'Thủy'],
    ];
    for (const [word, tone, expected] of cases) expect(applyTone(word, tone), word).toBe(expected);
  });

  it('replaces a tone with another, takes it off when pressed twice, and ignores words without vowels', () => {
    expect(applyTone('Lý', 'huyen')).toBe('Lỳ');
    expect(applyTone('Lý', 'sac')).toBe('Ly');
    expect(applyTone('Văn Tâm', 'huyen')).toBe('Văn Tầm');
    expect(applyTone('Ng', 'sac')).toBe('Ng');
    expect(tonePosition([])).toBe(-1);
  });

  it('never starts with a space nor doubles one, deletes whole letters, and stops at the limit', () => {
    expect(typeKeys(['space', 'a', 'space', 'space', 'b'])).toBe('A B');
    expect(typeKey('Ánh', 'backspace', { maxLength: 10 })).toBe('Án');
    expect(typeKey('12', '3', { maxLength: 2 })).toBe('12');
  });
});
