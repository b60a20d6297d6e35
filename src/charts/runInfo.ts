import { LesimError } from '../errors.js';
import type { RunData } from '../load/run.js';

/*
 * What the charts read of a run besides its series, with nothing read from disk: the charts are
 * drawn in the browser too (lesim explore), from a run held in memory.
 */

/** A directory the charts cannot read: the message names the directory and what was expected. */
export class ChartInputError extends LesimError {
  constructor(message: string) {
    super(message);
    this.name = 'ChartInputError';
  }
}

/** A model parameter of the run, as resolved (manifest.json). */
export function parameter(run: RunData, name: string): number {
  const p = run.manifest.parameters[name];
  if (p === undefined || typeof p.value !== 'number') throw new ChartInputError(`${run.dir}/manifest.json: parameter '${name}' is missing`);
  return p.value;
}

/** Calendar label YYYY-MM of a model month, as in the series files. */
export function dateOfMonth(run: RunData, month: number): string {
  const total = parameter(run, 'startYear_year') * 12 + month;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
