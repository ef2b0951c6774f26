import { describe, expect, it } from 'vitest';
import { encodeLine, parseLine } from '../../firmware-bridge/line/codec';
import type { LineCommand, LineEventBody, LineFrame, LineReply } from '../../firmware-bridge/line/types';
import { Bank } from '../../hardware-sim/bank';
import { ManualScheduler } from '../../hardware-sim/clock';
import { LineResponder, REMEMBERED_OPENS } from '../../hardware-sim/line-responder';
import type { Outgoing } from '../../hardware-sim/responder';

function board(options: { cooldownMs?: number; greet?: boolean } = {}) {
  const clock = new ManualScheduler();
  const bank = new Bank(2, { doors: 8, springMs: 0, cooldownMs: options.cooldownMs ?? 0 }, clock);
  const sent: Outgoing[] = [];
  const warnings: string[] = [];
  const responder = new LineResponder(bank, {
    send: (out) => sent.push(out),
    received: () => {},
    warn: (message) => warnings.push(message),
  });
  const frames = (): LineFrame[] =>
    sent.splice(0).map((out) => {
      const parsed = parseLine(out.bytes);
      if (parsed.type === 'error') throw new Error(`board sent a bad line: ${out.text}`);
      return parsed;
    });
  const request = (seq: number, command: LineCommand) =>
    responder.receive(encodeLine({ type: 'request', request: { seq, command } }));
  const replies = (): LineReply[] => frames().flatMap((f) => (f.type === 'reply' ? [f.reply] : []));
  if (options.greet !== false) {
    request(65535, { verb: 'HELLO', version: 1 });
    sent.length = 0;
  }
  return { clock, bank, responder, sent, frames, replies, request };
}

const open = (board: number, channel: number): LineCommand => ({
  verb: 'OPEN',
  board,
  channel,
  pulseMs: 300,
});

