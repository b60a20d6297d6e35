import { summariseValues } from '../analysis/stats.js';
import type { RunData } from '../load/run.js';
import { type Chart, runMeta, topLevel } from './chart.js';
import { ChartInputError, dateOfMonth, parameter } from './source.js';
import { fmt, monthLabel } from './style.js';

export const COMMUNITY_TYPES = [
  'Learning network, run centrally',
  'Learning network, profession-led',
  'Community of practice (user-led group)',
  'Supplier user group',
] as const;
export type CommunityType = (typeof COMMUNITY_TYPES)[number];

/** One community of one replicate: its type at formation, and the months it formed and ended (Infinity if it never did). */
export interface CommunityLife {
  readonly replicate: number;
  readonly id: string;
  readonly type: CommunityType;
  readonly formed: number;
  readonly ended: number;
}

/** Lives of the learning networks, communities of practice and supplier user groups of every replicate, from events.csv. */
export function communityLives(run: RunData, events: readonly Record<string, string>[]): CommunityLife[] {
  const lives = new Map<string, { replicate: number; id: string; type: CommunityType; formed: number; ended: number }>();
  for (const e of events) {
    if (!e.relationship?.startsWith('c')) continue;
    const key = `${e.replicate}:${e.relationship}`;
    if (e.kind === 'formed') {
      let type: CommunityType | undefined;
      if (e.mode === 'learning_network') {
        const steward = /^Learning network \d+ \((profession-led|run centrally)\):/.exec(e.detail)?.[1];
        if (steward === undefined) throw new ChartInputError(`${run.dir}/events.csv: learning network '${e.detail}' does not say who runs it; make the run with this lesim version`);
        type = steward === 'profession-led' ? COMMUNITY_TYPES[1] : COMMUNITY_TYPES[0];
      } else if (e.mode === 'community_of_practice') type = COMMUNITY_TYPES[2];
      else if (e.mode === 'user_group') type = COMMUNITY_TYPES[3];
      if (type !== undefined) lives.set(key, { replicate: Number(e.replicate), id: e.relationship, type, formed: Number(e.month), ended: Infinity });
    } else if (e.kind === 'ended') {
      const life = lives.get(key);
      if (life !== undefined) life.ended = Number(e.month);
    }
  }
  return [...lives.values()];
}

/** Alive at the end of month m: formed by then and not ended in or before it. */
export const aliveAt = (c: CommunityLife, m: number): boolean => c.formed <= m && c.ended > m;

/**
 * (e) Survival after funding ends: of the communities of each type alive in the last funded
 * month, the share still alive each month after, by replicate, then mean and 95% interval.
 * A learning network that becomes a community of practice keeps its type as launched.
 */
export function survivalChart(run: RunData, events: readonly Record<string, string>[]): Chart {
  const fundingEnd = parameter(run, 'fundingEnd_month');
  const f = fundingEnd - 1;
  const last = run.manifest.months - 1;
  if (last < fundingEnd) {
    throw new ChartInputError(`the survival chart needs a run past funding end (month ${fundingEnd}); '${run.dir}' has ${run.manifest.months} months (run with --months ${fundingEnd + 1} or more)`);
  }
  if (events.length === 0) throw new ChartInputError(`the survival chart needs ${run.dir}/events.csv; the run was written with --no-events`);
  const lives = communityLives(run, events);
  const reps = run.manifest.seeds.map((s) => s.replicate);
  const values: Record<string, string | number | null>[] = [];
  const atEnd = new Map<CommunityType, { cohort: number; share: ReturnType<typeof summariseValues> }>();
  for (const type of COMMUNITY_TYPES) {
    const cohorts = reps.map((r) => lives.filter((c) => c.replicate === r && c.type === type && aliveAt(c, f)));
    if (cohorts.every((c) => c.length === 0)) continue;
    for (let m = f; m <= last; m++) {
      // A replicate with none of the type at funding end has no share: it is left out (n counts the rest).
      const s = summariseValues(cohorts.map((c) => (c.length === 0 ? NaN : c.filter((x) => aliveAt(x, m)).length / c.length)));
      values.push({ type, since: m - f, mean: s.mean, ci_low: Number.isFinite(s.ciLow) ? s.ciLow : null, ci_high: Number.isFinite(s.ciHigh) ? s.ciHigh : null, n: s.n });
      if (m === last) atEnd.set(type, { cohort: cohorts.reduce((a, c) => a + c.length, 0) / reps.length, share: s });
    }
  }
  if (values.length === 0) throw new ChartInputError(`the survival chart has nothing to show: '${run.dir}' has no learning networks, communities of practice or user groups alive when funding ends`);
  const domain = COMMUNITY_TYPES.filter((t) => atEnd.has(t));
  const x = { field: 'since', type: 'quantitative', title: `Months without funding (0 = ${monthLabel(dateOfMonth(run, f))})`, scale: { domain: [0, last - f], nice: false } };
  const y = { type: 'quantitative', title: 'Share still alive', scale: { domain: [0, 1.05], clamp: false }, axis: { format: '.0%' } };
  const describe = (t: CommunityType) => {
    const e = atEnd.get(t);
    if (e === undefined) return '';
    const s = e.share;
    const ci = Number.isFinite(s.ciLow) ? ` (95% CI ${fmt(100 * s.ciLow)}% to ${fmt(100 * s.ciHigh)}%)` : '';
    return `${t.toLowerCase()}: ${fmt(100 * s.mean)}%${ci} of ${fmt(e.cohort, 1)}`;
  };
  const title = 'Survival of learning networks and communities after funding ends';
  const caption =
    `${run.manifest.scenario.title} (${run.manifest.scenario.name}). Of the communities of each type alive in the last funded month, the share still alive ` +
    `in each month after, mean of ${reps.length} replication${reps.length === 1 ? '' : 's'} with shaded 95% confidence bands; a community ends when it falls below ` +
    `its minimum membership. A learning network that turns into a community of practice is still counted as a learning network. ` +
    `After ${last - f} months without funding: ${domain.map(describe).join('; ')} (mean number alive at funding end).`;
  // One panel per type: lines of different types often coincide (all alive), and would hide each other.
  const body = {
    data: { values },
    facet: { field: 'type', type: 'nominal', sort: domain, title: null, header: { labelFontSize: 13, labelAnchor: 'start', labelPadding: 6 } },
    columns: 2,
    spacing: { row: 18, column: 36 },
    spec: {
      width: 330,
      height: 170,
      encoding: { x },
      layer: [
        { mark: { type: 'area', opacity: 0.2, interpolate: 'step-after', color: '#0072B2' }, encoding: { y: { ...y, field: 'ci_low' }, y2: { field: 'ci_high' } } },
        {
          mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after', color: '#0072B2' },
          encoding: { y: { ...y, field: 'mean' }, tooltip: [{ field: 'type' }, { field: 'since', title: 'months without funding' }, { field: 'mean', format: '.0%' }, { field: 'ci_low', format: '.0%' }, { field: 'ci_high', format: '.0%' }, { field: 'n' }] },
        },
      ],
    },
  };
  return { kind: 'survival', title, caption, spec: topLevel(runMeta(run), title, caption, body) };
}
