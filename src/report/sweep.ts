import { escapeHtml as h } from '../charts/render.js';
import type { SweepSource } from '../charts/source.js';
import { fmt } from '../charts/style.js';
import { sweepOutcomes, type SweepOutcomeView } from '../charts/sweepData.js';
import type { SweepOutcome } from '../load/sweep.js';
import { parameterLabel, parameterUnit } from '../sweep/headline.js';
import { page, row, skippedHtml } from './html.js';
import type { Figures, ReportInfo } from './report.js';

/** Above this many swept parameters the headline table lists a point's values in one column, so that it still fits the page. */
const MAX_PARAMETER_COLUMNS = 4;

const withCi = (r: SweepOutcome, digits: number): string =>
  Number.isFinite(r.ciLow) && Number.isFinite(r.ciHigh) ? `${fmt(r.mean, digits)} (95% CI ${fmt(r.ciLow, digits)} to ${fmt(r.ciHigh, digits)})` : fmt(r.mean, digits);

/** A table cell: the mean, and its interval on a second line, so that wide tables fit. */
const cell = (r: SweepOutcome | undefined, digits: number): string =>
  r === undefined || !Number.isFinite(r.mean) ? 'n/a' : `${h(fmt(r.mean, digits))}${Number.isFinite(r.ciLow) ? `<br><span class="ci">${h(fmt(r.ciLow, digits))} to ${h(fmt(r.ciHigh, digits))}</span>` : ''}`;

const value = (x: number): string => String(Number(x.toPrecision(6)));

/** "share of followers that choose their own exemplar = 0.2, learning networks launched ... = 4", values to 3 significant digits. */
function pointInWords(names: readonly string[], values: Readonly<Record<string, number>>): string {
  return names.map((n) => `${parameterLabel(n, 70).toLowerCase()} = ${Number(values[n].toPrecision(3))}`).join(', ');
}

/** The change in an outcome over a parameter's swept range, from a straight line fitted to the point means. */
function effectOverRange(rows: readonly SweepOutcome[], name: string): number {
  const pts = rows.filter((r) => Number.isFinite(r.mean) && Number.isFinite(r.values[name]));
  const xs = pts.map((r) => r.values[name]);
  const n = pts.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = pts.reduce((a, r) => a + r.mean, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const r of pts) {
    sxy += (r.values[name] - mx) * (r.mean - my);
    sxx += (r.values[name] - mx) ** 2;
  }
  return sxx > 0 ? (sxy / sxx) * (Math.max(...xs) - Math.min(...xs)) : NaN;
}

/** One paragraph per headline outcome: its lowest and highest point, with intervals, and the parameter it moved with most. */
export function sweepSummary(source: SweepSource, views: readonly SweepOutcomeView[]): string[] {
  const names = source.sweep.summary.parameters;
  return views.map((v) => {
    const defined = v.rows.filter((r) => Number.isFinite(r.mean));
    const low = defined.reduce((a, r) => (r.mean < a.mean ? r : a));
    const high = defined.reduce((a, r) => (r.mean > a.mean ? r : a));
    const apart = Number.isFinite(low.ciHigh) && Number.isFinite(high.ciLow) && low.ciHigh < high.ciLow;
    const effects = names.map((n) => ({ n, e: effectOverRange(defined, n) })).filter((x) => Number.isFinite(x.e));
    const top = effects.sort((a, b) => Math.abs(b.e) - Math.abs(a.e))[0];
    const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '');
    const moved =
      top === undefined
        ? ''
        : ` Of the swept parameters it moved most with ${parameterLabel(top.n, 60).toLowerCase()}: ${sign(top.e)}${fmt(Math.abs(top.e), v.digits)} ${h(v.unit)} over its swept range (${value(Math.min(...defined.map((r) => r.values[top.n])))} to ${value(Math.max(...defined.map((r) => r.values[top.n])))} ${h(parameterUnit(top.n))}), in a straight line fitted to the point means.`;
    return (
      `<strong>${h(v.label)}</strong> (${h(v.unit)}) ranged from ${h(withCi(low, v.digits))} at point ${low.point} (${h(pointInWords(names, low.values))}) ` +
      `to ${h(withCi(high, v.digits))} at point ${high.point} (${h(pointInWords(names, high.values))}); ` +
      (apart ? 'the two intervals do not overlap.' : 'the two intervals overlap, so the sweep does not separate them at this number of replications.') +
      moved
    );
  });
}

