import { describe, expect, it } from 'vitest';
import { eventForOpenOutcome } from '../../src/domain/door-outcome';
import { transition } from '../../src/domain/lifecycle';

describe('open outcomes as ledger events', () => {
  it('an opened door waits for its close', () => {
    expect(eventForOpenOutcome({ kind: 'opened' })).toBeNull();
  });

  it('a refusal, or a link that surely never carried the command, means the door never opened', () => {
    expect(eventForOpenOutcome({ kind: 'refused', reason: 'cooldown' })).toEqual({ type: 'door_failed' });
    expect(eventForOpenOutcome({ kind: 'link_down', maybeExecuted: false, detail: 'no port' })).toEqual({
      type: 'door_failed',
    });
  });

  it('anything unconfirmed goes to inspection, never to "not opened"', () => {
    for (const outcome of [
      { kind: 'link_down', maybeExecuted: true, detail: 'timeout after send' },
      { kind: 'jammed' },
      { kind: 'already_open' },
    ] as const) {
      const event = eventForOpenOutcome(outcome);
      expect(event).toEqual({ type: 'lost_track' });
      // A pickup whose outcome is unknown keeps the result on the books as possibly inside.
      expect(transition({ state: 'pickup_open' }, event!, 'system')).toMatchObject({
        next: 'needs_inspection',
      });
    }
  });
});
