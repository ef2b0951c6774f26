import type { BankHealth, StorePort } from './ports';

export interface HealthReport {
  healthy: boolean;
  store: { ok: boolean; detail: string | null };
  links: { bank: number; state: string; ok: boolean }[];
  /** Boards wired in the lockers table that the link has not heard from. */
  boards: { bank: number; board: number; ok: boolean }[];
}

/** Every bank and board the lockers table wires, judged against what the links report. */
export function checkHealth(
  store: Pick<StorePort, 'read' | 'lockers' | 'audit'>,
  banks: readonly BankHealth[],
): HealthReport {
  let storeOk = true;
  let detail: string | null = null;
  let wired: { bank: number; board: number }[] = [];
  try {
    wired = store.read(() => store.lockers.list()).map((l) => ({ bank: l.bank, board: l.board }));
    if (!store.audit.guardsInPlace()) {
      storeOk = false;
      detail = 'audit guards missing';
    }
  } catch (error) {
    storeOk = false;
    detail = error instanceof Error ? error.name : 'unreadable';
  }
  const byBank = new Map(banks.map((b) => [b.bank, b]));
  const wiredBanks = new Set([...wired.map((w) => w.bank), ...byBank.keys()]);
  const links = [...wiredBanks]
    .sort((a, b) => a - b)
    .map((bank) => {
      const state = byBank.get(bank)?.state ?? 'missing';
      return { bank, state, ok: state === 'ready' };
    });
  const seen = new Set(wired.map((w) => `${w.bank}:${w.board}`));
  const boards = [...seen].sort().map((key) => {
    const [bank, board] = key.split(':').map(Number) as [number, number];
    const health = byBank.get(bank);
    const ok = health?.state === 'ready' && health.boards.some((b) => b.board === board);
    return { bank, board, ok };
  });
  const healthy = storeOk && links.every((l) => l.ok) && boards.every((b) => b.ok);
  return { healthy, store: { ok: storeOk, detail }, links, boards };
}

/** True when every bank's link is ready (a citizen flow may start). */
export function linksUp(banks: readonly BankHealth[]): boolean {
  return banks.length > 0 && banks.every((b) => b.state === 'ready');
}
