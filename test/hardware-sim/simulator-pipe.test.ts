import { afterEach, describe, expect, it } from 'vitest';
import {
  createSimulator,
  type SimEvent,
  type Simulator,
  type SimulatorOptions,
} from '../../hardware-sim/simulator';
import { LineHost, open } from './line-host';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.stop();
  sim = null;
});

async function start(options: Partial<SimulatorOptions> = {}, greet = true) {
  sim = createSimulator({ dialect: 'line', boards: 2, doors: 8, baud: 'instant', ...options });
  const seen: SimEvent[] = [];
  sim.on('event', (e) => seen.push(e));
  const host = new LineHost(sim.connectPipe());
  if (greet) await host.greet();
  return { sim, host, seen };
}

describe('the simulator over an in-process pipe', () => {
  it('answers at a real baud rate and accounts every byte on the wire', async () => {
    const { sim, host } = await start({ baud: 19200, reactionMs: 1 }, false);
    const hello = await host.request(1, { verb: 'HELLO', version: 1 });
    expect(hello).toMatchObject({ seq: 1, ok: true, ack: { verb: 'HELLO', boards: 2, channels: 8 } });
    const ack = await host.request(2, open(1, 4));
    expect(ack).toEqual({ seq: 2, ok: true, ack: { verb: 'OPEN', board: 1, channel: 4 } });
    await host.until(() => host.events.length === 1);
    expect(host.events[0]).toEqual({ seq: 1, body: { event: 'OPENED', board: 1, channel: 4 } });
    expect(sim.fires.map((f) => [f.board, f.channel, f.cause])).toEqual([[1, 4, 'line seq 2']]);
    const stats = sim.wireStats;
    expect(stats.bytesToBoard).toBe(Buffer.byteLength('>1 HELLO 1*XXXX\n>2 OPEN 1 4 300*XXXX\n'));
    expect(stats.writesToHost).toBe(3);
  });

  it('a lost reply followed by a resend of the same seq fires the door only once', async () => {
    const { sim, host } = await start();
    sim.faults.dropNext(1);
    host.send(5, open(0, 2));
    await host.until(() => host.events.length === 1); // the door opened, the ACK was lost
    const again = await host.request(5, open(0, 2));
    expect(again).toEqual({ seq: 5, ok: false, verb: 'OPEN', reason: 'DUPLICATE' });
    expect(sim.firesFor('line seq 5')).toHaveLength(1);
    expect(sim.faults.counters.dropped).toBe(1);
  });

  it('a corrupted reply fails the host CRC check', async () => {
    const { sim, host } = await start();
    sim.faults.corruptNext(1);
    host.send(1, { verb: 'PING' });
    await host.until(() => host.discarded.length > 0);
    expect(host.replies).toEqual([]);
    expect(await host.request(2, { verb: 'PING' })).toEqual({ seq: 2, ok: true, ack: { verb: 'PING' } });
  });

  it('a duplicated reply arrives twice', async () => {
    const { sim, host } = await start();
    sim.faults.duplicateNext(1);
    host.send(3, { verb: 'PING' });
    await host.until(() => host.replies.length === 2);
    expect(host.replies.map((r) => r.seq)).toEqual([3, 3]);
  });

  it('garbage on the line is discarded by the host, and the link recovers', async () => {
    const { sim, host } = await start();
    sim.faults.garbage(40);
    await host.until(() => host.discarded.length > 0 || host.stream.readableLength === 0);
    // The reply right behind the noise may be lost with it; a later one must get through.
    let reply = null;
    for (let seq = 1; seq <= 3 && !reply; seq++) {
      host.send(seq, { verb: 'PING' });
      await host.until(() => host.replies.length > 0, 300).catch(() => {});
      reply = host.replies[0] ?? null;
    }
    expect(reply).toMatchObject({ ok: true, ack: { verb: 'PING' } });
    expect(sim.faults.counters.garbageBytes).toBe(40);
  });

  it('a reply fragmented into small writes is still read whole', async () => {
    const { sim, host } = await start({ baud: 115200 });
    sim.faults.fragment = true;
    const writes = sim.wireStats.writesToHost;
    expect(await host.request(4, { verb: 'STATUS', board: 0 })).toMatchObject({ seq: 4, ok: true });
    expect(sim.wireStats.writesToHost - writes).toBeGreaterThan(3);
    expect(sim.faults.counters.fragmented).toBe(1);
  });

  it('a silent link keeps the connection but neither executes nor answers', async () => {
    const { sim, host, seen } = await start();
    sim.faults.silent = true;
    host.send(1, open(0, 0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.replies).toEqual([]);
    expect(sim.fires).toEqual([]);
    expect(sim.faults.counters.swallowedWhileSilent).toBeGreaterThan(0);
    sim.faults.silent = false;
    expect(await host.request(2, { verb: 'PING' })).toMatchObject({ ok: true });
    expect(seen.some((e) => e.type === 'connection' && e.state === 'closed')).toBe(false);
  });

  it('pulling the cable closes the host end; a new pipe replaces the old one', async () => {
    const { sim, host } = await start();
    sim.faults.disconnect();
    await host.closed();
    expect(sim.connected).toBe(false);
    const first = new LineHost(sim.connectPipe());
    const second = new LineHost(sim.connectPipe());
    await first.closed();
    await second.greet();
    expect(await second.request(1, { verb: 'PING' })).toMatchObject({ ok: true });
  });

  it('tells its watchers what it received, sent and did', async () => {
    const { sim, host, seen } = await start();
    await host.request(9, open(0, 1));
    sim.closeDoor(0, 1);
    await host.until(() => host.events.length === 2);
    const kinds = seen.map((e) => (e.type === 'physical' ? `physical ${e.change.kind}` : e.type));
    expect(kinds).toEqual(expect.arrayContaining(['connection', 'rx', 'fire', 'physical door', 'tx']));
    expect(seen.some((e) => e.type === 'rx' && /^>9 OPEN 0 1 300\*/.test(e.text))).toBe(true);
    expect(host.events.map((e) => e.body.event)).toEqual(['OPENED', 'CLOSED']);
  });

  it('reports a physical action on a door that does not exist', async () => {
    const { sim } = await start();
    expect(() => sim.closeDoor(0, 8)).toThrow(/no channel 8/);
    expect(() => sim.putItem(0, 0)).toThrow(/door is closed/);
  });

  it('rejects a bad layout naming the field', () => {
    expect(() => createSimulator({ dialect: 'line', boards: 0, doors: 8, baud: 9600 })).toThrow(/boards/);
    expect(() => createSimulator({ dialect: 'line', boards: 1, doors: 8, baud: -5 })).toThrow(/baud/);
  });
});
