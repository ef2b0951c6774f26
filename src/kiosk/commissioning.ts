import type { KerongProfileOverrides, ProbeResult } from '../../firmware-bridge';
import type { KioskContext } from './context';
import type { CommissioningBus, CommissioningPort } from './ports';
import { KioskRefusal } from './refusals';

/** Status reads per board before it counts as silent (as the command line tries). */
const ATTEMPTS = 3;

/** One door of a board that did not read shut and empty under the fitting reading. */
export interface CommissionMisfit {
  readonly channel: number;
  /** The number painted on the door, when a locker is wired there. */
  readonly door: number | null;
  readonly open: boolean;
  readonly loaded: boolean;
}

/** What the probe heard from one board. */
export interface CommissionBoardNote {
  readonly board: number;
  readonly answered: boolean;
  /** CMD byte of its status reply (0x35 or the 0x30 echo); null when it was silent. */
  readonly replyCommand: number | null;
  /** The reply's data bytes, hex (hooks 1-8, 9-16, infrared 1-8, 9-16). */
  readonly data: string | null;
  readonly misfits: CommissionMisfit[];
}

/** The technician's answer: which reading of the boards fits, how sure, and what each board said. */
export interface CommissionReport {
  readonly bank: number;
  readonly confidence: 'high' | 'low' | 'none';
  /** The best reading of the bytes; null when no board answered. */
  readonly fit: {
    readonly hookActiveHigh: boolean;
    readonly infraredActiveHigh: boolean;
    readonly bitOrder: 'lsb-first' | 'msb-first';
    /** usual: hooks in data bytes 0-1, infrared in 2-3 (every public source); swapped: halves swapped. */
    readonly layout: 'usual' | 'swapped';
    readonly fitting: number;
    readonly total: number;
    /** Another layout or bit order fits as well: this reading cannot tell them apart (all bits alike). */
    readonly layoutUndecided: boolean;
  } | null;
  /** What to put in the bank's configuration (kerongProfile overrides), when anything fits. */
  readonly overrides: {
    hookActiveHigh?: boolean;
    infraredActiveHigh?: boolean;
    bitOrder?: 'lsb-first' | 'msb-first';
    hookBytes?: number[];
    infraredBytes?: number[];
  } | null;
  /** The link read every door of the bank open before the probe: the usual sign of the opposite hook polarity. */
  readonly linkReadAllOpen: boolean;
  readonly boards: CommissionBoardNote[];
  /** The probe's explanation, in English, as the command line prints it. */
  readonly explanation: string[];
}

/**
 * The commissioning probe from the technician console: with every door of a bank shut and empty,
 * reads each board's status (nothing else: the probe cannot build an unlock) and says which hook
 * and infrared polarity and byte layout fit. It needs the bus to itself, so the bank's own link
 * is stopped while it reads and started again after, and it is refused while anything of that
 * bank is in use (a dossier in a door, an open running, a door open), since it assumes all shut.
 */
