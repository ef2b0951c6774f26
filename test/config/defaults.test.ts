import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_HTTP_SETTINGS,
  DEFAULTS,
  httpSettings,
  ledgerSettings,
  notifySettings,
  parseConfig,
} from '../../src/config';
import { DEFAULT_LOCKOUT_POLICY } from '../../src/domain/lockout';
import { smsKioskName } from '../../src/notify';
import { configErrorOf, shippedConfig } from '../support/config-files';

const _ROOT = join(import.meta.dirname, '..', '..');

// biome-ignore lint/suspicious/noExplicitAny: test documents are edited freely, as a person editing the file would
type Doc = any;

/** The demo file with every optional setting taken out, so only the defaults table speaks. */
function bare(): Doc {
  const doc = shippedConfig();
  for (const key of [
    'http',
    'lockout',
    'opensPerMinute',
    'retention',
    'reminders',
    'logging',
    'notifications',
  ])
    delete doc[key];
  delete doc.store.integrityCheckEveryHours;
  delete doc.buses[0].link;
  if (doc.printer) doc.printer = { connection: doc.printer.connection, codePage: doc.printer.codePage };
  if (doc.scanner) doc.scanner = { connection: doc.scanner.connection };
  return doc;
}

const parse = (doc: Doc, env: Record<string, string> = {}) =>
  parseConfig('k.json', JSON.stringify(doc), { env, cwd: '/srv/kiosk', smsName: smsKioskName });

describe('one defaults table, in the units of the file', () => {
  it('a file that sets nothing optional runs on the table, converted to each layer', () => {
    const config = parse(bare());
    expect(config.http).toEqual({ ...DEFAULTS.http, officeHost: null });
    expect(config.opensPerMinute).toBe(DEFAULTS.opensPerMinute);
    expect(config.retention).toEqual(DEFAULTS.retention);
    expect(config.lockout).toEqual(DEFAULT_LOCKOUT_POLICY);
    expect(config.reminders).toEqual({ afterDays: [3, 7], sendAtMinute: 9 * 60 });
    expect(config.store.integrityCheckEveryMs).toBe(DEFAULTS.store.integrityCheckEveryHours * 3_600_000);
    expect(config.logLevel).toBe(DEFAULTS.logging.level);
    expect(config.notifications).toEqual({ provider: 'log' });
  });

  it('the opens cap set once reaches both the kiosk-wide cap and every link', () => {
    const doc = bare();
    doc.opensPerMinute = 12;
    const config = parse(doc);
    expect(httpSettings(config).opensPerMinute).toBe(12);
    expect(config.buses.map((b) => b.link.maxOpensPerMinute)).toEqual([12]);
    expect(parse(bare()).buses[0]!.link.maxOpensPerMinute).toBe(DEFAULTS.opensPerMinute);
  });

  it('the HTTP defaults resolved for a caller without a file equal what a bare file resolves to', () => {
    const { kioskName: _placeholder, ...defaults } = DEFAULT_HTTP_SETTINGS;
    const { kioskName: _fromFile, ...fromBareFile } = httpSettings(parse(bare()));
    expect(fromBareFile).toEqual(defaults);
  });
});

describe("each layer's settings in its own units", () => {
  it('minutes and seconds of the file become milliseconds for HTTP', () => {
    const doc = bare();
    doc.http = {
      sessionMinutes: 30,
      loginLockout: { maxFailures: 3, lockMinutes: 2 },
      presenceCode: { digits: 8, rotateSeconds: 20 },
    };
    const s = httpSettings(parse(doc));
    expect(s).toMatchObject({
      sessionTtlMs: 30 * 60_000,
      loginMaxFailures: 3,
      loginLockMs: 2 * 60_000,
      presenceCodeDigits: 8,
      presenceCodeRotateMs: 20_000,
    });
  });

  it('reclaim and retention days go to the ledger and the notifier from one place', () => {
    const doc = bare();
    doc.retention = { reclaimAfterDays: 21, retentionDays: 90 };
    const config = parse(doc);
    expect(ledgerSettings(config)).toMatchObject({
      kioskCode: doc.kiosk.code,
      reclaimAfterDays: 21,
      retentionDays: 90,
    });
    expect(notifySettings(config)).toMatchObject({
      reclaimAfterDays: 21,
      kioskName: 'UBND Quan 6 - Mot cua',
    });
  });
});

describe('one ConfigError naming each field', () => {
  it('rules between fields are all reported at once, each naming its field', () => {
    const doc = bare();
    doc.http = { host: '0.0.0.0' };
    doc.procedures[1].code = doc.procedures[0].code;
    doc.accounts[0].pinHash = '246810';
    const error = configErrorOf(() => parse(doc, { PORT: 'x' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.field).sort()).toEqual([
      'PORT',
      'accounts[0].pinHash',
      'http.host',
      'procedures[1].code',
    ]);
    expect(error.message.split('\n')).toHaveLength(4);
  });

  it('a single problem reads file: field: reason, and names the field', () => {
    const doc = bare();
    doc.lockers.push({ bank: 0, board: 2, channel: 0, size: 'XL', position: 40 });
    const error = configErrorOf(() => parse(doc)) as ConfigError;
    expect(error.message).toBe('k.json: lockers[1].size: expected one of "S", "M", "L"');
    expect(error.field).toBe('lockers[1].size');
  });

  it('a kiosk name of blanks is refused for the receipts it would be printed on', () => {
    const doc = bare();
    doc.kiosk.name.vi = '   ';
    expect(configErrorOf(() => parse(doc)).message).toContain(
      'k.json: kiosk.name.vi: must be 1-200 characters',
    );
  });
});
