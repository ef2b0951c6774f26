import { afterEach, describe, expect, it } from 'vitest';
import {
  openTransport,
  type Transport,
  type TransportCloseReason,
} from '../../../firmware-bridge/transports';
import { haveSocat, type PtyPair, ptyPair } from './socat-pair';

const socat = haveSocat();

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

describe.skipIf(!socat)('serial transport over a real pty (socat)', () => {
  let pair: PtyPair | null = null;
  const open: Transport[] = [];

  afterEach(async () => {
    for (const transport of open) await transport.close();
    open.length = 0;
    await pair?.kill();
    pair = null;
  });

  it('carries bytes both ways through serialport', async () => {
    pair = await ptyPair();
    const host = await openTransport(pair.a, { baudRate: 19200 });
    const board = await openTransport(pair.b, { baudRate: 19200 });
    open.push(host, board);
    const atBoard: Buffer[] = [];
    const atHost: Buffer[] = [];
    board.onData((c) => atBoard.push(c));
    host.onData((c) => atHost.push(c));
    host.write(Buffer.from([0x02, 0x00, 0x31, 0x03, 0x36]));
    await until(() => Buffer.concat(atBoard).length === 5);
    expect(Buffer.concat(atBoard)).toEqual(Buffer.from([0x02, 0x00, 0x31, 0x03, 0x36]));
    board.write(Buffer.from('#1 ACK PING\n'));
    await until(() => Buffer.concat(atHost).toString() === '#1 ACK PING\n');
    expect(Buffer.concat(atHost).toString()).toBe('#1 ACK PING\n');
  });

  it('reports the device vanishing', async () => {
    pair = await ptyPair();
    const host = await openTransport(pair.a);
    open.push(host);
    const closed = new Promise<TransportCloseReason>((resolve) => host.onClose(resolve));
    await pair.kill();
    const reason = await closed;
    expect(['disconnected', 'error', 'remote_end']).toContain(reason.kind);
    expect(host.closed).toBe(true);
  });

  it('releases the port on close, so a reconnect can open it again', async () => {
    pair = await ptyPair();
    const first = await openTransport(pair.a);
    await first.close();
    const second = await openTransport(pair.a);
    open.push(second);
    expect(second.closed).toBe(false);
  });
});

describe('serial transport without a device', () => {
  it('rejects a path that does not exist', async () => {
    await expect(openTransport('/dev/serial/by-id/no-such-adapter')).rejects.toThrow(/cannot open/);
  });
});
