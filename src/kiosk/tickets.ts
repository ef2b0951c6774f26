import { randomBytes } from 'node:crypto';
import type { CloseResult, DoorOpenResult } from '../ledger';

/**
 * A door the kiosk screen is waiting on (a drop-off or a pickup), named by a random ticket so a
 * second screen cannot poll someone else's receipt by guessing a sequential operation id.
 */
export interface DoorTicket {
  readonly id: string;
  readonly kind: 'dropoff' | 'pickup';
  readonly operationId: number;
  readonly dossierId: number | null;
  readonly door: number;
  readonly procedureCode: string | null;
  readonly openedAt: number;
  /** The one awaitClose() of this operation: the drop-off receipt comes only to the first asker. */
  readonly closed: Promise<CloseResult>;
  result: CloseResult | null;
  /** The drop-off receipt was shown once; it is never shown again. */
  receiptShown: boolean;
  rated: boolean;
}

/** Tickets are forgotten this long after their door closed (the screen has long moved on). */
const KEEP_AFTER_CLOSE_MS = 30 * 60_000;

export class TicketBook {
  private readonly tickets = new Map<string, DoorTicket>();
  /** Long polls in progress, answered "still open" at once when the server stops. */
  private readonly waiting = new Set<() => void>();

  constructor(private readonly clock: () => number) {}

  open(
    kind: DoorTicket['kind'],
    opened: Extract<DoorOpenResult, { ok: true }>,
    procedureCode: string | null,
    awaitClose: (operationId: number) => Promise<CloseResult>,
  ): DoorTicket {
    this.forgetOld();
    const closed = awaitClose(opened.operationId);
    const ticket: DoorTicket = {
      id: randomBytes(16).toString('base64url'),
      kind,
      operationId: opened.operationId,
      dossierId: opened.dossierId,
      door: opened.doorPosition,
      procedureCode,
      openedAt: this.clock(),
      closed,
      result: null,
      receiptShown: false,
      rated: false,
    };
    closed.then(
      (r) => {
        ticket.result = r;
      },
      () => {},
    );
    this.tickets.set(ticket.id, ticket);
    return ticket;
  }

  get(id: string, kind: DoorTicket['kind']): DoorTicket | undefined {
    const t = this.tickets.get(id);
    return t?.kind === kind ? t : undefined;
  }

  /** Waits up to waitMs for the door to close; returns the close or null if still open. */
  async settle(ticket: DoorTicket, waitMs: number): Promise<CloseResult | null> {
    if (ticket.result || waitMs <= 0) return ticket.result;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop = () => {};
    const timeout = new Promise<null>((resolve) => {
      stop = () => resolve(null);
      timer = setTimeout(stop, waitMs);
    });
    this.waiting.add(stop);
    try {
      return await Promise.race([ticket.closed, timeout]);
    } finally {
      clearTimeout(timer);
      this.waiting.delete(stop);
    }
  }

  /** Ends every long poll now (the server is closing); the screens poll again after restart. */
  releaseWaiters(): void {
    for (const stop of this.waiting) stop();
  }

  private forgetOld(): void {
    const cutoff = this.clock() - KEEP_AFTER_CLOSE_MS;
    for (const [id, t] of this.tickets) {
      if (t.result && t.openedAt < cutoff) this.tickets.delete(id);
    }
  }
}
