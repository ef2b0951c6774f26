/**
 * What one open round trip is made of, from the link bench's own samples and the simulator
 * child's trace, all on the system's monotonic clock: the request's way to the simulator's
 * socket (this process writing, the kernel, the child being scheduled), the simulator's time
 * beyond the wire (its pacing being late), and the reply's way back (the kernel, this process's
 * event loop and decoding). Also this process's event-loop delay and GC pauses and the machine's
 * load, so a slow tail can be told apart from the machine's noise.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { SimTrace } from './link-sim-child';
import { percentile } from './stats';

export interface OpenSample {
  /** Monotonic ms as the open was handed to the transport. */
  writtenAt: number;
  rttMs: number;
  wireMs: number;
}

export interface Part {
  up: number;
  simBeyondWire: number;
  down: number;
}

/**
 * Splits each sample at the simulator's first read after the write and its first reply after
 * that read. Null when the trace has neither (the child traces on a best-effort basis).
 */
export function splitRoundTrips(samples: readonly OpenSample[], trace: SimTrace): (Part | null)[] {
  let a = 0;
  let r = 0;
  return samples.map((s) => {
    while (a < trace.arrivals.length && trace.arrivals[a]! < s.writtenAt) a++;
    const arrival = trace.arrivals[a];
    if (arrival === undefined) return null;
    while (r < trace.replies.length && trace.replies[r]! < arrival) r++;
    const reply = trace.replies[r];
    if (reply === undefined) return null;
    const repliedAt = s.writtenAt + s.rttMs;
    return { up: arrival - s.writtenAt, simBeyondWire: reply - arrival - s.wireMs, down: repliedAt - reply };
  });
}

/** This process's event-loop delay and GC pauses while `watch` runs, and the load around it. */
export class ProcessWatch {
  private readonly delay = monitorEventLoopDelay({ resolution: 1 });
  private readonly gc: number[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.gc.push(entry.duration);
  });
  loadBefore = 0;
  loadAfter = 0;
  private cpuBefore: number[] | null = null;
  private cpuAfter: number[] | null = null;

  start(): void {
    this.loadBefore = loadavg1();
    this.cpuBefore = cpuTicks();
    this.delay.enable();
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.delay.disable();
    this.observer.disconnect();
    this.loadAfter = loadavg1();
    this.cpuAfter = cpuTicks();
  }

  /**
   * Shares of the machine's CPU time meanwhile (from /proc/stat): busy with anything, and stolen
   * by the hypervisor (time the virtual cores wanted and did not get). Null off Linux.
   */
  machine(): { busy: number; steal: number } | null {
    if (!this.cpuBefore || !this.cpuAfter) return null;
    const d = this.cpuAfter.map((v, i) => v - this.cpuBefore![i]!);
    const total = d.reduce((a, b) => a + b, 0);
    if (total <= 0) return null;
    // user nice system idle iowait irq softirq steal
    const idle = (d[3] ?? 0) + (d[4] ?? 0);
    return { busy: 1 - idle / total, steal: (d[7] ?? 0) / total };
  }

  figures(): Record<string, number> {
    return {
      loop_delay_p50_ms: this.delay.percentile(50) / 1e6,
      loop_delay_p99_ms: this.delay.percentile(99) / 1e6,
      loop_delay_max_ms: this.delay.max / 1e6,
      gc_pauses: this.gc.length,
      gc_pause_max_ms: this.gc.length > 0 ? Math.max(...this.gc) : 0,
      gc_pause_total_ms: this.gc.reduce((a, b) => a + b, 0),
    };
  }
}

function cpuTicks(): number[] | null {
  try {
    const line = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0]!;
    return line.trim().split(/\s+/).slice(1, 9).map(Number);
  } catch {
    return null;
  }
}

/** The machine's 1-minute load average. */
function loadavg1(): number {
  return loadavg()[0]!;
}

export function partPercentiles(parts: readonly (Part | null)[], p: number): Part | null {
  const known = parts.filter((x): x is Part => x !== null);
  if (known.length === 0) return null;
  return {
    up: percentile(
      known.map((x) => x.up),
      p,
    ),
    simBeyondWire: percentile(
      known.map((x) => x.simBeyondWire),
      p,
    ),
    down: percentile(
      known.map((x) => x.down),
      p,
    ),
  };
}