describe('the line dialect board', () => {
  it('answers HELLO with its layout, NAK VERSION to another version, and nothing but HELLO before one succeeds', () => {
    const b = board({ greet: false });
    b.request(1, { verb: 'PING' });
    b.request(2, { verb: 'HELLO', version: 9 });
    b.request(3, open(0, 0));
    b.request(4, { verb: 'HELLO', version: 1 });
    b.request(5, { verb: 'PING' });
    expect(b.replies()).toEqual([
      { seq: 1, ok: false, verb: 'PING', reason: 'VERSION' },
      { seq: 2, ok: false, verb: 'HELLO', reason: 'VERSION' },
      { seq: 3, ok: false, verb: 'OPEN', reason: 'VERSION' },
      { seq: 4, ok: true, ack: { verb: 'HELLO', version: 1, firmware: 'sim-1.0', boards: 2, channels: 8 } },
      { seq: 5, ok: true, ack: { verb: 'PING' } },
    ]);
    expect(b.bank.fires).toEqual([]);
  });

  it('forgets executed opens on a successful HELLO: a restarted host may reuse seqs', () => {
    const b = board();
    b.request(3, open(0, 1));
    b.bank.closeDoor(0, 1);
    b.request(9, { verb: 'HELLO', version: 1 });
    b.request(3, open(0, 1));
    expect(b.replies().map((r) => (r.ok ? r.ack.verb : r.reason))).toEqual(['OPEN', 'HELLO', 'OPEN']);
    expect(b.bank.fires).toHaveLength(2);
  });

  it('answers NAK - UNKNOWN to a well-formed line with an unknown verb, and NAK SYNTAX to bad grammar', () => {
    const b = board();
    b.responder.receive(Buffer.from('>8 RESET*7A65\n'));
    b.responder.receive(Buffer.from('>3  STATUS 0*B142\n'));
    b.responder.receive(Buffer.from('>2 PING\n'));
    expect(b.replies()).toEqual([
      { seq: 8, ok: false, verb: null, reason: 'UNKNOWN' },
      { seq: 0, ok: false, verb: null, reason: 'SYNTAX' },
      { seq: 0, ok: false, verb: null, reason: 'SYNTAX' },
    ]);
  });

  it('answers PING and STATUS with the door readings', () => {
    const b = board();
    b.bank.forceOpen(1, 2);
    b.bank.putItem(1, 2);
    b.frames();
    b.request(3, { verb: 'PING' });
    b.request(4, { verb: 'STATUS', board: 1 });
    const [ping, status] = b.replies();
    expect(ping).toEqual({ seq: 3, ok: true, ack: { verb: 'PING' } });
    expect(status?.ok && status.ack.verb === 'STATUS' && status.ack.channels[2]).toEqual({
      locked: false,
      doorOpen: true,
      present: true,
    });
    expect(status?.ok && status.ack.verb === 'STATUS' && status.ack.channels[1]?.doorOpen).toBe(false);
  });

  it('opens a door once, acks, reports OPENED, and refuses the same seq again without firing', () => {
    const b = board();
    b.request(10, open(0, 5));
    b.bank.closeDoor(0, 5);
    b.request(10, open(0, 5));
    const frames = b.frames();
    expect(
      frames.map((f) => (f.type === 'reply' ? f.reply : f.type === 'event' ? f.event.body : null)),
    ).toEqual([
      { seq: 10, ok: true, ack: { verb: 'OPEN', board: 0, channel: 5 } },
      { event: 'OPENED', board: 0, channel: 5 },
      { event: 'CLOSED', board: 0, channel: 5 },
      { seq: 10, ok: false, verb: 'OPEN', reason: 'DUPLICATE' },
    ]);
    expect(b.bank.firesFor('line seq 10')).toHaveLength(1);
  });

  it('remembers at least the last 64 executed opens', () => {
    const b = board();
    expect(REMEMBERED_OPENS).toBeGreaterThanOrEqual(64);
    for (let seq = 1; seq <= 64; seq++) {
      b.request(seq, open(seq % 2, seq % 8));
      b.bank.closeDoor(seq % 2, seq % 8);
    }
    b.frames();
    for (let seq = 1; seq <= 64; seq++) b.request(seq, open(seq % 2, seq % 8));
    expect(b.replies().every((r) => !r.ok && r.reason === 'DUPLICATE')).toBe(true);
    expect(b.bank.fires).toHaveLength(64);
  });

  it('does not remember an open it refused: the same seq may run once the board accepts', () => {
    const b = board();
    b.bank.refuseOpens(0, true);
    b.request(7, open(0, 1));
    b.bank.refuseOpens(0, false);
    b.request(7, open(0, 1));
    expect(b.replies().map((r) => (r.ok ? 'ACK' : r.reason))).toEqual(['REFUSED', 'ACK']);
    expect(b.bank.fires).toHaveLength(1);
  });

  it('answers NAK COOLDOWN while the solenoid cools down', () => {
    const b = board({ cooldownMs: 1000 });
    b.request(1, open(0, 1));
    b.bank.closeDoor(0, 1);
    b.request(2, open(0, 1));
    b.clock.advance(1000);
    b.request(3, open(0, 1));
    expect(b.replies().map((r) => (r.ok ? 'ACK' : r.reason))).toEqual(['ACK', 'COOLDOWN', 'ACK']);
  });

  it('answers NAK RANGE to a board, channel or pulse out of range, without firing', () => {
    const b = board();
    b.request(1, open(2, 0));
    b.request(2, open(0, 8));
    b.request(3, { verb: 'OPEN', board: 0, channel: 0, pulseMs: 5000 });
    b.request(4, { verb: 'STATUS', board: 5 });
    expect(b.replies().map((r) => (r.ok ? 'ACK' : `${r.seq} ${r.reason}`))).toEqual([
      '1 RANGE',
      '2 RANGE',
      '3 RANGE',
      '4 RANGE',
    ]);
    expect(b.bank.fires).toEqual([]);
  });

  it('answers NAK CRC with seq 0 to a request whose CRC fails, and does not execute it', () => {
    const b = board();
    const line = encodeLine({ type: 'request', request: { seq: 9, command: open(0, 0) } });
    line[line.length - 2] = line[line.length - 2] === 0x30 ? 0x31 : 0x30; // last CRC digit
    b.responder.receive(line);
    expect(b.replies()).toEqual([{ seq: 0, ok: false, verb: null, reason: 'CRC' }]);
    expect(b.bank.fires).toEqual([]);
  });

  it('ignores a noise line and answers the request after it', () => {
    const b = board();
    b.responder.receive(Buffer.from('\x00\xffgarbage\n'));
    b.responder.receive(
      Buffer.concat([
        Buffer.from('zz\n'),
        encodeLine({ type: 'request', request: { seq: 5, command: { verb: 'PING' } } }),
      ]),
    );
    expect(b.replies()).toEqual([{ seq: 5, ok: true, ack: { verb: 'PING' } }]);
  });

  it('reports presence, closes, uncommanded opens and faults as numbered events', () => {
    const b = board();
    b.bank.forceOpen(1, 3);
    b.bank.putItem(1, 3);
    b.bank.closeDoor(1, 3);
    b.bank.reportFault(0, 'OVERHEAT');
    const events = b.frames().flatMap((f) => (f.type === 'event' ? [f.event] : []));
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => e.body)).toEqual<LineEventBody[]>([
      { event: 'UNCOMMANDED', board: 1, channel: 3 },
      { event: 'PRESENCE', board: 1, channel: 3, present: true },
      { event: 'CLOSED', board: 1, channel: 3 },
      { event: 'FAULT', board: 0, code: 'OVERHEAT' },
    ]);
  });

  it('a jammed lock is fired and acked, but no OPENED follows', () => {
    const b = board();
    b.bank.jam(0, 0, true);
    b.request(1, open(0, 0));
    expect(b.frames()).toEqual([
      { type: 'reply', reply: { seq: 1, ok: true, ack: { verb: 'OPEN', board: 0, channel: 0 } } },
    ]);
    expect(b.bank.fires).toHaveLength(1);
  });
});
