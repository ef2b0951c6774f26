import { describe, expect, it } from 'vitest';
import { CommandFailure, CommandQueue, Priority } from '../../../firmware-bridge/driver/command-queue';
import type { LinkCommand } from '../../../firmware-bridge/driver/commands';
import { EchoFilter } from '../../../firmware-bridge/driver/echo';
import { ManualClock } from './manual-clock';

const status = (board: number): LinkCommand => ({ kind: 'status', board });
const bytes = (hex: string) => Buffer.from(hex.replaceAll(' ', ''), 'hex');

function queueOn(clock: ManualClock, timing = { minGapMs: 2, quietAfterTimeoutMs: 50 }) {
  const writes: { command: LinkCommand; at: number }[] = [];
  const queue = new CommandQueue(
    { nextSeq: () => 1, write: (command) => writes.push({ command, at: clock.now() }) },
    () => {},
    clock,
    timing,
  );
  return { queue, writes };
}

describe('half-duplex manners of the command queue (any dialect)', () => {
  it('after a timeout, writes nothing until the bus has been quiet for the quiet wait, however late the reply', async () => {
    const clock = new ManualClock();
    const { queue, writes } = queueOn(clock);
    const first = queue.send(status(0), { priority: Priority.routine, timeoutMs: 100 });
    first.catch(() => {});
    const second = queue.send(status(1), { priority: Priority.routine, timeoutMs: 100 });
    second.catch(() => {});
    await clock.advance(100);
    await expect(first).rejects.toBeInstanceOf(CommandFailure);
    // The late reply trickles in 30 ms after the timeout: the quiet wait starts again from it.
    await clock.advance(30);
    queue.heard();
    await clock.advance(49);
    expect(writes).toHaveLength(1);
    await clock.advance(2);
    expect(writes).toHaveLength(2);
    expect(writes[1]!.at).toBeGreaterThanOrEqual(130 + 50);
  });

  it('leaves the minimum gap after the last byte heard before the next request', async () => {
    const clock = new ManualClock();
    const { queue, writes } = queueOn(clock, { minGapMs: 5, quietAfterTimeoutMs: 0 });
    const first = queue.send(status(0), { priority: Priority.routine, timeoutMs: 100 });
    await clock.advance(10);
    queue.heard();
    queue.answer({ kind: 'pong' });
    await first;
    const second = queue.send(status(1), { priority: Priority.routine, timeoutMs: 100 });
    second.catch(() => {});
    await clock.advance(4);
    expect(writes).toHaveLength(1);
    await clock.advance(1);
    expect(writes).toHaveLength(2);
  });

  it('holds the bus for a command that expects no reply, then ends it as sent, not as a timeout', async () => {
    const clock = new ManualClock();
    let timeouts = 0;
    const queue = new CommandQueue({ nextSeq: () => 1, write: () => {} }, () => timeouts++, clock);
    const open: LinkCommand = { kind: 'open', door: { board: 0, channel: 1 }, pulseMs: 500 };
    const sent = queue.send(open, { priority: Priority.open, timeoutMs: 150, expectReply: false });
    await clock.advance(149);
    expect(queue.inFlight).not.toBeNull();
    await clock.advance(1);
    await expect(sent).resolves.toMatchObject({ reply: { kind: 'sent' }, writtenAt: 0 });
    expect(timeouts).toBe(0);
  });
});

describe('our own echo (libmodbus issues 35, 432, 818: adapters that send our bytes back)', () => {
  it('drops a whole echo, split across chunks, and passes the reply that follows', () => {
    const echo = new EchoFilter();
    echo.wrote(bytes('02 00 30 03 35'));
    expect(echo.filter(bytes('02 00'))).toHaveLength(0);
    expect(echo.filter(bytes('30 03 35 02 00 35')).toString('hex')).toBe('020035');
    expect(echo.learned).toBe(true);
  });

  it('gives back bytes that began like our request but were the reply (a 0x30-echo board)', () => {
    const echo = new EchoFilter();
    echo.wrote(bytes('02 00 30 03 35'));
    // 02 00 30 01 00 02 00 03 38: a status reply whose first three bytes equal the request's.
    expect(echo.filter(bytes('02 00 30')).length).toBe(0);
    expect(echo.filter(bytes('01 00 02 00 03 38')).toString('hex')).toBe('020030010002000338');
    expect(echo.learned).toBe(false);
    // A bus that does not echo is not searched for one again.
    echo.wrote(bytes('02 00 30 03 35'));
    expect(echo.filter(bytes('02 00 30 03 35 00 00 03 6a')).toString('hex')).toBe('02003003350000036a');
  });

  it('releases a partial echo when the wait for it ends', () => {
    const echo = new EchoFilter();
    echo.wrote(bytes('02 00 31 03 36'));
    expect(echo.filter(bytes('02 00'))).toHaveLength(0);
    expect(echo.release().toString('hex')).toBe('0200');
  });
});
