import { access } from 'node:fs';

/**
 * Watches that a serial device node still exists. An unplugged USB-RS485 adapter takes its
 * /dev/serial/by-id/... link and /dev/ttyUSBn node with it, but the port does not always say so:
 * on some platforms (and on a pty whose master died) no read ever fails, so the port stays
 * "open" on a dead device until the link's heartbeat notices the silence. Seeing the node go is
 * quicker and names the cause. Returns a function that stops the watch.
 */
export function watchDeviceNode(path: string, everyMs: number, gone: (detail: string) => void): () => void {
  let stopped = false;
  const timer = setInterval(() => {
    access(path, (error) => {
      if (stopped || !error) return;
      if (error.code === 'ENOENT' || error.code === 'ENXIO' || error.code === 'ENODEV') {
        stopped = true;
        clearInterval(timer);
        gone(`${path} vanished (${error.code})`);
      }
    });
  }, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
