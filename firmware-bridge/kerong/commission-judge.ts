import type { KerongProfileOverrides } from './resolve-profile';

/**
 * What a technician's commissioning probe read from one board, with every door shut and every
 * locker empty: the raw data bytes of its status reply (between CMD and ETX) and its CMD byte.
 */
export interface CommissionReading {
  board: number;
  /** CMD byte of the reply: 0x35 (kerong-lib) or 0x30 (the echo). */
  replyCommand: number;
  /** L1-8 L9-16 IR1-8 IR9-16 as the board sent them. */
  data: readonly number[];
  /** Locks wired on this board (1-16): bits beyond them read whatever the board leaves there. */
  channels: number;
}

interface Candidate {
  hookActiveHigh: boolean;
  infraredActiveHigh: boolean;
  bitOrder: 'lsb-first' | 'msb-first';
  hookBytes: readonly [number, number];
  infraredBytes: readonly [number, number];
}

export interface CommissionFit extends Candidate {
  /** Wired doors of all boards that read "hook engaged, empty" under this reading of the bytes. */
  fitting: number;
  total: number;
}

export interface CommissionVerdict {
  /** high: one polarity fits every door and its opposite fits almost none. */
  confidence: 'high' | 'low' | 'none';
  /** The overrides to put in the bank's configuration, when anything fits. */
  overrides: KerongProfileOverrides | null;
  /** Best fits first; several with the same score cannot be told apart from this reading. */
  fits: CommissionFit[];
  /** Doors that do not read shut and empty under the best fit (open, loaded, or a sensor fault). */
  misfits: { board: number; channel: number; hookEngaged: boolean; itemPresent: boolean }[];
  explanation: string[];
}

const LAYOUTS: Pick<Candidate, 'hookBytes' | 'infraredBytes'>[] = [
  { hookBytes: [0, 1], infraredBytes: [2, 3] }, // every public source
  { hookBytes: [1, 0], infraredBytes: [3, 2] }, // halves swapped
  // Infrared-first is not tried: with every door alike it mirrors hooks-first with both
  // polarities flipped, and no public source puts the infrared bytes first.
];

/**
 * Which hook and infrared polarity, bit order and byte layout make every wired door of these
 * boards read "hook engaged (locked, shut) and empty", which it is during commissioning. Pure:
 * no I/O. A uniform reading cannot tell byte or bit order apart (all bits alike); the bits
 * beyond the wired locks sometimes can. When most doors read open under the current polarity,
 * the polarity is flipped (shared reference hardware.md).
 */
