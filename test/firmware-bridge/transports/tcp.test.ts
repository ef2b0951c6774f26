import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Transport, TransportCloseReason } from '../../../firmware-bridge/transports';
import { openTransport } from '../../../firmware-bridge/transports';
import { parseTcpSpec } from '../../../firmware-bridge/transports/tcp';

function collect(transport: Transport): { bytes: () => Buffer; closed: Promise<TransportCloseReason> } {
  const chunks: Buffer[] = [];
  transport.onData((chunk) => chunks.push(chunk));
  return {
    bytes: () => Buffer.concat(chunks),
    closed: new Promise((resolve) => transport.onClose(resolve)),
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

describe('TCP transport over a real loopback socket', () => {
  let server: Server;
  const sockets: Socket[] = [];

  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets.length = 0;
    if (server?.listening) await new Promise((r) => server.close(r));
  });

  async function listen(onSocket: (socket: Socket) => void = () => {}): Promise<string> {
    server = createServer((socket) => {
      sockets.push(socket);
      onSocket(socket);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return `tcp://127.0.0.1:${address.port}`;
  }

  it('carries bytes both ways', async () => {
    const spec = await listen((socket) => socket.on('data', (d) => socket.write(Buffer.from(`echo:${d}`))));
    const transport = await openTransport(spec, { connectTimeoutMs: 1000 });
    const seen = collect(transport);
    transport.write(Buffer.from('STATUS'));
    await until(() => seen.bytes().toString() === 'echo:STATUS');
    expect(seen.bytes().toString()).toBe('echo:STATUS');
    await transport.close();
    expect((await seen.closed).kind).toBe('closed');
  });

  it('reports the far end hanging up, and refuses writes afterwards', async () => {
    const spec = await listen((socket) => setTimeout(() => socket.end(), 10));
    const transport = await openTransport(spec);
    const seen = collect(transport);
    const reason = await seen.closed;
    expect(reason.kind).toBe('remote_end');
    expect(transport.closed).toBe(true);
    expect(() => transport.write(Buffer.from('x'))).toThrow(/closed/);
  });

  it('rejects when nothing listens on the port', async () => {
    const spec = await listen();
    await new Promise((r) => server.close(r));
    await expect(openTransport(spec, { connectTimeoutMs: 1000 })).rejects.toThrow(/cannot open/);
  });

  it('parses only well-formed tcp specs', () => {
    expect(parseTcpSpec('tcp://127.0.0.1:4001')).toEqual({ host: '127.0.0.1', port: 4001 });
    expect(parseTcpSpec('tcp://[::1]:4001')).toEqual({ host: '::1', port: 4001 });
    expect(parseTcpSpec('tcp://host')).toBeNull();
    expect(parseTcpSpec('tcp://host:70000')).toBeNull();
  });
});
