import type { Chart } from '../../charts/chart.js';
import { formationChart } from '../../charts/formation.js';
import { maturityChart } from '../../charts/maturity.js';
import { networkChart } from '../../charts/network.js';
import { spectrumChart } from '../../charts/spectrum.js';
import { monthLabel } from '../../charts/style.js';
import { costText, difference, outcomeLabel, rowNumbers, unitLabel, value } from '../../compare/table.js';
import { monthDate } from '../../io/csv.js';
import { seriesCsv } from '../../io/outputs.js';
import { FAMILIES, type Family } from '../../model/recorder.js';
import { formatIssue } from '../../scenarios/errors.js';
import type { ScenarioDocument } from '../../scenarios/schema.js';
import { networkMapChart } from '../networkMap.js';
import { reproduceCommands, type CommandScenario } from '../commands.js';
import { differenceSentence, headlineDifferences, isClear } from '../difference.js';
import type { Slot } from '../protocol.js';
import { BUILTIN_NAMES, changedPaths, checkScenario, scenarioDocument, scenarioYaml, startingFile, startingPoint, type Checked, type Starting, type StartingFile } from '../scenarioEdit.js';
import { leverForm, type LeverForm } from './controls.js';
import { exportChart, LiveChart } from './liveChart.js';
import { Session } from './session.js';

/*
 * The page of lesim explore: two scenarios, A and B, run live on paired replications in Web
 * Workers, with the chart library's charts, a difference panel and everything needed to take the
 * result away (scenario files, charts, series, the commands that reproduce the screen).
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`page element #${id} is missing`);
  return e as T;
};

const CHART_KINDS = ['formation', 'spectrum', 'maturity', 'network', 'map'] as const;
type Kind = (typeof CHART_KINDS)[number];
const MAX_REPS = 32;
/** At most this many redraws of the charts a second while running (text updates at most 10). */
const CHART_INTERVAL_MS = 250;
const TEXT_INTERVAL_MS = 100;

interface SlotView {
  readonly slot: Slot;
  readonly select: HTMLSelectElement;
  readonly name: HTMLInputElement;
  readonly form: LeverForm;
  readonly issues: HTMLElement;
  readonly apply: HTMLButtonElement;
  readonly charts: Record<Kind, LiveChart>;
  start: Starting | undefined;
  checked: Checked | undefined;
  /** The scenario file of what is running, and how the command line names it. */
  applied: { doc: ScenarioDocument; ref: string; name: string } | undefined;
}

/** The select value of the scenario file `lesim explore <file>` started the page with. */
const FILE = 'file:';
let fileStart: Starting | undefined;
const workerUrl = new URL('./worker.js', import.meta.url).href;
const cores = Math.max(1, navigator.hardwareConcurrency || 2);
let session: Session;
let playing = false;
let lastText = 0;
let lastCharts = 0;
let drawing: Promise<void> | undefined;
let redraw = false;
/** Months simulated while playing and the wall-clock time it took, for the speed readout. */
const speed = { months: 0, ms: 0, reps: 0 };