export function commissioning(
  ctx: Pick<KioskContext, 'ledger' | 'store' | 'linksHealth' | 'clock' | 'logger'>,
  port: CommissioningPort | null,
) {
  const { ledger, store, linksHealth, clock } = ctx;
  const log = ctx.logger.child({ service: 'commissioning' });
  const probing = new Set<number>();

  /** Refuses unless every door of the bank is idle, empty and shut; says if the link read all open. */
  function checkBankIdle(bank: number): { linkReadAllOpen: boolean } {
    const lockers = store.lockers.listWithOccupancy().filter((l) => l.bank === bank);
    const ids = new Set(lockers.map((l) => l.id));
    const opening = ledger
      .openOperations()
      .some((id) => ids.has(store.doorOperations.get(id)?.lockerId ?? -1));
    if (opening || lockers.some((l) => l.unsettledOperation))
      throw new KioskRefusal('commission_opens_running', { bank });
    if (lockers.some((l) => l.assigned)) throw new KioskRefusal('commission_doors_loaded', { bank });
    const boards = linksHealth().find((b) => b.bank === bank)?.boards ?? [];
    const readings = lockers.flatMap((l) => {
      const r = boards.find((b) => b.board === l.board)?.doors[l.channel];
      return r ? [r] : [];
    });
    const open = readings.filter((r) => r.open).length;
    // The link reads doors with the polarity configured now, which is what the probe checks: a
    // wrong one reads every shut door open. Some open and some shut is wrong under either
    // polarity, so at least one door really is open.
    if (open > 0 && open < readings.length) throw new KioskRefusal('commission_doors_open', { bank, open });
    return { linkReadAllOpen: readings.length > 0 && open === readings.length };
  }

  async function probe(probes: CommissioningPort, bus: CommissioningBus): Promise<ProbeResult> {
    await bus.stopLink();
    try {
      return await probes.probeKerong({
        bus: bus.transport,
        boards: bus.boards,
        channels: bus.channels,
        baudRate: bus.baudRate,
        timeoutMs: bus.replyTimeoutMs,
        attempts: ATTEMPTS,
      });
    } finally {
      bus.restartLink();
    }
  }

  return async (bank: number, technicianId: string): Promise<CommissionReport> => {
    const bus = port?.bus(bank) ?? null;
    if (!port || !bus) throw new KioskRefusal('not_found', { bank });
    if (bus.dialect !== 'kerong')
      throw new KioskRefusal('commission_unsupported', { bank, dialect: bus.dialect });
    if (probing.has(bank)) throw new KioskRefusal('commission_running', { bank });
    // Checked and the link stopped in the same turn: no open of this bank can start in between.
    const { linkReadAllOpen } = checkBankIdle(bank);
    probing.add(bank);
    const audit = (detail: Record<string, string | number | boolean>) =>
      store.write(() =>
        store.audit.append({
          actor: `technician:${technicianId}`,
          action: 'bus.commission_probe',
          subject: `bank:${bank}`,
          detail,
          at: clock(),
        }),
      );
    let result: ProbeResult;
    try {
      result = await probe(port, bus);
    } catch (error) {
      log.warn({ bank, err: (error as Error).message }, 'commissioning probe failed');
      audit({ outcome: 'failed' });
      throw new KioskRefusal('commission_failed', { bank });
    } finally {
      probing.delete(bank);
    }
    const report = reportOf(
      bank,
      result,
      linkReadAllOpen,
      (board, channel) =>
        store.lockers.list().find((l) => l.bank === bank && l.board === board && l.channel === channel)
          ?.position ?? null,
    );
    const { fit } = report;
    audit({
      outcome: 'probed',
      confidence: report.confidence,
      boards: result.readings.length,
      silent: result.silent.length,
      ...(fit && report.overrides
        ? {
            hookActiveHigh: fit.hookActiveHigh,
            infraredActiveHigh: fit.infraredActiveHigh,
            bitOrder: fit.bitOrder,
            layout: fit.layout,
          }
        : {}),
    });
    log.info(
      { bank, confidence: report.confidence, boards: result.readings.length, silent: result.silent },
      'commissioning probe',
    );
    return report;
  };
}

function reportOf(
  bank: number,
  result: ProbeResult,
  linkReadAllOpen: boolean,
  doorAt: (board: number, channel: number) => number | null,
): CommissionReport {
  const { verdict } = result;
  const best = verdict.fits[0];
  const boards: CommissionBoardNote[] = [
    ...result.readings.map((r) => ({
      board: r.board,
      answered: true,
      replyCommand: r.replyCommand,
      data: r.data.map((b) => b.toString(16).padStart(2, '0')).join(' '),
      misfits: verdict.misfits
        .filter((m) => m.board === r.board)
        .map((m) => ({
          channel: m.channel,
          door: doorAt(m.board, m.channel),
          open: !m.hookEngaged,
          loaded: m.itemPresent,
        })),
    })),
    ...result.silent.map((board) => ({
      board,
      answered: false,
      replyCommand: null,
      data: null,
      misfits: [],
    })),
  ].sort((a, b) => a.board - b.board);
  return {
    bank,
    confidence: verdict.confidence,
    fit: best
      ? {
          hookActiveHigh: best.hookActiveHigh,
          infraredActiveHigh: best.infraredActiveHigh,
          bitOrder: best.bitOrder,
          layout: best.hookBytes[0] === 0 ? 'usual' : 'swapped',
          fitting: best.fitting,
          total: best.total,
          layoutUndecided: verdict.fits.some(
            (f) =>
              f.fitting === best.fitting &&
              (f.bitOrder !== best.bitOrder || f.hookBytes[0] !== best.hookBytes[0]),
          ),
        }
      : null,
    overrides: verdict.overrides && overridesOf(verdict.overrides),
    linkReadAllOpen,
    boards,
    explanation: [...verdict.explanation],
  };
}

/** The probe's overrides as plain data (its byte pairs are read-only tuples), only the fields it set. */
function overridesOf(o: KerongProfileOverrides): NonNullable<CommissionReport['overrides']> {
  return {
    ...(o.hookActiveHigh !== undefined ? { hookActiveHigh: o.hookActiveHigh } : {}),
    ...(o.infraredActiveHigh !== undefined ? { infraredActiveHigh: o.infraredActiveHigh } : {}),
    ...(o.bitOrder ? { bitOrder: o.bitOrder } : {}),
    ...(o.hookBytes ? { hookBytes: [...o.hookBytes] } : {}),
    ...(o.infraredBytes ? { infraredBytes: [...o.infraredBytes] } : {}),
  };
}
