import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOARD_PROFILE_NAMES } from '../../firmware-bridge';
import { ConfigError, DEFAULTS, parseConfig } from '../../src/config';
import { shippedConfig } from '../support/config-files';

/**
 * The board families a bus can drive and the board profile that describes its boards, as a
 * person writes them in the file (config/README.md, "Lock boards"): each name and override
 * reaches the link resolved, and each mistake is refused naming its field.
 */

const ROOT = join(import.meta.dirname, '..', '..');

// biome-ignore lint/suspicious/noExplicitAny: test documents are mutated freely, as a person editing the file would
type Doc = any;

/** The demo file with its one bus turned into `bus`, and its doors in `lockers`. */
function withBus(bus: Record<string, unknown>, lockers: unknown[]): Doc {
  const doc = shippedConfig();
  doc.buses = [{ name: 'bank', connection: 'tcp://127.0.0.1:4001', ...bus }];
  doc.lockers = lockers;
  return doc;
}

const parse = (doc: Doc) => parseConfig('k.json', JSON.stringify(doc), { env: {}, cwd: ROOT });

function problems(doc: Doc): string[] {
  try {
    parse(doc);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.field}: ${p.reason}`);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

const KERONG_DOORS = [{ bank: 0, boards: [0, 1], sizes: 'SSSSSSSSSSMMMMLL', firstPosition: 1 }];
const EIGHTY_DOORS = [{ bank: 0, boards: [1, 2], sizes: 'SSSSMMLL', firstPosition: 1 }];
const MODBUS_DOORS = [{ bank: 0, boards: [1, 2], sizes: 'SSSSMMLL', firstPosition: 1 }];

describe('a bus names its board family and profile', () => {
  it('each dialect without a profile gets its default, the first of its names', () => {
    for (const [dialect, lockers] of [
      ['kerong', KERONG_DOORS],
      ['8a', EIGHTY_DOORS],
      ['modbus', MODBUS_DOORS],
    ] as const) {
      const bus = parse(withBus({ dialect }, [...lockers])).buses[0]!;
      expect(bus.boardProfile?.dialect).toBe(dialect);
      expect(bus.boardProfile?.profile.name.startsWith(DEFAULTS.bus.profile[dialect])).toBe(true);
      expect(BOARD_PROFILE_NAMES[dialect][0]).toBe(DEFAULTS.bus.profile[dialect]);
    }
  });

  it('a line bus has no board profile', () => {
    const config = parseConfig('k.json', readFileSync(join(ROOT, 'config/default.json'), 'utf8'), {
      env: {},
    });
    expect(config.buses[0]!.boardProfile).toBeNull();
  });

  it('kerong: a named profile with polarity and timeout overrides reaches the link resolved', () => {
    const bus = parse(
      withBus(
        {
          dialect: 'kerong',
          profile: 'cu16-reply35',
          boardProfile: { hookActiveHigh: true, settleMs: 1500, replyTimeoutMs: { status: 120 } },
        },
        KERONG_DOORS,
      ),
    ).buses[0]!;
    expect(bus.boardProfile).toMatchObject({
      dialect: 'kerong',
      profile: {
        name: 'cu16-reply35+overrides',
        statusReplyCommands: [0x35],
        settleMs: 1500,
        replyTimeoutMs: { status: 120 },
        status: { hookActiveHigh: true },
      },
    });
    expect(bus.boards).toEqual([0, 1]);
  });

  it('the deprecated kerongProfile key still loads, as profile', () => {
    const bus = parse(withBus({ dialect: 'kerong', kerongProfile: 'cu16-reply35' }, KERONG_DOORS)).buses[0]!;
    expect(bus.boardProfile?.profile.name).toBe('cu16-reply35');
  });

  it('8a: an 8A-headed variant, inverted polarity; the boards read as many locks as the doors use', () => {
    const bus = parse(
      withBus({ dialect: '8a', profile: '8a80-reply8a', boardProfile: { boardBitLocked: false } }, [
        { bank: 0, boards: [3], sizes: 'SSSSSSSSSSSSMMMMLL', firstPosition: 1 },
      ]),
    ).buses[0]!;
    expect(bus.boardProfile).toMatchObject({
      dialect: '8a',
      profile: { unlockReplyHeader: 0x8a, boardBitLocked: false, locks: 18 },
    });
    expect(bus.boards).toEqual([3]);
  });

  it('8a: locks named in the overrides are kept', () => {
    const bus = parse(withBus({ dialect: '8a', boardProfile: { locks: 24 } }, EIGHTY_DOORS)).buses[0]!;
    expect(bus.boardProfile).toMatchObject({ profile: { locks: 24 } });
  });

  it('modbus: the generic clone, a 16-relay board with inputs read the other way round', () => {
    const bus = parse(
      withBus(
        {
          dialect: 'modbus',
          profile: 'generic-relay',
          baud: 19200,
          boardProfile: { relays: 16, inputOpenWhenSet: true, replyTimeoutMs: { open: 300 } },
        },
        [{ bank: 0, boards: [255], sizes: 'SSSSSSSSMMMMMMLL', firstPosition: 1 }],
      ),
    ).buses[0]!;
    expect(bus.boardProfile).toMatchObject({
      dialect: 'modbus',
      profile: { relays: 16, inputOpenWhenSet: true, replyTimeoutMs: { status: 200, open: 300 } },
    });
    expect(bus.link.baudRate).toBe(19200);
  });
});

describe('a wrong board profile is refused, naming the field', () => {
  const CASES: [string, Doc, string][] = [
    [
      'a polarity that is not a boolean',
      withBus({ dialect: 'kerong', boardProfile: { hookActiveHigh: 1 } }, KERONG_DOORS),
      'buses[0].boardProfile.hookActiveHigh: must be a boolean',
    ],
    [
      'an unknown override',
      withBus({ dialect: 'kerong', boardProfile: { hookPolarity: 'high' } }, KERONG_DOORS),
      'buses[0].boardProfile.hookPolarity: is not a board profile field',
    ],
    [
      'a per-command timeout for a command the family lacks',
      withBus({ dialect: '8a', boardProfile: { replyTimeoutMs: { unlock: 900 } } }, EIGHTY_DOORS),
      'buses[0].boardProfile.replyTimeoutMs.unlock: is not a command (status, open)',
    ],
    [
      'a status timeout shorter than the maker advises waiting',
      withBus({ dialect: '8a', boardProfile: { replyTimeoutMs: { status: 50 } } }, EIGHTY_DOORS),
      'buses[0].boardProfile.replyTimeoutMs.status: must cover statusReplyDelayMs (100 ms)',
    ],
    [
      'an 8A/80 unlock reply header',
      withBus({ dialect: '8a', boardProfile: { unlockReplyHeader: 0x81 } }, EIGHTY_DOORS),
      'buses[0].boardProfile.unlockReplyHeader: must be one of 128 (0x80) or 138 (0x8A), got 129',
    ],
    [
      'a Modbus gap shorter than 3.5 characters',
      withBus({ dialect: 'modbus', boardProfile: { interFrameGapMs: 1 } }, MODBUS_DOORS),
      'buses[0].boardProfile.interFrameGapMs: must be at least 3.5 characters at 9600 baud',
    ],
    [
      'a Kerong layout naming a data byte twice',
      withBus({ dialect: 'kerong', boardProfile: { hookBytes: [0, 2] } }, KERONG_DOORS),
      'buses[0].boardProfile.hookBytes: and buses[0].boardProfile.infraredBytes must name four different data bytes',
    ],
    [
      'a profile of another family',
      withBus({ dialect: 'modbus', profile: 'cu16' }, MODBUS_DOORS),
      'buses[0].profile: must be one of waveshare-8ch, generic-relay, got "cu16"',
    ],
    [
      'a profile on a line bus',
      withBus({ dialect: 'line', profile: 'cu16' }, KERONG_DOORS),
      'buses[0].profile: a line bus has no board profile',
    ],
    [
      'overrides on a line bus',
      withBus({ dialect: 'line', boardProfile: { hookActiveHigh: true } }, KERONG_DOORS),
      'buses[0].boardProfile: a line bus has no board profile',
    ],
    [
      'both the profile and its deprecated name',
      withBus({ dialect: 'kerong', profile: 'cu16', kerongProfile: 'cu16' }, KERONG_DOORS),
      'buses[0].kerongProfile: is the deprecated name of profile: give profile only',
    ],
    [
      'overrides that are not an object',
      withBus({ dialect: 'kerong', boardProfile: [true] }, KERONG_DOORS),
      'buses[0].boardProfile: expected an object of board profile fields',
    ],
  ];

  it.each(CASES)('%s', (_what, doc, expected) => {
    expect(problems(doc)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});

describe("doors are checked against their bus's board family, naming the entry", () => {
  const door = (board: number, channel: number) => ({ bank: 0, board, channel, size: 'S', position: 1 });
  const CASES: [string, Doc, string][] = [
    [
      'a Kerong board past 9 (board 15 would be the broadcast)',
      withBus({ dialect: 'kerong' }, [door(10, 0)]),
      'lockers[0].board: 10 is not a Kerong board (0-9)',
    ],
    [
      'an 8A/80 address 0 (addresses count from 1)',
      withBus({ dialect: '8a' }, [door(0, 0)]),
      'lockers[0].board: 0 is not an 8A/80 board (1-64)',
    ],
    [
      'an 8A/80 address past 64',
      withBus({ dialect: '8a' }, [{ bank: 0, boards: [64, 65], sizes: 'SS', firstPosition: 1 }]),
      'lockers[0].boards[1]: 65 is not an 8A/80 board (1-64)',
    ],
    [
      'an 8A/80 channel past the locks the overrides name',
      withBus({ dialect: '8a', boardProfile: { locks: 8 } }, [door(1, 8)]),
      'lockers[0].channel: 8 is not 0-7 on an 8A/80 board (boardProfile.locks)',
    ],
    [
      'Modbus unit 0, the broadcast',
      withBus({ dialect: 'modbus' }, [door(0, 0)]),
      'lockers[0].board: 0 is not a Modbus board (1-255)',
    ],
    [
      'a Modbus relay past the profile',
      withBus({ dialect: 'modbus' }, [door(1, 8)]),
      'lockers[0].channel: 8 is not 0-7 on a Modbus board',
    ],
    [
      'a block wider than a Modbus board',
      withBus(
        { dialect: 'modbus' },
        MODBUS_DOORS.map((b) => ({ ...b, sizes: 'SSSSSSSSSS' })),
      ),
      'lockers[0].sizes: 10 channels, a Modbus board has 8',
    ],
    [
      'a block wider than a Kerong board',
      withBus({ dialect: 'kerong' }, [{ bank: 0, boards: [0], sizes: 'S'.repeat(17), firstPosition: 1 }]),
      'lockers[0].sizes: 17 channels, a Kerong board has 16',
    ],
    [
      'a line channel past 15',
      withBus({ dialect: 'line' }, [door(0, 16)]),
      'lockers[0].channel: 16 is not 0-15 on a line board',
    ],
  ];

  it.each(CASES)('%s', (_what, doc, expected) => {
    expect(problems(doc)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('a 32-lock 8A/80 board and a 16-relay Modbus board take every channel', () => {
    expect(
      parse(
        withBus({ dialect: '8a' }, [
          { bank: 0, boards: [1], sizes: `${'S'.repeat(30)}ML`, firstPosition: 1 },
        ]),
      ).lockers,
    ).toHaveLength(32);
    const wide = withBus({ dialect: 'modbus', boardProfile: { relays: 16 } }, [
      { bank: 0, boards: [7], sizes: 'SSSSSSSSSSSSMMML', firstPosition: 1 },
    ]);
    expect(parse(wide).buses[0]).toMatchObject({ boards: [7], channels: 16 });
  });
});
