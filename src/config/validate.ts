import { isIP } from 'node:net';
import { resolveLinkOptions } from '../../firmware-bridge';
import { CalendarPolicyError, checkCalendarPolicy } from '../domain/calendar';
import { checkBusProfile, checkWiring } from './buses';
import { DEFAULTS } from './defaults';
import type { ConfigProblem } from './errors';
import { validate } from './format-errors';
import { checkLockerEntries, expandLockers, type LockerSeed } from './lockers';
import { type ConfigFile, ConfigSchema } from './schema';
import { clockMinutes } from './units';

/** Rules the configuration borrows from other layers, given by whoever loads it. */
export interface ConfigRules {
  /** Says whether a PIN hash has the format the staff login checks. */
  readonly isPinHash?: (hash: string) => boolean;
  /**
   * The kiosk name as texts to citizens carry it; throws with the reason when no text could
   * (the notifier's rule: GSM-7 without diacritics, at most 40 septets). Absent: not checked.
   */
  readonly smsName?: (name: string) => string;
}

/** A document that passed every check, with what the checks worked out on the way. */
export interface CheckedConfig {
  readonly doc: ConfigFile;
  readonly lockers: readonly LockerSeed[];
  /** The kiosk name for texts, as the rule returned it (or as written when there is no rule). */
  readonly smsName: string;
}

/**
 * The one validation pass: the schema first (every problem at once), then the rules between
 * fields (every problem at once). Problems name the field as a person reads it.
 */
export function checkConfig(
  data: unknown,
  rules: ConfigRules,
): { ok: true; checked: CheckedConfig } | { ok: false; problems: ConfigProblem[] } {
  const problems = validate(ConfigSchema, data);
  const entries: unknown = (data as { lockers?: unknown } | null)?.lockers;
  if (Array.isArray(entries)) {
    const objects = entries.map((e) => (e !== null && typeof e === 'object' && !Array.isArray(e) ? e : null));
    problems.push(...checkLockerEntries(objects));
  }
  if (problems.length > 0) return { ok: false, problems };
  const doc = data as ConfigFile;
  const expanded = expandLockers(doc.lockers, doc.buses.length);
  problems.push(...expanded.problems);
  const add = (field: string, reason: string) => problems.push({ field, reason });
  checkKiosk(doc, add);
  checkHttp(doc, add);
  checkBuses(doc, expanded.lockers, add);
  checkProcedures(doc, expanded.lockers, add);
  checkCalendar(doc, add);
  checkAccounts(doc, rules, add);
  checkDevicesAndNotices(doc, add);
  const smsName = smsNameOf(doc, rules, add);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, checked: { doc, lockers: expanded.lockers, smsName } };
}

type Add = (field: string, reason: string) => void;

/** Names are printed on receipts and shown on screens: something readable, of a sane length. */
const KIOSK_NAME_MAX = 200;

function checkKiosk(doc: ConfigFile, add: Add): void {
  const name = doc.kiosk.name.vi.trim();
  if (name.length === 0 || name.length > KIOSK_NAME_MAX)
    add('kiosk.name.vi', `must be 1-${KIOSK_NAME_MAX} characters`);
}

/** Binding every interface would expose the citizen API to the office LAN (and beyond). */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);

function checkHost(field: string, value: string | undefined, add: Add): void {
  if (value === undefined) return;
  if (EVERY_INTERFACE.has(value)) add(field, 'must name one address (never every interface)');
  else if (isIP(value) === 0 && value !== 'localhost') add(field, `"${value}" is not an IP address`);
}

function checkHttp(doc: ConfigFile, add: Add): void {
  checkHost('http.host', doc.http?.host, add);
  checkHost('http.officeHost', doc.http?.officeHost, add);
}

