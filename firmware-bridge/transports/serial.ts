import { SerialPort } from 'serialport';
import { watchDeviceNode } from './device-watch';
import { streamTransport } from './stream-transport';
import { type Transport, TransportOpenError, type TransportOptions } from './transport';

/**
 * A tty (a USB-RS485 adapter, best named by /dev/serial/by-id/... since it comes back under
 * another /dev/ttyUSBn after a replug). 8N1 at the configured baud. `hupcl: false` keeps DTR
 * from dropping on close, which resets some boards.
 */
export function openSerial(path: string, options: TransportOptions): Promise<Transport> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const port = new SerialPort(
      {
        path,
        baudRate: options.baudRate,
        dataBits: 8,
        parity: 'none',
        stopBits: 1,
        hupcl: false,
        autoOpen: false,
      },
      undefined,
    );
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      if (port.isOpen) port.close();
      reject(new TransportOpenError(path, `not open within ${options.connectTimeoutMs} ms`));
    }, options.connectTimeoutMs);
    port.open((error) => {
      clearTimeout(timer);
      if (settled) {
        if (!error) port.close();
        return;
      }
      settled = true;
      if (error) reject(new TransportOpenError(path, error.message));
      else
        resolve(
          streamTransport(
            port,
            path,
            () => closePort(port),
            (gone) => watchDeviceNode(path, options.deviceWatchMs, gone),
          ),
        );
    });
  });
}

/** destroy() leaves a SerialPort open (and its lock held): close it explicitly. */
function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    port.close(() => resolve());
  });
}
