/** Calendar periods for the report's time axis (UTC days; weeks are ISO weeks from Monday). */
import type { Period } from './types.js';

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The period a YYYY-MM-DD date falls in: its label ("2016-W23", "2016-Q2", ...) and first day. */
export function periodOf(date: string, period: Period): { period: string; start: string } {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (period) {
    case 'day':
      return { period: date, start: date };
    case 'week': {
      const day = dayNumber(date);
      const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
      const monday = day - weekday;
      const thursday = monday + 3; // an ISO week belongs to the year of its Thursday
      const weekYear = new Date(thursday * DAY_MS).getUTCFullYear();
      const week = Math.floor((thursday - dayNumber(`${weekYear}-01-01`)) / 7) + 1;
      return { period: `${weekYear}-W${String(week).padStart(2, '0')}`, start: isoDay(monday) };
    }
    case 'month':
      return { period: date.slice(0, 7), start: `${date.slice(0, 7)}-01` };
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      return { period: `${year}-Q${quarter}`, start: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01` };
    }
    case 'year':
      return { period: year, start: `${year}-01-01` };
  }
}

/** The first day of the period after the one starting on `start` (a start as periodOf gives it). */
export function nextPeriodStart(start: string, period: Period): string {
  const months = { month: 1, quarter: 3, year: 12 } as const;
  if (period === 'day' || period === 'week') return isoDay(dayNumber(start) + (period === 'day' ? 1 : 7));
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months[period]);
  return date.toISOString().slice(0, 10);
}

/** How many periods from the one starting on `first` to the one starting on `last`, both counted. */
export function periodCount(first: string, last: string, period: Period): number {
  const days = dayNumber(last) - dayNumber(first);
  if (period === 'day' || period === 'week') return Math.round(days / (period === 'day' ? 1 : 7)) + 1;
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7));
  return Math.round(months / (period === 'month' ? 1 : period === 'quarter' ? 3 : 12)) + 1;
}

/**
 * The period that gives a readable number of points for a span of dates:
 * about a month of days, half a year of weeks, three years of months,
 * fifteen years of quarters, and years beyond.
 */
export function periodFor(from: string | null, to: string | null): Period {
  if (from === null || to === null) return 'month';
  const days = dayNumber(to) - dayNumber(from);
  if (days <= 45) return 'day';
  if (days <= 200) return 'week';
  if (days <= 3 * 366) return 'month';
  if (days <= 15 * 366) return 'quarter';
  return 'year';
}
