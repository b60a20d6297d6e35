import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chart } from '../charts/chart.js';
import { renderSvg, svgToPng } from '../charts/render.js';
import { csvLine } from '../io/csv.js';

/** A tidy CSV from rows of the same keys. */
export function rowsCsv(rows: readonly object[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length > 0 ? Object.keys(rows[0]) : []);
  const cell = (v: unknown): string | number => (typeof v === 'number' ? v : v === undefined || v === null ? '' : String(v));
  return csvLine(cols) + rows.map((r) => csvLine(cols.map((c) => cell((r as Record<string, unknown>)[c])))).join('');
}

/** JSON with non-finite numbers as null (JSON has no Infinity or NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** A chart as files <name>.svg, <name>.png and its Vega-Lite spec <name>.vl.json, rendered in memory. */
export async function chartFiles(name: string, chart: Chart): Promise<Map<string, string | Buffer>> {
  const { svg } = await renderSvg(chart);
  return new Map<string, string | Buffer>([
    [`${name}.svg`, svg],
    [`${name}.png`, svgToPng(svg)],
    [`${name}.vl.json`, JSON.stringify(chart.spec, null, 2) + '\n'],
  ]);
}

/** Writes files (name to content) into a directory. */
export function putFiles(dir: string, files: ReadonlyMap<string, string | Buffer>): string[] {
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return [...files.keys()];
}