function checkTcpPort(field: string, url: string, add: Add): void {
  if (!url.startsWith('tcp://')) return;
  const port = Number(url.slice(url.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port < 1 || port > 65535) add(field, `port ${port} is not 1-65535`);
}

/** The link options a bus runs with: the file's overrides over the kiosk's opens cap. */
export function busLinkOptions(doc: ConfigFile, bank: number) {
  const bus = doc.buses[bank]!;
  return {
    maxOpensPerMinute: doc.opensPerMinute ?? DEFAULTS.opensPerMinute,
    ...(bus.baud ? { baudRate: bus.baud } : {}),
    ...bus.link,
  };
}

function checkBuses(doc: ConfigFile, lockers: readonly LockerSeed[], add: Add): void {
  const names = new Map<string, number>();
  doc.buses.forEach((bus, bank) => {
    const field = `buses[${bank}]`;
    const same = names.get(bus.name);
    if (same !== undefined) add(`${field}.name`, `"${bus.name}" is also buses[${same}]`);
    else names.set(bus.name, bank);
    checkTcpPort(`${field}.connection`, bus.connection, add);
    checkBusProfile(bus, field, add);
    try {
      resolveLinkOptions(busLinkOptions(doc, bank));
    } catch (error) {
      add(`${field}.link`, (error as Error).message);
    }
    if (!lockers.some((l) => l.bank === bank)) add(field, 'no lockers are wired to this bus');
  });
  checkWiring(doc, add);
}

function checkProcedures(doc: ConfigFile, lockers: readonly LockerSeed[], add: Add): void {
  const sizes = new Set(lockers.map((l) => l.size));
  const codes = new Map<string, number>();
  doc.procedures.forEach((p, i) => {
    const same = codes.get(p.code);
    if (same !== undefined) add(`procedures[${i}].code`, `"${p.code}" is also procedures[${same}]`);
    else codes.set(p.code, i);
    if (!sizes.has(p.lockerSize))
      add(`procedures[${i}].lockerSize`, `no locker of size ${p.lockerSize} is configured`);
  });
}

function checkCalendar(doc: ConfigFile, add: Add): void {
  try {
    checkCalendarPolicy({
      holidays: doc.calendar.holidays,
      receivingClosesAt: clockMinutes(doc.calendar.receivingClosesAt),
    });
  } catch (error) {
    const field = error instanceof CalendarPolicyError ? `calendar.${error.field}` : 'calendar';
    add(field, (error as Error).message);
  }
}

function checkAccounts(doc: ConfigFile, rules: ConfigRules, add: Add): void {
  const ids = new Map<string, number>();
  doc.accounts.forEach((a, i) => {
    const same = ids.get(a.id);
    if (same !== undefined) add(`accounts[${i}].id`, `"${a.id}" is also accounts[${same}]`);
    else ids.set(a.id, i);
    if (rules.isPinHash && !rules.isPinHash(a.pinHash))
      add(`accounts[${i}].pinHash`, 'not a PIN hash (make one with: npx tsx src/config/hash-pin.ts)');
  });
}

function checkDevicesAndNotices(doc: ConfigFile, add: Add): void {
  if (doc.printer) checkTcpPort('printer.connection', doc.printer.connection, add);
  const n = doc.notifications;
  if (n?.provider === 'webhook') {
    if (!n.url) add('notifications.url', 'required for the webhook provider');
    if (!n.secretFile) add('notifications.secretFile', 'required for the webhook provider');
  }
}

function smsNameOf(doc: ConfigFile, rules: ConfigRules, add: Add): string {
  const given = doc.kiosk.smsName ?? doc.kiosk.name.vi;
  if (!rules.smsName) return given;
  try {
    return rules.smsName(given);
  } catch (error) {
    const field = doc.kiosk.smsName === undefined ? 'kiosk.name.vi' : 'kiosk.smsName';
    const hint = doc.kiosk.smsName === undefined ? ' (set kiosk.smsName for texts)' : '';
    add(field, `${(error as Error).message}${hint}`);
    return given;
  }
}
