import type { Logger } from 'pino';

/**
 * What has been started, to be stopped in reverse order: used both when start-up fails half way
 * (nothing stays open behind a refusal to start) and for a clean shutdown. A step that fails is
 * logged and the rest still run, so the store is always closed last.
 */
export class Teardown {
  private readonly steps: { name: string; run: () => unknown }[] = [];

  constructor(private readonly log: Logger) {}

  add(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        this.log.error({ step: step.name, err: (error as Error).message }, 'shutdown step failed');
      }
    }
  }
}

/** Resolves once `settled()` holds or `limitMs` has passed; true when it settled. */
export async function waitUntil(settled: () => boolean, limitMs: number, pollMs = 100): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (!settled()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return true;
}
