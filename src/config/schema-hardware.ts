import { Type } from 'typebox';

/**
 * The hardware half of the configuration: buses of locker boards, the doors on them, the receipt
 * printer and the QR scanner. `x-expected` is the hint shown when a value has the wrong form.
 */

const TTY = '/\\S+';
const TCP = 'tcp://[^\\s:/]+:\\d{1,5}';

export const LockerSize = Type.Enum(['S', 'M', 'L']);

/** A bus: a tty path (prefer /dev/serial/by-id/...), an RS485 gateway, or the demo simulator. */
export const BusConnection = Type.String({
  pattern: `^(embedded|${TCP}|${TTY})$`,
  'x-expected': 'expected tcp://host:port or a tty path (or "embedded" for the demo simulator)',
});

/** Overrides of the link's timeouts and intervals (firmware-bridge/driver/options.ts). */
export const LinkOverrides = Type.Object(
  {
    replyTimeoutMs: Type.Optional(Type.Number({ minimum: 1 })),
    helloTimeoutMs: Type.Optional(Type.Number({ minimum: 1 })),
    openRetries: Type.Optional(Type.Integer({ minimum: 0 })),
    statusReadAttempts: Type.Optional(Type.Integer({ minimum: 0 })),
    jamWindowMs: Type.Optional(Type.Number({ minimum: 0 })),
    watchPollMs: Type.Optional(Type.Number({ minimum: 0 })),
    heartbeatIntervalMs: Type.Optional(Type.Number({ minimum: 0 })),
    pollIntervalMs: Type.Optional(Type.Number({ minimum: 0 })),
    missedBeforeDown: Type.Optional(Type.Integer({ minimum: 1 })),
    backoffInitialMs: Type.Optional(Type.Number({ minimum: 0 })),
    backoffMaxMs: Type.Optional(Type.Number({ minimum: 0 })),
    defaultPulseMs: Type.Optional(Type.Number({ minimum: 0 })),
    debounceReadings: Type.Optional(Type.Integer({ minimum: 1 })),
    connectTimeoutMs: Type.Optional(Type.Number({ minimum: 0 })),
    /** Keep-alive probe interval of a serial-over-TCP gateway's socket. */
    tcpKeepAliveMs: Type.Optional(Type.Number({ minimum: 0 })),
    /** How often a tty's device node is checked for an adapter that vanished without a close. */
    deviceWatchMs: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const Bus = Type.Object(
  {
    name: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,31}$',
      'x-expected': 'expected a short name: a-z, 0-9, -',
    }),
    /** line: our bridge MCU; kerong: Kerong CU16; 8a: generic 8A/80 boards; modbus: Modbus RTU relay boards. */
    dialect: Type.Enum(['line', 'kerong', '8a', 'modbus']),
    connection: BusConnection,
    baud: Type.Optional(Type.Integer({ minimum: 300, maximum: 4_000_000 })),
    /** The board model, by the names of its dialect (firmware-bridge resolveBoardProfile). */
    profile: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9-]{0,31}$',
        'x-expected': 'expected a board profile name, e.g. "cu16", "8a80", "waveshare-8ch"',
      }),
    ),
    /**
     * Overrides of the named profile's fields (polarity, reply layout, timeouts, settle window,
     * gaps); each field is checked by the board profile's own rules, which name it.
     */
    boardProfile: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        'x-expected': 'expected an object of board profile fields, e.g. { "hookActiveHigh": false }',
      }),
    ),
    /** Deprecated alias of `profile` for a Kerong bus, kept so older files load. */
    kerongProfile: Type.Optional(Type.Enum(['cu16', 'cu16-reply35', 'cu16-unlock-status'])),
    link: Type.Optional(LinkOverrides),
  },
  { additionalProperties: false },
);

/** One door: where it is wired and the number painted on it. */
export const LockerDoor = Type.Object(
  {
    bank: Type.Integer({ minimum: 0, 'x-expected': 'expected the index of a bus in buses' }),
    /** Kerong 0-9, 8A/80 address 1-64, Modbus unit 1-255, line 0-15 (validate.ts checks per bus). */
    board: Type.Integer({ minimum: 0, maximum: 255 }),
    /** From 0: Kerong and line 0-15, 8A/80 lock 1-32 is channel 0-31, Modbus relay 0-(relays-1). */
    channel: Type.Integer({ minimum: 0, maximum: 31 }),
    size: LockerSize,
    position: Type.Integer({ minimum: 1, maximum: 9999 }),
  },
  { additionalProperties: false },
);

/**
 * A column of boards with the same doors: `sizes` gives each channel's size in order
 * ("SSSSSSSSMMMMMLLL" is 16 doors), repeated on every board; positions count up from
 * `firstPosition`, board after board.
 */
export const LockerBlock = Type.Object(
  {
    bank: Type.Integer({ minimum: 0, 'x-expected': 'expected the index of a bus in buses' }),
    boards: Type.Array(Type.Integer({ minimum: 0, maximum: 255 }), { minItems: 1, maxItems: 64 }),
    sizes: Type.String({
      pattern: '^[SML]{1,32}$',
      'x-expected': 'expected one letter S, M or L per channel, at most 32 (e.g. "SSSSSSSSMMMMMLLL")',
    }),
    firstPosition: Type.Integer({ minimum: 1, maximum: 9999 }),
  },
  { additionalProperties: false },
);

export const Printer = Type.Object(
  {
    connection: Type.String({
      pattern: `^(none|embedded|${TCP}|${TTY})$`,
      'x-expected': 'expected tcp://host:9100, a tty path, "embedded" or "none"',
    }),
    /** ESC t number of the printer's Vietnamese (WPC1258) table: read it from the self-test page. */
    codePage: Type.Integer({ minimum: 0, maximum: 255 }),
    /**
     * How Vietnamese text is printed: through that code page (default), or as pictures for a model
     * that has no Vietnamese table (slower over a serial link; never diacritics stripped).
     */
    vietnameseText: Type.Optional(Type.Union([Type.Literal('code_page'), Type.Literal('raster')])),
    baud: Type.Optional(Type.Integer({ minimum: 300, maximum: 4_000_000 })),
    /** Characters per line at font A: 48 on 80 mm paper, 32 on 58 mm. */
    columns: Type.Optional(Type.Integer({ minimum: 24, maximum: 64 })),
  },
  { additionalProperties: false },
);

export const Scanner = Type.Object(
  {
    connection: Type.String({
      pattern: `^(none|keyboard|embedded|${TTY})$`,
      'x-expected': 'expected a tty path, "keyboard" (scans typed into the kiosk page), "embedded" or "none"',
    }),
    baud: Type.Optional(Type.Integer({ minimum: 300, maximum: 4_000_000 })),
  },
  { additionalProperties: false },
);
