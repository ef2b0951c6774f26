import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, DOMAIN_MESSAGES, DomainError, isDomainError } from '../../src/domain/errors';

describe('domain errors', () => {
  it('covers the refusals a citizen can meet', () => {
    for (const code of [
      'wrong_code',
      'dossier_locked',
      'kiosk_attempts_capped',
      'no_free_door',
      'door_jammed',
      'link_down',
      'kiosk_maintenance',
      'garbled_scan',
      'already_picked_up',
      'receipt_mistyped',
    ]) {
      expect(DOMAIN_ERROR_CODES).toContain(code);
    }
  });

  it.each(DOMAIN_ERROR_CODES)(
    '%s has a Vietnamese message with diacritics (NFC) and an English one',
    (code) => {
      const { vi, en } = DOMAIN_MESSAGES[code];
      expect(vi).toBe(vi.normalize('NFC'));
      expect(vi).toMatch(/[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i);
      expect(en).toMatch(/^[\x20-\x7e]+$/);
      expect(vi).not.toBe(en);
    },
  );

  it('messages are distinct, so a citizen can tell refusals apart', () => {
    const vi = new Set(DOMAIN_ERROR_CODES.map((c) => DOMAIN_MESSAGES[c].vi));
    expect(vi.size).toBe(DOMAIN_ERROR_CODES.length);
  });

  it('a DomainError carries its code, both messages and ids only', () => {
    const e = new DomainError('door_jammed', { door: 'B1-04' });
    expect(isDomainError(e)).toBe(true);
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('door_jammed');
    expect(e.messageIn('vi')).toBe(DOMAIN_MESSAGES.door_jammed.vi);
    expect(e.message).toBe(DOMAIN_MESSAGES.door_jammed.en);
    expect(e.detail).toEqual({ door: 'B1-04' });
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});
