import { fmt } from '../charts/style.js';
import type { SweepData } from '../load/sweep.js';
import { SWEEP_HEADLINE } from '../sweep/headline.js';

/** "0.412 (0.401 to 0.423)": a point's mean with its 95% interval; the mean alone where the interval is undefined. */
function estimate(mean: number, low: number, high: number, digits: number): string {
  if (!Number.isFinite(mean)) return 'n/a';
  return Number.isFinite(low) && Number.isFinite(high) ? `${fmt(mean, digits)} (${fmt(low, digits)} to ${fmt(high, digits)})` : fmt(mean, digits);
}

/** A swept value as written in the sweep file, without float noise (0.30000000000000004 -> 0.3). */
export function sweptValue(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : 'n/a';
}

/**
 * The table `lesim sweep` prints when it is done: one row per point, its swept values and the
 * headline outcomes (mean and 95% interval over the point's replications).
 */
export function sweepTable(data: SweepData): string {
  const { summary } = data;
  const names = summary.parameters;
  const header = ['point', ...names, ...SWEEP_HEADLINE.map((h) => h.short)];
  const byPoint = new Map(data.points.map((p) => [p.point, new Map<string, (typeof data.outcomes)[number]>()]));
  for (const o of data.outcomes) byPoint.get(o.point)?.set(o.outcome, o);
  const rows = data.points.map((p) => [
    String(p.point),
    ...names.map((n) => sweptValue(p.values[n])),
    ...SWEEP_HEADLINE.map((h) => {
      const o = byPoint.get(p.point)?.get(h.outcome);
      return o ? estimate(o.mean, o.ciLow, o.ciHigh, h.digits) : 'n/a';
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `${cells.map((c, i) => (i === 0 || i > names.length ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')}\n`;
  const units = SWEEP_HEADLINE.map((h) => `${h.short}: ${h.label.charAt(0).toLowerCase()}${h.label.slice(1)} (${h.unit})`).join('; ');
  return (
    `${summary.design} sweep of ${summary.scenario}: ${summary.points} points x ${summary.replications} replications; mean (95% interval) over each point's replications\n` +
    line(header) +
    rows.map(line).join('') +
    `Columns: ${units}.\n`
  );
}

/** The result of a sweep for scripts (--json): the design, and each point's values and headline outcomes. */
export function sweepJson(data: SweepData, out: string): string {
  const { summary } = data;
  const clean = (x: number) => (Number.isFinite(x) ? x : null);
  const points = data.points.map((p) => ({
    point: p.point,
    values: p.values,
    replications_ok: p.replicationsOk,
    replications_failed: p.replicationsFailed,
    outcomes: Object.fromEntries(
      data.outcomes.filter((o) => o.point === p.point).map((o) => [o.outcome, { mean: clean(o.mean), sd: clean(o.sd), ci_low: clean(o.ciLow), ci_high: clean(o.ciHigh), n: o.n }]),
    ),
  }));
  return `${JSON.stringify({ ...summary, kind: 'sweep', out, headline: SWEEP_HEADLINE.map((h) => h.outcome), points }, null, 2)}\n`;
}
