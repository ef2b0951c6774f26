import { isAbsolute, resolve as resolvePath } from 'node:path';
import { resolveLinkOptions } from '../../firmware-bridge';
import { CalendarPolicyError, checkCalendarPolicy } from '../domain/calendar';
import { DEFAULT_LOCKOUT_POLICY } from '../domain/lockout';
import { smsKioskName } from '../notify/sms-text';
import { type BusConfig, type Config, DEFAULT_HTTP, type NotificationsConfig } from './config';
import { ConfigError } from './errors';
import type { LockerSeed } from './lockers';
import type { ConfigFile } from './schema';

const HOUR_MS = 3_600_000;

export interface ResolveContext {
  readonly file: string;
  /** Relative paths in the file are taken from here (the daemon's working directory). */
  readonly cwd: string;
  /** Says whether a PIN hash has the format src/domain/staff-pin.ts writes. */
  readonly isPinHash?: (hash: string) => boolean;
}

const minutes = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
};

function buses(ctx: ResolveContext, file: ConfigFile, lockers: readonly LockerSeed[]): BusConfig[] {
  const names = new Map<string, number>();
  return file.buses.map((bus, bank) => {
    const field = `buses[${bank}]`;
    const same = names.get(bus.name);
    if (same !== undefined)
      throw new ConfigError(ctx.file, `${field}.name`, `"${bus.name}" is also buses[${same}]`);
    names.set(bus.name, bank);
    if (bus.connection.startsWith('tcp://')) checkPort(ctx, `${field}.connection`, bus.connection);
    if (bus.kerongProfile && bus.dialect !== 'kerong') {
      throw new ConfigError(ctx.file, `${field}.kerongProfile`, 'only a kerong bus has a board profile');
    }
    const link = {
      maxOpensPerMinute: file.opensPerMinute ?? 30,
      ...(bus.baud ? { baudRate: bus.baud } : {}),
      ...bus.link,
    };
    try {
      resolveLinkOptions(link);
    } catch (error) {
      throw new ConfigError(ctx.file, `${field}.link`, (error as Error).message);
    }
    const doors = lockers.filter((l) => l.bank === bank);
    if (doors.length === 0) throw new ConfigError(ctx.file, field, 'no lockers are wired to this bus');
    return {
      bank,
      name: bus.name,
      dialect: bus.dialect,
      connection: bus.connection,
      kerongProfile: bus.kerongProfile ?? 'cu16',
      boards: [...new Set(doors.map((l) => l.board))].sort((a, b) => a - b),
      channels: Math.max(...doors.map((l) => l.channel)) + 1,
      link,
    };
  });
}

