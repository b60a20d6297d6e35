/** CSV writing: RFC 4180 quoting, deterministic number formatting, NaN as an empty field. */

export function csvField(value: string | number): string {
  if (typeof value === 'number') return formatNumber(value);
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Up to 8 significant digits; NaN and infinities are empty. Magnitudes below 1e-9 (rounding
 * residue, e.g. the sd of a quantity equal in every replication) are written as 0.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Math.abs(x) < 1e-9) return '0';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(8)));
}

export function csvLine(values: readonly (string | number)[]): string {
  return values.map(csvField).join(',') + '\n';
}

/** Calendar label of a model month. */
export function monthDate(startYear: number, month: number): string {
  const year = startYear + Math.floor(month / 12);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
}
