import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { AuditHead, Store } from '../store';

/** The audit chain no longer verifies: someone with access to the file rewrote or cut it. */
export const AUDIT_CHAIN_INCIDENT = 'audit_chain_broken';
/** The triggers that refuse UPDATE and DELETE on the audit log were dropped. */
export const AUDIT_GUARDS_INCIDENT = 'audit_guards_missing';

export const DAY_MS = 86_400_000;
/**
 * The daily walk starts at the last anchored head, so it would never see an old row edited by
 * someone who left its hash alone: once a week the walk starts at the genesis instead.
 */
export const FULL_WALK_EVERY_MS = 7 * DAY_MS;
/**
 * Rows walked per slice when the walk runs on the writer connection (`inWorker: false`). The
 * daemon's walk runs whole in a worker thread on a read-only connection instead
 * (store.verifyAuditInBackground): in 5,000-row slices on the event loop the doors share, the
 * weekly full walk held it 40-80 ms a slice for 41 s at 1,000,000 dossiers (issue 15).
 */
export const ANCHOR_SLICE_ROWS = 5_000;

export interface AuditAnchorPlan {
  /**
   * The anchor file, e.g. `<backupDir>/audit-anchors.jsonl`: one JSON line `{at, seq, hash}` is
   * appended per verified head, for whoever copies it off the machine (the daily report, a
   * central server). Its last line is also where the next verification starts.
   */
  readonly file: string;
  /** How often the chain is verified and anchored after the start-up run; a day by default. */
  readonly everyMs?: number;
  /** How often a walk starts at the genesis instead of the last anchored head; a week by default. */
  readonly fullWalkEveryMs?: number;
  /** Rows per slice of a walk on the writer connection (tests use small slices to see it resume). */
  readonly sliceRows?: number;
  /**
   * Walk in a worker thread on a read-only connection (the default); false walks in slices on
   * the writer connection.
   */
  readonly inWorker?: boolean;
}

/**
 * One line of the anchor file. `at` is when the head was verified, ISO 8601 in UTC; `full` says
 * the walk that verified it started at the genesis.
 */
export type AnchorLine = {
  readonly at: string;
  readonly seq: number;
  readonly hash: string;
  readonly full?: true;
};

export type AnchorOutcome =
  | { readonly ok: true; readonly head: AuditHead; readonly rowsVerified: number }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: string };

const HASH = /^[0-9a-f]{64}$/;

function parseAnchorLine(text: string): AnchorLine | null {
  try {
    const v = JSON.parse(text) as Partial<AnchorLine>;
    if (typeof v.seq !== 'number' || !Number.isInteger(v.seq) || v.seq < 0) return null;
    if (typeof v.hash !== 'string' || !HASH.test(v.hash)) return null;
    return { at: String(v.at ?? ''), seq: v.seq, hash: v.hash, ...(v.full === true ? { full: true } : {}) };
  } catch {
    return null;
  }
}

/**
 * The last well-formed line of the anchor file, or null when there is none. A line torn by a
 * power cut during the append is skipped: the one before it is still a verified head.
 */
export function readLastAnchor(file: string): AnchorLine | null {
  return readAnchors(file).last;
}

/** The last whole line, and when the last walk from the genesis verified its head (ms, or null). */
export function readAnchors(file: string): { last: AnchorLine | null; lastFullWalkAt: number | null } {
  if (!existsSync(file)) return { last: null, lastFullWalkAt: null };
  const lines = readFileSync(file, 'utf8').split('\n');
  let last: AnchorLine | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const parsed = parseAnchorLine(line);
    if (!parsed) continue;
    last ??= parsed;
    const at = Date.parse(parsed.at);
    if (parsed.full && !Number.isNaN(at)) return { last, lastFullWalkAt: at };
  }
  return { last, lastFullWalkAt: null };
}