function checkPort(ctx: ResolveContext, field: string, url: string): void {
  const port = Number(url.slice(url.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(ctx.file, field, `port ${port} is not 1-65535`);
  }
}

function notifications(ctx: ResolveContext, file: ConfigFile): NotificationsConfig {
  const n = file.notifications;
  if (!n || n.provider === 'log') return { provider: 'log' };
  if (!n.url) throw new ConfigError(ctx.file, 'notifications.url', 'required for the webhook provider');
  if (!n.secretFile)
    throw new ConfigError(ctx.file, 'notifications.secretFile', 'required for the webhook provider');
  return { provider: 'webhook', url: n.url, secretFile: path(ctx, n.secretFile) };
}

function smsName(ctx: ResolveContext, file: ConfigFile): string {
  const field = file.kiosk.smsName === undefined ? 'kiosk.name.vi' : 'kiosk.smsName';
  try {
    return smsKioskName(file.kiosk.smsName ?? file.kiosk.name.vi);
  } catch (error) {
    const hint = file.kiosk.smsName === undefined ? ' (set kiosk.smsName for texts)' : '';
    throw new ConfigError(ctx.file, field, `${(error as Error).message}${hint}`);
  }
}

const path = (ctx: ResolveContext, p: string) => (isAbsolute(p) ? p : resolvePath(ctx.cwd, p));

/** Cross-field rules and defaults; the file already passed the schema. Throws ConfigError. */
export function resolveConfig(ctx: ResolveContext, file: ConfigFile, lockers: readonly LockerSeed[]): Config {
  const sizes = new Set(lockers.map((l) => l.size));
  const codes = new Map<string, number>();
  const procedures = file.procedures.map((p, i) => {
    const same = codes.get(p.code);
    if (same !== undefined)
      throw new ConfigError(ctx.file, `procedures[${i}].code`, `"${p.code}" is also procedures[${same}]`);
    codes.set(p.code, i);
    if (!sizes.has(p.lockerSize)) {
      throw new ConfigError(
        ctx.file,
        `procedures[${i}].lockerSize`,
        `no locker of size ${p.lockerSize} is configured`,
      );
    }
    const { name, feeNote, ...rest } = p;
    return { ...rest, nameVi: name.vi, nameEn: name.en, feeNote: feeNote ?? null, active: true };
  });
  const calendar = {
    holidays: file.calendar.holidays,
    receivingClosesAt: minutes(file.calendar.receivingClosesAt),
  };
  try {
    checkCalendarPolicy(calendar);
  } catch (error) {
    const field = error instanceof CalendarPolicyError ? `calendar.${error.field}` : 'calendar';
    throw new ConfigError(ctx.file, field, (error as Error).message);
  }
  const ids = new Map<string, number>();
  file.accounts.forEach((a, i) => {
    const same = ids.get(a.id);
    if (same !== undefined)
      throw new ConfigError(ctx.file, `accounts[${i}].id`, `"${a.id}" is also accounts[${same}]`);
    ids.set(a.id, i);
    if (ctx.isPinHash && !ctx.isPinHash(a.pinHash)) {
      throw new ConfigError(
        ctx.file,
        `accounts[${i}].pinHash`,
        'not a PIN hash (make one with: npx tsx src/config/hash-pin.ts)',
      );
    }
  });
  if (file.printer?.connection.startsWith('tcp://'))
    checkPort(ctx, 'printer.connection', file.printer.connection);
  const http = file.http ?? {};
  const store = file.store;
  return {
    file: ctx.file,
    kiosk: { ...file.kiosk, smsName: smsName(ctx, file) },
    http: {
      host: http.host ?? DEFAULT_HTTP.host,
      port: http.port ?? DEFAULT_HTTP.port,
      officeHost: http.officeHost ?? null,
      sessionMinutes: http.sessionMinutes ?? DEFAULT_HTTP.sessionMinutes,
      loginLockout: http.loginLockout ?? DEFAULT_HTTP.loginLockout,
      requestsPerMinute: http.requestsPerMinute ?? DEFAULT_HTTP.requestsPerMinute,
      attemptsPerMinute: http.attemptsPerMinute ?? DEFAULT_HTTP.attemptsPerMinute,
      presenceCode: http.presenceCode ?? DEFAULT_HTTP.presenceCode,
    },
    buses: buses(ctx, file, lockers),
    lockers,
    procedures,
    calendar,
    lockout: { ...DEFAULT_LOCKOUT_POLICY, ...file.lockout },
    opensPerMinute: file.opensPerMinute ?? 30,
    retention: file.retention ?? { reclaimAfterDays: 14, retentionDays: 365 },
    reminders: {
      afterDays: file.reminders?.afterDays ?? [3, 7],
      sendAtMinute: minutes(file.reminders?.sendAt ?? '09:00'),
    },
    store: {
      path: path(ctx, store.path),
      backupDir: path(ctx, store.backupDir),
      backupEveryMs: store.backupEveryHours * HOUR_MS,
      keepBackups: store.keepBackups,
      integrityCheckEveryMs: (store.integrityCheckEveryHours ?? 24) * HOUR_MS,
    },
    kioskKeyFile: path(ctx, file.kioskKeyFile),
    printer: file.printer
      ? {
          connection: file.printer.connection,
          codePage: file.printer.codePage,
          vietnameseText: file.printer.vietnameseText ?? 'code_page',
          baud: file.printer.baud ?? 19200,
          columns: file.printer.columns ?? 48,
        }
      : null,
    scanner: file.scanner ? { connection: file.scanner.connection, baud: file.scanner.baud ?? 9600 } : null,
    notifications: notifications(ctx, file),
    accounts: file.accounts,
    logLevel: file.logging?.level ?? 'info',
    demo: file.demo ? { handsAfterMs: file.demo.handsAfterSeconds * 1000 } : null,
  };
}
