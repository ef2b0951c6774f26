import type { Duplex } from 'node:stream';
import { createLink, type LinkEvent, type OpenOutcomeKind } from '../../firmware-bridge';
import { duplexPair } from '../../firmware-bridge/duplex-pair';
import { createSimulator } from '../../hardware-sim/simulator';
import { type FireSpan, judgeFires } from './link-fires';
import { type SoakDialect, soakBus } from './link-soak-buses';

export interface SoakOptions {
  ops: number;
  dialect: SoakDialect;
  seed?: number;
  /** The cable sends every byte we write back to us first, as many RS485 adapters do. */
  echo?: boolean;
  /** Progress lines (every 10% of the run). */
  log?: (line: string) => void;
}

export interface SoakReport {
  dialect: SoakDialect;
  echo: boolean;
  /** Our own bytes the link recognised as echo and dropped. */
  echoBytes: number;
  operations: number;
  opens: number;
  statusReads: number;
  statusReadFailures: number;
  outcomes: Record<OpenOutcomeKind, number>;
  /**
   * Opens that fired their door more than once, counted at the end of the run from the
   * simulator's fire records, so a late refire is caught too: must be 0.
   */
  doubleOpens: number;
  /** Fires of a door outside every open call of that door (a late refire, a stray fire): must be 0. */
  firesOutsideAnOpen: number;
  /**
   * From the boards' own record: a second open of a door with no status read of its board
   * received since the previous one. Must be 0.
   */
  opensWithoutStatusRead: number;
  /** Second and later opens of one door the boards received (resends and new opens alike). */
  repeatedOpensReceived: number;
  /** The first offending fires and opens, described, when any of the must-be-0 counts is not. */
  problems: string[];
  /** Resends the link made, by its own count (each after a status read). */
  openRetries: number;
  uncommandedOpens: number;
  /** The first uncommanded opens, each with where the open calls of its door stood then. */
  uncommanded: string[];
  reconnects: number;
  faults: { dropped: number; corrupted: number; duplicated: number };
  seconds: number;
}

const BOARDS = 2;
const DOORS = 16;

/**
 * Opens and status reads against the simulator (instant mode, in-process cable) with 5% of
 * replies dropped, 1% with a flipped bit and 1% duplicated. Each open is on a door nobody else
 * is using; afterwards a hand closes the door again. Fires are counted per open from the
 * simulator's own records.
 */
