import type { RunData, SeriesRow } from '../load/run.js';
import { parameter } from './source.js';

/** The programme's regular cycles, by parameter: what makes monthly series saw-toothed. */
const CYCLES: readonly { readonly parameter: string; readonly what: string }[] = [
  { parameter: 'learningNetworkMeetingInterval_months', what: 'learning-network meetings' },
  { parameter: 'userGroupMeetingInterval_months', what: 'supplier user groups' },
  { parameter: 'professionalNetworkEventInterval_months', what: 'professional-network events' },
  { parameter: 'academyCohortInterval_months', what: 'academy cohorts' },
];

/** Longest bin drawn: beyond a year, a bin hides the trend it is meant to show. */
const MAX_BIN_MONTHS = 12;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export interface MonthBins {
  /** Months per bin; bins start at month 0 (January of the start year). */
  readonly months: number;
  /** The binning in words, for the caption. */
  readonly caption: string;
}

const BIN_NAMES: Readonly<Record<number, string>> = { 1: 'month', 2: 'two months', 3: 'calendar quarter', 4: 'four months', 6: 'calendar half-year', 12: 'calendar year' };

/**
 * Bins that hold a whole number of every programme cycle of this run: the least common multiple
 * of the cycles' intervals, at most a year. Averaging two-monthly meetings over calendar quarters
 * puts one meeting in some quarters and two in others and draws a sawtooth that is not in the
 * model (issue 13); a bin of the cycles' common multiple puts the same number of each cycle's
 * events in every bin. Cycles that fit no bin of at most a year are named in the caption.
 */
export function cycleBins(run: RunData): MonthBins {
  const cycles = CYCLES.flatMap((c) => {
    const p = run.manifest.parameters[c.parameter];
    return p !== undefined && typeof p.value === 'number' && p.value >= 1 ? [{ ...c, months: Math.round(parameter(run, c.parameter)) }] : [];
  });
  let months = 1;
  const misfits: string[] = [];
  for (const c of cycles) {
    const next = (months * c.months) / gcd(months, c.months);
    if (next <= MAX_BIN_MONTHS) months = next;
    else misfits.push(`${c.what} every ${c.months} months`);
  }
  const name = BIN_NAMES[months] ?? `${months} months`;
  const fits = cycles.filter((c) => !misfits.some((m) => m.startsWith(c.what))).map((c) => `${c.what} every ${c.months}`);
  const caption =
    months === 1
      ? 'Monthly values (no programme cycle to average over).'
      : `Monthly values averaged over each ${name} (${months} months): a whole number of every programme cycle (${fits.join(', ')} months), so that cycles do not draw a sawtooth.` +
        (misfits.length > 0 ? ` Cycles longer than a year's bins still show: ${misfits.join(', ')}.` : '');
  return { months, caption };
}

/**
 * Rows of one monthly series averaged per bin, keyed by `key` (the series' own keys). The band
 * is the mean of the monthly 95% bounds: the standard deviation of a mean of months is at most
 * the mean of their standard deviations (Minkowski), so the band is at least as wide as the exact
 * interval of the bin's mean (conservative). A last bin with fewer months than the others (a
 * horizon that is not a multiple of the bin) is dropped: it would hold fewer cycles.
 */
export function binRows(rows: readonly SeriesRow[], months: number, key: (r: SeriesRow) => string): { first: SeriesRow; middle: number; months: number; mean: number | null; ciLow: number | null; ciHigh: number | null }[] {
  const groups = new Map<string, SeriesRow[]>();
  for (const r of rows) {
    const k = `${key(r)}|${Math.floor(r.month / months)}`;
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [r]);
    else list.push(r);
  }
  const avg = (xs: number[]) => (xs.every(Number.isFinite) ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return [...groups.values()]
    .filter((g) => g.length === months)
    .map((g) => g.sort((a, b) => a.month - b.month))
    .map((g) => ({ first: g[0], middle: g[0].month + Math.floor(months / 2), months: g.length, mean: avg(g.map((r) => r.mean)), ciLow: avg(g.map((r) => r.ciLow)), ciHigh: avg(g.map((r) => r.ciHigh)) }));
}
