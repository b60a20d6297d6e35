import { compareScenarios, type ComparisonRow } from '../compare/compare.js';
import { costText, difference, extraSpendText, HEADLINE_OUTCOMES, outcomeLabel, rowNumbers } from '../compare/table.js';
import type { Outcomes } from '../model/outcomes.js';

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
  const spend = `B: ${extraSpendText(rows[0].extra_cost_gbp).replace('the baseline', 'A')}`;
  const clear = rows.filter((r) => r.unit !== 'GBP' && isClear(r));
  const undefinedYet = rows.filter((r) => !Number.isFinite(r.difference_mean));
  const parts = clear.map((r) => {
    const cost = costText(rowNumbers(r));
    return `${outcomeLabel(r.outcome).toLowerCase().replace(/ at the end$/, month >= horizon ? ' at the end' : ' now')} ${difference(rowNumbers(r))}${cost ? `, ${cost}` : ''}`;
  });
  const rest = rows.length - 1 - clear.length - undefinedYet.filter((r) => r.unit !== 'GBP').length;
  const found = parts.length > 0 ? `; clear differences: ${parts.join('; ')}` : '; no headline outcome differs by more than chance yet';
  const others = parts.length > 0 && rest > 0 ? `. The other ${rest} cannot be told apart from chance with ${n} paired replications` : parts.length === 0 ? ` with ${n} paired replications` : '';
  const pending = undefinedYet.length > 0 ? ` (${undefinedYet.length} ${undefinedYet.length === 1 ? 'is' : 'are'} measured only later in the run)` : '';
  return `${when}: ${spend}${found}${others}${pending}.`;
}
