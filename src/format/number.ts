/**
 * The one way lesim writes numbers for people: the CLI tables, chart captions and axes, and the
 * reports all call these, so a reader sees "GBP 9.1 million" and "0.0038 (-0.0011 to 0.0087)"
 * everywhere. Files for machines (CSV, JSON) keep full precision and never go through here.
 *
 *   significant(x, digits)      a number to `digits` significant digits, never in exponent form
 *   gbp(x)                      "GBP 950", "GBP 12,500", "GBP 9.1 million", "GBP 2.4 billion"
 *   estimate(mean, low, high)   "0.0038 (-0.0011 to 0.0087)": one number of decimals for all three,
 *                               enough for the interval's width to show two significant digits
 *   AXIS_FORMAT                 a d3 format for chart axes: grouped thousands, no SI prefix, no exponent
 *   gbpScale(max)               the divisor and word ("million") to put GBP on an axis
 */

/** A residue below this relative size is rounding noise of a mean and is shown as 0. */
const NOISE = 1e-12;

const group = (s: string): string => {
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
};

/** x with exactly `decimals` decimals (0 to 12), thousands grouped; "-0.00" becomes "0.00". */
export function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  const s = x.toFixed(Math.max(0, Math.min(12, decimals)));
  return group(/^-0(\.0*)?$/.test(s) ? s.slice(1) : s);
}

/** Decimals that show x to `digits` significant digits (0 for numbers of `digits` or more digits before the point). */
export function decimalsFor(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  return Math.max(0, Math.min(12, digits - 1 - Math.floor(Math.log10(Math.abs(x)))));
}

/**
 * x to `digits` significant digits (default 3) in plain decimal notation, thousands grouped.
 * Whole parts longer than `digits` are kept whole (12,857 not 12,900): rounding a count to
 * hundreds would hide what it is. Trailing zeros after the point are dropped.
 */
export function significant(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0 || Math.abs(x) < 1e-300) return '0';
  const s = fixed(x, decimalsFor(x, digits));
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

const GBP_WORDS: readonly [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** An amount of money in words: "GBP 395 million", "GBP 12.9 million", "GBP 2.69 billion", "GBP 12,500", "GBP -395 million". */
export function gbp(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  for (const [size, word] of GBP_WORDS) if (Math.abs(x) >= size * 0.9995) return `GBP ${significant(x / size, digits)} ${word}`;
  // Thousands to `digits` significant digits (at least 3), whole: "GBP 809,000", "GBP 12,500".
  return `GBP ${Math.abs(x) >= 1000 ? fixed(Number(x.toPrecision(Math.max(3, digits))), 0) : significant(x, digits)}`;
}

/** The divisor and unit word to draw GBP on an axis: values up to `max` in GBP million, say. */
export function gbpScale(max: number): { divisor: number; unit: string } {
  const a = Math.abs(max);
  if (a >= 1e9) return { divisor: 1e9, unit: 'GBP billion' };
  if (a >= 1e6) return { divisor: 1e6, unit: 'GBP million' };
  if (a >= 1e4) return { divisor: 1e3, unit: 'GBP thousand' };
  return { divisor: 1, unit: 'GBP' };
}

/** d3-format for chart axes: grouped thousands, up to four significant digits, no SI prefix ("G") and no exponent ("2e+6"). */
export const AXIS_FORMAT = ',.4~r';

/**
 * Whether an interval is of zero width but for floating-point rounding: a sum of budget lines
 * that is the same in every replication can differ in its last bit between replications (a
 * halved grant gave -157.500000000001 to -157.500000000000), which is no interval at all.
 */
export function sameInEveryReplication(low: number, high: number): boolean {
  return high - low <= 1e-9 * Math.max(Math.abs(low), Math.abs(high));
}

/**
 * A mean with its 95% interval, "0.0038 (-0.0011 to 0.0087)", all three with the same decimals:
 * enough for the interval's half-width (or, without an interval, the mean) to show `digits`
 * significant digits, so a small effect never prints as "0.000 (-0.000 to 0.00)". A mean that is
 * rounding noise next to its bounds prints as 0. Without finite bounds, the mean alone.
 */
export function estimate(mean: number, low: number, high: number, digits = 2): string {
  if (!Number.isFinite(mean)) return 'n/a';
  const interval = Number.isFinite(low) && Number.isFinite(high);
  const same = interval && sameInEveryReplication(low, high);
  const width = interval && !same ? (high - low) / 2 : 0;
  const scale = width > 0 ? width : Math.abs(mean);
  const d = decimalsFor(scale, digits);
  const m = Math.abs(mean) <= NOISE * Math.max(Math.abs(low), Math.abs(high), 1) ? 0 : mean;
  if (!interval) return fixed(m, d);
  // A value without spread is shown as it is (to six significant digits), not rounded to an interval.
  if (same) return `${significant(mean, 6)} (the same in every replication)`;
  let parts = [m, low, high].map((x) => fixed(x, d));
  // Zeros that all three end in say nothing ("167.40 (161.90 to 172.90)" is "167.4 (161.9 to 172.9)").
  while (parts.every((p) => p.includes('.') && p.endsWith('0'))) parts = parts.map((p) => p.slice(0, -1).replace(/\.$/, ''));
  return `${parts[0]} (${parts[1]} to ${parts[2]})`;
}

/** A difference with its sign: "+0.0038 (...)", "-12", "0" (the first number of the text decides). */
export function signed(text: string): string {
  if (!/[1-9]/.test(text.split(' ')[0])) return text;
  return text.startsWith('-') ? text : `+${text}`;
}
