import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors';
import { applyDurabilityPragmas } from '../../src/store/pragmas';
import { tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let db: Database.Database;
beforeEach(() => {
  tmp = tempDir('pragmas-');
  db = new Database(tmp.file('ledger.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/**
 * A real connection on a real file whose `synchronous = FULL` is quietly turned into another
 * level, as a build with other defaults, a wrapper or a stray PRAGMA would leave it. The read-back
 * then sees what SQLite really has in force.
 */
function connectionWhereFullBecomes(level: 'OFF' | 'NORMAL' | 'EXTRA'): Database.Database {
  return new Proxy(db, {
    get(target, key) {
      if (key === 'pragma') {
        return (source: string, options?: { simple?: boolean }) =>
          target.pragma(
            /^synchronous\s*=\s*FULL$/i.test(source) ? `synchronous = ${level}` : source,
            options,
          );
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('synchronous read back at start-up', () => {
  it('is FULL on an ordinary connection', () => {
    expect(applyDurabilityPragmas(db, 1000).synchronous).toBe(2);
  });

  it.each([
    ['NORMAL', 1],
    ['OFF', 0],
  ] as const)('refuses to start when it reads back %s', (level, value) => {
    const weak = connectionWhereFullBecomes(level);
    let refusal: unknown;
    try {
      applyDurabilityPragmas(weak, 1000);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StoreError);
    expect(refusal).toMatchObject({ code: 'PRAGMA_NOT_IN_FORCE' });
    expect((refusal as Error).message).toContain(`synchronous is ${value}`);
    // The refusal reports what SQLite really had in force, not what was asked for.
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(value);
  });

  it('accepts EXTRA, which is stronger than FULL', () => {
    expect(applyDurabilityPragmas(connectionWhereFullBecomes('EXTRA'), 1000).synchronous).toBe(3);
  });
});
