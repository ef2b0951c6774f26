import { describe, expect, it } from 'vitest';
import { formatSummary, runCrashRounds } from './crash/run-crashes';

/**
 * The ledger daemon runs in a child process against a real SQLite file and simulated boards
 * served on loopback by this process, where simulated hands put and take items. It is killed
 * with SIGKILL at random moments 50 times, about a third of them while it starts up (before or
 * during start-up reconciliation, right after an earlier crash left operations unfinished); after
 * each restart that completes its start-up reconciliation must
 * leave every acknowledged deposit in a legal state, every operation settled, one live dossier
 * per door, the ledger agreeing with what the doors hold, and the audit chain intact.
 */
describe('the ledger under SIGKILL', () => {
  it('keeps every promise across 50 crashes and restarts', { timeout: 600_000 }, async () => {
    const summary = await runCrashRounds({ crashes: 50, seed: 20261121 });
    console.log(formatSummary(summary));
    expect(summary.violations).toEqual([]);
    expect(summary.workerErrors).toEqual([]);
    expect(summary.settleFailures).toEqual([]);
    // The run must have exercised what it claims to check.
    expect(summary.crashes).toBe(50);
    // About a third of the kills are aimed at start-up; some must land inside reconciliation.
    expect(summary.startupKills.total).toBeGreaterThan(5);
    expect(summary.startupKills.duringReconciliation).toBeGreaterThan(0);
    expect(summary.acknowledgedDeposits).toBeGreaterThan(10);
    expect(summary.operations.collect + summary.operations.load + summary.operations.pickup).toBeGreaterThan(
      10,
    );
    expect(summary.inspectionsSettled).toBeGreaterThan(0);
  });
});
