import type { ScanSource } from '../kiosk';

/**
 * The kiosk scanner's lines, handed to whoever subscribed (the kiosk layer starts the pickups), with
 * the work each line started kept until it ends: shutdown waits for a pickup a scan began.
 */
export class ScanFeed implements ScanSource {
  private readonly listeners = new Set<(text: string) => Promise<void>>();
  private readonly working = new Set<Promise<void>>();

  subscribe(listener: (text: string) => Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One line from the scanner. */
  push(text: string): void {
    for (const listener of this.listeners) {
      const done: Promise<void> = listener(text)
        .catch(() => {})
        .finally(() => this.working.delete(done));
      this.working.add(done);
    }
  }

  /** Resolves when every pickup started by a scan so far has been answered. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.working]);
  }
}