export async function runLinkSoak(options: SoakOptions): Promise<SoakReport> {
  const started = performance.now();
  const bus = soakBus(options.dialect);
  const sim = createSimulator({
    dialect: options.dialect,
    boards: BOARDS,
    doors: DOORS,
    baud: 'instant',
    seed: options.seed ?? 7,
    wire: bus.wire,
  });
  sim.faults.drop = 0.05;
  sim.faults.corrupt = 0.01;
  sim.faults.duplicate = 0.01;
  const link = createLink({
    transport: () => (options.echo ? echoing(sim.connectPipe()) : sim.connectPipe()),
    ...bus.link,
    boards: Array.from({ length: BOARDS }, (_, i) => bus.address(i)),
    channels: DOORS,
    // Time compressed as the simulator's instant mode allows (link-soak-buses.ts).
    options: {
      replyTimeoutMs: 10,
      helloTimeoutMs: 50,
      jamWindowMs: 400,
      watchPollMs: 2,
      heartbeatIntervalMs: 200,
      pollIntervalMs: 20,
      backoffInitialMs: 5,
      backoffMaxMs: 50,
      maxOpensPerMinute: 1_000_000,
    },
  });
  let uncommandedOpens = 0;
  /** Per door, the open call running or the last one, to say what an uncommanded open followed. */
  const lastCall = new Map<string, { startedAt: number; endedAt: number | null; outcome: string }>();
  link.on('event', (e: LinkEvent) => {
    if (e.type !== 'uncommanded_open') return;
    uncommandedOpens++;
    if (report.uncommanded.length >= 10) return;
    const door = `${e.door.board}:${e.door.channel}`;
    const now = performance.now();
    const call = lastCall.get(door);
    const after = !call
      ? 'before any open call of the door'
      : call.endedAt === null
        ? `during an open call started ${(now - call.startedAt).toFixed(0)} ms before`
        : `${(now - call.endedAt).toFixed(0)} ms after an open call ended ${call.outcome}`;
    report.uncommanded.push(
      `door ${door} at ${((now - started) / 1000).toFixed(1)} s, ${after} (${link.stats().reconnects} reconnects so far)`,
    );
  });
  const report: SoakReport = {
    dialect: options.dialect,
    echo: options.echo === true,
    echoBytes: 0,
    operations: 0,
    opens: 0,
    statusReads: 0,
    statusReadFailures: 0,
    outcomes: { opened: 0, already_open: 0, jammed: 0, refused: 0, link_down: 0 },
    doubleOpens: 0,
    firesOutsideAnOpen: 0,
    opensWithoutStatusRead: 0,
    repeatedOpensReceived: 0,
    problems: [],
    openRetries: 0,
    uncommandedOpens: 0,
    uncommanded: [],
    reconnects: 0,
    faults: { dropped: 0, corrupted: 0, duplicated: 0 },
    seconds: 0,
  };
  await link.start();
  let next = 0;
  const take = () => (next < options.ops ? next++ : null);
  const step = Math.max(1, Math.floor(options.ops / 10));
  /** Per door, the span of the fire record each open call covered, in call order. */
  const calls = new Map<string, FireSpan[]>();

  // One worker per door pair, so opens and their hands never step on each other's doors.
  // `board` is the simulator's bank index (its fire records use it); `at` is the link's number for it.
  const worker = async (board: number, channels: number[]) => {
    const at = bus.address(board);
    /** Per door, when its last board-timed pulse ends (performance.now()). */
    const pulseEnds = new Map<number, number>();
    let turn = 0;
    for (let op = take(); op !== null; op = take()) {
      if (op > 0 && op % step === 0) options.log?.(`${op} operations`);
      report.operations++;
      if (op % 4 === 3) {
        report.statusReads++;
        await link.readBoard(at).catch(() => report.statusReadFailures++);
        await readyAgain(link);
        continue;
      }
      const channel = channels[turn++ % channels.length]!;
      await pulseOver(pulseEnds.get(channel));
      const from = sim.fires.length;
      const call = { startedAt: performance.now(), endedAt: null as number | null, outcome: '' };
      lastCall.set(`${at}:${channel}`, call);
      const outcome = await link.open({ board: at, channel }, { pulseMs: bus.pulseMs });
      // The pulse started when the board took the open, at the latest as the call returned.
      if (bus.pulseMs !== undefined) pulseEnds.set(channel, performance.now() + bus.pulseMs + 5);
      const maybeExecuted = outcome.kind === 'link_down' && outcome.maybeExecuted;
      call.endedAt = performance.now();
      call.outcome = maybeExecuted ? 'link_down, maybe executed' : outcome.kind;
      const spans = calls.get(`${board}:${channel}`) ?? [];
      spans.push({ from, to: sim.fires.length, maybeExecuted });
      calls.set(`${board}:${channel}`, spans);
      report.opens++;
      report.outcomes[outcome.kind]++;
      if (sim.truth(board, channel).doorOpen) sim.closeDoor(board, channel);
      await settledShut(link, at, channel);
      // A caller meeting a link that is down waits for it, as the kiosk would.
      await readyAgain(link);
    }
  };
  const workers: Promise<void>[] = [];
  for (let board = 0; board < BOARDS; board++) {
    for (let pair = 0; pair < DOORS / 2; pair++) workers.push(worker(board, [pair * 2, pair * 2 + 1]));
  }
  await Promise.all(workers);
  const stats = link.stats();
  await link.stop();
  await sim.stop();
  const verdict = judgeFires(sim.fires, calls);
  report.doubleOpens = verdict.doubleOpens;
  report.firesOutsideAnOpen = verdict.firesOutsideAnOpen;
  report.problems = [
    ...verdict.examples.map(
      (e) => `${e.why} fire #${e.fire} of door ${e.door} (${sim.fires[e.fire]!.cause})`,
    ),
    ...sim.audit.blindReopens
      .slice(0, 10)
      .map((b) => `open #${b.openNumber} of door ${b.board}:${b.channel} with no status read since the last`),
  ];
  report.opensWithoutStatusRead = sim.audit.blindReopens.length;
  report.repeatedOpensReceived = sim.audit.repeats;
  report.openRetries = stats.openRetries;
  report.echoBytes = stats.echoBytes;
  report.reconnects = stats.reconnects;
  report.uncommandedOpens = uncommandedOpens;
  report.faults = {
    dropped: sim.faults.counters.dropped,
    corrupted: sim.faults.counters.corrupted,
    duplicated: sim.faults.counters.duplicated,
  };
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/**
 * An adapter that echoes: what the host writes comes back to the host first, then goes on to
 * the boards (libmodbus issues 35, 432 and 818 describe such adapters).
 */
function echoing(toBoards: Duplex): Duplex {
  const [host, adapter] = duplexPair();
  adapter.on('data', (chunk: Buffer) => {
    adapter.write(chunk);
    toBoards.write(chunk);
  });
  toBoards.on('data', (chunk: Buffer) => adapter.write(chunk));
  adapter.on('close', () => toBoards.destroy());
  toBoards.on('close', () => adapter.destroy());
  return host;
}

async function pulseOver(endsAt: number | undefined): Promise<void> {
  const left = endsAt === undefined ? 0 : endsAt - performance.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}

async function readyAgain(link: ReturnType<typeof createLink>): Promise<void> {
  while (link.state !== 'ready' && link.state !== 'stopped') await new Promise((r) => setTimeout(r, 5));
}

/** Wait until the link believes the door shut again (a hand closed it), so the next open is a fresh one. */
async function settledShut(
  link: ReturnType<typeof createLink>,
  board: number,
  channel: number,
): Promise<void> {
  // Always give the event loop a turn: a run of instant outcomes must not starve the timers.
  await new Promise((r) => setImmediate(r));
  for (let i = 0; i < 200; i++) {
    if (link.snapshot().find((b) => b.board === board)?.doors[channel]?.open === false) return;
    await new Promise((r) => setTimeout(r, 2));
  }
}
