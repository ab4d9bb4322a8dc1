import * as chrono from 'chrono-node';
import type { PartialDate } from '../pack/schema';

const MONTH_OR_WEEKDAY =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const WEEKDAY_ONLY = /^\W*(on\s+)?(last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/** A date stated in a sentence, resolved against the article's publication date. */
export interface StatedDate {
  date: PartialDate;
  /** Offset of the date expression in the sentence. */
  index: number;
  text: string;
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseIso(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/**
 * Finds the calendar dates a sentence states ("on November 22", "in March 2024", "on Saturday") and
 * resolves them against the publication date, keeping how precise each is. News reports the past,
 * so a date without a year that would fall after publication belongs to the year before, and a bare
 * weekday is the latest such day on or before publication. Vague expressions ("now", "last week",
 * "in two weeks") are not dates. Without a publication date only fully stated dates resolve; without
 * a day-precise one a bare weekday does not.
 */
export function findStatedDates(sentence: string, publishedAt: PartialDate | null): StatedDate[] {
  const reference = publishedAt ? parseIso(publishedAt.date) : new Date(Date.UTC(2000, 0, 1, 12));
  const results = chrono.casual.parse(sentence, { instant: reference, timezone: 0 }, { forwardDate: false });
  const dates: StatedDate[] = [];
  for (const result of results) {
    if (!MONTH_OR_WEEKDAY.test(result.text) && !/\b\d{4}\b/.test(result.text)) continue;
    const start = result.start;
    let date: PartialDate | null = null;
    if (WEEKDAY_ONLY.test(result.text) && !start.isCertain('day')) {
      const weekday = start.get('weekday');
      if (publishedAt?.precision !== 'day' || weekday === null) continue;
      const back = (reference.getUTCDay() - weekday + 7) % 7;
      const resolved = new Date(reference.getTime() - back * 86_400_000);
      date = { date: toIso(resolved.getUTCFullYear(), resolved.getUTCMonth() + 1, resolved.getUTCDate()), precision: 'day' };
    } else if (start.isCertain('month') || start.isCertain('year')) {
      if (!start.isCertain('year') && !publishedAt) continue;
      let year = start.get('year') ?? reference.getUTCFullYear();
      const month = start.get('month') ?? 1;
      const day = start.get('day') ?? 1;
      const precision = start.isCertain('day') ? 'day' : start.isCertain('month') ? 'month' : 'year';
      if (!start.isCertain('year') && publishedAt) {
        // Compare at the precision the publication date is known to.
        const statedKey = precision === 'day' && publishedAt.precision === 'day' ? toIso(year, month, day) : toIso(year, month, 1);
        const referenceKey = publishedAt.precision === 'day' ? publishedAt.date : publishedAt.date.slice(0, 8) + '01';
        const comparableStated = publishedAt.precision === 'day' ? statedKey : statedKey.slice(0, 8) + '01';
        if (comparableStated > referenceKey) year -= 1;
      }
      date = {
        date: precision === 'day' ? toIso(year, month, day) : precision === 'month' ? toIso(year, month, 1) : toIso(year, 1, 1),
        precision,
      };
    }
    if (date) dates.push({ date, index: result.index, text: result.text });
  }
  return dates;
}

/** Where clauses join: "…, and …", "…; …", "…, but …". */
const CLAUSE_BREAK = /[,;]\s+(?:and|but|while|whereas|whilst)\s+|;\s*/g;

/**
 * The date that dates a mention: one stated in the mention's own clause ("Macron spoke in February, and
 * Starmer visited on November 11" dates each by its own), else the nearest one in the sentence.
 */
export function eventDateNear(sentence: string, dates: StatedDate[], mentionStart: number): PartialDate | null {
  const breaks = [0, ...[...sentence.matchAll(CLAUSE_BREAK)].map((match) => match.index + match[0].length), sentence.length + 1];
  const clauseOf = (offset: number) => breaks.findIndex((start, i) => offset >= start && offset < (breaks[i + 1] ?? Infinity));
  const clause = clauseOf(mentionStart);
  let best: StatedDate | null = null;
  const score = (candidate: StatedDate) =>
    (clauseOf(candidate.index) === clause ? 0 : sentence.length + 1) + Math.abs(candidate.index - mentionStart);
  for (const candidate of dates) {
    if (!best || score(candidate) < score(best)) best = candidate;
  }
  return best?.date ?? null;
}
