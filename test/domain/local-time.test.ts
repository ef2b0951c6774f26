import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KIOSK_CLOCK_FORMAT, localDate, localReading } from '../../src/domain/local-time';

/** The reading straight from Intl, with no cache in between. */
function fromIntl(at: Date): { date: string; minuteOfDay: number } {
  const parts: Record<string, string> = {};
  const formatter = new Intl.DateTimeFormat('en-CA', KIOSK_CLOCK_FORMAT);
  for (const p of formatter.formatToParts(at)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

describe('local time at the kiosk', () => {
  it('turns the date at local midnight, 17:00 UTC', () => {
    expect(localReading(new Date('2026-12-06T16:59:59.999Z'))).toEqual({
      date: '2026-12-06',
      minuteOfDay: 1439,
    });
    expect(localReading(new Date('2026-12-06T17:00:00.000Z'))).toEqual({
      date: '2026-12-07',
      minuteOfDay: 0,
    });
    expect(localDate(new Date('2026-12-06T16:59:30Z'))).toBe('2026-12-06');
  });

  it('gives the same reading for every instant of one minute, and the next one after it', () => {
    const minute = Date.parse('2027-02-05T03:04:00Z');
    for (const offset of [0, 1, 30_000, 59_999]) {
      expect(localReading(new Date(minute + offset))).toEqual({
        date: '2027-02-05',
        minuteOfDay: 10 * 60 + 4,
      });
    }
    expect(localReading(new Date(minute + 60_000))).toEqual({ date: '2027-02-05', minuteOfDay: 10 * 60 + 5 });
  });

  it('hands out a copy: a caller that edits its reading does not change the next one', () => {
    const at = new Date('2026-03-01T01:00:00Z');
    const first = localReading(at);
    first.date = '1999-01-01';
    first.minuteOfDay = -1;
    expect(localReading(at)).toEqual({ date: '2026-03-01', minuteOfDay: 8 * 60 });
  });

  it('reads the local mean time of the years before whole-minute offsets right', () => {
    // Saigon kept +7:06:40 until 1906: the seconds matter there, so those readings are not kept.
    const at = new Date('1900-01-01T16:53:00Z');
    expect(localReading(at)).toEqual(fromIntl(at));
    expect(localReading(new Date(at.getTime() + 30_000))).toEqual(fromIntl(new Date(at.getTime() + 30_000)));
  });

  it('agrees with Intl for any sequence of instants, repeated or not', () => {
    const instant = fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(instant, fc.constant(Date.UTC(2026, 0, 1, 12))), { minLength: 1 }),
        (times) => {
          for (const t of times) {
            expect(localReading(new Date(t))).toEqual(fromIntl(new Date(t)));
            expect(localReading(new Date(t + 1))).toEqual(fromIntl(new Date(t + 1)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses an invalid date', () => {
    expect(() => localReading(new Date(Number.NaN))).toThrow(RangeError);
  });
});
