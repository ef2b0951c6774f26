import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/store/canonical-json';
import { openStore, type Store } from '../../src/store/database';
import type { StoreError } from '../../src/store/errors';
import { connectionOf } from '../../src/store/internal';
import { T0, tempDir } from './fixtures';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = openStore(tmp.file('ledger.db'));
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function appendMany(n: number): void {
  store.write(() => {
    for (let i = 0; i < n; i++) {
      store.audit.append({
        actor: 'kiosk',
        action: 'door.deposit.confirmed',
        subject: `dossier:${i}`,
        at: T0 + i,
        detail: { locker: i % 4, op: i },
      });
    }
  });
}

describe('audit log', () => {
  it('refuses UPDATE and DELETE through its triggers', () => {
    appendMany(3);
    const db = connectionOf(store);
    expect(store.audit.guardsInPlace()).toBe(true);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone' WHERE seq = 2").run()).toThrow(
      /append-only: UPDATE refused/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(
      /append-only: DELETE refused/,
    );
    expect(store.audit.list(0, 10).map((r) => r.actor)).toEqual(['kiosk', 'kiosk', 'kiosk']);
  });

  it('chains each row to the previous one and verifies from the genesis', () => {
    appendMany(5);
    const rows = store.audit.list(0, 10);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const head = store.audit.exportHead();
    expect(store.audit.verifyChain()).toEqual({ ok: true, count: 5, head });
    expect(head).toEqual({ seq: 5, hash: rows[4]!.hash, at: T0 + 4 });
  });

  it('stores details canonically: key order does not change the text', () => {
    store.write(() =>
      store.audit.append({ actor: 'a', action: 'x', detail: { b: 1, a: [2, { d: 3, c: 4 }] }, at: T0 }),
    );
    expect(store.audit.list(0, 1)[0]!.detail).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('is appended only inside a write transaction', () => {
    let code: string | undefined;
    try {
      store.audit.append({ actor: 'kiosk', action: 'x' });
    } catch (e) {
      code = (e as StoreError).code;
    }
    expect(code).toBe('NOT_IN_TRANSACTION');
  });

  it('refuses details that carry names, phones, ID numbers or secrets', () => {
    const refused: { [key: string]: JsonValue }[] = [
      { applicantName: 'x' },
      { phone: '0901234567' },
      { nested: { qrSecret: 'abc' } },
      { code: '12345678' },
      { idCard: '079' },
      { list: [{ pin: '1234' }] },
    ];
    // Twice: the second time each key's verdict comes from the guard's memo.
    for (const pass of ['first', 'again']) {
      for (const detail of refused) {
        let error: StoreError | undefined;
        try {
          store.write(() => store.audit.append({ actor: 'kiosk', action: 'x', detail }));
        } catch (e) {
          error = e as StoreError;
        }
        expect(error?.code, `${pass}: ${JSON.stringify(detail)}`).toBe('SECRET_IN_PAYLOAD');
      }
    }
    let nested: StoreError | undefined;
    try {
      store.write(() =>
        store.audit.append({ actor: 'kiosk', action: 'x', detail: { a: { b: [{ phone: 1 }] } } }),
      );
    } catch (e) {
      nested = e as StoreError;
    }
    expect(nested?.message).toContain("'a.b[0].phone'");
    store.write(() =>
      store.audit.append({
        actor: 'kiosk',
        action: 'x',
        detail: { codeHash: 'ab', procedureCode: 'HT.01', locker: 2 },
      }),
    );
    expect(store.audit.exportHead().seq).toBe(1);
  });

  it('detects removed last rows only against an anchored head, and a rewritten chain against it', () => {
    appendMany(6);
    const anchored = store.audit.exportHead();
    const db = connectionOf(store);
    db.exec('DROP TRIGGER audit_log_no_delete');
    expect(store.audit.guardsInPlace()).toBe(false);
    db.prepare('DELETE FROM audit_log WHERE seq >= 5').run();
    expect(store.audit.verifyChain().ok).toBe(true); // a shorter chain is consistent by itself
    expect(store.audit.verifyChain(anchored)).toMatchObject({ ok: false, brokenAt: 5 });
    // Rewriting the tail with fresh, valid rows is caught by the anchored hash.
    store.write(() => {
      store.audit.append({ actor: 'kiosk', action: 'forged', at: T0 });
      store.audit.append({ actor: 'kiosk', action: 'forged', at: T0 });
    });
    expect(store.audit.verifyChain()).toMatchObject({ ok: true, count: 6 });
    expect(store.audit.verifyChain(anchored)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it('verifies incrementally from a head checked earlier', () => {
    appendMany(4);
    const checked = store.audit.exportHead();
    appendMany(3);
    expect(store.audit.verifyChain(undefined, checked)).toMatchObject({ ok: true, count: 7 });
    const forged = { ...checked, hash: 'f'.repeat(64) };
    expect(store.audit.verifyChain(undefined, forged)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('walks in slices of maxRows, each resuming where the last stopped, until nothing is left', () => {
    appendMany(10);
    const heads: number[] = [];
    let from = undefined as ReturnType<Store['audit']['exportHead']> | undefined;
    for (;;) {
      const slice = store.audit.verifyChain(undefined, from, 4);
      if (!slice.ok) throw new Error(slice.reason);
      heads.push(slice.head.seq);
      from = slice.head;
      if (!slice.more) break;
    }
    expect(heads).toEqual([4, 8, 10]);
    // A slice that ends exactly at the last row says there is no more.
    expect(store.audit.verifyChain(undefined, undefined, 10)).toEqual({
      ok: true,
      count: 10,
      head: store.audit.exportHead(),
    });
    // The anchored head is checked once the walk reaches the end, not in an early slice.
    const anchored = { ...store.audit.exportHead(), hash: 'e'.repeat(64) };
    expect(store.audit.verifyChain(anchored, undefined, 4)).toMatchObject({ ok: true, more: true });
    expect(store.audit.verifyChain(anchored, undefined, 50)).toMatchObject({ ok: false, brokenAt: 10 });
  });
});
