import { performance } from 'node:perf_hooks';

/**
 * Time for the simulator. Everything physical and every wire delay reads time from here, so
 * tests drive a manual clock and never sleep, while a live run uses a precise one.
 */
export interface Scheduler {
  now(): number; // milliseconds
  /** Run `fn` at time `at` (or as soon as possible if already past). Same-time tasks keep their order. */
  at(at: number, fn: () => void): Cancel;
}

export type Cancel = () => void;

interface Task {
  at: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

/** A queue of tasks sorted by (time, insertion order); small, so a sorted array is enough. */
class TaskQueue {
  private tasks: Task[] = [];
  private order = 0;

  add(at: number, fn: () => void): Task {
    const task: Task = { at, order: this.order++, fn, cancelled: false };
    let i = this.tasks.length;
    while (i > 0 && this.tasks[i - 1]!.at > at) i--;
    this.tasks.splice(i, 0, task);
    return task;
  }

  get first(): Task | undefined {
    while (this.tasks[0]?.cancelled) this.tasks.shift();
    return this.tasks[0];
  }

  shift(): Task | undefined {
    const task = this.first;
    if (task) this.tasks.shift();
    return task;
  }

  clear(): void {
    this.tasks = [];
  }
}

/** Virtual time for tests: nothing runs until `advance` moves the clock. */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private readonly queue = new TaskQueue();

  now(): number {
    return this.time;
  }

  at(at: number, fn: () => void): Cancel {
    const task = this.queue.add(at, fn);
    return () => {
      task.cancelled = true;
    };
  }

  /** Move time forward by `ms`, running every task that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let task = this.queue.first; task && task.at <= end; task = this.queue.first) {
      this.queue.shift();
      this.time = Math.max(this.time, task.at);
      task.fn();
    }
    this.time = end;
  }

  /** Run everything already due (tasks scheduled at or before now). */
  flush(): void {
    this.advance(0);
  }
}

/**
 * Wall-clock scheduler accurate to well under a millisecond: setTimeout (about 1 ms
 * granularity) carries the bulk of a wait, then a setImmediate spin on performance.now()
 * reaches the deadline, so latency measured against the simulator reflects the wire and not
 * the timer wheel. One queue keeps same-deadline tasks in order.
 */
export class PreciseScheduler implements Scheduler {
  private readonly queue = new TaskQueue();
  private timer: NodeJS.Timeout | null = null;
  private spinning = false;
  private stopped = false;

  constructor(private readonly spinMs = 2) {}

  now(): number {
    return performance.now();
  }

  at(at: number, fn: () => void): Cancel {
    const task = this.queue.add(at, fn);
    this.wake();
    return () => {
      task.cancelled = true;
    };
  }

  /** Drop every pending task (the simulator is stopping). */
  stop(): void {
    this.stopped = true;
    this.queue.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private wake(): void {
    if (this.spinning || this.stopped) return;
    const first = this.queue.first;
    if (!first) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wait = first.at - this.now();
    if (wait > this.spinMs) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.spin();
      }, wait - this.spinMs);
    } else {
      this.spin();
    }
  }

  private spin(): void {
    this.spinning = true;
    setImmediate(() => {
      this.spinning = false;
      if (this.stopped) return;
      const now = this.now();
      for (let task = this.queue.first; task && task.at <= now; task = this.queue.first) {
        this.queue.shift();
        task.fn();
      }
      this.wake();
    });
  }
}
