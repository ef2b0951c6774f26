import net from 'node:net';
import { SimError } from './errors';

/** `tcp://127.0.0.1:7070` -> host and port; only loopback, as the simulator is not for the LAN. */
export function parseTcpUrl(url: string): { host: string; port: number } {
  const match = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(url);
  if (!match) throw new SimError('bad_option', `listen address "${url}" is not tcp://HOST:PORT`);
  const host = match[1]!;
  const port = Number(match[2]);
  if (port > 65535) throw new SimError('bad_option', `port ${port} in "${url}" is above 65535`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new SimError('bad_option', `listen address "${url}" must be loopback (127.0.0.1)`);
  }
  return { host, port };
}

/**
 * A TCP server standing in for an RS485-to-Ethernet gateway. Every accepted socket is handed to
 * `accept`; the bus keeps only the newest.
 */
export class TcpEndpoint {
  private readonly sockets = new Set<net.Socket>();
  private readonly server = net.createServer();
  port = 0;

  private constructor(accept: (socket: net.Socket, endpoint: string) => void) {
    this.server.on('connection', (socket) => {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      accept(socket, `tcp ${socket.remoteAddress}:${socket.remotePort}`);
    });
  }

  static async open(
    url: string,
    accept: (socket: net.Socket, endpoint: string) => void,
  ): Promise<TcpEndpoint> {
    const { host, port } = parseTcpUrl(url);
    const endpoint = new TcpEndpoint(accept);
    await new Promise<void>((resolve, reject) => {
      endpoint.server.once('error', (error) =>
        reject(new SimError('endpoint', `cannot listen on ${url}: ${(error as Error).message}`)),
      );
      endpoint.server.listen(port, host, () => resolve());
    });
    const address = endpoint.server.address();
    endpoint.port = typeof address === 'object' && address ? address.port : port;
    return endpoint;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
