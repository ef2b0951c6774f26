/**
 * Child of store-fsync.ts: opens the ledger file given, runs the given number of kiosk cycles
 * (store-cycle.ts, idle work where a daemon runs it) and exits. Its parent counts the process's
 * fsync and fdatasync calls from outside.
 */
import { openStore } from '../../src/store/database';
import { cycleLedger, runCycle } from './store-cycle';

const [path, count] = process.argv.slice(2);
if (!path || !count) throw new Error('usage: store-fsync-child.ts FILE CYCLES');
const store = openStore(path, { idleCheckpointMs: null });
const c = cycleLedger(store);
await c.ledger.reconcile();
for (let i = 0; i < Number(count); i++) await runCycle(store, c, false);
c.stop();
store.close();
