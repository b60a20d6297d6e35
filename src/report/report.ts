import { buildChart, kindsFor } from '../charts/index.js';
import { escapeHtml as h, figureHtml, renderSvg } from '../charts/render.js';
import { ChartInputError, type ChartSource, type RunSource } from '../charts/source.js';
import { fmt } from '../charts/style.js';
import { citeSource, fullCitation, referencesIn } from '../sources/bibliography.js';
import { comparisonReport } from './comparison.js';
import { page, row, skippedHtml } from './html.js';
import { keyResults, summarySentences } from './results.js';
import { sweepReport } from './sweep.js';

export interface ReportInfo {
  /** lesim version and commit that wrote the report (those of the run are in its manifest). */
  readonly lesimVersion: string;
  readonly gitCommit: string;
  readonly generatedAt: string;
}

export interface Report {
  readonly html: string;
  /** Kinds drawn, and kinds left out with the reason (for example a run without events). */
  readonly drawn: readonly string[];
  readonly skipped: readonly { kind: string; reason: string }[];
}

export type Figures = Awaited<ReturnType<typeof figures>>;

/** Pre-rendered SVG figures of every chart kind the directory supports; a kind that cannot be drawn is listed with its reason. */
export async function figures(source: ChartSource): Promise<{ html: string[]; drawn: string[]; skipped: { kind: string; reason: string }[] }> {
  const html: string[] = [];
  const drawn: string[] = [];
  const skipped: { kind: string; reason: string }[] = [];
  for (const kind of kindsFor(source)) {
    try {
      const chart = buildChart(source, kind);
      const { svg } = await renderSvg(chart);
      html.push(figureHtml(chart, svg, `chart-${kind}`));
      drawn.push(kind);
    } catch (error) {
      if (!(error instanceof ChartInputError)) throw error;
      skipped.push({ kind, reason: error.message });
    }
  }
  return { html, drawn, skipped };
}

/** The papers the sources cite, in full with their DOI. */
export function referencesHtml(sources: readonly string[]): string {
  const refs = referencesIn(sources);
  return refs.length > 0 ? `<p>References:</p><ul class="references">${refs.map((r) => `<li>${h(fullCitation(r))}</li>`).join('')}</ul>` : '';
}

function runReport(source: RunSource, charts: Awaited<ReturnType<typeof figures>>, info: ReportInfo): string {
  const { manifest: m } = source.run;
  const s = m.scenario;
  const overrides = Object.entries(s.overrides ?? {});
  const results = keyResults(source.run);
  const params = Object.entries(m.parameters);
  const body = [
    `<h1>${h(s.title)}</h1>`,
    `<p>Report of the run in <code>${h(source.dir)}</code>: scenario <code>${h(s.name)}</code>, ${fmt(m.replications)} replications of ${fmt(m.months)} months, base seed ${h(String(m.base_seed))}.</p>`,
    `<h2 id="summary">Main results</h2>`,
    `<ul>${summarySentences(source.run).map((x) => `<li>${h(x)}</li>`).join('')}</ul>`,
    `<table><thead><tr><th>Outcome</th><th>Mean (95% CI)</th></tr></thead><tbody>${results.map((r) => row([`${h(r.label)} <code>${h(r.outcome)}</code>`, h(r.value)], [false, true])).join('')}</tbody></table>`,
    `<h2 id="scenario">The scenario</h2>`,
    `<p><strong>${h(s.name)}</strong>: ${h(s.title)}.</p>`,
    `<p>${h(s.description ?? '')}</p>`,
    overrides.length > 0
      ? `<p>It changes these parameters from their defaults:</p><table><thead><tr><th>Parameter</th><th>Value</th><th>Unit</th></tr></thead><tbody>${overrides.map(([k, v]) => row([`<code>${h(k)}</code>`, h(JSON.stringify(v)), h(m.parameters[k]?.unit ?? '')], [false, true])).join('')}</tbody></table>`
      : '<p>It uses the default value of every parameter.</p>',
    (s.sources ?? []).length > 0 ? `<p>Sources:</p><ul>${s.sources.map((x) => `<li>${h(citeSource(x))}</li>`).join('')}</ul>` : '',
    referencesHtml(s.sources ?? []),
    `<h2 id="charts">Charts</h2>`,
    ...charts.html,
    skippedHtml(charts.skipped),
    `<h2 id="provenance">Provenance</h2>`,
    `<table><tbody>${[
      ['Run made by', `lesim ${h(m.lesim_version)}, commit <code>${h(m.git_commit)}</code>, Node.js ${h(m.node_version)}`],
      ['Command', `<code>${h((m.command ?? []).join(' '))}</code>`],
      ['Started, finished', `${h(m.started_at)}, ${h(m.finished_at)}`],
      ['Replications, months, base seed', `${h(String(m.replications))}, ${h(String(m.months))}, ${h(String(m.base_seed))}`],
      ['Seeds', (m.seeds ?? []).map((x) => `${h(String(x.replicate))}: <code>${h(x.seed)}</code>`).join(', ')],
      ['Report made by', `lesim ${h(info.lesimVersion)}, commit <code>${h(info.gitCommit)}</code>, at ${h(info.generatedAt)}`],
    ].map(([k, v]) => row([h(k), v])).join('')}</tbody></table>`,
    `<details><summary>Every parameter of the run (${params.length})</summary><table><thead><tr><th>Parameter</th><th>Value</th><th>Unit</th></tr></thead><tbody>${params.map(([k, p]) => row([`<code>${h(k)}</code>`, h(String(p.value)), h(p.unit)], [false, true])).join('')}</tbody></table></details>`,
  ];
  return page(`lesim report: ${s.title}`, body.join('\n'));
}

/**
 * One self-contained HTML page of a run, comparison or sweep directory: the main results in words with
 * their intervals, the scenario, every chart (pre-rendered SVG, so the page needs no script and
 * no network) and the provenance. Every string read from the directory is HTML-escaped.
 */
export async function buildReport(source: ChartSource, info: ReportInfo): Promise<Report> {
  const charts = await figures(source);
  const html = source.type === 'run' ? runReport(source, charts, info) : source.type === 'sweep' ? sweepReport(source, charts, info) : comparisonReport(source, charts, info);
  return { html, drawn: charts.drawn, skipped: charts.skipped };
}
