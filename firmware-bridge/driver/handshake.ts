import { LINE_PROTOCOL_VERSION } from '../line/types';
import { type Answered, CommandFailure, Priority } from './command-queue';
import type { LinkCommand } from './commands';
import type { LinkOptions } from './options';
import type { BusSession } from './session';
import { type BoardReading, LinkError } from './types';

/**
 * After every (re)connect: the line dialect says HELLO and checks the protocol version; then
 * every configured board is read once, so opens know whether a door already reads open.
 * Returns the boards on the bus. A version mismatch is a configuration error, not a retry.
 */
export async function handshake<F>(
  session: BusSession<F>,
  hello: boolean,
  configuredBoards: readonly number[] | undefined,
  options: LinkOptions,
  observe: (reading: BoardReading) => void,
  timeoutFor: (command: LinkCommand) => number = () => options.replyTimeoutMs,
): Promise<{ boards: number[] }> {
  let boards = configuredBoards ? [...configuredBoards] : [0];
  if (hello) {
    const answered = await retried(options.statusReadAttempts, () =>
      session.send({ kind: 'hello' }, { priority: Priority.open, timeoutMs: options.helloTimeoutMs }),
    );
    const reply = answered.reply;
    if (reply.kind === 'nak' && reply.reason === 'VERSION') {
      throw new LinkError(
        'bad_config',
        `the board does not speak line protocol version ${LINE_PROTOCOL_VERSION}`,
      );
    }
    if (reply.kind !== 'hello') throw new CommandFailure('nak', `HELLO answered with ${reply.kind}`, true);
    if (reply.version !== LINE_PROTOCOL_VERSION) {
      throw new LinkError(
        'bad_config',
        `the board speaks line protocol version ${reply.version}, this controller ${LINE_PROTOCOL_VERSION}`,
      );
    }
    boards = configuredBoards ? [...configuredBoards] : Array.from({ length: reply.boards }, (_, i) => i);
  }
  session.expectBoards(boards);
  // One dead board does not keep the bus down: it is marked offline (by its misses) and the
  // others go to work. The link comes up only when at least one board answers.
  let lastFailure: unknown = null;
  let answeredAny = boards.length === 0;
  for (const board of boards) {
    const command: LinkCommand = { kind: 'status', board };
    let answered: Answered;
    try {
      answered = await retried(options.statusReadAttempts, () =>
        session.send(command, { priority: Priority.serveOpen, timeoutMs: timeoutFor(command) }),
      );
    } catch (error) {
      if (!(error instanceof CommandFailure) || error.code !== 'timeout') throw error;
      lastFailure = error;
      continue;
    }
    answeredAny = true;
    if (answered.reply.kind !== 'status') {
      throw new CommandFailure(
        'nak',
        `board ${board} answered a status read with ${answered.reply.kind}`,
        true,
      );
    }
    observe(answered.reply.reading);
  }
  if (!answeredAny) throw lastFailure;
  return { boards };
}

/** Retries a command on timeouts only; anything else (link down, stop) ends at once. */
async function retried(attempts: number, send: () => Promise<Answered>): Promise<Answered> {
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof CommandFailure) || error.code !== 'timeout' || i >= attempts) throw error;
    }
  }
}
