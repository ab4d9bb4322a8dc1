import { describe, expect, it } from 'vitest';
import { formatPartialDate, partialDateTimeAttribute } from './dates';

describe('formatPartialDate', () => {
  it('shows only as much of the date as is known', () => {
    expect(formatPartialDate({ date: '2024-11-22', precision: 'day' })).toBe('22 November 2024');
    expect(formatPartialDate({ date: '2026-01-01', precision: 'month' })).toBe('January 2026');
    expect(formatPartialDate({ date: '2025-01-01', precision: 'year' })).toBe('2025');
  });

  it('says the date is unknown rather than guessing', () => {
    expect(formatPartialDate(null)).toBe('date unknown');
    expect(formatPartialDate({ date: 'not-a-date', precision: 'day' })).toBe('date unknown');
  });

  it('gives <time> a value as precise as the date', () => {
    expect(partialDateTimeAttribute({ date: '2024-11-22', precision: 'day' })).toBe('2024-11-22');
    expect(partialDateTimeAttribute({ date: '2026-01-01', precision: 'month' })).toBe('2026-01');
    expect(partialDateTimeAttribute({ date: '2025-01-01', precision: 'year' })).toBe('2025');
  });
});