function status(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

/** The column of one scenario: its picker, levers, downloads and a figure per chart kind (fixed markup, no user text). */
function scenarioColumn(slot: Slot): void {
  const p = slot.toLowerCase();
  const figure = (k: Kind) =>
    `<figure class="chart" id="${p}-${k}"><div id="${p}-${k}-view" class="view"></div><figcaption><span class="dl"><button id="${p}-${k}-svg" type="button">SVG</button><button id="${p}-${k}-png" type="button">PNG</button></span><span id="${p}-${k}-caption"></span></figcaption></figure>`;
  $(p).innerHTML =
    `<h2>Scenario ${slot} <span id="${p}-progress" class="progress"></span></h2>` +
    `<div class="pick"><label>Start from <select id="${p}-scenario"></select></label> <label>Name <input id="${p}-name" type="text" size="28"></label> <button id="${p}-apply" type="button">Run ${slot}</button></div>` +
    `<p id="${p}-description" class="description"></p><p id="${p}-issues" class="issues"></p>` +
    `<details class="levers"><summary>Levers of ${slot}</summary><div id="${p}-levers"></div></details>` +
    `<div class="takeaway"><button id="${p}-yaml" type="button">Scenario file (YAML)</button> <select id="${p}-family" aria-label="Series of ${slot}"></select> <button id="${p}-csv" type="button">Series (CSV)</button></div>` +
    CHART_KINDS.map(figure).join('');
}

function slotView(slot: Slot): SlotView {
  const p = slot.toLowerCase();
  scenarioColumn(slot);
  const charts = Object.fromEntries(CHART_KINDS.map((k) => [k, new LiveChart($(`${p}-${k}-view`), $(`${p}-${k}-caption`))])) as Record<Kind, LiveChart>;
  const view: SlotView = {
    slot,
    select: $<HTMLSelectElement>(`${p}-scenario`),
    name: $<HTMLInputElement>(`${p}-name`),
    form: leverForm($(`${p}-levers`), p, () => schedule(view)),
    issues: $(`${p}-issues`),
    apply: $<HTMLButtonElement>(`${p}-apply`),
    charts,
    start: undefined,
    checked: undefined,
    applied: undefined,
  };
  if (slot === 'B') view.select.append(new Option('(none)', ''));
  for (const name of BUILTIN_NAMES) view.select.append(new Option(name, name));
  view.select.addEventListener('change', () => choose(view, view.select.value));
  view.name.addEventListener('input', () => schedule(view));
  view.apply.addEventListener('click', () => void apply(view));
  return view;
}

const timers = new Map<Slot, number>();
function schedule(view: SlotView): void {
  clearTimeout(timers.get(view.slot));
  timers.set(view.slot, window.setTimeout(() => check(view), 120));
}

/** Starts a slot from a built-in: its levers in the form, its name. */
function choose(view: SlotView, builtin: string): void {
  view.select.value = builtin;
  if (builtin === '') {
    view.start = undefined;
    view.checked = undefined;
    view.form.reset({ name: '', title: '', description: '', values: {}, params: {} as Starting['params'], base: {}, ref: '' });
    view.issues.textContent = 'No scenario B: choose one to compare with A.';
    view.apply.disabled = true;
    $(`${view.slot.toLowerCase()}-description`).textContent = '';
    return;
  }
  view.start = builtin === FILE && fileStart ? fileStart : startingPoint(builtin);
  view.form.reset(view.start);
  view.name.value = view.start.name;
  $(`${view.slot.toLowerCase()}-description`).textContent = `${view.start.title}. ${view.start.description}`;
  check(view);
}

/** The slot's scenario file as it stands in the form. */
function documentOf(view: SlotView): ScenarioDocument {
  return scenarioDocument(view.start!, view.name.value.trim(), view.form.values());
}

/** Checks the form with the scenario-file schema; the controls say why a value is refused. */
function check(view: SlotView): Checked | undefined {
  if (!view.start) return undefined;
  const changed = view.form.markChanged(view.start);
  // An edited built-in needs a name of its own (the file's); an unchanged one keeps the built-in's.
  if (changed > 0 && view.name.value.trim() === view.start.name) view.name.value = `${view.start.name}-${view.slot.toLowerCase()}`;
  if (changed === 0 && view.name.value.trim() === `${view.start.name}-${view.slot.toLowerCase()}`) view.name.value = view.start.name;
  const doc = documentOf(view);
  const checked = checkScenario(doc, `scenario ${view.slot}`);
  view.checked = checked;
  const rest = checked.ok ? [] : view.form.showIssues(checked.issues);
  if (checked.ok) {
    view.form.showIssues([]);
    const pending = view.applied === undefined || JSON.stringify(view.applied.doc) !== JSON.stringify(doc);
    view.issues.textContent = `Valid${changed > 0 ? `: ${changed} lever(s) changed from ${view.start.name}` : ''}.${pending ? ` Press ${view.apply.textContent} to run it.` : ' Running.'}`;
    view.issues.className = 'issues ok';
  } else {
    view.issues.textContent = `Not run: ${checked.issues.length} problem(s). ${rest.map(formatIssue).join(' ')}`.trim();
    view.issues.className = 'issues bad';
  }
  view.apply.disabled = !checked.ok;
  return checked;
}

/** Runs a slot's scenario from month 0 and brings it up to the month shown. Refused while invalid. */
async function apply(view: SlotView): Promise<boolean> {
  const checked = check(view);
  if (!checked || !checked.ok) return false;
  const doc = documentOf(view);
  const edited = changedPaths(view.start!, view.form.values()).length > 0;
  const name = checked.scenario.name;
  view.applied = { doc, ref: edited ? `${name}.yaml` : view.start!.ref, name };
  for (const c of Object.values(view.charts)) c.clear();
  drawnFrom.delete(view.slot);
  session.start(view.slot, checked.params, name, checked.scenario.title);
  check(view);
  if (session.month > 0) await round(session.month);
  render(true);
  return true;
}

async function round(to: number): Promise<void> {
  try {
    await session.advanceTo(to);
  } catch (error) {
    playing = false;
    status(`Stopped: ${(error as Error).message}`, true);
    throw error;
  }
}

function speedSetting(): number {
  const v = $<HTMLSelectElement>('speed').value;
  return v === 'max' ? Infinity : Number(v);
}

async function play(): Promise<void> {
  if (playing) return;
  if (!session.get('A') && !(await apply(A))) return;
  playing = true;
  buttons();
  const until = Number($<HTMLInputElement>('until').value);
  const stopAt = Number.isInteger(until) && until > 0 ? until : Infinity;
  while (playing && !session.finished && session.month < stopAt) {
    const started = performance.now();
    await round(session.month + 1);
    speed.months += 1;
    speed.ms += performance.now() - started;
    render(false);
    const wait = 1000 / speedSetting() - (performance.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  playing = false;
  buttons();
  render(true);
}

function pause(): void {
  playing = false;
  buttons();
}

async function stepOnce(): Promise<void> {
  if (playing || session.busy) return;
  if (!session.get('A') && !(await apply(A))) return;
  if (session.finished) return;
  await round(session.month + 1);
  render(true);
}

function settings(): { reps: number; seed: number } | undefined {
  const reps = Number($<HTMLInputElement>('reps').value);
  const seed = Number($<HTMLInputElement>('seed').value);
  const why: string[] = [];
  if (!Number.isInteger(reps) || reps < 1 || reps > MAX_REPS) why.push(`Replications: got '${$<HTMLInputElement>('reps').value}'; allowed: a whole number from 1 to ${MAX_REPS}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) why.push(`Seed: got '${$<HTMLInputElement>('seed').value}'; allowed: a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
  $('settings-why').textContent = why.join('; ');
  return why.length > 0 ? undefined : { reps, seed };
}

/** Back to month 0 with the replications and seed set, re-running what was running. */
async function reset(): Promise<void> {
  const s = settings();
  if (!s) return;
  playing = false;
  session?.terminate();
  session = new Session(workerUrl, s.reps, s.seed, cores);
  speed.months = 0;
  speed.ms = 0;
  speed.reps = s.reps;
  const wasB = B.applied !== undefined;
  A.applied = undefined;
  B.applied = undefined;
  for (const v of [A, B]) for (const c of Object.values(v.charts)) c.clear();
  drawnFrom.clear();
  await apply(A);
  if (wasB && B.start) await apply(B);
  buttons();
  render(true);
}

function buttons(): void {
  $<HTMLButtonElement>('play').disabled = playing;
  $<HTMLButtonElement>('pause').disabled = !playing;
  $<HTMLButtonElement>('step').disabled = playing;
}

/** The months of the spectrum panels: fixed milestones reached so far, then the latest month. */
function spectrumMonths(months: number, fundingEnd: number, horizon: number): number[] {
  const last = months - 1;
  const f = fundingEnd - 1;
  const fixed = [11, 11 + 12 * Math.floor(Math.max(0, f - 11) / 24), f, horizon - 1].filter((m) => m >= 0 && m < last);
  return [...new Set([...fixed, last])].sort((a, b) => a - b).slice(-4);
}

function chartsOf(view: SlotView): Partial<Record<Kind, Chart>> {
  const r = session.get(view.slot);
  if (!r || r.ensemble.months === 0) return {};
  const run = r.ensemble.runData({ name: r.name, title: r.title });
  const p = r.ensemble.params;
  return {
    formation: formationChart(run),
    spectrum: spectrumChart(run, spectrumMonths(r.ensemble.months, p.fundingEnd_month, p.horizon_months)),
    maturity: maturityChart(run),
    network: networkChart(run),
    map: r.network ? networkMapChart(r.network, `${r.title} (${r.name})`, monthLabel(monthDate(p.startYear_year, r.network.month))) : undefined,
  };
}

/** What each slot's charts were last drawn from, so an unchanged ensemble is not redrawn. */
const drawnFrom = new Map<Slot, { generation: number; months: number; network: unknown }>();

async function drawCharts(): Promise<void> {
  for (const view of [A, B]) {
    const r = session.get(view.slot);
    const last = drawnFrom.get(view.slot);
    if (!r || (last && last.generation === r.generation && last.months === r.ensemble.months && last.network === r.network)) continue;
    drawnFrom.set(view.slot, { generation: r.generation, months: r.ensemble.months, network: r.network });
    const charts = chartsOf(view);
    for (const kind of CHART_KINDS) {
      const chart = charts[kind];
      if (chart) await view.charts[kind].update(chart);
    }
  }
}

/** Updates the page: text at most 10 times a second, charts at most 4 (always when `now`). */
function render(now: boolean): void {
  const t = performance.now();
  if (now || t - lastText >= TEXT_INTERVAL_MS) {
    lastText = t;
    renderText();
  }
  if (now || t - lastCharts >= CHART_INTERVAL_MS) {
    lastCharts = t;
    if (drawing) {
      redraw = true;
      return;
    }
    drawing = drawCharts()
      .catch((error) => status(`Charts: ${(error as Error).message}`, true))
      .finally(() => {
        drawing = undefined;
        if (redraw) {
          redraw = false;
          render(true);
        }
      });
  }
}

function renderText(): void {
  const a = session.get('A');
  const b = session.get('B');
  const running = [a, b].filter((x) => x !== undefined);
  const month = running.length > 0 ? Math.min(...running.map((r) => r!.ensemble.months)) : 0;
  const horizon = session.horizon;
  const startYear = a?.ensemble.params.startYear_year ?? 2017;
  $('month').textContent = running.length === 0 ? 'Month 0' : `Month ${month} of ${horizon}${month > 0 ? ` (${monthLabel(monthDate(startYear, month - 1))})` : ''}`;
  $('month').dataset.month = String(month);
  const done = (['A', 'B'] as const).flatMap((s) => {
    const r = session.get(s);
    return r ? [`${s} ${r.ensemble.finished}/${session.reps}`] : [];
  }).join(', ');
  $('replications').textContent = `${session.reps} replication(s) per scenario on ${session.workerCount} worker(s); replications done: ${done || 'none'}`;
  const rate = speed.ms > 0 ? speed.months / (speed.ms / 1000) : NaN;
  $('rate').textContent = Number.isFinite(rate) ? `${rate.toFixed(1)} months/s while playing` : '';
  for (const v of [A, B]) {
    const r = session.get(v.slot);
    $(`${v.slot.toLowerCase()}-progress`).textContent = r ? `${r.name}: month ${r.ensemble.months} of ${r.ensemble.horizon}` : 'not running';
  }
  renderDifference(month);
  renderTakeaway(month);
  if (!session.busy && !playing) status(session.finished ? 'Finished: every replication reached its horizon.' : 'Paused.');
  else if (playing) status('Running.');
}

function renderDifference(month: number): void {
  const a = session.get('A');
  const b = session.get('B');
  const table = $<HTMLTableElement>('difference-table');
  const body = table.tBodies[0];
  body.textContent = '';
  const sentence = $('difference-sentence');
  if (!a || !b) {
    sentence.textContent = 'Choose a scenario B and press Run B to compare it with A on paired replications.';
    table.hidden = true;
    return;
  }
  if (a.ensemble.months !== b.ensemble.months || month === 0) {
    const ended = [a, b].find((r) => r.ensemble.months === r.ensemble.horizon && r.ensemble.months < Math.max(a.ensemble.months, b.ensemble.months));
    sentence.textContent = ended
      ? `${ended === a ? 'A' : 'B'} ended at month ${ended.ensemble.horizon} (its run.months) and the other runs on; outcomes are compared at the same month only, so give both the same run.months.`
      : `${b.ensemble.months < a.ensemble.months ? 'B' : 'A'} is catching up (month ${Math.min(a.ensemble.months, b.ensemble.months)} of ${Math.max(a.ensemble.months, b.ensemble.months)}).`;
    table.hidden = true;
    return;
  }
  const rows = headlineDifferences({ name: a.name, outcomes: a.ensemble.outcomesSoFar() }, { name: b.name, outcomes: b.ensemble.outcomesSoFar() });
  table.hidden = false;
  for (const r of rows) {
    const tr = body.insertRow();
    tr.dataset.outcome = r.outcome;
    if (isClear(r)) tr.classList.add('clear');
    const nums = rowNumbers(r);
    const cells = [outcomeLabel(r.outcome), unitLabel(r.unit), value(r.baseline_mean, r.unit), value(r.scenario_mean, r.unit), difference(nums), costText(nums) ?? '-'];
    cells.forEach((c, i) => {
      const td = tr.insertCell();
      td.textContent = c;
      if (i >= 2) td.className = 'num';
    });
  }
  sentence.textContent = differenceSentence(rows, month, Math.max(a.ensemble.horizon, b.ensemble.horizon));
}

function commandScenario(view: SlotView): CommandScenario | undefined {
  const r = session.get(view.slot);
  return view.applied && r ? { ref: view.applied.ref, horizon: r.ensemble.horizon } : undefined;
}

function renderTakeaway(month: number): void {
  const a = commandScenario(A);
  const b = commandScenario(B);
  const lines = a ? reproduceCommands(a, b, { reps: session.reps, seed: session.seed, month }) : [];
  const files = [A, B].filter((v) => v.applied && v.applied.ref.endsWith('.yaml')).map((v) => v.applied!.ref);
  $('commands').textContent = lines.length === 0 ? '' : `${files.length > 0 ? `# with ${files.join(' and ')} downloaded (Scenario file) into this directory\n` : ''}${lines.join('\n')}`;
}

function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function wireDownloads(view: SlotView): void {
  const p = view.slot.toLowerCase();
  $(`${p}-yaml`).addEventListener('click', () => {
    if (!view.applied) return status(`Scenario ${view.slot} is not running: press ${view.apply.textContent} first.`, true);
    download(`${view.applied.name}.yaml`, scenarioYaml(view.applied.doc), 'application/yaml');
  });
  $(`${p}-csv`).addEventListener('click', () => {
    const r = session.get(view.slot);
    if (!r || r.ensemble.months === 0) return status(`Scenario ${view.slot} has no months yet.`, true);
    const family = $<HTMLSelectElement>(`${p}-family`).value as Family;
    download(`${r.name}-${family}.csv`, seriesCsv(r.ensemble.result(), family), 'text/csv');
  });
  for (const kind of CHART_KINDS) {
    for (const format of ['svg', 'png'] as const) {
      $(`${p}-${kind}-${format}`).addEventListener('click', async () => {
        const chart = view.charts[kind].chart;
        const r = session.get(view.slot);
        if (!chart || !r) return status('No chart yet.', true);
        const content = await exportChart(chart, format);
        const name = `${r.name}-${kind}.${format}`;
        if (format === 'svg') download(name, content, 'image/svg+xml');
        else download(name, await (await fetch(content)).blob());
      });
    }
  }
}

const A = slotView('A');
const B = slotView('B');
for (const v of [A, B]) {
  const families = $<HTMLSelectElement>(`${v.slot.toLowerCase()}-family`);
  for (const f of FAMILIES) families.append(new Option(`${f}.csv`, f));
  wireDownloads(v);
}
$('play').addEventListener('click', () => void play().catch(() => undefined));
$('pause').addEventListener('click', pause);
$('step').addEventListener('click', () => void stepOnce().catch(() => undefined));
$('reset').addEventListener('click', () => void reset());

const query = new URLSearchParams(location.search);
const requested = query.get('scenario') ?? 'gde-baseline';
if (query.has('file')) {
  // lesim explore <file> serves the file's scenario, checked, beside the page.
  try {
    fileStart = startingFile((await (await fetch('start.json')).json()) as StartingFile);
    for (const v of [A, B]) v.select.prepend(new Option(`${fileStart.ref} (file)`, FILE));
  } catch (error) {
    status(`The scenario file could not be read: ${(error as Error).message}`, true);
  }
}
choose(A, fileStart ? FILE : BUILTIN_NAMES.includes(requested) ? requested : 'gde-baseline');
choose(B, '');
session = new Session(workerUrl, Number($<HTMLInputElement>('reps').value), Number($<HTMLInputElement>('seed').value), cores);
speed.reps = session.reps;
buttons();
renderText();

/** For tests and the curious: what the page holds, read-only. */
(window as unknown as { lesimExplore: unknown }).lesimExplore = {
  status: () => ({
    month: Number($('month').dataset.month ?? 0),
    playing,
    busy: session.busy,
    workers: session.workerCount,
    cores,
    reps: session.reps,
    speed: { ...speed },
    workerMs: session.workerMs,
    running: Object.fromEntries(
      (['A', 'B'] as const).flatMap((s) => {
        const r = session.get(s);
        return r ? [[s, { name: r.name, months: r.ensemble.months, finished: r.ensemble.finished }]] : [];
      }),
    ),
    charts: Object.fromEntries([A, B].flatMap((v) => CHART_KINDS.map((k) => [`${v.slot}-${k}`, { ...v.charts[k].stats }]))),
  }),
  drawn: () => drawing ?? Promise.resolve(),
};
