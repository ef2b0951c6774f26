import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { DOSSIER_STATES } from '../../src/domain/states';
import type { Kiosk } from '../http/harness';

/** Every dossier of the store with its state, applicant and door: what a refused request must not change. */
export function storeSnapshot(k: Kiosk): unknown[] {
  return DOSSIER_STATES.flatMap((state) => k.store.dossiers.listByState(state, 10_000)).map((d) => ({
    id: d.id,
    state: d.state,
    name: d.applicantName,
    phone: d.applicantPhone,
    lockerId: d.lockerId,
  }));
}

/** The stable error shape: exactly { error: { code, message: { vi, en } } }, and nothing else. */
export function expectStableShape(res: LightMyRequestResponse): { code: string } {
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  expect(Object.keys(body.error.message).sort()).toEqual(['en', 'vi']);
  return body.error;
}

/** The answer carries nothing of what was sent (a URL, a value). */
export function expectNoEcho(res: LightMyRequestResponse, sent: string): void {
  if (sent.length < 4) return; // Too short to tell an echo from the catalogue's own words.
  expect(res.body).not.toContain(sent);
}