/** Appends one line and fsyncs it: an anchor the machine forgets after a power cut anchors nothing. */
function appendAnchorLine(file: string, line: AnchorLine): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // A torn last line (no newline) must not swallow this one.
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lead = existing.length > 0 && !existing.endsWith('\n') ? '\n' : '';
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${lead}${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type AuditAnchor = {
  /** Verifies the chain from the last verified head and, if it holds, appends the new head. */
  runNow(): Promise<AnchorOutcome>;
  stop(): void;
};

/**
 * Verification and anchoring without a timer (startAuditAnchor adds the schedule). The walk starts
 * at the head verified last: the one this process verified, else the anchor file's last line,
 * else the genesis; and at the genesis whenever the last walk from there is a week old (the anchor
 * file's lines say which walks were full, so a kiosk restarted every night still gets one). It goes in slices with a turn of the event loop between them, so a first
 * walk over years of rows never holds the doors. A database restored from a backup older than the
 * last anchor reports a break too (its rows after the backup are gone); a technician who accepts
 * that moves the anchor file aside after copying it off the machine.
 */
export function createAuditAnchor(
  store: Store,
  plan: AuditAnchorPlan,
  clock: () => number,
  log: Logger,
): AuditAnchor {
  const sliceRows = plan.sliceRows ?? ANCHOR_SLICE_ROWS;
  const fullWalkEveryMs = plan.fullWalkEveryMs ?? FULL_WALK_EVERY_MS;
  let verified: AuditHead | null = null;
  // undefined: not read from the anchor file yet.
  let lastFullWalkAt: number | null | undefined;
  let running: Promise<AnchorOutcome> | null = null;
  let stopped = false;

  /** One incident per kind while it stays open: a daily re-check must not bury technicians. */
  function raise(kind: string, detail: string): void {
    store.write(() => {
      if (store.incidents.listOpen().some((i) => i.kind === kind)) return;
      store.incidents.open({ kind, detail, openedAt: clock() });
    });
  }

  async function walk(): Promise<AnchorOutcome> {
    if (!store.audit.guardsInPlace()) {
      log.error({ incident: AUDIT_GUARDS_INCIDENT }, 'audit log triggers missing: the log can be rewritten');
      raise(AUDIT_GUARDS_INCIDENT, 'audit_log UPDATE/DELETE triggers missing');
    }
    const file = verified && lastFullWalkAt !== undefined ? null : readAnchors(plan.file);
    if (lastFullWalkAt === undefined) lastFullWalkAt = file?.lastFullWalkAt ?? null;
    const fromFile = verified ? null : (file?.last ?? null);
    const anchored: AuditHead | undefined =
      verified ?? (fromFile ? { seq: fromFile.seq, hash: fromFile.hash, at: 0 } : undefined);
    const startedAt = clock();
    const full = lastFullWalkAt === null || startedAt - lastFullWalkAt >= fullWalkEveryMs;
    // The anchored head is checked either way; a full walk also rereads every row before it.
    let from = full ? undefined : anchored;
    let rowsVerified = 0;
    const inWorker = plan.inWorker ?? plan.sliceRows === undefined;
    for (;;) {
      if (stopped) throw new Error('audit anchor stopped');
      const result = inWorker
        ? await store.verifyAuditInBackground(anchored, from)
        : store.audit.verifyChain(anchored, from, sliceRows);
      if (!result.ok) {
        log.error(
          { brokenAt: result.brokenAt, reason: result.reason, incident: AUDIT_CHAIN_INCIDENT },
          'audit chain broken',
        );
        raise(AUDIT_CHAIN_INCIDENT, `first broken link at seq ${result.brokenAt}: ${result.reason}`);
        return { ok: false, brokenAt: result.brokenAt, reason: result.reason };
      }
      rowsVerified += result.head.seq - (from?.seq ?? 0);
      from = result.head;
      if (inWorker || !result.more) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const head = from ?? store.audit.exportHead();
    appendAnchorLine(plan.file, {
      at: new Date(clock()).toISOString(),
      seq: head.seq,
      hash: head.hash,
      ...(full ? { full: true } : {}),
    });
    verified = head;
    if (full) lastFullWalkAt = startedAt;
    log.info({ seq: head.seq, hash: head.hash, rowsVerified, full }, 'audit chain verified and anchored');
    return { ok: true, head, rowsVerified };
  }

  return {
    runNow() {
      // A run still walking is the answer to a second request.
      running ??= walk().finally(() => {
        running = null;
      });
      return running;
    },
    stop() {
      stopped = true;
    },
  };
}

/**
 * At start-up and then every `everyMs` (a day): verify the audit chain from the last verified
 * head and append the new head to the anchor file; a broken chain is an incident and an error
 * line naming the first broken link, and nothing is anchored. Returns the stop function.
 */
export function startAuditAnchor(
  store: Store,
  plan: AuditAnchorPlan,
  clock: () => number,
  log: Logger,
): () => void {
  const anchor = createAuditAnchor(store, plan, clock, log);
  let stopped = false;
  const tick = () => {
    anchor.runNow().catch((error: Error) => {
      if (!stopped) log.error({ err: error.message }, 'audit chain not verified');
    });
  };
  const timer = setInterval(tick, plan.everyMs ?? DAY_MS);
  timer.unref();
  tick();
  return () => {
    stopped = true;
    anchor.stop();
    clearInterval(timer);
  };
}
