import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { Chart } from '../../charts/chart.js';

/**
 * One chart of the chart library kept live in the page. Its Vega-Lite spec is split into
 * structure and data: every inline dataset becomes a named one, so while the structure stays the
 * same (same marks, scales and legends) new data go into the running Vega view as changesets and
 * nothing is recompiled; only a change of structure (a series appears, a new month panel, the
 * funding-end rule) rebuilds the view. The caption is drawn as text under the chart.
 */

type Json = unknown;

interface Split {
  readonly structure: string;
  readonly spec: Json;
  readonly data: Json[][];
}

/** Replaces each `data: {values}` by `data: {name: 'live_i'}`, in document order, collecting the values. */
function split(spec: Json): Split {
  const data: Json[][] = [];
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(node as Record<string, Json>)) {
      if (key === 'data' && value !== null && typeof value === 'object' && Array.isArray((value as { values?: unknown }).values)) {
        out[key] = { name: `live_${data.length}` };
        data.push((value as { values: Json[] }).values);
      } else out[key] = walk(value);
    }
    return out;
  };
  // The title and caption change with every number in them: the page shows them as text instead.
  const { title: _title, description: _description, usermeta: _usermeta, ...body } = spec as Record<string, Json>;
  const named = walk(body);
  return { structure: JSON.stringify(named), spec: named, data };
}

export interface LiveStats {
  changesets: number;
  rebuilds: number;
}

export class LiveChart {
  private view: vega.View | undefined;
  private structure = '';
  private latest: Chart | undefined;
  readonly stats: LiveStats = { changesets: 0, rebuilds: 0 };

  constructor(
    private readonly container: HTMLElement,
    private readonly caption: HTMLElement,
  ) {}

  /** The chart as last drawn, whole (title and caption in the spec), for downloads. */
  get chart(): Chart | undefined {
    return this.latest;
  }

  async update(chart: Chart): Promise<void> {
    this.latest = chart;
    const s = split(chart.spec);
    const title = document.createElement('strong');
    title.textContent = `${chart.title}. `;
    this.caption.replaceChildren(title, chart.caption);
    if (this.view !== undefined && s.structure === this.structure) {
      s.data.forEach((values, i) => {
        this.view!.change(`live_${i}`, vega.changeset().remove(() => true).insert(values));
      });
      this.stats.changesets += 1;
      await this.view.runAsync();
      return;
    }
    this.view?.finalize();
    this.structure = s.structure;
    const vg = compile(s.spec as Parameters<typeof compile>[0]).spec;
    const view = new vega.View(vega.parse(vg), { renderer: 'svg', container: this.container, hover: true });
    s.data.forEach((values, i) => view.data(`live_${i}`, values));
    this.view = view;
    this.stats.rebuilds += 1;
    await view.runAsync();
  }

  clear(): void {
    this.view?.finalize();
    this.view = undefined;
    this.structure = '';
    this.latest = undefined;
    this.container.textContent = '';
    this.caption.textContent = '';
  }
}

/** A chart of the library rendered whole (title, caption) off screen, as SVG text or a PNG data URL. */
export async function exportChart(chart: Chart, format: 'svg' | 'png'): Promise<string> {
  const view = new vega.View(vega.parse(compile(chart.spec).spec), { renderer: 'none' });
  try {
    await view.runAsync();
    return format === 'svg' ? await view.toSVG() : await view.toImageURL('png', 2);
  } finally {
    view.finalize();
  }
}
