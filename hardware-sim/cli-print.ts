import type { SimEvent } from './events';
import { hexText } from './responder';
import type { Simulator } from './simulator';

/** One console line for something the simulator received, sent or did. */
export function formatEvent(event: SimEvent, sim: Simulator, startedAt: number): string {
  const t = `${(sim.scheduler.now() - startedAt).toFixed(1).padStart(9)} ms`;
  const kerong = sim.options.dialect !== 'line'; // the binary dialects print hex
  switch (event.type) {
    case 'connection':
      return `${t}  link    host ${event.state === 'open' ? 'connected' : 'disconnected'} (${event.endpoint})`;
    case 'rx': {
      const shown = kerong && event.accepted ? `${hexText(event.bytes)}  (${event.text})` : event.text;
      return `${t}  host>   ${shown}${event.accepted ? '' : `  [discarded: ${event.reason}]`}`;
    }
    case 'tx':
      return `${t}  board<  ${event.text}${event.kind === 'reply' ? '' : `  [${event.kind}]`}`;
    case 'fire': {
      const r = event.record;
      return `${t}  fire    board ${r.board} ch ${r.channel} (${r.cause})${r.bulk ? '  ** BULK **' : ''}`;
    }
    case 'physical': {
      const c = event.change;
      if (c.kind === 'fault') return `${t}  door    board ${c.board} reports fault ${c.code}`;
      const where = `board ${c.board} ch ${c.channel}`;
      if (c.kind === 'presence') return `${t}  door    ${where} ${c.present ? 'item in' : 'empty'}`;
      if (!c.open) return `${t}  door    ${where} closed`;
      return `${t}  door    ${where} opened${c.commanded ? '' : ' WITHOUT A COMMAND'}`;
    }
    case 'fault':
      return `${t}  fault   ${event.fault}: ${event.detail}`;
    case 'warning':
      return `${t}  WARNING ${event.message}`;
  }
}

/** The `state` command: every door, the knobs and the counters. */
export function formatState(sim: Simulator): string {
  const lines: string[] = [];
  const { dialect, boards, doors, baud } = sim.options;
  lines.push(
    `${dialect} bus, ${boards} board(s) x ${doors} doors, ${baud} baud, host ${sim.connected ? 'connected' : 'not connected'}`,
  );
  for (let b = 0; b < boards; b++) {
    lines.push(`board ${b}${sim.bank.board(b).refuseOpens ? '  REFUSING OPENS' : ''}`);
    for (let c = 0; c < doors; c++) {
      const d = sim.truth(b, c);
      const faults = [d.jammed ? 'jammed' : '', d.sensor !== 'none' ? `sensor ${d.sensor}` : ''].filter(
        Boolean,
      );
      lines.push(
        `  ch ${String(c).padStart(2)}  ${d.locked ? 'locked  ' : 'unlocked'}  ${d.doorOpen ? 'open  ' : 'closed'}  ${d.present ? 'item' : '-   '}  ${faults.join(', ')}`.trimEnd(),
      );
    }
  }
  const f = sim.faults;
  lines.push(
    `faults: drop ${f.drop} corrupt ${f.corrupt} dup ${f.duplicate} delay ${f.delay.ms} ms (p ${f.delay.probability}) fragment ${f.fragment ? 'on' : 'off'} silent ${f.silent ? 'on' : 'off'}`,
  );
  lines.push(`knobs: ${sim.knobs.describe()}`);
  lines.push(`next replies hit: ${JSON.stringify(f.pending())}`);
  lines.push(`fault counters: ${JSON.stringify(f.counters)}`);
  lines.push(`door counters: ${JSON.stringify(sim.counters)}`);
  const w = sim.wireStats;
  lines.push(`wire: ${w.bytesToBoard} bytes in, ${w.bytesToHost} bytes out in ${w.writesToHost} writes`);
  return lines.join('\n');
}
