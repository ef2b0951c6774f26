import { describe, expect, it } from 'vitest';
import { encodeLine } from '../../firmware-bridge/line/codec';
import { ManualScheduler } from '../../hardware-sim/clock';
import { createSimulator, type SimEvent } from '../../hardware-sim/simulator';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('wire time through the whole bus (virtual clock)', () => {
  it('a reply leaves exactly request time + reaction + reply time after the request was written', async () => {
    const clock = new ManualScheduler();
    const sim = createSimulator({
      dialect: 'line',
      boards: 1,
      doors: 4,
      baud: 10_000,
      reactionMs: 5,
      scheduler: clock,
    });
    const sent: { at: number; text: string }[] = [];
    const received: number[] = [];
    sim.on('event', (e: SimEvent) => {
      if (e.type === 'tx') sent.push({ at: clock.now(), text: e.text });
      if (e.type === 'rx') received.push(clock.now());
    });
    const host = sim.connectPipe();
    const request = encodeLine({
      type: 'request',
      request: { seq: 1, command: { verb: 'HELLO', version: 1 } },
    });
    const reply = encodeLine({
      type: 'reply',
      reply: {
        seq: 1,
        ok: true,
        ack: { verb: 'HELLO', version: 1, firmware: 'sim-1.0', boards: 1, channels: 4 },
      },
    });
    host.write(request);
    await tick(); // the pipe hands the bytes over on a later turn; the wire clock has not moved
    clock.advance(request.length - 0.5); // 1 ms a byte at 10 000 baud
    expect(received).toEqual([]);
    clock.advance(0.5);
    expect(received).toEqual([request.length]);
    clock.advance(5 + reply.length - 0.5);
    expect(sent).toEqual([]);
    clock.advance(0.5);
    expect(sent).toEqual([{ at: request.length + 5 + reply.length, text: reply.toString().trimEnd() }]);
    expect(sim.wireStats).toMatchObject({ bytesToBoard: request.length, bytesToHost: reply.length });
    await sim.stop();
  });

  it('an event raised while a reply is on the line waits for the line', async () => {
    const clock = new ManualScheduler();
    const sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 10_000, scheduler: clock });
    const sent: { at: number; text: string }[] = [];
    sim.on('event', (e: SimEvent) => {
      if (e.type === 'tx') sent.push({ at: clock.now(), text: e.text });
    });
    const host = sim.connectPipe();
    host.write(encodeLine({ type: 'request', request: { seq: 1, command: { verb: 'HELLO', version: 1 } } }));
    await tick();
    clock.advance(16); // the request has arrived; the 30-odd byte reply is now on the line
    sim.forceOpen(0, 2);
    clock.advance(200);
    expect(sent.map((s) => s.text.split('*')[0])).toEqual([
      '<1 ACK HELLO 1 sim-1.0 1 4',
      '!1 UNCOMMANDED 0 2',
    ]);
    const [replyLine, eventLine] = sent;
    const eventBytes = Buffer.byteLength(`${eventLine!.text}\n`);
    expect(eventLine!.at).toBe(replyLine!.at + eventBytes);
    await sim.stop();
  });

  it('a delayed reply leaves the delay later, and the next one is on time again', async () => {
    const clock = new ManualScheduler();
    const sim = createSimulator({ dialect: 'line', boards: 1, doors: 4, baud: 10_000, scheduler: clock });
    const sent: number[] = [];
    sim.on('event', (e: SimEvent) => {
      if (e.type === 'tx') sent.push(clock.now());
    });
    const host = sim.connectPipe();
    const hello = encodeLine({
      type: 'request',
      request: { seq: 1, command: { verb: 'HELLO', version: 1 } },
    });
    const ping = encodeLine({ type: 'request', request: { seq: 2, command: { verb: 'PING' } } });
    const pong = encodeLine({ type: 'reply', reply: { seq: 2, ok: true, ack: { verb: 'PING' } } });
    sim.faults.delayNext(1, 100);
    host.write(hello);
    await tick();
    clock.advance(1000);
    expect(sent).toHaveLength(1);
    const helloReplyBytes = sim.wireStats.bytesToHost;
    expect(sent[0]).toBe(hello.length + 100 + helloReplyBytes);
    host.write(ping);
    await tick();
    clock.advance(1000);
    expect(sent[1]).toBe(1000 + ping.length + pong.length);
    await sim.stop();
  });
});
