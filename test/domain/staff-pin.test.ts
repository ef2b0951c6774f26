import { describe, expect, it } from 'vitest';
import { hashPin, isValidPin, looksLikePinHash, verifyPin } from '../../src/domain/staff-pin';

describe('staff PIN hashing', () => {
  it('a hash describes itself and verifies only its own PIN', () => {
    const stored = hashPin('482913');
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(stored).not.toContain('482913');
    expect(verifyPin('482913', stored)).toBe(true);
    expect(verifyPin('482914', stored)).toBe(false);
    expect(verifyPin('', stored)).toBe(false);
  });

  it('the same PIN hashes differently each time (a random salt)', () => {
    const a = hashPin('1234');
    const b = hashPin('1234');
    expect(a).not.toBe(b);
    expect(verifyPin('1234', a) && verifyPin('1234', b)).toBe(true);
  });

  it('the cost parameters are read from the stored text, not assumed', () => {
    const stored = hashPin('5555').replace('scrypt$16384$8$1$', 'scrypt$1024$8$1$');
    // Same salt and hash read under other parameters derive another key: refused.
    expect(verifyPin('5555', stored)).toBe(false);
  });

  it('malformed or hostile stored values are refused, not thrown', () => {
    const good = hashPin('2468').split('$');
    const variants = [
      '',
      'plain-text-pin',
      ['bcrypt', ...good.slice(1)].join('$'),
      ['scrypt', '1000', ...good.slice(2)].join('$'), // N not a power of two
      ['scrypt', String(1 << 30), ...good.slice(2)].join('$'), // N beyond the bound
      ['scrypt', '16384', '0', ...good.slice(3)].join('$'),
      [...good.slice(0, 5), ''].join('$'),
      [...good.slice(0, 5), 'c2hvcnQ'].join('$'),
    ];
    for (const v of variants) expect(verifyPin('2468', v)).toBe(false);
  });

  it('PINs are 4-12 digits', () => {
    expect(isValidPin('1234')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
    expect(isValidPin('1234567890123')).toBe(false);
  });

  it('what hashPin writes has the shape the configuration accepts; a PIN in clear has not', () => {
    expect(looksLikePinHash(hashPin('246810'))).toBe(true);
    expect(looksLikePinHash('246810')).toBe(false);
    expect(looksLikePinHash('scrypt$16384$8$1$short$short')).toBe(false);
  });
});
