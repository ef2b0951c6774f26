import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config';
import { verifyPin } from '../../src/domain/staff-pin';
import { smsKioskName } from '../../src/notify';
import { type ConfigDoc, configErrorOf, shippedConfig } from '../support/config-files';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'config-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shipped configuration files', () => {
  it('config/default.json is a valid demo kiosk of 2 boards x 16 doors on the embedded simulator', () => {
    const config = loadConfig({ env: {}, cwd: ROOT });
    expect(config.file).toBe('config/default.json');
    expect(config.buses).toMatchObject([{ bank: 0, connection: 'embedded', boards: [0, 1], channels: 16 }]);
    expect(config.lockers).toHaveLength(32);
    expect(new Set(config.lockers.map((l) => l.size))).toEqual(new Set(['S', 'M', 'L']));
    expect(config.procedures.map((p) => p.nameVi)).toEqual(
      expect.arrayContaining(['Đăng ký hộ kinh doanh', 'Đăng ký khai sinh', 'Xác nhận tình trạng hôn nhân']),
    );
    expect(config.http).toMatchObject({ host: '127.0.0.1', port: 8080, officeHost: null });
    expect(config.store.path).toBe(join(ROOT, 'var/demo/ledger.db'));
  });

  it('the demo accounts open with the PINs the README gives', () => {
    const config = loadConfig({ env: {}, cwd: ROOT });
    const staff = config.accounts.find((a) => a.role === 'staff')!;
    const technician = config.accounts.find((a) => a.role === 'technician')!;
    expect(verifyPin('246810', staff.pinHash)).toBe(true);
    expect(verifyPin('135790', technician.pinHash)).toBe(true);
    expect(verifyPin('135790', staff.pinHash)).toBe(false);
  });

  it('config/kiosk.example.json is a valid installation: serial, gateway and Kerong buses, a webhook', () => {
    const config = loadConfig({ env: { LOCKER_CONFIG: 'config/kiosk.example.json' }, cwd: ROOT });
    expect(config.buses.map((b) => [b.dialect, b.connection.split('/')[2] ?? b.connection])).toEqual([
      ['line', 'serial'],
      ['line', '10.20.0.40:4001'],
      ['kerong', 'serial'],
    ]);
    expect(config.printer?.connection).toMatch(/^tcp:\/\/.+:9100$/);
    expect(config.notifications).toMatchObject({ provider: 'webhook' });
    expect(config.http.officeHost).not.toBeNull();
  });
});

