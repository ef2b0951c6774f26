import { describe, expect, it } from 'vitest';
import { sealForOutbox, unsealFromOutbox } from '../../src/ledger';

const KEY = Buffer.alloc(32, 3);

describe('sealed outbox values', () => {
  it('round-trips, and never shows the plain value', () => {
    const sealed = sealForOutbox('12345678', 7, KEY);
    expect(sealed).not.toContain('12345678');
    expect(unsealFromOutbox(sealed, 7, KEY)).toBe('12345678');
    // A fresh IV each time: the same code never seals the same way twice.
    expect(sealForOutbox('12345678', 7, KEY)).not.toBe(sealed);
  });

  it('refuses another kiosk key, another dossier, and any altered byte', () => {
    const sealed = sealForOutbox('12345678', 7, KEY);
    expect(() => unsealFromOutbox(sealed, 7, Buffer.alloc(32, 4))).toThrow();
    expect(() => unsealFromOutbox(sealed, 8, KEY)).toThrow();
    const raw = Buffer.from(sealed.split('.')[1]!, 'base64url');
    for (const at of [0, 12, 20, raw.length - 1]) {
      const bent = Buffer.from(raw);
      bent[at] = bent[at]! ^ 1;
      expect(() => unsealFromOutbox(`s1.${bent.toString('base64url')}`, 7, KEY)).toThrow();
    }
    expect(() => unsealFromOutbox('12345678', 7, KEY)).toThrow(/not a sealed/);
  });
});
