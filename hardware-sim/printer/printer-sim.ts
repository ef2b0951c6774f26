import type { Socket } from 'node:net';
import { DevicePort } from '../device-port';
import { EscPosParser } from './escpos-parser';
import { bitmapToPng } from './png';
import { type PrintedSlip, SlipAssembler } from './printed-slip';
import { renderSlip } from './render-slip';

export interface SimulatedPrinterOptions {
  /** tcp://127.0.0.1:PORT; port 0 picks a free one (see `port`). */
  listen: string;
  /** Also expose the printer as a serial port at this path (needs socat). */
  ptyPath?: string;
  /** The ESC t table this model maps to CP1258. */
  vietnameseCodeTable: number;
  /** Draw each slip as a picture (costs a few tens of ms per slip). */
  render: boolean;
  log: (message: string) => void;
}

/** A captured slip with its picture, when rendering is on. */
export interface CapturedSlip extends PrintedSlip {
  png: Buffer | null;
}

/**
 * A receipt printer on a TCP port (as on port 9100) and optionally a pty: it parses what it is
 * sent, keeps each slip cut off, answers DLE EOT status requests, and has a paper sensor knob.
 */
export class SimulatedPrinter {
  readonly slips: CapturedSlip[] = [];
  /** The paper sensor: 'near_end' and 'out' show in the DLE EOT 4 answer. */
  paper: 'ok' | 'near_end' | 'out' = 'ok';
  /** Fault knob: ignore status requests, like a model (or a gateway) that never answers. */
  answersStatus = true;
  private readonly waiters: ((slip: CapturedSlip) => void)[] = [];
  private endpoint: DevicePort | null = null;

  private constructor(private readonly options: SimulatedPrinterOptions) {}

  static async start(options: Partial<SimulatedPrinterOptions> = {}): Promise<SimulatedPrinter> {
    const printer = new SimulatedPrinter({
      listen: 'tcp://127.0.0.1:0',
      vietnameseCodeTable: 52,
      render: true,
      log: () => {},
      ...options,
    });
    printer.endpoint = await DevicePort.open(printer.options, (socket) => printer.serve(socket));
    return printer;
  }

  get port(): number {
    return this.endpoint?.port ?? 0;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** The next slip cut (or one already captured beyond `alreadySeen`). */
  nextSlip(alreadySeen = this.slips.length): Promise<CapturedSlip> {
    const ready = this.slips[alreadySeen];
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    await this.endpoint?.close();
  }

  private serve(socket: Socket): void {
    const parser = new EscPosParser();
    const assembler = new SlipAssembler({ vietnameseCodeTable: this.options.vietnameseCodeTable });
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      for (const command of parser.push(chunk)) {
        if (command.kind === 'status_request') {
          if (this.answersStatus && !socket.destroyed)
            socket.write(Uint8Array.of(this.statusByte(command.n)));
          continue;
        }
        const slip = assembler.apply(command);
        // Drawing takes a while; status answers are real-time on a printer, so they go first.
        if (slip) setImmediate(() => this.capture(slip));
      }
    });
  }

  /** Fixed bits 1 and 4 set; for n = 4, bits 2-3 are paper near end and bits 5-6 paper out. */
  private statusByte(n: number): number {
    if (n !== 4) return 0x12;
    const nearEnd = this.paper === 'near_end' ? 0x0c : 0;
    const out = this.paper === 'out' ? 0x60 : 0;
    return 0x12 | nearEnd | out;
  }

  private capture(slip: PrintedSlip): void {
    const png = this.options.render ? bitmapToPng(renderSlip(slip.blocks).page) : null;
    const captured: CapturedSlip = { ...slip, png };
    this.slips.push(captured);
    this.options.log(`slip ${this.slips.length} cut: ${slip.text.split('\n').length} lines`);
    for (const waiter of this.waiters.splice(0)) waiter(captured);
  }
}
