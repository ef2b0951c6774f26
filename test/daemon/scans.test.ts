import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { scanRouter } from '../../src/daemon/scans';
import { DomainError } from '../../src/domain/errors';
import type { Ledger, PickupCredentials } from '../../src/ledger';

const QR = 'DL1.06126112100427.AAAAAAAAAAAAAAAAAAAAAAAA';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines, text: () => JSON.stringify(lines) };
}

function ledgerWith(start: (c: PickupCredentials) => Promise<unknown>): {
  ledger: Ledger;
  calls: PickupCredentials[];
} {
  const calls: PickupCredentials[] = [];
  const ledger = {
    pickup: {
      start: (c: PickupCredentials) => {
        calls.push(c);
        return start(c);
      },
    },
  } as unknown as Ledger;
  return { ledger, calls };
}

describe('what a scan at the kiosk does', () => {
  it('our receipt QR starts a pickup with exactly what was scanned (terminator trimmed)', async () => {
    const { log, lines } = capture();
    const { ledger, calls } = ledgerWith(async () => ({
      ok: true,
      operationId: 7,
      lockerId: 3,
      doorPosition: 3,
      dossierId: 9,
    }));
    await scanRouter(ledger, log)(`${QR}\r`);
    expect(calls).toEqual([{ qr: QR }]);
    expect(lines.at(-1)).toMatchObject({ msg: 'pickup started by scan', operationId: 7, lockerId: 3 });
  });

  it('another code goes to the kiosk page, never to the ledger', async () => {
    const { log } = capture();
    const { ledger, calls } = ledgerWith(async () => {
      throw new Error('not expected');
    });
    const others: number[] = [];
    const portal = 'https://dichvucong.gov.vn/p/home';
    await scanRouter(ledger, log, (length) => others.push(length))(portal);
    expect(calls).toEqual([]);
    expect(others).toEqual([portal.length]);
  });

  it('a refused pickup is logged by its code, and no log line carries the scanned secret', async () => {
    const { log, lines, text } = capture();
    const { ledger } = ledgerWith(async () => {
      throw new DomainError('wrong_code');
    });
    await scanRouter(ledger, log)(QR);
    expect(lines.at(-1)).toMatchObject({ msg: 'pickup scan refused', refusal: 'wrong_code' });
    expect(text()).not.toContain('AAAAAAAAAAAA');
    expect(text()).not.toContain('06126112100427');
  });
});

describe('a scan counts against the kiosk-wide cap on door opens', () => {
  it('a full cap refuses the scan before the ledger is asked, and says so in the log', async () => {
    const { log, lines } = capture();
    const { ledger, calls } = ledgerWith(async () => {
      throw new Error('not expected');
    });
    const full = () => Promise.reject(Object.assign(new Error('opens capped'), { code: 'opens_capped' }));
    await scanRouter(ledger, log, undefined, full)(QR);
    expect(calls).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ msg: 'pickup scan refused', refusal: 'opens_capped' });
  });

  it('a scan that opens goes through the guard exactly once', async () => {
    const { log } = capture();
    const { ledger, calls } = ledgerWith(async () => ({
      ok: true,
      operationId: 1,
      lockerId: 1,
      doorPosition: 1,
      dossierId: 1,
    }));
    let guarded = 0;
    await scanRouter(ledger, log, undefined, (open) => {
      guarded++;
      return open();
    })(QR);
    expect(guarded).toBe(1);
    expect(calls).toEqual([{ qr: QR }]);
  });
});
