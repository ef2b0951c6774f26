import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../hardware-sim/simulator';
import { dropOff, refusalOf } from './flows';
import { type KioskOptions, type KioskRig, rigPerTest, until } from './harness';

const start = rigPerTest();

/**
 * Kerong CU16 request frames: STX, board and lock, CMD, ETX, SUM (lkaas-kerong
 * src/kerong/command.rs; kerong-lib src/kerong_client.cpp): 0x30 reads the status, 0x31 unlocks
 * one lock, 0x33 unlocks all.
 */
const CMD_AT = 2;
const STATUS = 0x30;

/** Every frame the simulated board accepted from the host, from now on. */
function hostFrames(k: KioskRig): Buffer[] {
  const frames: Buffer[] = [];
  k.sim.on('event', (e: SimEvent) => {
    if (e.type === 'rx' && e.accepted) frames.push(Buffer.from(e.bytes));
  });
  return frames;
}

async function kerongBank(options: KioskOptions) {
  const k = await start(options);
  await until(() => k.link.state === 'ready' && k.link.snapshot().length === 1, 'the Kerong link');
  return k;
}

describe('the commissioning probe from the technician console', { timeout: 30_000 }, () => {
  it('finds the opposite hook polarity of a board that reads every shut door open, and sends nothing but status reads', async () => {
    // kerong-lib's reading (hook bit 0 = locked) against a link configured as lkaas-kerong's.
    const k = await kerongBank({ bank: { dialect: 'kerong', wire: { polarity: 'inverted' } } });
    await until(() => k.kiosk.technician.lockers().every((l) => l.reading?.open), 'every door reading open');
    const frames = hostFrames(k);
    const report = await k.kiosk.commission(0, 'technician1');
    expect(report).toMatchObject({
      bank: 0,
      confidence: 'high',
      fit: { hookActiveHigh: false, infraredActiveHigh: true, layout: 'usual', fitting: 6, total: 6 },
      overrides: { hookActiveHigh: false, infraredActiveHigh: true },
      linkReadAllOpen: true,
      // The simulated board answers as kerong-lib reads it: CMD 0x35.
      boards: [{ board: 0, answered: true, replyCommand: 0x35, misfits: [] }],
    });
    // The kiosk's own link is back on the bus afterwards.
    await until(() => k.link.state === 'ready', 'the link restarted');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.filter((f) => f[CMD_AT] !== STATUS).map((f) => f.toString('hex'))).toEqual([]);
    expect(k.sim.fires).toEqual([]);
    const audit = k.store.audit.list(0, 1000).filter((r) => r.action === 'bus.commission_probe');
    expect(audit).toMatchObject([{ actor: 'technician:technician1', subject: 'bank:0' }]);
    expect(JSON.parse(String(audit[0]!.detail))).toEqual({
      outcome: 'probed',
      confidence: 'high',
      boards: 1,
      silent: 0,
      hookActiveHigh: false,
      infraredActiveHigh: true,
      bitOrder: 'lsb-first',
      layout: 'usual',
    });
  });

  it('confirms the configured polarity of a board answering with CMD 0x35 (kerong-lib kerong_client.cpp)', async () => {
    const k = await kerongBank({ bank: { dialect: 'kerong', wire: { kerongReply: '35' } } });
    const report = await k.kiosk.commission(0, 'technician1');
    expect(report).toMatchObject({
      confidence: 'high',
      fit: { hookActiveHigh: true, infraredActiveHigh: true, layout: 'usual', fitting: 6, total: 6 },
      overrides: { hookActiveHigh: true, infraredActiveHigh: true },
      linkReadAllOpen: false,
      boards: [{ board: 0, answered: true, replyCommand: 0x35, misfits: [] }],
    });
    // Every door alike: the two byte layouts cannot be told apart, and the report says so.
    expect(report.fit?.layoutUndecided).toBe(true);
    expect(k.sim.fires).toEqual([]);
  });

  it('a bus that cannot be opened is a refusal, audited, and the link is started again', async () => {
    const k = await kerongBank({ bank: { dialect: 'kerong' } });
    k.cutLink(true);
    expect(await refusalOf(() => k.kiosk.commission(0, 'technician1'))).toBe('commission_failed');
    const audit = k.store.audit.list(0, 1000).filter((r) => r.action === 'bus.commission_probe');
    expect(audit.map((r) => JSON.parse(String(r.detail)))).toEqual([{ outcome: 'failed' }]);
    k.cutLink(false);
    await until(() => k.link.state === 'ready', 'the link restarted');
  });

  it('is refused for a bus of another dialect and for an unknown bank, and stops no link', async () => {
    const k = await start();
    expect(await refusalOf(() => k.kiosk.commission(0, 'technician1'))).toBe('commission_unsupported');
    expect(await refusalOf(() => k.kiosk.commission(7, 'technician1'))).toBe('not_found');
    expect(k.link.state).toBe('ready');
    expect(k.store.audit.list(0, 1000).map((r) => r.action)).not.toContain('bus.commission_probe');
  });

  it('is refused while a door is open, a dossier is in a door or an open is running, and runs once at a time', async () => {
    const k = await kerongBank({ bank: { dialect: 'kerong' } });
    const { technician, commission } = k.kiosk;

    await technician.openDoor(2, 'check', 'technician1');
    expect(await refusalOf(() => commission(0, 'technician1'))).toBe('commission_opens_running');
    k.sim.closeDoor(0, k.channel(2));
    await until(() => k.ledger.openOperations().length === 0, 'the door settled');

    k.sim.forceOpen(0, k.channel(4));
    await until(() => technician.lockers()[3]?.reading?.open === true, 'door 4 reading open');
    expect(await refusalOf(() => commission(0, 'technician1'))).toBe('commission_doors_open');
    k.sim.closeDoor(0, k.channel(4));
    await until(() => technician.lockers()[3]?.reading?.open === false, 'door 4 reading shut');

    const dropped = await dropOff(k);
    expect(await refusalOf(() => commission(0, 'technician1'))).toBe('commission_doors_loaded');
    expect(k.link.state).toBe('ready');
    expect(k.store.audit.list(0, 1000).map((r) => r.action)).not.toContain('bus.commission_probe');

    // Emptied: the probe runs, and a second request meanwhile is refused.
    await k.ledger.collection.open(dropped.dossierId, 'staff1').then(async (op) => {
      k.sim.takeItem(0, k.channel(op.lockerId));
      k.sim.closeDoor(0, k.channel(op.lockerId));
      await k.ledger.awaitClose(op.operationId);
    });
    const first = commission(0, 'technician1');
    expect(await refusalOf(() => commission(0, 'technician1'))).toBe('commission_running');
    expect((await first).confidence).toBe('high');
    await until(() => k.link.state === 'ready', 'the link restarted');
    // The only unlocks of this test are the ones the ledger asked for: one per open above.
    const door = k.channel(dropped.door);
    expect(k.sim.fires.map((f) => f.channel)).toEqual([k.channel(2), door, door]);
  });
});
