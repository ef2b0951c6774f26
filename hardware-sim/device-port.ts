import type { Socket } from 'node:net';
import { PtyEndpoint } from './pty-endpoint';
import { TcpEndpoint } from './tcp-endpoint';

/**
 * Where a simulated device (the receipt printer, the QR scanner) is reached: a TCP listener, as
 * a network device is, and a pty bridged to it by socat when a path is given, as a serial one is.
 */
export class DevicePort {
  private constructor(
    private readonly tcp: TcpEndpoint,
    private readonly pty: PtyEndpoint | null,
  ) {}

  static async open(
    options: { listen: string; ptyPath?: string; log: (message: string) => void },
    accept: (socket: Socket) => void,
  ): Promise<DevicePort> {
    const tcp = await TcpEndpoint.open(options.listen, accept);
    const pty = options.ptyPath ? await PtyEndpoint.open(options.ptyPath, tcp.port, options.log) : null;
    return new DevicePort(tcp, pty);
  }

  get port(): number {
    return this.tcp.port;
  }

  async close(): Promise<void> {
    await this.pty?.close();
    await this.tcp.close();
  }
}
