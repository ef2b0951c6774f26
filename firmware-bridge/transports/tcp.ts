import { connect } from 'node:net';
import { streamTransport } from './stream-transport';
import { type Transport, TransportOpenError, type TransportOptions } from './transport';

/** `tcp://host:port`: an RS485-to-Ethernet gateway (ser2net, Moxa NPort) or the simulator. */
export function parseTcpSpec(spec: string): { host: string; port: number } | null {
  const match = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(spec);
  if (!match) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return null;
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

export function openTcp(spec: string, options: TransportOptions): Promise<Transport> {
  const target = parseTcpSpec(spec);
  if (!target) return Promise.reject(new TransportOpenError(spec, 'expected tcp://host:port'));
  const description = `${target.host}:${target.port}`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port, noDelay: true });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new TransportOpenError(description, `no connection within ${options.connectTimeoutMs} ms`));
    }, options.connectTimeoutMs);
    const failed = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new TransportOpenError(description, error.message));
    };
    socket.once('error', failed);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeListener('error', failed);
      // Frames are a few bytes: send each at once rather than waiting to fill a segment.
      socket.setNoDelay(true);
      socket.setKeepAlive(true, options.tcpKeepAliveMs);
      resolve(streamTransport(socket, description));
    });
  });
}
