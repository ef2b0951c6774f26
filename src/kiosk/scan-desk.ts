import type { DoorTicket } from './tickets';

/** What a scan leaves for the kiosk screen is good this long: the citizen is standing there. */
export const SCAN_HOLD_MS = 2 * 60_000;

/**
 * What the kiosk's own scanner (a serial port, not the screen's keyboard) leaves for the screen:
 * - the ticket of the pickup door it opened, claimed once by the screen so the citizen sees the
 *   door number, the countdown and the rating, exactly as after a pickup started on screen;
 * - a receipt QR whose pickup needs the second factor, held so the screen can ask for the digits
 *   and send them with `{ scanned: true }` instead of the QR, which never leaves the daemon.
 * One of each at a time: a newer scan replaces an older one, and both lapse after SCAN_HOLD_MS.
 */
export class ScanDesk {
  private ticket: { readonly ticket: DoorTicket; readonly at: number } | null = null;
  private held: { readonly qr: string; readonly at: number } | null = null;

  constructor(private readonly clock: () => number) {}

  offerTicket(ticket: DoorTicket): void {
    this.ticket = { ticket, at: this.clock() };
    this.held = null;
  }

  /** The ticket of the door a scan opened, once; null when none is waiting or it lapsed. */
  claimTicket(): DoorTicket | null {
    const offered = this.ticket;
    this.ticket = null;
    return offered && this.clock() - offered.at < SCAN_HOLD_MS ? offered.ticket : null;
  }

  hold(qr: string): void {
    this.held = { qr, at: this.clock() };
    this.ticket = null;
  }

  /** The receipt QR held for the second factor, or null when none is held or it lapsed. */
  heldQr(): string | null {
    if (this.held && this.clock() - this.held.at >= SCAN_HOLD_MS) this.held = null;
    return this.held?.qr ?? null;
  }

  /** The held QR has been used (its door opened) or refused for good. */
  release(): void {
    this.held = null;
  }
}