export function judgeCommissioning(readings: readonly CommissionReading[]): CommissionVerdict {
  const explanation: string[] = [];
  if (readings.length === 0) {
    return { confidence: 'none', overrides: null, fits: [], misfits: [], explanation: ['no board answered'] };
  }
  const fits: CommissionFit[] = [];
  for (const layout of LAYOUTS) {
    for (const bitOrder of ['lsb-first', 'msb-first'] as const) {
      for (const hookActiveHigh of [true, false]) {
        for (const infraredActiveHigh of [true, false]) {
          const candidate = { ...layout, bitOrder, hookActiveHigh, infraredActiveHigh };
          let fitting = 0;
          let total = 0;
          for (const reading of readings) {
            for (let channel = 0; channel < reading.channels; channel++) {
              total++;
              const door = doorUnder(candidate, reading, channel);
              if (door.hookEngaged && !door.itemPresent) fitting++;
            }
          }
          fits.push({ ...candidate, fitting, total });
        }
      }
    }
  }
  fits.sort((a, b) => b.fitting - a.fitting || rank(a) - rank(b));
  const best = preferUsualLayout(fits);
  const tied = fits.filter((f) => f.fitting === best.fitting);
  const opposite = fits.find(
    (f) =>
      f.hookActiveHigh !== best.hookActiveHigh &&
      f.bitOrder === best.bitOrder &&
      f.hookBytes[0] === best.hookBytes[0] &&
      f.infraredActiveHigh === best.infraredActiveHigh,
  )!;
  const misfits = readings.flatMap((reading) =>
    Array.from({ length: reading.channels }, (_, channel) => ({
      board: reading.board,
      channel,
      ...doorUnder(best, reading, channel),
    })).filter((door) => !door.hookEngaged || door.itemPresent),
  );
  const share = best.fitting / best.total;
  const polarityAgreed = tied.every(
    (f) => f.hookActiveHigh === best.hookActiveHigh && f.infraredActiveHigh === best.infraredActiveHigh,
  );
  let confidence: CommissionVerdict['confidence'];
  if (share === 1 && opposite.fitting / opposite.total <= 0.1 && polarityAgreed) confidence = 'high';
  else if (share >= 0.75 && polarityAgreed) confidence = 'low';
  else confidence = 'none';

  explanation.push(
    `${best.fitting} of ${best.total} wired doors read shut and empty with hook bit ${best.hookActiveHigh ? '1' : '0'} = engaged and infrared bit ${best.infraredActiveHigh ? '1' : '0'} = item present`,
  );
  explanation.push(
    `the opposite hook polarity would read ${opposite.total - opposite.fitting} of ${opposite.total} shut doors as open`,
  );
  if (tied.length > 1)
    explanation.push(
      `${tied.length} byte layouts fit equally: this reading cannot tell them apart (every bit alike); the usual one is kept`,
    );
  if (misfits.length > 0)
    explanation.push(
      `doors that do not read shut and empty: ${misfits
        .slice(0, 10)
        .map((m) => `${m.board}:${m.channel}${m.hookEngaged ? '' : ' open'}${m.itemPresent ? ' loaded' : ''}`)
        .join(', ')}: shut and empty them, or check their switches, and probe again`,
    );
  const commands = [...new Set(readings.map((r) => r.replyCommand))];
  explanation.push(`status replies carry CMD ${commands.map((c) => `0x${c.toString(16)}`).join(' and ')}`);
  if (confidence !== 'high')
    explanation.push(
      confidence === 'low'
        ? 'confidence low: most doors fit, not all; fix the doors listed and probe again before trusting it'
        : 'no reading fits: are all doors shut and empty, and is this a Kerong CU16 bus?',
    );
  const overrides: KerongProfileOverrides | null =
    confidence === 'none'
      ? null
      : {
          hookActiveHigh: best.hookActiveHigh,
          infraredActiveHigh: best.infraredActiveHigh,
          ...(best.bitOrder !== 'lsb-first' ? { bitOrder: best.bitOrder } : {}),
          ...(best.hookBytes[0] !== 0
            ? { hookBytes: best.hookBytes, infraredBytes: best.infraredBytes }
            : {}),
        };
  return { confidence, overrides, fits: fits.slice(0, 4), misfits, explanation };
}

/**
 * Every public source lays the bytes out the usual way (hooks 1-8, hooks 9-16, infrared 1-8,
 * infrared 9-16, bit 0 the lowest lock). Another layout can only be told from a reading whose
 * unwired bits differ from the wired ones, and a door loaded or left open by mistake also makes
 * the usual layout miss: on a six-door board with door 3 loaded (`ff ff 04 00`), the swapped
 * layout reads the unwired hook and infrared bits and "fits" every door. So an unusual layout is
 * chosen only when the usual one, with the same polarity, misses more than a quarter of the doors.
 */
function preferUsualLayout(sorted: readonly CommissionFit[]): CommissionFit {
  const best = sorted[0]!;
  if (rank(best) === 0) return best;
  const usual = sorted.find(
    (f) =>
      rank(f) === 0 &&
      f.hookActiveHigh === best.hookActiveHigh &&
      f.infraredActiveHigh === best.infraredActiveHigh,
  );
  return usual && usual.fitting / usual.total >= 0.75 ? usual : best;
}

/** The usual reading first when several fit alike: layout 0, lsb-first. */
function rank(c: Candidate): number {
  return (
    LAYOUTS.findIndex((l) => l.hookBytes[0] === c.hookBytes[0]) * 2 + (c.bitOrder === 'lsb-first' ? 0 : 1)
  );
}

function doorUnder(c: Candidate, reading: CommissionReading, channel: number) {
  const half = channel < 8 ? 0 : 1;
  const bit = c.bitOrder === 'lsb-first' ? 1 << (channel % 8) : 0x80 >> (channel % 8);
  const hookSet = ((reading.data[c.hookBytes[half]] ?? 0) & bit) !== 0;
  const irSet = ((reading.data[c.infraredBytes[half]] ?? 0) & bit) !== 0;
  return { hookEngaged: hookSet === c.hookActiveHigh, itemPresent: irSet === c.infraredActiveHigh };
}
