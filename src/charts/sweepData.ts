import type { SweepOutcome } from '../load/sweep.js';
import { OUTCOME_UNITS } from '../model/outcomes.js';
import { SWEEP_HEADLINE } from '../sweep/headline.js';
import type { ChartOptions } from './chart.js';
import { outcomeLabel } from './comparison.js';
import { ChartInputError, type SweepSource } from './source.js';

/** An outcome as the sweep charts and report show it: label, unit and decimals. */
export interface SweepOutcomeView {
  readonly outcome: string;
  readonly label: string;
  readonly unit: string;
  readonly digits: number;
  /** Its row of outcomes.csv for each point, in point order. */
  readonly rows: readonly SweepOutcome[];
}

/** Decimals that show values of this size: 3 for an index of 0-1, none for counts in the tens. */
function digitsFor(rows: readonly SweepOutcome[]): number {
  const scale = Math.max(0, ...rows.map((r) => Math.abs(r.mean)).filter(Number.isFinite));
  if (scale >= 100) return 0;
  if (scale >= 10) return 1;
  if (scale >= 1) return 2;
  return scale > 0 ? Math.min(8, Math.ceil(-Math.log10(scale)) + 2) : 3;
}

/**
 * The outcomes to draw: the headline ones (SWEEP_HEADLINE), every one, or those named; an
 * outcome undefined at every point (exemplar maturity in a sweep without a programme) is left out.
 */
export function sweepOutcomes(source: SweepSource, choice: ChartOptions['outcomes'] = 'headline'): SweepOutcomeView[] {
  const byName = new Map<string, SweepOutcome[]>();
  for (const r of source.sweep.outcomes) byName.set(r.outcome, [...(byName.get(r.outcome) ?? []), r]);
  const names = choice === 'headline' ? SWEEP_HEADLINE.map((h) => h.outcome) : choice === 'all' ? [...byName.keys()] : choice;
  const unknown = names.filter((n) => !byName.has(n));
  if (choice !== 'headline' && unknown.length > 0) {
    throw new ChartInputError(`${source.dir}/outcomes.csv has no outcome ${unknown.map((o) => `'${o}'`).join(', ')}; it has: ${[...byName.keys()].join(', ')}`);
  }
  const views = names
    .filter((n) => byName.has(n))
    .map((outcome) => {
      const rows = byName.get(outcome)!;
      const head = SWEEP_HEADLINE.find((h) => h.outcome === outcome);
      const unit = head?.unit ?? (OUTCOME_UNITS as Readonly<Record<string, string>>)[outcome] ?? '';
      return { outcome, label: head?.label ?? outcomeLabel(outcome), unit, digits: head?.digits ?? digitsFor(rows), rows };
    })
    .filter((v) => v.rows.some((r) => Number.isFinite(r.mean)));
  if (views.length === 0) throw new ChartInputError(`${source.dir}/outcomes.csv: none of the outcomes chosen is defined at any point`);
  return views;
}

/** Provenance of a sweep for a spec's usermeta. */
export function sweepMeta(source: SweepSource): { dir: string; version?: string; commit?: string } {
  return { dir: source.dir, version: source.sweep.manifest.lesim_version, commit: source.sweep.manifest.git_commit };
}

/** The distinct values of a parameter over the points, ascending. */
export function distinctValues(source: SweepSource, name: string): number[] {
  return [...new Set(source.sweep.points.map((p) => p.values[name]))].filter(Number.isFinite).sort((a, b) => a - b);
}

/** At most this many distinct values are drawn as levels (a line through their means, heatmap cells); more are a continuous range. */
export const MAX_LEVELS = 12;

/**
 * Whether a parameter was swept in levels (a factorial's lists, an integer range a sampled
 * design repeats) rather than over a continuous range (a latin hypercube gives each point its
 * own value): levels are drawn as ticks and cells, ranges as a trend and bins.
 */
export function isLevelled(source: SweepSource, name: string): boolean {
  const distinct = distinctValues(source, name).length;
  return distinct <= MAX_LEVELS && (source.sweep.summary.design === 'factorial' || distinct < source.sweep.points.length);
}
