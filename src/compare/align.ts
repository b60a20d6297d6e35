import type { Params } from '../model/parameters.js';
import { monthText } from '../scenarios/translate.js';

export interface AlignedWindow {
  /** Months every scenario runs. */
  readonly months: number;
  /** What was changed to make the scenarios comparable, in words (empty if nothing was). */
  readonly notices: readonly string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2028-12" -> "December 2028". */
function monthWords(index: number, startYear: number): string {
  const [y, m] = monthText(index, startYear).split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/**
 * The one window on which scenarios can be compared. Outcomes "at the end", "over the run" or
 * "after funding" depend on how long a run is, so paired differences between runs of different
 * lengths mix a policy's effect with that of the clock (issue 13: extended-funding runs 144
 * months, gde-baseline 120). Scenarios starting in different years have no common calendar and
 * are refused (the returned string says why); runs of different lengths are all run to the
 * longest horizon, and the notice says so. `months` (the --months option) sets the horizon of all.
 */
export function alignWindow(scenarios: readonly { readonly name: string; readonly params: Params }[], months?: number): AlignedWindow | string {
  const years = [...new Set(scenarios.map((s) => s.params.startYear_year))];
  if (years.length > 1) {
    const list = scenarios.map((s) => `${s.name} starts in January ${s.params.startYear_year}`).join(', ');
    return `the scenarios start in different years (${list}), so their months are different calendar months and cannot be paired; set the same run.start_year in each scenario file`;
  }
  const startYear = years[0];
  if (months !== undefined) return { months, notices: [] };
  const horizons = scenarios.map((s) => s.params.horizon_months);
  const longest = Math.max(...horizons);
  if (horizons.every((h) => h === longest)) return { months: longest, notices: [] };
  const shorter = scenarios.filter((s) => s.params.horizon_months < longest);
  const notice =
    `${shorter.map((s) => `${s.name} runs ${s.params.horizon_months} months`).join(', ')} but ${scenarios.find((s) => s.params.horizon_months === longest)!.name} runs ${longest}: ` +
    `every scenario was run ${longest} months (to ${monthWords(longest - 1, startYear)}), so that outcomes at the end, over the run and after funding are compared on the same window; pass --months to choose another`;
  return { months: longest, notices: [notice] };
}
