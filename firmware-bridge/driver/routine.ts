import type { LinkClock, TimerHandle } from './clock';
import { Priority } from './command-queue';
import type { LinkOptions } from './options';
import type { BusSession } from './session';

/**
 * Routine traffic while the link is ready, always at the lowest priority so opens jump ahead:
 * line boards get a PING when the bus has been quiet for a heartbeat interval; Kerong boards
 * (which say nothing on their own) are polled in turn. Unanswered ones count towards "silent".
 * Returns a function that stops it.
 */
const OFFLINE_POLL_EVERY = 8;

export function startRoutine<F>(
  session: BusSession<F>,
  heartbeat: boolean,
  boards: readonly number[],
  options: LinkOptions,
  readStatus: (board: number, priority: Priority) => Promise<unknown>,
  clock: LinkClock,
): () => void {
  let stopped = false;
  let next = 0;
  let timer: TimerHandle | null = null;
  const interval = heartbeat ? Math.max(1, options.heartbeatIntervalMs / 2) : options.pollIntervalMs;
  let turn = 0;
  /**
   * The next board to poll. An offline board is still polled, so it comes back on its own, but
   * only on one turn in OFFLINE_POLL_EVERY: each of its polls holds the bus for a whole reply
   * timeout and a quiet wait, time the boards that answer need.
   */
  const nextBoard = (): number | null => {
    for (let tries = 0; tries < boards.length; tries++) {
      const board = boards[next++ % boards.length]!;
      if (!session.isOffline(board) || turn++ % OFFLINE_POLL_EVERY === 0) return board;
    }
    return null;
  };

  const tick = () => {
    if (stopped) return;
    if (session.queue.pending(Priority.routine) === 0) {
      if (heartbeat) {
        if (clock.now() - session.lastHeardAt >= options.heartbeatIntervalMs) {
          session
            .send({ kind: 'ping' }, { priority: Priority.routine, timeoutMs: options.replyTimeoutMs })
            .catch(() => {});
        }
      } else if (boards.length > 0) {
        const board = nextBoard();
        if (board !== null) readStatus(board, Priority.routine).catch(() => {});
      }
    }
    timer = clock.setTimeout(tick, interval);
  };
  timer = clock.setTimeout(tick, interval);
  return () => {
    stopped = true;
    if (timer) clock.clearTimeout(timer);
  };
}
