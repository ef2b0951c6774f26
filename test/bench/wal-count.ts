/**
 * Counts what the store wrote by reading its write-ahead log (format: sqlite.org/fileformat2.html,
 * "WAL File Format"): a 32-byte header whose salts every frame of the current log repeats, then
 * frames of a 24-byte header and one page. A frame whose "database size after commit" field is not
 * zero ends a transaction: one commit, one fsync of the log under synchronous=FULL. Frames of an
 * earlier generation of the log (before a restart) carry other salts and are not counted.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

export type WalCount = { readonly commits: number; readonly frames: number };

export type WalReading = WalCount & {
  /** Identifies the log's generation: a restart changes it. */
  readonly salts: string;
  /** What was written since an earlier reading of the same generation. */
  since(before: WalReading): WalCount;
};

export function readWal(dbPath: string): WalReading {
  const path = `${dbPath}-wal`;
  let commits = 0;
  let frames = 0;
  let salts = '';
  if (existsSync(path)) {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const header = Buffer.alloc(32);
      if (size >= 32 && readSync(fd, header, 0, 32, 0) === 32) {
        const pageSize = header.readUInt32BE(8);
        salts = header.subarray(16, 24).toString('hex');
        const frameHeader = Buffer.alloc(24);
        for (let at = 32; at + 24 + pageSize <= size; at += 24 + pageSize) {
          readSync(fd, frameHeader, 0, 24, at);
          if (frameHeader.subarray(8, 16).toString('hex') !== salts) break;
          frames++;
          if (frameHeader.readUInt32BE(4) !== 0) commits++;
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  return {
    commits,
    frames,
    salts,
    since(before) {
      if (before.salts !== salts) {
        throw new Error('the log restarted between the two readings: counts would be wrong');
      }
      return { commits: commits - before.commits, frames: frames - before.frames };
    },
  };
}
