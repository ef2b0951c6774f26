import { describe, expect, it } from 'vitest';
import { refusalOf } from './flows';
import { CITIZEN, rigPerTest, until } from './harness';

const start = rigPerTest();

describe('a drop-off in the kiosk layer', { timeout: 30_000 }, () => {
  it('opens a door, tells the screen, and gives the receipt once after the close; the slip prints then', async () => {
    const k = await start();
    const { dropOffs } = k.kiosk;
    const { ticket, door } = await dropOffs.start(CITIZEN);
    expect(door).toBe(1);
    expect(k.published).toContainEqual({ type: 'progress', flow: 'dropoff', door, status: 'door_open' });
    expect(await dropOffs.progress(ticket, 0)).toEqual({ status: 'door_open', door, receipt: null });
    // Nothing prints while the door is open: the citizen may still back out.
    expect(k.printed).toEqual([]);

    k.now.ms += 90_000; // the slip carries the time of the close, read from the injected clock
    k.sim.putItem(0, 0);
    k.sim.closeDoor(0, 0);
    const first = await dropOffs.progress(ticket, 5000);
    expect(first).toMatchObject({
      status: 'deposited',
      door,
      receipt: { door, appointmentDate: '2026-11-26' },
    });
    expect(await dropOffs.progress(ticket, 0)).toEqual({ status: 'deposited', door, receipt: null });
    await until(() => k.printed.length === 1, 'the printed slip');
    expect(k.printed[0]).toEqual({
      receiptDisplay: first.receipt!.receiptDisplay,
      qrPayload: first.receipt!.qrPayload,
      procedureVi: 'Thủ tục',
      procedureEn: 'Procedure',
      appointmentDate: '2026-11-26',
      doorNumber: 1,
      kioskName: k.config.kioskName,
      // Monday 23/11/2026 09:00 in Ho Chi Minh City, plus the minute and a half the door stayed open.
      droppedOffAt: '23/11/2026 09:01',
    });
    expect(k.published).toContainEqual({ type: 'progress', flow: 'dropoff', door, status: 'deposited' });
  });

  it('a printer that fails is logged with the operation id; the receipt on screen is unaffected', async () => {
    const k = await start({
      printReceipt: async () => {
        throw new Error('paper out');
      },
    });
    const { ticket } = await k.kiosk.dropOffs.start(CITIZEN);
    k.sim.putItem(0, 0);
    k.sim.closeDoor(0, 0);
    expect((await k.kiosk.dropOffs.progress(ticket, 5000)).receipt).not.toBeNull();
    const failed = () => k.logs.find((l) => l.includes('receipt not printed'));
    await until(() => failed() !== undefined, 'the failure logged');
    expect(JSON.parse(failed()!)).toMatchObject({
      layer: 'kiosk',
      path: 'printer',
      operationId: expect.any(Number),
    });
  });

  it('backing out with the door open cancels on an empty close; afterwards it is not allowed', async () => {
    const k = await start();
    const { dropOffs } = k.kiosk;
    const { ticket } = await dropOffs.start(CITIZEN);
    dropOffs.backOut(ticket);
    k.sim.closeDoor(0, 0);
    expect(await dropOffs.progress(ticket, 5000)).toEqual({ status: 'cancelled', door: 1, receipt: null });
    expect(await refusalOf(() => dropOffs.backOut(ticket))).toBe('not_allowed');
    expect(await refusalOf(() => dropOffs.backOut('x'.repeat(22)))).toBe('not_found');
    expect(k.printed).toEqual([]);
  });

  it('in maintenance or past the opens cap nothing opens, and a refused open gives its slot back', async () => {
    const k = await start({ config: { opensPerMinute: 1 } });
    const { dropOffs } = k.kiosk;
    k.store.write(() => k.store.settings.setMaintenanceMode(true, k.now.ms));
    expect(await refusalOf(() => dropOffs.start(CITIZEN))).toBe('kiosk_maintenance');
    k.store.write(() => k.store.settings.setMaintenanceMode(false, k.now.ms));
    // An unknown procedure is refused by the ledger before any command: its slot comes back.
    expect(await refusalOf(() => dropOffs.start({ ...CITIZEN, procedureCode: 'NONE' }))).not.toBe(
      'opens_capped',
    );
    await dropOffs.start(CITIZEN);
    expect(await refusalOf(() => dropOffs.start(CITIZEN))).toBe('opens_capped');
    expect(k.sim.fires.length).toBe(1);
  });
});
