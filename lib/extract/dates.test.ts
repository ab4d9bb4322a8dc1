import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../pack/schema';
import { eventDateNear, findStatedDates } from './dates';

const DAY: PartialDate = { date: '2024-11-26', precision: 'day' }; // a Tuesday
const MONTH: PartialDate = { date: '2025-03-01', precision: 'month' };

function datesIn(sentence: string, publishedAt: PartialDate | null) {
  return findStatedDates(sentence, publishedAt).map((found) => found.date);
}

describe('findStatedDates', () => {
  it('resolves a day without a year against the publication date', () => {
    expect(datesIn('During a visit to London on November 22, Barrot spoke.', DAY)).toEqual([{ date: '2024-11-22', precision: 'day' }]);
  });

  it('puts a yearless date that would fall after publication in the year before', () => {
    expect(datesIn('The idea was first proposed by Macron in February in Paris.', DAY)).toEqual([{ date: '2024-02-01', precision: 'month' }]);
  });

  it('resolves a bare weekday to the latest such day on or before publication', () => {
    expect(datesIn('The summit met on Saturday.', DAY)).toEqual([{ date: '2024-11-23', precision: 'day' }]);
    expect(datesIn('His office spoke on Tuesday.', DAY)).toEqual([{ date: '2024-11-26', precision: 'day' }]);
  });

  it('keeps the precision the sentence gives', () => {
    expect(datesIn('In March 2024, Macron met party leaders.', DAY)).toEqual([{ date: '2024-03-01', precision: 'month' }]);
    expect(datesIn('Trump takes office on January 20, 2025.', DAY)).toEqual([{ date: '2025-01-20', precision: 'day' }]);
  });

  it('does not resolve a weekday when only the month of publication is known', () => {
    expect(datesIn('During the virtual meeting on Saturday, Starmer spoke.', MONTH)).toEqual([]);
    expect(datesIn('More countries took part than in the meeting on March 2.', MONTH)).toEqual([{ date: '2025-03-02', precision: 'day' }]);
  });

  it('treats vague expressions as no date', () => {
    expect(datesIn('Discussions have now intensified again.', DAY)).toEqual([]);
    expect(datesIn('Last week, the minister said so.', DAY)).toEqual([]);
    expect(datesIn('The debate could take place within two to three weeks.', DAY)).toEqual([]);
    expect(datesIn('The newly elected president may reduce aid.', DAY)).toEqual([]);
  });

  it('resolves only fully stated dates when the publication date is unknown', () => {
    expect(datesIn('It happened on November 22.', null)).toEqual([]);
    expect(datesIn('Trump takes office on January 20, 2025.', null)).toEqual([{ date: '2025-01-20', precision: 'day' }]);
  });
});

describe('eventDateNear', () => {
  it('dates each mention by the stated date nearest to it', () => {
    const sentence = 'Macron spoke in February, and Starmer visited France on November 11.';
    const dates = findStatedDates(sentence, DAY);
    expect(eventDateNear(sentence, dates, sentence.indexOf('Macron'))).toEqual({ date: '2024-02-01', precision: 'month' });
    expect(eventDateNear(sentence, dates, sentence.indexOf('Starmer'))).toEqual({ date: '2024-11-11', precision: 'day' });
    expect(eventDateNear(sentence, [], 0)).toBeNull();
  });
});
