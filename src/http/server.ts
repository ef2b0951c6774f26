import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { HttpConfig } from '../kiosk';

/** The addresses the server binds: the kiosk's host, and the office-LAN host when configured. */
export function boundHosts(config: Pick<HttpConfig, 'host' | 'officeHost'>): string[] {
  const hosts = [config.host];
  if (config.officeHost && config.officeHost !== config.host) hosts.push(config.officeHost);
  return hosts;
}

export interface Listening {
  host: string;
  port: number;
}

function check(host: string): void {
  if (host === '0.0.0.0' || host === '::' || host === '') {
    throw new Error(`http.host: "${host}" would listen on every interface; name one address`);
  }
}

/**
 * Listens on the configured hosts only (127.0.0.1 unless configured otherwise), never on every
 * interface. Fastify binds one host per listen(), so the office-LAN host, when set, gets a second
 * HTTP server that hands each request to the same routes (app.routing, hooks included); it closes
 * with the app. The kiosk screen's websocket lives on the first host only.
 */
export async function listen(
  app: FastifyInstance,
  config: Pick<HttpConfig, 'host' | 'port' | 'officeHost'>,
): Promise<Listening[]> {
  const hosts = boundHosts(config);
  for (const host of hosts) check(host);
  await app.listen({ host: hosts[0]!, port: config.port });
  const main = app.server.address() as AddressInfo;
  const out: Listening[] = [{ host: main.address, port: main.port }];
  if (hosts[1]) {
    const office: Server = createServer((req, res) => app.routing(req, res));
    await new Promise<void>((resolve, reject) => {
      office.once('error', reject);
      office.listen({ host: hosts[1], port: config.port === 0 ? 0 : config.port }, () => resolve());
    });
    app.server.once('close', () => office.close());
    const a = office.address() as AddressInfo;
    out.push({ host: a.address, port: a.port });
  }
  return out;
}
