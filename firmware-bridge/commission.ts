/**
 * Commissioning probe for a Kerong CU16 bus, for a technician at a new bank:
 *
 *   npx tsx firmware-bridge/commission.ts --bus tcp://127.0.0.1:7070 --dialect kerong --boards 0,1
 *
 * With every door shut and every locker empty, reads each board's status and says which hook
 * and infrared polarity and which byte layout fit, how sure that is, and the configuration
 * overrides to use. It only ever sends status reads: it builds no other frame, so it cannot
 * open a door.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type LinkClock, SYSTEM_CLOCK } from './driver/clock';
import { encodeKerongRequest, KERONG_CHANNELS, KERONG_MAX_BOARD, KerongDecoder } from './kerong/codec';
import {
  type CommissionReading,
  type CommissionVerdict,
  judgeCommissioning,
} from './kerong/commission-judge';
import { CU16_PROFILE } from './kerong/profile';
import { KerongCommand, type KerongReply } from './kerong/types';
import { openTransport, type Transport, type TransportSpec } from './transports';

export {
  type CommissionReading,
  type CommissionVerdict,
  judgeCommissioning,
} from './kerong/commission-judge';

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

const USAGE =
  'usage: npx tsx firmware-bridge/commission.ts --bus <tty path | tcp://host:port> --dialect kerong --boards 0,1 [--channels 16] [--baud 19200] [--timeout-ms 300]';

async function main(argv: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        bus: { type: 'string' },
        dialect: { type: 'string', default: 'kerong' },
        boards: { type: 'string', default: '0' },
        channels: { type: 'string', default: String(KERONG_CHANNELS) },
        baud: { type: 'string', default: String(CU16_PROFILE.baud) },
        'timeout-ms': { type: 'string', default: '300' },
      },
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.bus || values.dialect !== 'kerong') {
    console.error(values.bus ? `--dialect: only kerong boards have a probe so far\n${USAGE}` : USAGE);
    return 2;
  }
  const boards = values.boards!.split(',').map((b) => Number(b.trim()));
  let result: ProbeResult;
  try {
    result = await probeKerongBus({
      bus: values.bus,
      boards,
      channels: Number(values.channels),
      baudRate: Number(values.baud),
      timeoutMs: Number(values['timeout-ms']),
      attempts: 3,
    });
  } catch (error) {
    console.error(`commissioning probe failed: ${(error as Error).message}`);
    return 1;
  }
  for (const r of result.readings) {
    const hex = r.data.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    console.log(`board ${r.board}: CMD 0x${r.replyCommand.toString(16)} data ${hex}`);
  }
  for (const board of result.silent) console.log(`board ${board}: no answer`);
  console.log(`confidence: ${result.verdict.confidence}`);
  for (const line of result.verdict.explanation) console.log(`- ${line}`);
  if (result.verdict.overrides)
    console.log(`configuration overrides for this bank: ${JSON.stringify(result.verdict.overrides)}`);
  return result.verdict.confidence === 'high' && result.silent.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
