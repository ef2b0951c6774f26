import { crc16 } from '../firmware-bridge/crc16';
import type { LineReply, LineVerb } from '../firmware-bridge/line/types';

const VERBS: readonly string[] = ['HELLO', 'PING', 'STATUS', 'OPEN'] satisfies LineVerb[];

/**
 * The answer to a request line the decoder rejected (PROTOCOL.md section 8): a CRC failure is
 * `<0 NAK - CRC`; a line whose CRC holds but whose grammar does not is `NAK SYNTAX`, or
 * `NAK - UNKNOWN` for a verb this version lacks, echoing the request's number when it can be
 * read. Returns null for lines that are not requests (noise is not answered).
 */
export function nakForRejected(line: Buffer, reason: string): LineReply | null {
  if (line[0] !== 0x3e) return null; // '>'
  if (reason === 'checksum') return { seq: 0, ok: false, verb: null, reason: 'CRC' };
  if (reason !== 'malformed') return null;
  const head = readableHead(line);
  if (!head) return { seq: 0, ok: false, verb: null, reason: 'SYNTAX' };
  if (!VERBS.includes(head.verb)) return { seq: head.seq, ok: false, verb: null, reason: 'UNKNOWN' };
  return { seq: head.seq, ok: false, verb: head.verb as LineVerb, reason: 'SYNTAX' };
}

/** Sequence number and verb of a line whose CRC is intact, else null. */
function readableHead(line: Buffer): { seq: number; verb: string } | null {
  const text = line.toString('latin1').replace(/\r?\n$/, '');
  const star = text.length - 5;
  if (star < 1 || text[star] !== '*' || !/^[0-9A-F]{4}$/.test(text.slice(star + 1))) return null;
  if (crc16(line, 0, star) !== Number.parseInt(text.slice(star + 1), 16)) return null;
  const match = /^>([1-9]\d{0,4}) ([A-Z]+)[ *]/.exec(text);
  if (!match) return null;
  const seq = Number(match[1]);
  return seq <= 65535 ? { seq, verb: match[2]! } : null;
}
