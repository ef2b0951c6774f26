import { isAbsolute, resolve as resolvePath } from 'node:path';
import { DEFAULT_LOCKOUT_POLICY } from '../domain/lockout';
import { boardProfileOf } from './buses';
import type { BusConfig, Config, NotificationsConfig } from './config';
import { DEFAULTS } from './defaults';
import { clockMinutes, HOUR_MS, SECOND_MS } from './units';
import { busLinkOptions, type CheckedConfig } from './validate';

export interface ResolveContext {
  readonly file: string;
  /** Relative paths in the file are taken from here (the daemon's working directory). */
  readonly cwd: string;
}

function buses({ doc, lockers }: CheckedConfig): BusConfig[] {
  return doc.buses.map((bus, bank) => {
    const doors = lockers.filter((l) => l.bank === bank);
    const channels = Math.max(...doors.map((l) => l.channel)) + 1;
    return {
      bank,
      name: bus.name,
      dialect: bus.dialect,
      connection: bus.connection,
      boardProfile: boardProfileOf(bus, channels),
      boards: [...new Set(doors.map((l) => l.board))].sort((a, b) => a - b),
      channels,
      link: busLinkOptions(doc, bank),
    };
  });
}

function notifications(ctx: ResolveContext, { doc }: CheckedConfig): NotificationsConfig {
  const n = doc.notifications;
  if (!n || n.provider === 'log' || !n.url || !n.secretFile) return { provider: 'log' };
  return { provider: 'webhook', url: n.url, secretFile: path(ctx, n.secretFile) };
}

const path = (ctx: ResolveContext, p: string) => (isAbsolute(p) ? p : resolvePath(ctx.cwd, p));

/**
 * The checked file with its defaults (src/config/defaults.ts) filled in, times in the layers'
 * units and paths absolute. Nothing here refuses anything: checkConfig() already did.
 */
export function resolveConfig(ctx: ResolveContext, checked: CheckedConfig): Config {
  const { doc, lockers } = checked;
  const http = doc.http ?? {};
  const store = doc.store;
  return {
    file: ctx.file,
    kiosk: { ...doc.kiosk, smsName: checked.smsName },
    http: {
      host: http.host ?? DEFAULTS.http.host,
      port: http.port ?? DEFAULTS.http.port,
      officeHost: http.officeHost ?? null,
      sessionMinutes: http.sessionMinutes ?? DEFAULTS.http.sessionMinutes,
      loginLockout: http.loginLockout ?? DEFAULTS.http.loginLockout,
      requestsPerMinute: http.requestsPerMinute ?? DEFAULTS.http.requestsPerMinute,
      attemptsPerMinute: http.attemptsPerMinute ?? DEFAULTS.http.attemptsPerMinute,
      presenceCode: http.presenceCode ?? DEFAULTS.http.presenceCode,
    },
    buses: buses(checked),
    lockers,
    procedures: doc.procedures.map(({ name, feeNote, ...rest }) => ({
      ...rest,
      nameVi: name.vi,
      nameEn: name.en,
      feeNote: feeNote ?? null,
      active: true,
    })),
    calendar: {
      holidays: doc.calendar.holidays,
      receivingClosesAt: clockMinutes(doc.calendar.receivingClosesAt),
    },
    lockout: { ...DEFAULTS.lockout, ...doc.lockout, windowMs: DEFAULT_LOCKOUT_POLICY.windowMs },
    opensPerMinute: doc.opensPerMinute ?? DEFAULTS.opensPerMinute,
    retention: doc.retention ?? DEFAULTS.retention,
    reminders: {
      afterDays: doc.reminders?.afterDays ?? DEFAULTS.reminders.afterDays,
      sendAtMinute: clockMinutes(doc.reminders?.sendAt ?? DEFAULTS.reminders.sendAt),
    },
    store: {
      path: path(ctx, store.path),
      backupDir: path(ctx, store.backupDir),
      backupEveryMs: store.backupEveryHours * HOUR_MS,
      keepBackups: store.keepBackups,
      integrityCheckEveryMs:
        (store.integrityCheckEveryHours ?? DEFAULTS.store.integrityCheckEveryHours) * HOUR_MS,
    },
    kioskKeyFile: path(ctx, doc.kioskKeyFile),
    printer: doc.printer
      ? {
          connection: doc.printer.connection,
          codePage: doc.printer.codePage,
          vietnameseText: doc.printer.vietnameseText ?? DEFAULTS.printer.vietnameseText,
          baud: doc.printer.baud ?? DEFAULTS.printer.baud,
          columns: doc.printer.columns ?? DEFAULTS.printer.columns,
        }
      : null,
    scanner: doc.scanner
      ? { connection: doc.scanner.connection, baud: doc.scanner.baud ?? DEFAULTS.scanner.baud }
      : null,
    notifications: notifications(ctx, checked),
    accounts: doc.accounts,
    logLevel: doc.logging?.level ?? DEFAULTS.logging.level,
    demo: doc.demo ? { handsAfterMs: doc.demo.handsAfterSeconds * SECOND_MS } : null,
  };
}
