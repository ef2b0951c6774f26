import type { OpenClaims } from './claims';
import type { BoardEvent } from './commands';
import type { DoorBook, DoorChange } from './door-book';
import type { LinkLogger } from './logger';
import type { LinkEvent } from './types';
import type { DoorWatch } from './watch';

/**
 * Turns what the bus says into link events: believed door changes (commanded or not), presence,
 * faults, and line-dialect board events, whose counter reveals lost events.
 */
export class DoorEvents {
  private lastEventSeq: number | null = null;

  constructor(
    private readonly claims: OpenClaims,
    private readonly watch: DoorWatch,
    private readonly emit: (event: LinkEvent) => void,
    /** A status read serving an open or a change; failures are the link's to count. */
    private readonly read: (board: number) => void,
    private readonly log: LinkLogger,
  ) {}

  /** A new connection: the board's counter is picked up afresh from its next event. */
  reconnected(): void {
    this.lastEventSeq = null;
  }

  /** The door book believed a change. */
  doorChanged(change: DoorChange): void {
    if ('present' in change) {
      this.emit({ type: 'presence', door: change.door, present: change.present });
      return;
    }
    const commanded = change.open && this.claims.isCommanded(change.door);
    this.emit({ type: 'door', door: change.door, open: change.open, commanded });
    if (change.open && !commanded) {
      this.log.warn({ board: change.door.board, channel: change.door.channel }, 'uncommanded open');
      this.emit({ type: 'uncommanded_open', door: change.door });
    }
    this.watch.changed(change.door);
  }

  boardEvent(seq: number, event: BoardEvent, book: DoorBook, boards: readonly number[]): void {
    const last = this.lastEventSeq;
    const expected = last === null ? seq : last >= 65535 ? 1 : last + 1;
    this.lastEventSeq = seq;
    if (seq !== expected) {
      // Events were lost: what they said is unknown, so read every board again.
      this.log.debug({ expected, got: seq }, 'event gap');
      for (const board of boards) this.read(board);
    }
    if (event.kind === 'fault') {
      this.emit({ type: 'fault', board: event.board, code: event.code });
    } else if (event.kind === 'presence') {
      book.observe(event.door, { present: event.present });
    } else {
      book.observe(event.door, { open: event.open });
      // The event is one reading; a status read right away is the confirming second one.
      if (book.unconfirmed(event.door) !== null) this.read(event.door.board);
    }
  }
}
