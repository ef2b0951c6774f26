import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoorOutcome } from '../../src/domain/door';
import type { DossierState } from '../../src/store';
import { type Harness, makeHarness } from './harness';
import { collect, deposit, readyDossier } from './walk';

let h: Harness;
beforeEach(() => {
  h = makeHarness({ reclaimAfterDays: 1 });
});
afterEach(() => h.dispose());

/** Each flow: how to bring a dossier to it, how to open its door, and the state while open. */
const FLOWS = {
  deposit: {
    prepare: async () => ({ dossierId: 0, lockerId: 1 }),
    open: () =>
      h.ledger.dropOff.start({ procedureCode: 'BIRTH', applicantName: 'A', applicantPhone: '0900000001' }),
    failedTo: 'cancelled',
    openState: 'reserved',
  },
  collect: {
    prepare: () => deposit(h),
    open: (id: number) => h.ledger.collection.open(id, 'st1'),
    failedTo: 'deposited',
    openState: 'collecting',
  },
  load: {
    prepare: async () => {
      const d = await deposit(h);
      await collect(h, d.dossierId);
      return { dossierId: d.dossierId, lockerId: 1 };
    },
    open: (id: number) => h.ledger.loading.open(id, 'st1'),
    failedTo: 'at_counter',
    openState: 'loading',
  },
  pickup: {
    prepare: () => readyDossier(h),
    open: async (_id: number, qr?: string) => h.ledger.pickup.start({ qr: qr! }),
    failedTo: 'ready',
    openState: 'pickup_open',
  },
  reclaim: {
    prepare: async () => {
      const r = await readyDossier(h);
      h.now.ms += 2 * 86_400_000;
      return r;
    },
    open: (id: number) => h.ledger.reclaim.open(id, 'st1'),
    failedTo: 'ready',
    openState: 'reclaiming',
  },
} as const;

const OUTCOMES: { name: string; outcome: DoorOutcome; lost: boolean }[] = [
  { name: 'refused', outcome: { kind: 'refused', reason: 'cooldown' }, lost: false },
  {
    name: 'link down, never sent',
    outcome: { kind: 'link_down', maybeExecuted: false, detail: 'down' },
    lost: false,
  },
  {
    name: 'link down, maybe executed',
    outcome: { kind: 'link_down', maybeExecuted: true, detail: 'lost' },
    lost: true,
  },
  { name: 'jammed', outcome: { kind: 'jammed' }, lost: true },
  { name: 'already open', outcome: { kind: 'already_open' }, lost: true },
];

describe.each(Object.entries(FLOWS))('%s door outcomes', (_purpose, flow) => {
  it.each(OUTCOMES)('$name', async ({ outcome, lost }) => {
    const prepared = await flow.prepare();
    const qr =
      'issued' in prepared ? (prepared as { issued: { qrPayload: string } }).issued.qrPayload : undefined;
    h.doors.script(prepared.lockerId, outcome);
    const result = await flow.open(prepared.dossierId, qr);
    expect(result).toMatchObject({ ok: false, outcome: outcome.kind, needsInspection: lost });
    const dossier = h.store.dossiers.get(result.dossierId!)!;
    const expected: DossierState = lost ? 'needs_inspection' : flow.failedTo;
    expect(dossier.state).toBe(expected);
    if (lost) expect(dossier.inspectedFrom).toBe(flow.openState);
    expect(h.store.doorOperations.get(result.operationId)!.state).toBe(
      lost ? 'needs_inspection' : 'confirmed',
    );
    expect(h.store.doorOperations.listUnsettled()).toEqual([]);
    const closed = await h.ledger.awaitClose(result.operationId);
    expect(closed).toMatchObject({ outcome: 'not_opened', needsInspection: lost, state: expected });
  });
});
