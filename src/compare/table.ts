import type { OutcomeName } from '../model/outcomes.js';
import type { ComparisonRow } from './compare.js';

/** Outcomes shown on stdout by default (the files always hold every outcome). */
export const HEADLINE_OUTCOMES: readonly OutcomeName[] = [
  'maturity_end_all',
  'maturity_end_outside',
  'maturity_gain_all',
  'informal_active_funding_end',
  'informal_ties_alive_after_funding',
  'outside_orgs_reached',
  'networks_central_surviving',
  'networks_profession_surviving',
  'spend_programme_gbp',
  'maturity_gain_per_gbp_million',
  'informal_ties_alive_per_gbp_million',
  'outside_reached_per_gbp_million',
];

/** A number for a table: about four significant digits, thousands as k and millions as M. */
export function fmt(x: number, unit = ''): string {
  if (!Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  if (unit === 'GBP' || a >= 1e4) {
    if (a >= 1e9) return `${(x / 1e9).toPrecision(3)}bn`;
    if (a >= 1e6) return `${(x / 1e6).toPrecision(3)}M`;
    if (a >= 1e4) return `${(x / 1e3).toPrecision(3)}k`;
  }
  // Rounding residue of a mean (e.g. 5.6e-17 for differences summing to 0), as in the CSV files.
  if (a < 1e-9) return '0';
  if (a >= 100) return x.toFixed(0);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}

function pad(cells: readonly string[], widths: readonly number[], right: readonly boolean[]): string {
  return cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
}

/** The comparison as plain-text tables, one per non-baseline scenario. */
export function comparisonTable(rows: readonly ComparisonRow[], outcomes: readonly OutcomeName[] = HEADLINE_OUTCOMES): string {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const header = ['outcome', 'unit', 'baseline', 'scenario', 'difference [95% CI]', 'GBP per unit [95% CI]'];
  const right = [false, false, true, true, true, true];
  let out = '';
  for (const name of scenarios) {
    const mine = rows.filter((r) => r.scenario === name && outcomes.includes(r.outcome));
    const first = rows.find((r) => r.scenario === name)!;
    const lines = mine.map((r) => [
      r.outcome,
      r.unit,
      fmt(r.baseline_mean, r.unit),
      fmt(r.scenario_mean, r.unit),
      `${fmt(r.difference_mean, r.unit)} [${fmt(r.difference_ci_low, r.unit)}, ${fmt(r.difference_ci_high, r.unit)}]`,
      Number.isFinite(r.cost_per_unit_gbp) ? `${fmt(r.cost_per_unit_gbp, 'GBP')} [${fmt(r.cost_per_unit_ci_low_gbp, 'GBP')}, ${fmt(r.cost_per_unit_ci_high_gbp, 'GBP')}]` : '-',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const n = Math.max(...rows.filter((r) => r.scenario === name).map((r) => r.n));
    out += `${name} vs ${first.baseline}: ${n} paired replications; extra spend GBP ${fmt(first.extra_cost_gbp, 'GBP')}\n`;
    out += `${pad(header, widths, right)}\n`;
    for (const l of lines) out += `${pad(l, widths, right)}\n`;
    out += '\n';
  }
  return out;
}
