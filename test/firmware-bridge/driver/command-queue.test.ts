import { describe, expect, it } from 'vitest';
import { CommandFailure, CommandQueue, Priority } from '../../../firmware-bridge/driver/command-queue';
import type { LinkCommand } from '../../../firmware-bridge/driver/commands';

function queueWithWire() {
  const written: { command: LinkCommand; seq: number }[] = [];
  let seq = 0;
  const timeouts: LinkCommand[] = [];
  const queue = new CommandQueue(
    { nextSeq: () => ++seq, write: (command, s) => written.push({ command, seq: s }) },
    (command) => timeouts.push(command),
  );
  return { queue, written, timeouts };
}

const status = (board: number): LinkCommand => ({ kind: 'status', board });
const open: LinkCommand = { kind: 'open', door: { board: 0, channel: 1 }, pulseMs: 500 };
const tick = () => new Promise((r) => setImmediate(r));

describe('command queue', () => {
  it('puts one command on the bus at a time', async () => {
    const { queue, written } = queueWithWire();
    const first = queue.send(status(0), { priority: Priority.routine, timeoutMs: 1000 });
    void queue.send(status(1), { priority: Priority.routine, timeoutMs: 1000 });
    expect(written).toHaveLength(1);
    queue.answer({ kind: 'pong' });
    await first;
    await tick();
    expect(written.map((w) => w.command)).toEqual([status(0), status(1)]);
  });

  it('gives the bus to an open before waiting polls, and to its status read before polls', async () => {
    const { queue, written } = queueWithWire();
    void queue.send(status(0), { priority: Priority.routine, timeoutMs: 1000 });
    void queue.send(status(1), { priority: Priority.routine, timeoutMs: 1000 });
    void queue.send(status(2), { priority: Priority.serveOpen, timeoutMs: 1000 });
    void queue.send(open, { priority: Priority.open, timeoutMs: 1000 });
    for (let i = 0; i < 3; i++) {
      queue.answer({ kind: 'pong' });
      await tick();
    }
    expect(written.map((w) => w.command)).toEqual([status(0), open, status(2), status(1)]);
  });

  it('fails a command at its timeout, saying its frame was written', async () => {
    const { queue, timeouts } = queueWithWire();
    const failure = await queue
      .send(open, { priority: Priority.open, timeoutMs: 5 })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommandFailure);
    expect(failure).toMatchObject({ code: 'timeout', written: true, garbled: false });
    expect(timeouts).toEqual([open]);
  });

  it('reuses a given sequence number for a resend', async () => {
    const { queue, written } = queueWithWire();
    void queue.send(open, { priority: Priority.open, timeoutMs: 1000, seq: 77 });
    expect(written[0]?.seq).toBe(77);
  });

  it('fails a garbled reply at once, as a timeout of a written frame', async () => {
    const { queue } = queueWithWire();
    const pending = queue.send(status(0), { priority: Priority.routine, timeoutMs: 10_000 });
    queue.garbled('checksum');
    await expect(pending).rejects.toMatchObject({ code: 'timeout', written: true, garbled: true });
  });

  it('on close, fails the command in flight as written and the waiting ones as not written', async () => {
    const { queue } = queueWithWire();
    const inFlight = queue.send(open, { priority: Priority.open, timeoutMs: 1000 }).catch((e: unknown) => e);
    const waiting = queue
      .send(status(0), { priority: Priority.routine, timeoutMs: 1000 })
      .catch((e: unknown) => e);
    queue.close('link_down', 'cable pulled');
    expect(await inFlight).toMatchObject({ code: 'link_down', written: true });
    expect(await waiting).toMatchObject({ code: 'link_down', written: false });
    await expect(queue.send(status(0), { priority: Priority.routine, timeoutMs: 10 })).rejects.toMatchObject({
      code: 'link_down',
      written: false,
    });
  });
});
