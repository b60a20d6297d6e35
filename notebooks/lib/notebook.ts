/**
 * Small helpers shared by the notebooks: where the run directories are, charts rendered to SVG,
 * tables, number formatting and a t interval. Everything about the model comes from the run's
 * files through lesim's loading API (`lesim/load`); nothing here knows the model.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { summariseValues, t975 } from 'lesim/load';

/**
 * A run directory named by an environment variable, or the default. Relative paths are taken
 * from the notebook's folder (the kernel's working directory). Fails with a message that says
 * how to make the run, rather than a bare "file not found" further down.
 */
export function runDir(variable: string, fallback: string): string {
  const value = Deno.env.get(variable);
  const dir = value && value !== '' ? value : fallback;
  try {
    if (!Deno.statSync(`${dir}/manifest.json`).isFile) throw new Error('not a file');
  } catch {
    const from = value ? `${variable}=${value}` : `the default (${variable} is not set)`;
    throw new Error(
      `No lesim run at '${dir}' (${from}; working directory ${Deno.cwd()}). ` +
        `Make one with: node dist/cli/main.js run gde-baseline --reps 3 --out notebooks/${fallback.replace(/^\.\//, '')} (from the repository root), ` +
        `or set ${variable} to a directory written by lesim run.`,
    );
  }
  return dir;
}

/**
 * Sends a display message and gives the kernel time to pass it on before the cell can end. The
 * kernel forwards display messages asynchronously; one still queued when the cell finishes can
 * reach Jupyter after the kernel has reported the cell done, and a headless run (nbconvert) then
 * drops it (seen about once in 16 runs of a notebook on a loaded machine without this pause).
 */
async function display(bundle: Record<string, unknown>): Promise<void> {
  await Deno.jupyter.display(bundle, { raw: true });
  await new Promise((resolve) => setTimeout(resolve, DISPLAY_FLUSH_MS));
}
const DISPLAY_FLUSH_MS = 50;

/** Vega-Lite config shared by every chart: readable fonts and sizes in a notebook. */
const CONFIG: vl.TopLevelSpec['config'] = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  title: { fontSize: 14, anchor: 'start', subtitleColor: '#444' },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, symbolOpacity: 1 },
  header: { labelFontSize: 12, titleFontSize: 12 },
};

/** Renders a Vega-Lite spec to SVG headless (vega's View with renderer 'none'). */
export async function toSvg(spec: vl.TopLevelSpec): Promise<string> {
  const compiled = vl.compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Shows a chart: the Vega-Lite spec (interactive in JupyterLab), the SVG (static viewers, the
 * executed notebook) and an HTML copy of the SVG (nbconvert's HTML export drops bare SVG).
 */
export async function showChart(spec: vl.TopLevelSpec): Promise<void> {
  const withConfig = { ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as vl.TopLevelSpec;
  const svg = await toSvg(withConfig);
  const title = typeof spec.title === 'string' ? spec.title : (spec.title as { text?: unknown } | undefined)?.text;
  await display({
    'application/vnd.vegalite.v5+json': withConfig,
    'image/svg+xml': svg,
    'text/html': svg,
    'text/plain': `[chart] ${Array.isArray(title) ? title.join(' ') : String(title ?? '')}`,
  });
}

/** Shows rows as a table (Markdown for Jupyter, aligned text for plain viewers). */
export async function showTable(header: readonly string[], rows: readonly (readonly string[])[]): Promise<void> {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  const markdown = [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (r: readonly string[]) => r.map((c, k) => c.padEnd(widths[k])).join('  ');
  const plain = [line(header), ...rows.map(line)].join('\n');
  await display({ 'text/markdown': markdown, 'text/plain': plain });
}

/** Shows a line of text (instead of console.log, whose output can arrive after the cell ends). */
export async function showText(text: string): Promise<void> {
  await display({ 'text/plain': text });
}

/** A number for people: 4 significant digits, thousands separated; '–' if undefined. */
export function fmt(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(2);
  return Number(x.toPrecision(digits)).toLocaleString('en-GB', { maximumFractionDigits: 6 });
}

/** "mean (95% CI low to high)". */
export function fmtCi(mean: number | null, low: number | null, high: number | null): string {
  if (mean === null || !Number.isFinite(mean)) return '–';
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return fmt(mean);
  return `${fmt(mean)} (${fmt(low)} to ${fmt(high)})`;
}

/** Student's t 0.975 quantile, as lesim's own summaries use (re-exported by lesim/load). */
export { t975 };

export interface MeanCi {
  readonly mean: number;
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly n: number;
}

/** Mean, sample sd and 95% t interval of the finite values (undefined values are left out, as in the run files). */
export function meanCi(values: readonly number[]): MeanCi {
  return summariseValues(values.filter((v) => Number.isFinite(v)));
}
