import { Type } from 'typebox';
import { LockerSize } from './schema-hardware';

/** The service half of the configuration: the kiosk, its people, its rules and its files. */

const Bilingual = Type.Object(
  { vi: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

const Clock = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
  'x-expected': 'expected a local time HH:MM, e.g. "17:00"',
});

const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  'x-expected': 'expected a date YYYY-MM-DD',
});

const Host = Type.String({
  pattern: '^[A-Za-z0-9.:-]+$',
  'x-expected': 'expected an IP address or host name',
});

export const Kiosk = Type.Object(
  {
    /** 3 digits: the first part of every receipt number. */
    code: Type.String({ pattern: '^\\d{3}$', 'x-expected': 'expected 3 digits, e.g. "061"' }),
    name: Bilingual,
    district: Type.String({ minLength: 1 }),
    /** How texts to citizens name the kiosk: at most 40 GSM-7 characters once diacritics are dropped. */
    smsName: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const Http = Type.Object(
  {
    host: Type.Optional(Host),
    port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    /** The office-LAN address staff reach the kiosk on; absent: loopback only. */
    officeHost: Type.Optional(Host),
    /** A staff session ends this long after sign-in. */
    sessionMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
    /** Requests per minute per key (IP, receipt number or account) before 429. */
    requestsPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    /** Wrong pickup or login attempts per minute per receipt number or account. */
    attemptsPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** The presence code shown only on the kiosk screen: its digits and how often it changes. */
    presenceCode: Type.Optional(
      Type.Object(
        {
          digits: Type.Integer({ minimum: 4, maximum: 10 }),
          rotateSeconds: Type.Integer({ minimum: 10, maximum: 3600 }),
        },
        { additionalProperties: false },
      ),
    ),
    loginLockout: Type.Optional(
      Type.Object(
        {
          maxFailures: Type.Integer({ minimum: 1, maximum: 100 }),
          lockMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Procedure = Type.Object(
  {
    code: Type.String({
      pattern: '^[A-Za-z0-9._-]{1,32}$',
      'x-expected': 'expected a short code: letters, digits, . _ -',
    }),
    name: Bilingual,
    workingDays: Type.Integer({ minimum: 0, maximum: 365 }),
    feeNote: Type.Optional(Type.String()),
    lockerSize: LockerSize,
    /** Pickup asks for a second factor (last digits of the phone or ID number, or an SMS code). */
    secondFactor: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const Calendar = Type.Object(
  {
    /** Public holidays (Tết, 30/4, 1/5, 2/9, ...): they change every year, keep them current. */
    holidays: Type.Array(IsoDate),
    receivingClosesAt: Clock,
  },
  { additionalProperties: false },
);

export const Lockout = Type.Object(
  {
    maxConsecutiveFailures: Type.Integer({ minimum: 1, maximum: 100 }),
    kioskFailuresPerHour: Type.Integer({ minimum: 1, maximum: 10_000 }),
  },
  { additionalProperties: false },
);

export const Retention = Type.Object(
  {
    /** Days a result waits before staff may reclaim it. */
    reclaimAfterDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** Days after a dossier closes before its contact data is purged. */
    retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  },
  { additionalProperties: false },
);

export const Reminders = Type.Object(
  {
    /** Days after the result is loaded on which an uncollected result is reminded. */
    afterDays: Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { maxItems: 10 }),
    sendAt: Clock,
  },
  { additionalProperties: false },
);

export const StoreFiles = Type.Object(
  {
    path: Type.String({ minLength: 1 }),
    backupDir: Type.String({ minLength: 1 }),
    backupEveryHours: Type.Number({ exclusiveMinimum: 0, maximum: 720 }),
    keepBackups: Type.Integer({ minimum: 1, maximum: 1000 }),
    integrityCheckEveryHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 720 })),
  },
  { additionalProperties: false },
);

export const Notifications = Type.Object(
  {
    provider: Type.Enum(['log', 'webhook']),
    url: Type.Optional(
      Type.String({ pattern: '^https?://\\S+$', 'x-expected': 'expected an http:// or https:// URL' }),
    ),
    /** File holding the webhook's signing secret (kept out of the config repository). */
    secretFile: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const Account = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9._-]{2,32}$', 'x-expected': 'expected 2-32 of a-z, 0-9, . _ -' }),
    role: Type.Enum(['staff', 'technician', 'supervisor']),
    /** The PIN's hash in src/domain/staff-pin.ts's format; never the PIN itself. */
    pinHash: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const Logging = Type.Object(
  { level: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) },
  { additionalProperties: false },
);

/** Only for embedded (simulated) buses: hands that fill or empty an opened door and shut it. */
export const Demo = Type.Object(
  { handsAfterSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 600 }) },
  { additionalProperties: false },
);
