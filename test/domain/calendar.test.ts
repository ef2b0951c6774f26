import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  appointmentDate,
  type CalendarPolicy,
  CalendarPolicyError,
  checkCalendarPolicy,
  isLate,
  isWorkingDay,
  receivingDay,
  workingDaysBetween,
  workingDaysLate,
} from '../../src/domain/calendar';

// Local time is UTC+7: 03:00Z is 10:00 at the kiosk, 13:00Z is 20:00.
const policy: CalendarPolicy = checkCalendarPolicy({
  holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2027-01-01'],
  receivingClosesAt: 17 * 60,
});

describe('appointment dates', () => {
  it('a Monday-morning deposit due in 3 working days is due Thursday', () => {
    expect(appointmentDate(new Date('2026-03-09T03:00:00Z'), 3, policy)).toBe('2026-03-12');
  });

  it('a deposit on a weekend counts from Monday', () => {
    expect(receivingDay(new Date('2026-03-07T03:00:00Z'), policy)).toBe('2026-03-09');
    expect(appointmentDate(new Date('2026-03-07T03:00:00Z'), 3, policy)).toBe('2026-03-12');
    expect(appointmentDate(new Date('2026-03-08T15:00:00Z'), 3, policy)).toBe('2026-03-12');
  });

  it('a deposit after the counter closes counts from the next working day', () => {
    expect(appointmentDate(new Date('2026-03-09T13:00:00Z'), 3, policy)).toBe('2026-03-13');
    // 16:59 local is still the same day; 17:00 is not.
    expect(receivingDay(new Date('2026-03-09T09:59:00Z'), policy)).toBe('2026-03-09');
    expect(receivingDay(new Date('2026-03-09T10:00:00Z'), policy)).toBe('2026-03-10');
    // Friday night counts from Monday.
    expect(appointmentDate(new Date('2026-03-13T14:00:00Z'), 1, policy)).toBe('2026-03-17');
  });

  it('uses the kiosk date, not UTC: Sunday 23:30 UTC is Monday 06:30 in Ho Chi Minh City', () => {
    expect(receivingDay(new Date('2026-03-08T23:30:00Z'), policy)).toBe('2026-03-09');
  });

  it('skips a Tết holiday spanning a whole week', () => {
    expect(appointmentDate(new Date('2026-02-13T03:00:00Z'), 3, policy)).toBe('2026-02-25');
    expect(isWorkingDay('2026-02-17', policy)).toBe(false);
    expect(receivingDay(new Date('2026-02-18T03:00:00Z'), policy)).toBe('2026-02-23');
  });

  it('crosses the year end and its holiday', () => {
    expect(appointmentDate(new Date('2026-12-30T03:00:00Z'), 3, policy)).toBe('2027-01-05');
    expect(addWorkingDays('2026-12-31', 1, policy)).toBe('2027-01-04');
  });

  it('zero working days means the receiving day itself', () => {
    expect(appointmentDate(new Date('2026-03-07T03:00:00Z'), 0, policy)).toBe('2026-03-09');
  });
});

describe('lateness', () => {
  it('is late once the appointment day has ended at the kiosk', () => {
    expect(isLate('2026-03-12', new Date('2026-03-12T16:59:59Z'))).toBe(false);
    expect(isLate('2026-03-12', new Date('2026-03-12T17:00:00Z'))).toBe(true);
    expect(isLate('2026-03-12', new Date('2026-03-11T03:00:00Z'))).toBe(false);
  });

  it('counts days late in working days', () => {
    expect(workingDaysBetween('2026-03-12', '2026-03-12', policy)).toBe(0);
    expect(workingDaysBetween('2026-03-12', '2026-03-16', policy)).toBe(2);
    expect(workingDaysBetween('2026-03-16', '2026-03-12', policy)).toBe(0);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', policy)).toBe(2);
    expect(workingDaysLate('2026-03-12', new Date('2026-03-16T03:00:00Z'), policy)).toBe(2);
    expect(workingDaysLate('2026-03-12', new Date('2026-03-12T03:00:00Z'), policy)).toBe(0);
  });
});

describe('calendar configuration', () => {
  it('names the bad field', () => {
    expect(() => checkCalendarPolicy({ holidays: ['2026-02-30'], receivingClosesAt: 1020 })).toThrow(
      expect.objectContaining({ field: 'holidays[0]' }),
    );
    expect(() => checkCalendarPolicy({ holidays: [], receivingClosesAt: 2000 })).toThrow(CalendarPolicyError);
  });
});
