/** A second open of one door that reached the board with no status read of its board since the first. */
export interface BlindReopen {
  board: number;
  channel: number;
  /** The board's count of open requests received when it came (1 = the first of the run). */
  openNumber: number;
}

/**
 * The board's own record of how the host asks for opens, kept apart from anything the host says
 * about itself. The field's rule is that an open is never resent blindly: a second open of a door
 * must come after the host read that board's status. The board cannot tell a resend from a new
 * open (a Kerong unlock carries no sequence number), so it holds every repeat to the rule: each
 * open of a door after its first must follow a status read of its board received after the
 * previous open of that door. A host that keeps the rule for resends keeps it here too, because
 * it reads a board after every door change it is told of (debouncing) and after every reconnect.
 */
export class OpenAudit {
  /** Open requests received for a door that exists. */
  opens = 0;
  /** Opens of a door that had been opened before in this run. */
  repeats = 0;
  /** The repeats that broke the rule; must stay empty. */
  readonly blindReopens: BlindReopen[] = [];
  private readonly statusReads = new Map<number, number>();
  /** Per door: the board's status-read count when the door's last open arrived. */
  private readonly readsAtLastOpen = new Map<string, number>();

  /** A status read of one board was received and answered with its doors. */
  statusRead(board: number): void {
    this.statusReads.set(board, (this.statusReads.get(board) ?? 0) + 1);
  }

  /** An open (line OPEN, Kerong unlock) of one door was received. */
  open(board: number, channel: number): void {
    this.opens++;
    const key = `${board}:${channel}`;
    const reads = this.statusReads.get(board) ?? 0;
    const before = this.readsAtLastOpen.get(key);
    this.readsAtLastOpen.set(key, reads);
    if (before === undefined) return;
    this.repeats++;
    if (reads === before) this.blindReopens.push({ board, channel, openNumber: this.opens });
  }
}
