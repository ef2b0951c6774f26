import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Sms {
  id: number;
  kind: string;
  to: string;
  text: string;
}

/** An SMS gateway on loopback that accepts every message the kiosk's webhook sends it. */
export class SmsGateway {
  readonly received: Sms[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<SmsGateway> {
    let gateway: SmsGateway | null = null;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      req.on('end', () => {
        gateway?.received.push(JSON.parse(body) as Sms);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    gateway = new SmsGateway(server, `http://127.0.0.1:${port}/sms`);
    return gateway;
  }

  /** The 8-digit pickup code of the latest result-ready text naming this receipt number. */
  async pickupCode(receiptDisplay: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sms = this.received
        .filter((m) => m.kind === 'result_ready' && m.text.includes(receiptDisplay))
        .at(-1);
      const code = sms?.text.match(/\b(\d{8})\b/)?.[1];
      if (code) return code;
      if (Date.now() > deadline)
        throw new Error(`no result-ready text for ${receiptDisplay}: ${JSON.stringify(this.received)}`);
      await sleep(20);
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
