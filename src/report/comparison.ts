import { escapeHtml as h } from '../charts/render.js';
import type { ComparisonRow, ComparisonSource } from '../charts/source.js';
import { costText, difference, HEADLINE_OUTCOMES, outcomeLabel, unitLabel, value } from '../compare/table.js';
import { estimate, gbp, signed } from '../format/number.js';
import { citeSource } from '../sources/bibliography.js';
import { page, row, skippedHtml } from './html.js';
import { referencesHtml, type Figures, type ReportInfo } from './report.js';

/** Fields of a comparison manifest the report reads; older comparisons may lack any of them. */
interface CompareManifest {
  readonly replications?: number;
  readonly base_seed?: number;
  readonly months?: number;
  readonly notices?: readonly string[];
  readonly scenarios?: readonly { name?: string; title?: string; sources?: readonly string[] }[];
}

const clear = (r: ComparisonRow) => r.differenceCiLow > 0 || r.differenceCiHigh < 0;

/** "digital maturity of all organizations at the end +0.0082 on the 0-1 index (95% CI 0.0064 to 0.0100)": one clear effect in words. */
function effectWords(r: ComparisonRow): string {
  const f = r.unit === 'GBP' ? 1e-6 : 1;
  const [mean, ci] = signed(estimate(r.differenceMean * f, r.differenceCiLow * f, r.differenceCiHigh * f)).split(/ \((.*)\)/);
  const unit = r.unit === 'GBP' ? ' GBP million' : r.unit === 'index 0-1' ? ' on the 0-1 index' : r.unit === 'share' ? ' (share)' : '';
  return `${lower(outcomeLabel(r.outcome))} ${mean}${unit} (95% CI ${ci})`;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The paragraph a reader takes away: per scenario, what it spends against the baseline, which
 * headline outcomes differ clearly (with numbers and intervals), how many cannot be told apart
 * from chance, and the cost of the clearest effect where a cost means something.
 */
export function comparisonSummary(rows: readonly ComparisonRow[], manifest: CompareManifest): string[] {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const out: string[] = [];
  for (const name of scenarios) {
    const mine = rows.filter((r) => r.scenario === name);
    const headline = HEADLINE_OUTCOMES.flatMap((o) => mine.filter((r) => r.outcome === o && r.outcome !== 'spend_programme_gbp' && Number.isFinite(r.differenceMean)));
    const shown = headline.length > 0 ? headline : mine.filter((r) => Number.isFinite(r.differenceMean));
    const clearOnes = shown.filter(clear);
    const n = Math.max(...mine.map((r) => r.n));
    const extra = mine[0].extraCostGbp;
    const spend = !Number.isFinite(extra) ? 'spends an undefined amount' : extra === 0 ? 'spends the same' : `spends ${gbp(Math.abs(extra))} ${extra > 0 ? 'more' : 'less'}`;
    let text = `Against ${mine[0].baseline}, ${name} ${spend}`;
    text += ` (${n} paired replications${manifest.months ? ` of ${manifest.months} months` : ''}). `;
    if (clearOnes.length === 0) text += `None of the ${shown.length} headline outcomes differs clearly from the baseline: every 95% interval includes 0.`;
    else {
      const listed = clearOnes.slice(0, 4).map(effectWords);
      text += `Differences whose interval excludes 0: ${listed.join('; ')}${clearOnes.length > 4 ? `; and ${clearOnes.length - 4} more` : ''}. `;
      const unclear = shown.length - clearOnes.length;
      if (unclear > 0) text += `${unclear} of the ${shown.length} headline outcomes cannot be told apart from no difference (their intervals include 0).`;
    }
    const cost = clearOnes.map((r) => ({ r, text: costText(r) })).find((c) => c.text !== undefined);
    if (cost) text += ` Cost of the first of these: ${cost.text}.`;
    out.push(text);
  }
  return out;
}

const NUMERIC = [false, false, true, true, true, false];

function rowsHtml(rows: readonly ComparisonRow[], withIds: boolean): string {
  return rows
    .map((r) =>
      row(
        [
          `${h(outcomeLabel(r.outcome))}${withIds ? ` <code class="id">${h(r.outcome)}</code>` : ''}`,
          h(unitLabel(r.unit)),
          h(value(r.baselineMean, r.unit)),
          h(value(r.scenarioMean, r.unit)),
          h(difference(r)),
          h(costText(r) ?? '-'),
        ],
        NUMERIC,
      ),
    )
    .join('');
}

const HEAD = '<thead><tr><th class="outcome">Outcome</th><th class="unit">Unit</th><th class="num">Baseline</th><th class="num">Scenario</th><th class="num">Difference (95% CI)</th><th class="cost">Cost per unit (95% CI)</th></tr></thead>';

/** Column widths that fit a 1280 px window (the page is at most 1180 px wide); long labels and costs wrap. */
const STYLE =
  'body{max-width:1180px}table.cmp{width:100%;table-layout:fixed}table.cmp th.outcome{width:27%}table.cmp th.unit{width:11%}table.cmp th.num{width:8%}table.cmp th.num:nth-child(5){width:18%}table.cmp th.cost{width:28%}' +
  'table.cmp td{overflow-wrap:anywhere}table.cmp td.num{white-space:normal}code.id{color:#666;font-size:0.8em}p.summary{font-size:1.05em}.notice{background:#fff6e0;padding:0.5em 0.8em}';

/** A comparison as a briefing: what differs in a paragraph, the headline outcomes, then every outcome. */
export function comparisonReport(source: ComparisonSource, charts: Figures, info: ReportInfo): string {
  const m = source.manifest as CompareManifest & Record<string, unknown>;
  const scenarios = [...new Set(source.rows.map((r) => r.scenario))];
  const baselines = [...new Set(source.rows.map((r) => r.baseline))];
  const headline = (name: string) => HEADLINE_OUTCOMES.flatMap((o) => source.rows.filter((r) => r.scenario === name && r.outcome === o));
  const sources = (m.scenarios ?? []).flatMap((s) => s.sources ?? []);
  const body = [
    `<h1>Scenario comparison: ${h(scenarios.join(', '))} against ${h(baselines.join(', '))}</h1>`,
    `<p>Report of the comparison in <code>${h(source.dir)}</code>. Each difference is scenario minus baseline, paired by replicate (common random numbers), with its 95% confidence interval.</p>`,
    ...(m.notices ?? []).map((n) => `<p class="notice">Note: ${h(n)}.</p>`),
    `<h2 id="summary">Summary</h2>`,
    ...comparisonSummary(source.rows, m).map((p) => `<p class="summary">${h(p)}</p>`),
    `<h2 id="headline">Headline outcomes</h2>`,
    ...scenarios.map((name) => {
      const rows = headline(name);
      const shown = rows.length > 0 ? rows : source.rows.filter((r) => r.scenario === name);
      return `<h3>${h(name)} against ${h(shown[0]?.baseline ?? '')}</h3><table class="cmp headline">${HEAD}<tbody>${rowsHtml(shown, false)}</tbody></table>`;
    }),
    `<p>Cost per unit is extra spend divided by the difference, shown only where money was added and the difference's interval excludes 0 (otherwise any cost would be possible).</p>`,
    `<h2 id="charts">Charts</h2>`,
    ...charts.html,
    skippedHtml(charts.skipped),
    `<h2 id="all">All outcomes</h2>`,
    ...scenarios.map((name) => `<h3>${h(name)} against ${h(baselines[0])}</h3><table class="cmp all">${HEAD}<tbody>${rowsHtml(source.rows.filter((r) => r.scenario === name), true)}</tbody></table>`),
    `<h2 id="provenance">Provenance</h2>`,
    sources.length > 0 ? `<p>Sources of the scenarios:</p><ul>${[...new Set(sources.map(citeSource))].map((x) => `<li>${h(x)}</li>`).join('')}</ul>` : '',
    referencesHtml(sources),
    `<table><tbody>${Object.entries(m)
      .filter(([, v]) => typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object')))
      .filter(([k]) => k !== 'notices' && k !== 'references')
      .map(([k, v]) => row([h(k), `<code>${h(Array.isArray(v) ? v.join(' ') : String(v))}</code>`]))
      .join('')}${row(['Report made by', `lesim ${h(info.lesimVersion)}, commit <code>${h(info.gitCommit)}</code>, at ${h(info.generatedAt)}`])}</tbody></table>`,
  ];
  return page('lesim report: scenario comparison', body.join('\n'), STYLE);
}
