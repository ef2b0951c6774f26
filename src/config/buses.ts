import type { Static } from 'typebox';
import { type BoardProfile, BoardProfileError, resolveBoardProfile } from '../../firmware-bridge';
import { DEFAULTS } from './defaults';
import type { ConfigFile } from './schema';
import type { LockerBlock, LockerDoor } from './schema-hardware';

type BusEntry = ConfigFile['buses'][number];
type Dialect = BusEntry['dialect'];
type Add = (field: string, reason: string) => void;

/**
 * Where each dialect's doors can be: board numbers as the boards are addressed on the wire, and
 * channels from 0. Line: our bridge, 16 x 16 (firmware-bridge/PROTOCOL.md). Kerong CU16: boards
 * 0-9 (board 15 would be the 0xF0 broadcast), 16 locks. 8A/80: addresses 1-64, locks 1-32 as
 * channels 0-31 (lock 00 means every lock). Modbus: units 1-255 (0 is the broadcast), as many
 * channels as the profile's relays.
 */
const WIRING: Readonly<Record<Dialect, { boards: readonly [number, number]; channels: number }>> = {
  line: { boards: [0, 15], channels: 16 },
  kerong: { boards: [0, 9], channels: 16 },
  '8a': { boards: [1, 64], channels: 32 },
  modbus: { boards: [1, 255], channels: 32 },
};

const BOARD: Readonly<Record<Dialect, string>> = {
  line: 'a line board',
  kerong: 'a Kerong board',
  '8a': 'an 8A/80 board',
  modbus: 'a Modbus board',
};

/** The profile name a bus gives (`profile`, or the deprecated `kerongProfile`), else the default. */
function profileName(bus: BusEntry): string | undefined {
  if (bus.dialect === 'line') return undefined;
  return bus.profile ?? bus.kerongProfile ?? DEFAULTS.bus.profile[bus.dialect];
}

/**
 * A bus's board profile, resolved with its overrides (null on a line bus). An 8A/80 board reads
 * as many locks as the bus's doors use unless the overrides name `locks`. Throws
 * BoardProfileError on a bad profile; checkBusProfiles reports those by field first.
 */
export function boardProfileOf(bus: BusEntry, channels: number): BoardProfile | null {
  if (bus.dialect === 'line') return null;
  const resolved = resolveBoardProfile(bus.dialect, profileName(bus), bus.boardProfile);
  if (resolved.dialect === '8a' && bus.boardProfile?.locks === undefined)
    return { dialect: '8a', profile: { ...resolved.profile, locks: channels } };
  return resolved;
}

/** Profile names and overrides, checked by the board profiles' own rules, reported by field. */
export function checkBusProfile(bus: BusEntry, field: string, add: Add): void {
  const named =
    bus.profile !== undefined || bus.kerongProfile !== undefined || bus.boardProfile !== undefined;
  if (bus.kerongProfile !== undefined && bus.dialect !== 'kerong')
    add(`${field}.kerongProfile`, 'only a kerong bus takes kerongProfile (deprecated: use profile)');
  else if (bus.kerongProfile !== undefined && bus.profile !== undefined)
    add(`${field}.kerongProfile`, 'is the deprecated name of profile: give profile only');
  if (bus.dialect === 'line') {
    if (bus.profile !== undefined || bus.boardProfile !== undefined)
      add(
        `${field}.${bus.profile !== undefined ? 'profile' : 'boardProfile'}`,
        'a line bus has no board profile (the bridge says what it is when it answers HELLO)',
      );
    return;
  }
  if (!named) return;
  try {
    resolveBoardProfile(bus.dialect, profileName(bus), bus.boardProfile);
  } catch (error) {
    if (!(error instanceof BoardProfileError)) throw error;
    const nameField =
      bus.profile === undefined && bus.kerongProfile !== undefined ? 'kerongProfile' : 'profile';
    add(...profileProblem(error, bus.dialect, field, nameField));
  }
}

/** `8a.replyTimeoutMs.status` becomes `buses[1].boardProfile.replyTimeoutMs.status`. */
function profileProblem(
  error: BoardProfileError,
  dialect: string,
  field: string,
  nameField: string,
): [string, string] {
  const prefix = `${dialect}.`;
  const own = `${field}.boardProfile`;
  const detail = error.message.startsWith(`${error.field} `)
    ? error.message.slice(error.field.length + 1)
    : error.message;
  const where =
    error.field === `${prefix}profile`
      ? `${field}.${nameField}`
      : error.field.startsWith(prefix)
        ? `${own}.${error.field.slice(prefix.length)}`
        : own;
  return [where, detail.split(prefix).join(`${own}.`)];
}

/**
 * Each locker's board and channel against its bus's dialect, naming the entry's field; a
 * block's `sizes` gives its channels. Modbus channels stop at the profile's relays and 8A/80
 * ones at the overrides' `locks` when given.
 */
export function checkWiring(doc: ConfigFile, add: Add): void {
  doc.lockers.forEach((raw, i) => {
    const entry = raw as Static<typeof LockerDoor> | Static<typeof LockerBlock>;
    const bus = doc.buses[entry.bank];
    if (!bus) return; // reported by expandLockers
    const { boards, channels: most } = WIRING[bus.dialect];
    const channels = Math.min(most, channelsOf(bus) ?? most);
    const kind = BOARD[bus.dialect];
    const boardOk = (b: number) => b >= boards[0] && b <= boards[1];
    const boardWhy = (b: number) => `${b} is not ${kind} (${boards[0]}-${boards[1]})`;
    const field = `lockers[${i}]`;
    if ('boards' in entry) {
      entry.boards.forEach((b, j) => {
        if (!boardOk(b)) add(`${field}.boards[${j}]`, boardWhy(b));
      });
      if (entry.sizes.length > channels)
        add(`${field}.sizes`, `${entry.sizes.length} channels, ${kind} has ${channels}${hint(bus)}`);
    } else {
      if (!boardOk(entry.board)) add(`${field}.board`, boardWhy(entry.board));
      if (entry.channel >= channels)
        add(`${field}.channel`, `${entry.channel} is not 0-${channels - 1} on ${kind}${hint(bus)}`);
    }
  });
}

/** Channels a board of this bus has, when its profile says (Modbus relays, 8A/80 locks). */
function channelsOf(bus: BusEntry): number | undefined {
  if (bus.dialect === '8a') {
    const locks = bus.boardProfile?.locks;
    return typeof locks === 'number' && Number.isInteger(locks) && locks > 0 ? locks : undefined;
  }
  if (bus.dialect !== 'modbus') return undefined;
  try {
    return resolveBoardProfile('modbus', profileName(bus), bus.boardProfile).profile.relays;
  } catch {
    return undefined; // the profile's own problem is reported by checkBusProfile
  }
}

function hint(bus: BusEntry): string {
  if (bus.dialect === 'modbus') return " (its profile's relays; set boardProfile.relays for a larger board)";
  if (bus.dialect === '8a' && bus.boardProfile?.locks !== undefined) return ' (boardProfile.locks)';
  return '';
}