/** The headline table: one row per point, its swept values and headline outcomes, all in words and units. */
function headlineTable(source: SweepSource, views: readonly SweepOutcomeView[]): string {
  const names = source.sweep.summary.parameters;
  const wide = names.length <= MAX_PARAMETER_COLUMNS;
  const paramHead = (n: string) => `${h(parameterLabel(n, 90))}${parameterUnit(n) ? ` <span class="unit">(${h(parameterUnit(n))})</span>` : ''}`;
  const heads = ['Point', ...(wide ? names.map(paramHead) : ['Swept values']), ...views.map((v) => `${h(v.label)} <span class="unit">(${h(v.unit)})</span>`)];
  const byPoint = new Map<number, Map<string, SweepOutcome>>();
  for (const v of views) for (const r of v.rows) byPoint.set(r.point, (byPoint.get(r.point) ?? new Map()).set(v.outcome, r));
  const body = source.sweep.points.map((p) => {
    const swept = wide ? names.map((n) => h(value(p.values[n]))) : [names.map((n) => `${h(parameterLabel(n, 40))}: ${h(value(p.values[n]))}`).join('<br>')];
    const outcomes = views.map((v) => cell(byPoint.get(p.point)?.get(v.outcome), v.digits));
    return row([String(p.point), ...swept, ...outcomes], [true, ...swept.map(() => wide), ...outcomes.map(() => true)]);
  });
  return `<table class="sweep"><thead><tr>${heads.map((x) => `<th>${x}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** Every outcome's lowest and highest point mean, for the reader who wants more than the headline. */
function allOutcomesTable(source: SweepSource): string {
  const views = sweepOutcomes(source, 'all');
  const rows = views.map((v) => {
    const means = v.rows.map((r) => r.mean).filter(Number.isFinite);
    return row([`${h(v.label)} <code>${h(v.outcome)}</code>`, h(v.unit), h(fmt(Math.min(...means), v.digits)), h(fmt(Math.max(...means), v.digits))], [false, false, true, true]);
  });
  return `<details><summary>Every outcome: lowest and highest point mean (${views.length} outcomes; each point's values with intervals are in outcomes.csv)</summary><table><thead><tr><th>Outcome</th><th>Unit</th><th>Lowest</th><th>Highest</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

/**
 * The report of a sweep directory: what the sweep found in a few sentences with their numbers
 * and intervals, the headline table of every point, the sweep charts, every outcome's range, the
 * design and the provenance.
 */
export function sweepReport(source: SweepSource, charts: Figures, info: ReportInfo): string {
  const { summary, manifest: m, points } = source.sweep;
  const names = summary.parameters;
  const views = sweepOutcomes(source, 'headline');
  const sweep = (m.sweep ?? {}) as { file?: string; design?: string; samples?: number };
  const base = m.parameters ?? {};
  const ranges = names.map((n) => {
    const xs = points.map((p) => p.values[n]).filter(Number.isFinite);
    const levels = new Set(xs).size;
    return row([h(parameterLabel(n, 80)), `<code>${h(n)}</code>`, h(parameterUnit(n)), h(`${value(Math.min(...xs))} to ${value(Math.max(...xs))}`), String(levels)], [false, false, false, true, true]);
  });
  const failed = summary.failed_replications > 0 ? ` ${fmt(summary.failed_replications)} run(s) failed and are left out (failures.csv).` : '';
  const body = [
    `<h1>Sweep of ${h(summary.title)}</h1>`,
    `<p>Report of the sweep in <code>${h(source.dir)}</code>: a ${h(summary.design)} design of ${fmt(summary.points)} points over ${names.length} parameter${names.length === 1 ? '' : 's'} of the scenario <code>${h(summary.scenario)}</code>, ${fmt(summary.replications)} replications each (base seed ${h(String(summary.base_seed))}).${h(failed)}</p>`,
    `<h2 id="summary">What the sweep found</h2>`,
    `<p>Every number is a point's mean over its replications with its 95% confidence interval.</p>`,
    ...sweepSummary(source, views).map((p) => `<p class="finding">${p}</p>`),
    `<h2 id="points">Headline outcomes at each point</h2>`,
    headlineTable(source, views),
    `<h2 id="charts">Charts</h2>`,
    ...charts.html,
    skippedHtml(charts.skipped),
    `<h2 id="outcomes">Every outcome</h2>`,
    allOutcomesTable(source),
    `<h2 id="design">The design</h2>`,
    `<table><thead><tr><th>Swept parameter</th><th>Name</th><th>Unit</th><th>Range</th><th>Levels</th></tr></thead><tbody>${ranges.join('')}</tbody></table>`,
    `<p>Every other parameter keeps the value of <code>${h(summary.scenario)}</code>${Object.keys(base).length > 0 ? ` (${Object.keys(base).length} parameters in manifest.json)` : ''}.${sweep.file ? ` Sweep file: <code>${h(sweep.file)}</code>.` : ''}</p>`,
    `<h2 id="provenance">Provenance</h2>`,
    `<table><tbody>${[
      ['Sweep made by', `lesim ${h(String(m.lesim_version ?? ''))}, commit <code>${h(String(m.git_commit ?? ''))}</code>, Node.js ${h(String(m.node_version ?? ''))}`],
      ['Command', `<code>${h((m.command ?? []).join(' '))}</code>`],
      ['Started, finished', `${h(String(m.started_at ?? ''))}, ${h(String(m.finished_at ?? ''))}`],
      ['Seeds', `${h(String(m.seed_rule ?? ''))} (every run's seed is in manifest.json)`],
      ['Report made by', `lesim ${h(info.lesimVersion)}, commit <code>${h(info.gitCommit)}</code>, at ${h(info.generatedAt)}`],
    ].map(([k, v]) => row([h(k), v])).join('')}</tbody></table>`,
  ];
  return page(`lesim report: sweep of ${summary.scenario}`, body.join('\n'), 'table.sweep th{font-weight:normal;font-size:0.9em}.ci,.unit{color:#555;font-size:0.85em}');
}
