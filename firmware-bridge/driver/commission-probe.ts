/**
 * The commissioning probe's bus side: status reads of each board, raw, and nothing else.
 * firmware-bridge/commission.ts is its command line; the technician console can call it too
 * (with the bus's link stopped: one master on a bus).
 */

import { encodeKerongRequest, KERONG_CHANNELS, KERONG_MAX_BOARD, KerongDecoder } from '../kerong/codec';
import {
  type CommissionReading,
  type CommissionVerdict,
  judgeCommissioning,
} from '../kerong/commission-judge';
import { CU16_PROFILE } from '../kerong/profile';
import { KerongCommand, type KerongReply } from '../kerong/types';
import { openTransport, type Transport, type TransportSpec } from '../transports';
import { type LinkClock, SYSTEM_CLOCK } from './clock';

export {
  type CommissionReading,
  type CommissionVerdict,
  judgeCommissioning,
} from '../kerong/commission-judge';

export interface ProbeOptions {
  bus: TransportSpec;
  boards: readonly number[];
  /** Locks wired per board (1-16). */
  channels: number;
  baudRate: number;
  /** How long one status read may take (a gateway's latency included). */
  timeoutMs: number;
  attempts: number;
  clock?: LinkClock;
}

export interface ProbeResult {
  readings: CommissionReading[];
  /** Boards that never answered. */
  silent: number[];
  verdict: CommissionVerdict;
}

/** Reads every board's status (and nothing else) and judges the readings. */
export async function probeKerongBus(options: ProbeOptions): Promise<ProbeResult> {
  for (const board of options.boards) {
    if (!Number.isInteger(board) || board < 0 || board > KERONG_MAX_BOARD)
      throw new RangeError(`--boards: ${board} is not 0-${KERONG_MAX_BOARD}`);
  }
  if (!Number.isInteger(options.channels) || options.channels < 1 || options.channels > KERONG_CHANNELS)
    throw new RangeError(`--channels: ${options.channels} is not 1-${KERONG_CHANNELS}`);
  const clock = options.clock ?? SYSTEM_CLOCK;
  const transport = await openTransport(options.bus, { baudRate: options.baudRate });
  const readings: CommissionReading[] = [];
  const silent: number[] = [];
  try {
    const reader = new StatusReader(transport, clock);
    for (const board of options.boards) {
      let reply: KerongReply | null = null;
      for (let attempt = 0; attempt < options.attempts && !reply; attempt++)
        reply = await reader.read(board, options.timeoutMs);
      if (reply)
        readings.push({
          board,
          replyCommand: reply.command,
          data: [...reply.data],
          channels: options.channels,
        });
      else silent.push(board);
    }
  } finally {
    await transport.close();
  }
  return { readings, silent, verdict: judgeCommissioning(readings) };
}

/** One status read at a time; whatever else arrives (an echo, noise, another board) is ignored. */
class StatusReader {
  private readonly decoder = new KerongDecoder('replies', CU16_PROFILE);
  private waiting: { board: number; done: (reply: KerongReply | null) => void } | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly clock: LinkClock,
  ) {
    transport.onData((chunk) => {
      for (const item of this.decoder.push(chunk)) {
        if (item.kind !== 'frame' || !('data' in item.frame)) continue;
        const reply = item.frame;
        const isStatus = CU16_PROFILE.statusReplyCommands.includes(reply.command);
        if (this.waiting && isStatus && reply.board === this.waiting.board && reply.lock === 0)
          this.waiting.done(reply);
      }
    });
  }

  read(board: number, timeoutMs: number): Promise<KerongReply | null> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => finish(null), timeoutMs);
      const finish = (reply: KerongReply | null) => {
        this.clock.clearTimeout(timer);
        this.waiting = null;
        resolve(reply);
      };
      this.waiting = { board, done: finish };
      // The only frame this tool ever writes: a status read (0x30) of one board, lock 0.
      this.transport.write(encodeKerongRequest({ board, lock: 0, command: KerongCommand.statusOne }));
    });
  }
}
