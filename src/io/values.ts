/* Values of parsed input files described and checked, with no Node imports: the page of lesim explore checks scenarios too. */

/** How a value is shown in a message: NaN and Infinity by name (JSON.stringify would say null). */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN (not a number)' : `${value > 0 ? '' : '-'}Infinity`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The path of the first NaN or infinite number in a parsed value, if any. */
export function findNonFinite(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNonFinite(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNonFinite(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}
