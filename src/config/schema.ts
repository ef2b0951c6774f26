import { type Static, Type } from 'typebox';
import { Bus, Printer, Scanner } from './schema-hardware';
import {
  Account,
  Calendar,
  Demo,
  Http,
  Kiosk,
  Lockout,
  Logging,
  Notifications,
  Procedure,
  Reminders,
  Retention,
  StoreFiles,
} from './schema-service';

/** The configuration file as written: one JSON document, validated at start-up. */
export const ConfigSchema = Type.Object(
  {
    kiosk: Kiosk,
    http: Type.Optional(Http),
    buses: Type.Array(Bus, { minItems: 1 }),
    /**
     * Doors or blocks of doors (LockerDoor, LockerBlock in schema-hardware.ts). Each entry is
     * checked against the form it has, so an error names the field rather than "no form matched".
     */
    lockers: Type.Array(Type.Object({}, { 'x-expected': 'expected a door or a block of doors {...}' }), {
      minItems: 1,
    }),
    procedures: Type.Array(Procedure, { minItems: 1 }),
    calendar: Calendar,
    lockout: Type.Optional(Lockout),
    /** Cap on door opens per minute on each bus (a remote attack opens doors one by one). */
    opensPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 600 })),
    retention: Type.Optional(Retention),
    reminders: Type.Optional(Reminders),
    store: StoreFiles,
    /** The per-kiosk HMAC key: created (0600) on first start, never in the database or this file. */
    kioskKeyFile: Type.String({ minLength: 1 }),
    printer: Type.Optional(Printer),
    scanner: Type.Optional(Scanner),
    notifications: Type.Optional(Notifications),
    /** Seeded on first start; an account that exists keeps its PIN (changed at the kiosk). */
    accounts: Type.Array(Account),
    logging: Type.Optional(Logging),
    demo: Type.Optional(Demo),
  },
  { additionalProperties: false },
);

export type ConfigFile = Static<typeof ConfigSchema>;
