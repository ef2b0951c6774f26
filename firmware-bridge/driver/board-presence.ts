/**
 * Which boards of a bus answer. A board that leaves `missedBeforeOffline` commands in a row
 * unanswered is offline; its first answer makes it online again. One dead board must not take
 * the bus down with it: the link is silent only when every expected board is offline.
 */
export class BoardPresence {
  private readonly missedInRow = new Map<number, number>();
  private readonly offline = new Set<number>();
  private expected: number[] = [];

  constructor(
    private readonly missedBeforeOffline: number,
    private readonly changed: (board: number, state: 'offline' | 'online') => void,
  ) {}

  expect(boards: readonly number[]): void {
    this.expected = [...boards];
  }

  isOffline(board: number): boolean {
    return this.offline.has(board);
  }

  answered(board: number): void {
    this.missedInRow.set(board, 0);
    if (this.offline.delete(board)) this.changed(board, 'online');
  }

  missed(board: number): void {
    const missed = (this.missedInRow.get(board) ?? 0) + 1;
    this.missedInRow.set(board, missed);
    if (missed >= this.missedBeforeOffline && !this.offline.has(board)) {
      this.offline.add(board);
      this.changed(board, 'offline');
    }
  }

  /** Every expected board is offline (with none expected: the one that just went). */
  allOffline(): boolean {
    const boards = this.expected.length > 0 ? this.expected : [...this.offline];
    return boards.every((board) => this.offline.has(board));
  }

  describe(): string {
    return `offline: ${[...this.offline].sort((a, b) => a - b).join(', ')}`;
  }
}
