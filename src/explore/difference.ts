import { compareScenarios, type ComparisonRow } from '../compare/compare.js';
import { fmt, HEADLINE_OUTCOMES } from '../compare/table.js';
import type { Outcomes } from '../model/outcomes.js';

/** Words for the headline outcomes, for the sentence under the difference table. */
const WORDS: Readonly<Record<string, string>> = {
  maturity_end_all: 'mean digital maturity of all organizations',
  maturity_end_outside: 'mean digital maturity outside the programme',
  maturity_gain_all: 'the gain in mean maturity since the start',
  informal_active_funding_end: 'informal relationships active when funding ends',
  informal_ties_alive_after_funding: 'informal ties formed while funded and still alive',
  outside_orgs_reached: 'organizations outside the programme reached by an informal tie',
  networks_central_surviving: 'centrally run learning networks still alive',
  networks_profession_surviving: 'profession-led learning networks still alive',
  spend_programme_gbp: 'programme spend',
  maturity_gain_per_gbp_million: 'maturity gained per GBP million',
  informal_ties_alive_per_gbp_million: 'informal ties alive per GBP million',
  outside_reached_per_gbp_million: 'organizations reached per GBP million',
};

/** B against A on paired replications, headline outcomes only, as `lesim compare A B` computes them. */
export function headlineDifferences(a: { name: string; outcomes: readonly Outcomes[] }, b: { name: string; outcomes: readonly Outcomes[] }): ComparisonRow[] {
  const n = Math.min(a.outcomes.length, b.outcomes.length);
  const rows = compareScenarios(
    [
      { name: `A:${a.name}`, outcomes: a.outcomes.slice(0, n) },
      { name: `B:${b.name}`, outcomes: b.outcomes.slice(0, n) },
    ],
    `A:${a.name}`,
  );
  return HEADLINE_OUTCOMES.map((o) => rows.find((r) => r.outcome === o)!);
}

/** Whether a difference can be told apart from chance: its 95% interval excludes 0. */
export function isClear(r: ComparisonRow): boolean {
  return Number.isFinite(r.difference_ci_low) && Number.isFinite(r.difference_ci_high) && (r.difference_ci_low > 0 || r.difference_ci_high < 0);
}

/**
 * What differs so far, in plain words: the extra spend, then each headline outcome whose interval
 * excludes 0 (with its cost per unit where there is one), then how many cannot be told apart yet.
 */
export function differenceSentence(rows: readonly ComparisonRow[], month: number, horizon: number): string {
  if (rows.length === 0) return '';
  const n = rows[0].n;
  const when = month >= horizon ? `At the end of the run (month ${month})` : `So far (month ${month} of ${horizon})`;
  if (n < 2) return `${when}: intervals need at least 2 paired replications; set Replications to 2 or more.`;
  const extra = rows[0].extra_cost_gbp;
  const spend = !Number.isFinite(extra) || extra === 0 ? 'B costs the same as A' : `B costs GBP ${fmt(Math.abs(extra), 'GBP')} ${extra > 0 ? 'more' : 'less'} than A`;
  const clear = rows.filter((r) => r.unit !== 'GBP' && isClear(r));
  const undefinedYet = rows.filter((r) => !Number.isFinite(r.difference_mean));
  const parts = clear.map((r) => {
    const cost = Number.isFinite(r.cost_per_unit_gbp) ? `, GBP ${fmt(r.cost_per_unit_gbp, 'GBP')} per ${r.unit === 'index 0-1' ? 'unit of the index' : r.unit.replace(/s$/, '')}` : '';
    return `${WORDS[r.outcome] ?? r.outcome} is ${r.difference_mean > 0 ? 'higher' : 'lower'} by ${fmt(Math.abs(r.difference_mean), r.unit)} (95% CI ${fmt(r.difference_ci_low, r.unit)} to ${fmt(r.difference_ci_high, r.unit)}${cost})`;
  });
  const rest = rows.length - 1 - clear.length - undefinedYet.filter((r) => r.unit !== 'GBP').length;
  const found = parts.length > 0 ? `; ${parts.join('; ')}` : '; no headline outcome differs by more than chance yet';
  const others = parts.length > 0 && rest > 0 ? `. The other ${rest} cannot be told apart from chance with ${n} paired replications` : parts.length === 0 ? ` with ${n} paired replications` : '';
  const pending = undefinedYet.length > 0 ? ` (${undefinedYet.length} ${undefinedYet.length === 1 ? 'is' : 'are'} measured only later in the run)` : '';
  return `${when}: ${spend}${found}${others}${pending}.`;
}
