import { describe, expect, it } from 'vitest';
import { dropOff, loadResult, refusalOf } from './flows';
import { rigPerTest } from './harness';

const start = rigPerTest();
const DAY_MS = 86_400_000;

describe("the counter's work in the kiosk layer", { timeout: 30_000 }, () => {
  it('finds a dossier held by staff by its receipt number or its scanned receipt, else not found', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    const { staffDesk } = k.kiosk;
    expect(await refusalOf(() => staffDesk.find(dropped.receipt.receiptNo))).toBe('not_found'); // still in its door
    const opened = await staffDesk.collect(dropped.dossierId, 'staff1');
    k.sim.takeItem(0, k.channel(opened.door));
    k.sim.closeDoor(0, k.channel(opened.door));
    await k.ledger.awaitClose(opened.operationId);
    expect(staffDesk.find(` ${dropped.receipt.receiptNo} `)).toMatchObject({ dossierId: dropped.dossierId });
    expect(staffDesk.find(dropped.receipt.qrPayload)).toMatchObject({ dossierId: dropped.dossierId });
  });

  it('a reminder is queued and audited only for a result waiting in its door', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    const { reminders } = k.kiosk;
    expect(await refusalOf(() => reminders.remind(dropped.dossierId, 'staff1'))).toBe('not_allowed');
    expect(await refusalOf(() => reminders.remind(9999, 'staff1'))).toBe('not_found');
    await loadResult(k, dropped.dossierId);
    reminders.remind(dropped.dossierId, 'staff1');
    const queued = k.store.outbox
      .due(Number.MAX_SAFE_INTEGER, 100)
      .filter((m) => m.kind === 'pickup_reminder');
    expect(queued).toEqual([expect.objectContaining({ dossierId: dropped.dossierId })]);
    expect(k.store.audit.list(0, 1000).filter((a) => a.action === 'dossier.reminded')).toEqual([
      expect.objectContaining({ actor: 'staff:staff1', subject: `dossier:${dropped.dossierId}` }),
    ]);
  });

  it('late dossiers and their apology letter; a dossier on time has none', async () => {
    const k = await start();
    const dropped = await dropOff(k);
    const { lateDossiers } = k.kiosk;
    expect(await refusalOf(() => lateDossiers.apology(dropped.dossierId))).toBe('not_allowed');
    k.now.ms += 10 * DAY_MS;
    expect(k.ledger.late.run()).toBe(1);
    expect(lateDossiers.list()).toEqual([
      expect.objectContaining({ dossierId: dropped.dossierId, appointmentDate: '2026-11-26' }),
    ]);
    const { letter } = lateDossiers.apology(dropped.dossierId);
    expect(letter.vi).toContain('26/11/2026');
    expect(letter.en).toContain(k.config.kioskName);
    expect(await refusalOf(() => lateDossiers.apology(9999))).toBe('not_found');
  });

  it("today's figures follow the injected clock into the kiosk's day", async () => {
    const k = await start();
    await dropOff(k);
    const { reportFigures } = k.kiosk;
    expect(reportFigures.today()).toMatchObject({ from: '2026-11-23', to: '2026-11-23', received: 1 });
    // 17:00 UTC is midnight in Ho Chi Minh City: the next local day has received nothing yet.
    k.now.ms = Date.parse('2026-11-23T17:00:00Z');
    expect(reportFigures.today()).toMatchObject({ from: '2026-11-24', received: 0 });
    const csv = reportFigures.monthCsv('2026-11').split('\r\n');
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['from', 'to', 'received']);
    expect(csv[1]!.split(',').slice(0, 3)).toEqual(['2026-11-01', '2026-11-30', '1']);
  });
});