describe('start-up refuses a bad configuration, naming the file and the field', () => {
  it('a broken JSON file is reported with its line and column', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "kiosk": {\n    "code": "061",\n  }\n}\n');
    const error = configErrorOf(() => loadConfig({ env: { LOCKER_CONFIG: file } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(new RegExp(`^${file}: not valid JSON at line 4, column 3`));
  });

  it('a missing file is named', () => {
    const error = configErrorOf(() => loadConfig({ env: { LOCKER_CONFIG: join(dir, 'nope.json') } }));
    expect(error.message).toContain('nope.json: cannot read: ENOENT');
  });

  it('PORT overrides the HTTP port and a bad PORT is named', () => {
    const config = loadConfig({ env: { PORT: '9123' }, cwd: ROOT });
    expect(config.http.port).toBe(9123);
    expect(configErrorOf(() => loadConfig({ env: { PORT: '80a' }, cwd: ROOT })).message).toBe(
      'config/default.json: PORT: "80a" is not a port number 0-65535',
    );
  });

  it("a bus's link options reach the link, the transport's intervals among them", () => {
    const doc = shippedConfig();
    doc.buses[0].link = { replyTimeoutMs: 400, tcpKeepAliveMs: 2000, deviceWatchMs: 250 };
    const config = parseConfig('k.json', JSON.stringify(doc), { cwd: '/srv/kiosk', env: {} });
    expect(config.buses[0]!.link).toMatchObject({
      replyTimeoutMs: 400,
      tcpKeepAliveMs: 2000,
      deviceWatchMs: 250,
    });
  });

  it('relative paths are taken from the working directory', () => {
    const config = parseConfig('k.json', JSON.stringify(shippedConfig()), { cwd: '/srv/kiosk', env: {} });
    expect(config.kioskKeyFile).toBe('/srv/kiosk/var/demo/kiosk.key');
    expect(config.store.backupDir).toBe('/srv/kiosk/var/demo/backups');
  });
});

/** One mutation of the demo file, and the line that must name it. */
const CASES: [string, (c: ConfigDoc) => void, string][] = [
  [
    'a bus connection',
    (c) => (c.buses[0].connection = 'COM3'),
    'buses[0].connection: expected tcp://host:port or a tty path',
  ],
  [
    'a dialect',
    (c) => (c.buses[0].dialect = 'rs232'),
    'buses[0].dialect: expected one of "line", "kerong", "8a", "modbus"',
  ],
  ['a missing field', (c) => delete c.kiosk.code, 'kiosk.code: required'],
  ['an unknown field', (c) => (c.http.hots = '0.0.0.0'), 'http.hots: unknown field'],
  ['a wrong type', (c) => (c.http.port = '8080'), 'http.port: expected a whole number'],
  ['a port out of range', (c) => (c.http.port = 70000), 'http.port: must be <= 65535'],
  ['a kiosk code', (c) => (c.kiosk.code = '61'), 'kiosk.code: expected 3 digits'],
  [
    'a block of doors',
    (c) => (c.lockers[0].sizes = 'SSX'),
    'lockers[0].sizes: expected one letter S, M or L',
  ],
  [
    'a single door',
    (c) => c.lockers.push({ bank: 0, board: 2, channel: 0, size: 'XL', position: 40 }),
    'lockers[1].size: expected one of "S", "M", "L"',
  ],
  [
    'a door without its channel',
    (c) => c.lockers.push({ bank: 0, board: 2, size: 'S', position: 40 }),
    'lockers[1].channel: required',
  ],
  [
    'a locker entry that is not an object',
    (c) => c.lockers.push(5),
    'lockers[1]: expected a door or a block of doors',
  ],
  [
    'a board used on two buses',
    (c) => {
      c.buses.push({ name: 'annex', dialect: 'line', connection: 'tcp://10.0.0.2:4001' });
      c.lockers.push({ bank: 1, board: 0, channel: 3, size: 'S', position: 40 });
    },
    'lockers[1]: board 0 channel 3 is already wired by lockers[0] (board numbers are unique across buses)',
  ],
  [
    'a door on a bus that does not exist',
    (c) => c.lockers.push({ bank: 1, board: 0, channel: 0, size: 'S', position: 40 }),
    'lockers[1].bank: no bus 1',
  ],
  [
    'a door number used twice',
    (c) => c.lockers.push({ bank: 0, board: 2, channel: 0, size: 'S', position: 7 }),
    'lockers[1]: position 7 is already used by lockers[0]',
  ],
  [
    'a channel wired twice',
    (c) => c.lockers.push({ bank: 0, board: 1, channel: 15, size: 'S', position: 40 }),
    'lockers[1]: board 1 channel 15 is already wired by lockers[0]',
  ],
  [
    'a procedure code used twice',
    (c) => (c.procedures[1].code = c.procedures[0].code),
    'procedures[1].code: "HKD-01" is also procedures[0]',
  ],
  [
    'a procedure whose locker size does not exist',
    (c) => (c.lockers[0].sizes = 'SSSSSSSSSSSSSSSS'),
    'procedures[4].lockerSize: no locker of size L is configured',
  ],
  ['working days', (c) => (c.procedures[0].workingDays = -1), 'procedures[0].workingDays: must be >= 0'],
  [
    'a holiday',
    (c) => (c.calendar.holidays[1] = '16/02/2026'),
    'calendar.holidays[1]: expected a date YYYY-MM-DD',
  ],
  [
    'a holiday that is no date',
    (c) => (c.calendar.holidays[1] = '2026-02-30'),
    'calendar.holidays[1]: not a YYYY-MM-DD date',
  ],
  [
    'the closing time',
    (c) => (c.calendar.receivingClosesAt = '5pm'),
    'calendar.receivingClosesAt: expected a local time HH:MM',
  ],
  [
    'a PIN written in clear',
    (c) => (c.accounts[0].pinHash = '246810'),
    'accounts[0].pinHash: not a PIN hash',
  ],
  [
    'an account id used twice',
    (c) => (c.accounts[1].id = c.accounts[0].id),
    'accounts[1].id: "nv.demo" is also accounts[0]',
  ],
  [
    'a role',
    (c) => (c.accounts[0].role = 'admin'),
    'accounts[0].role: expected one of "staff", "technician", "supervisor"',
  ],
  [
    'a webhook without its URL',
    (c) => (c.notifications = { provider: 'webhook' }),
    'notifications.url: required for the webhook provider',
  ],
  [
    'a webhook without its secret file',
    (c) => (c.notifications = { provider: 'webhook', url: 'https://sms.example.vn/send' }),
    'notifications.secretFile: required for the webhook provider',
  ],
  [
    'a kiosk name too long for a text',
    (c) => (c.kiosk.smsName = 'Ủy ban nhân dân Quận 6 Thành phố Hồ Chí Minh - Bộ phận một cửa'),
    'kiosk.smsName: kiosk name takes',
  ],
  [
    'a kiosk name too long for a text, when no SMS name is given',
    (c) => {
      delete c.kiosk.smsName;
      c.kiosk.name.vi = 'Ủy ban nhân dân Quận 6 Thành phố Hồ Chí Minh - Bộ phận một cửa';
    },
    'kiosk.name.vi: kiosk name takes',
  ],
  [
    'an HTTP host that is no address',
    (c) => (c.http.host = 'kiosk.local'),
    'http.host: "kiosk.local" is not an IP address',
  ],
  [
    'an HTTP host that is every interface',
    (c) => (c.http.officeHost = '0.0.0.0'),
    'http.officeHost: must name one address (never every interface)',
  ],
  [
    'a link timeout',
    (c) => (c.buses[0].link = { replyTimeoutMs: 0 }),
    'buses[0].link.replyTimeoutMs: must be >= 1',
  ],
  [
    'an unknown link option',
    (c) => (c.buses[0].link = { replyTimeout: 100 }),
    'buses[0].link.replyTimeout: unknown field',
  ],
  [
    'a gateway port',
    (c) => (c.buses[0].connection = 'tcp://10.0.0.2:99999'),
    'buses[0].connection: port 99999 is not 1-65535',
  ],
  [
    'a Kerong profile on a line bus',
    (c) => (c.buses[0].kerongProfile = 'cu16'),
    'buses[0].kerongProfile: only a kerong bus',
  ],
  [
    'a bus with no doors',
    (c) => c.buses.push({ name: 'spare', dialect: 'kerong', connection: '/dev/ttyUSB1' }),
    'buses[1]: no lockers are wired to this bus',
  ],
  [
    'a bus name used twice',
    (c) => c.buses.push({ name: 'demo', dialect: 'line', connection: 'tcp://h:1' }),
    'buses[1].name: "demo" is also buses[0]',
  ],
  [
    'a printer connection',
    (c) => (c.printer.connection = 'usb'),
    'printer.connection: expected tcp://host:9100, a tty path',
  ],
  [
    'a printer port',
    (c) => (c.printer.connection = 'tcp://10.0.0.9:91000'),
    'printer.connection: port 91000 is not 1-65535',
  ],
  [
    'a scanner connection',
    (c) => (c.scanner.connection = 'tcp://h:1'),
    'scanner.connection: expected a tty path, "keyboard"',
  ],
  ['a backup interval', (c) => (c.store.backupEveryHours = 0), 'store.backupEveryHours: must be > 0'],
  ['the logging level', (c) => (c.logging.level = 'verbose'), 'logging.level: expected one of'],
  ['an opens-per-minute cap', (c) => (c.opensPerMinute = 0), 'opensPerMinute: must be >= 1'],
];

describe('every kind of bad field is named', () => {
  it.each(CASES)('%s', (_what, mutate, expected) => {
    const doc = shippedConfig();
    mutate(doc);
    const error = configErrorOf(() =>
      parseConfig('config/kiosk.json', JSON.stringify(doc), { env: {}, smsName: smsKioskName }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message.split('\n')).toEqual(
      expect.arrayContaining([expect.stringContaining(`config/kiosk.json: ${expected}`)]),
    );
  });

  it('lists every schema problem at once, one line per field', () => {
    const doc = shippedConfig();
    doc.buses[0].connection = 'COM3';
    doc.kiosk.code = 'x';
    doc.store.keepBackups = 0;
    doc.lockers.push({ bank: 0, board: 2, size: 'S', position: 40 });
    const error = configErrorOf(() => parseConfig('k.json', JSON.stringify(doc), { env: {} }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.field).sort()).toEqual([
      'buses[0].connection',
      'kiosk.code',
      'lockers[1].channel',
      'store.keepBackups',
    ]);
  });
});
