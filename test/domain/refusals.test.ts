import { describe, expect, it } from 'vitest';
import { DOMAIN_MESSAGES } from '../../src/domain/errors';
import { errorForOpenOutcome, errorForPickup, errorForQr } from '../../src/domain/refusals';
import { DOSSIER_STATES } from '../../src/domain/states';

describe('citizen-facing refusals', () => {
  it('only a ready dossier can start a pickup, and every other state says why', () => {
    for (const s of DOSSIER_STATES) {
      const code = errorForPickup(s);
      if (s === 'ready') expect(code).toBeNull();
      else expect(DOMAIN_MESSAGES[code!], s).toBeDefined();
    }
    expect(errorForPickup('picked_up')).toBe('already_picked_up');
    expect(errorForPickup('deposited')).toBe('not_ready_yet');
  });

  it('door and scan failures map to their messages', () => {
    expect(errorForOpenOutcome('jammed')).toBe('door_jammed');
    expect(errorForOpenOutcome('link_down')).toBe('link_down');
    expect(errorForQr('qr_garbled')).toBe('garbled_scan');
    expect(errorForQr('qr_not_ours')).toBe('not_our_qr');
  });
});
