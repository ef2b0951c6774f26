import { Duplex } from 'node:stream';

/**
 * Two connected in-memory byte streams: what one end writes, the other reads. This is the
 * in-process "cable" between the link and a simulated board (node:stream's duplexPair arrives
 * only in Node 22.6). Destroying either end ends both, as pulling a cable would.
 */
export function duplexPair(): [Duplex, Duplex] {
  let left: Duplex;
  let right: Duplex;
  const make = (peer: () => Duplex) =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        peer().push(chunk);
        callback();
      },
      final(callback) {
        peer().push(null);
        callback();
      },
      destroy(error, callback) {
        const other = peer();
        if (!other.destroyed) other.destroy();
        callback(error);
      },
    });
  left = make(() => right);
  right = make(() => left);
  return [left, right];
}
