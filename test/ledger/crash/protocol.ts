/**
 * The lines the crash worker and the parent exchange. The worker writes a line only after the
 * commit it reports has returned, so a line the parent read is a promise the ledger made.
 */
export type OperationKind = 'dropoff' | 'collect' | 'load' | 'pickup' | 'reclaim';
export const OPERATION_KINDS: readonly OperationKind[] = ['dropoff', 'collect', 'load', 'pickup', 'reclaim'];

export type WorkerLine =
  /** A spare (--standby) has loaded its code and waits for START. */
  | { type: 'standby' }
  /** The store is open and the link up; start-up reconciliation begins (reads doors, then settles). */
  | { type: 'reconciling' }
  /** Start-up reconciliation finished; the worker waits for commands. */
  | { type: 'reconciled'; detail: string }
  /** A drop-off the ledger acknowledged to the citizen (the door closed on the dossier). */
  | { type: 'deposited'; dossierId: number; receiptNo: string }
  /** The pickup secret handed to the citizen when the result was loaded. */
  | { type: 'credential'; dossierId: number; secret: string }
  /** One door operation finished, with the ledger's verdict. */
  | { type: 'operation'; kind: OperationKind; outcome: string }
  | { type: 'settled'; dossierId: number; found: string }
  | { type: 'settle_failed'; dossierId: number; reason: string }
  | { type: 'error'; message: string };

export function formatWorkerLine(line: WorkerLine): string {
  switch (line.type) {
    case 'standby':
      return 'STANDBY';
    case 'reconciling':
      return 'RECONCILING';
    case 'reconciled':
      return `RECONCILED ${line.detail}`;
    case 'deposited':
      return `DEPOSITED ${line.dossierId} ${line.receiptNo}`;
    case 'credential':
      return `CREDENTIAL ${line.dossierId} ${line.secret}`;
    case 'operation':
      return `OPERATION ${line.kind} ${line.outcome}`;
    case 'settled':
      return `SETTLED ${line.dossierId} ${line.found}`;
    case 'settle_failed':
      return `SETTLE_FAILED ${line.dossierId} ${oneLine(line.reason)}`;
    case 'error':
      return `ERROR ${oneLine(line.message)}`;
  }
}

/** Null for anything else the worker prints (a stray log line is not part of the protocol). */
export function parseWorkerLine(text: string): WorkerLine | null {
  const [head = '', ...rest] = text.trim().split(' ');
  const tail = rest.join(' ');
  switch (head) {
    case 'STANDBY':
      return { type: 'standby' };
    case 'RECONCILING':
      return { type: 'reconciling' };
    case 'RECONCILED':
      return { type: 'reconciled', detail: tail };
    case 'DEPOSITED':
      return { type: 'deposited', dossierId: Number(rest[0]), receiptNo: rest[1] ?? '' };
    case 'CREDENTIAL':
      return { type: 'credential', dossierId: Number(rest[0]), secret: rest[1] ?? '' };
    case 'OPERATION':
      return { type: 'operation', kind: rest[0] as OperationKind, outcome: rest[1] ?? '' };
    case 'SETTLED':
      return { type: 'settled', dossierId: Number(rest[0]), found: rest[1] ?? '' };
    case 'SETTLE_FAILED':
      return { type: 'settle_failed', dossierId: Number(rest[0]), reason: rest.slice(1).join(' ') };
    case 'ERROR':
      return { type: 'error', message: tail };
    default:
      return null;
  }
}

/** Commands from the parent, one per line on the worker's stdin. */
export type ParentCommand =
  /** A standby worker (modules loaded, nothing opened yet) takes over as the daemon. */
  | { type: 'start' }
  | { type: 'settle'; dossierId: number; found: string }
  | { type: 'go'; seed: number }
  | { type: 'stop' };

export function formatCommand(command: ParentCommand): string {
  switch (command.type) {
    case 'start':
      return 'START';
    case 'settle':
      return `SETTLE ${command.dossierId} ${command.found}`;
    case 'go':
      return `GO ${command.seed}`;
    case 'stop':
      return 'STOP';
  }
}

export function parseCommand(text: string): ParentCommand | null {
  const [head, a, b] = text.trim().split(' ');
  if (head === 'SETTLE' && a && b) return { type: 'settle', dossierId: Number(a), found: b };
  if (head === 'START') return { type: 'start' };
  if (head === 'GO') return { type: 'go', seed: Number(a ?? 1) };
  if (head === 'STOP') return { type: 'stop' };
  return null;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
