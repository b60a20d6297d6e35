import { maturity } from '../agents/organization.js';
import { CONFIG } from '../charts/style.js';
import type { Chart } from '../charts/chart.js';
import { FORMALITIES, STATUSES } from '../model/enums.js';
import type { State } from '../model/state.js';

/** The organizations and their links at one month of one replication, small enough to post to the page. */
export interface NetworkSnapshot {
  readonly month: number;
  /** Per organization: x_km, y_km, status index, maturity (0-1). */
  readonly orgs: Float64Array;
  /** Per linked pair: organization a, organization b, the most formal formality of their active ties. */
  readonly links: Int32Array;
}

/** Pairs of organizations joined by at least one active tie (as the network measures count them). */
export function networkSnapshot(state: State): NetworkSnapshot {
  const orgs = new Float64Array(state.orgs.length * 4);
  state.orgs.forEach((o, i) => orgs.set([o.x_km, o.y_km, o.status, maturity(o)], i * 4));
  const pairs = new Map<number, number>();
  const n = state.orgs.length;
  for (const id of state.activeTies) {
    const t = state.ties[id];
    if (t.ended >= 0 || t.orgA < 0 || t.orgB < 0 || t.orgA === t.orgB) continue;
    const key = Math.min(t.orgA, t.orgB) * n + Math.max(t.orgA, t.orgB);
    pairs.set(key, Math.min(pairs.get(key) ?? Infinity, t.formality));
  }
  const links = new Int32Array(pairs.size * 3);
  let k = 0;
  for (const [key, formality] of [...pairs].sort((x, y) => x[0] - y[0])) links.set([Math.floor(key / n), key % n, formality], 3 * k++);
  return { month: state.month, orgs, links };
}

const COHORT_COLOURS = ['#0072B2', '#E69F00', '#9a9a9a'];
const LINK_COLOURS: Readonly<Record<string, string>> = { formal: '#0072B2', periodic: '#009E73', informal: '#D55E00' };

/**
 * A map of the organizations of replication 0 (their places in km), coloured by cohort and sized
 * by maturity, with a line for each pair of organizations an active tie joins, coloured by its
 * most formal tie. Updated every few months while the model runs.
 */
export function networkMapChart(s: NetworkSnapshot, scenario: string, date: string): Chart {
  const orgs = [];
  for (let i = 0; i < s.orgs.length / 4; i++) orgs.push({ id: i, x: s.orgs[4 * i], y: s.orgs[4 * i + 1], cohort: STATUSES[s.orgs[4 * i + 2]], maturity: s.orgs[4 * i + 3] });
  const links: { x: number; y: number; x2: number; y2: number; formality: string }[] = [];
  for (let k = 0; k < s.links.length / 3; k++) {
    const a = orgs[s.links[3 * k]];
    const b = orgs[s.links[3 * k + 1]];
    links.push({ x: a.x, y: a.y, x2: b.x, y2: b.y, formality: FORMALITIES[s.links[3 * k + 2]] });
  }
  const count = (f: string) => links.filter((l) => l.formality === f).length;
  const x = { field: 'x', type: 'quantitative', axis: null, scale: { zero: false, nice: false } };
  const y = { field: 'y', type: 'quantitative', axis: null, scale: { zero: false, nice: false } };
  const title = 'Organizations and their links';
  const caption =
    `${scenario}, replication 0, end of ${date}. Each dot is an organization at its place (km), coloured by cohort and sized by digital maturity; ` +
    `a line joins two organizations with at least one active tie, coloured by the most formal of them: ${FORMALITIES.filter((f) => count(f) > 0).map((f) => `${count(f)} ${f}`).join(', ') || 'no'} links (communities are not drawn).`;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title },
    config: CONFIG,
    width: 520,
    height: 520,
    layer: [
      {
        data: { values: links },
        mark: { type: 'rule', opacity: 0.35, strokeWidth: 0.8 },
        encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' }, color: { field: 'formality', type: 'nominal', title: 'Link', scale: { domain: FORMALITIES, range: FORMALITIES.map((f) => LINK_COLOURS[f]) } } },
      },
      {
        data: { values: orgs },
        mark: { type: 'circle', opacity: 0.9, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x,
          y,
          color: { field: 'cohort', type: 'nominal', title: 'Cohort', scale: { domain: STATUSES, range: COHORT_COLOURS } },
          size: { field: 'maturity', type: 'quantitative', title: 'Maturity', scale: { domain: [0, 1], range: [10, 160] } },
          tooltip: [{ field: 'id', title: 'organization' }, { field: 'cohort' }, { field: 'maturity', format: '.2f' }],
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
  return { kind: 'map', title, caption, spec: spec as unknown as Chart['spec'] };
}
