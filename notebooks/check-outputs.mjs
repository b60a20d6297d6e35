#!/usr/bin/env node
// Checks executed notebooks: every code cell ran, no cell output an error, and each notebook
// holds a rendered chart for every `await showChart(` in its code, with both the SVG and the
// Vega-Lite spec, the SVG drawn (marks and the chart's title in it).
//
//   node notebooks/check-outputs.mjs out/01-formal-informal.ipynb ...
// Prints one line per notebook and exits 1 if any notebook fails.
import { readFileSync } from 'node:fs';

const SVG = 'image/svg+xml';
const VEGALITE = 'application/vnd.vegalite.v5+json';
const text = (v) => (Array.isArray(v) ? v.join('') : String(v ?? ''));
const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function check(path) {
  const problems = [];
  const nb = JSON.parse(readFileSync(path, 'utf8'));
  const code = nb.cells.filter((c) => c.cell_type === 'code');
  // TypeScript notebooks draw with `await showChart(` (SVG and Vega-Lite spec), Python ones with
  // `show_chart(` (matplotlib SVG, the title as its text/plain copy).
  const python = nb.metadata?.kernelspec?.language === 'python';
  const calls = python ? /(?<!def )\bshow_chart\(/g : /await showChart\(/g;
  const expected = code.reduce((n, c) => n + (text(c.source).match(calls) ?? []).length, 0);
  if (expected === 0) problems.push('no showChart call in its code');
  code.forEach((c, k) => {
    if (c.execution_count === null || c.execution_count === undefined) problems.push(`code cell ${k + 1} was not executed`);
    for (const o of c.outputs ?? []) {
      if (o.output_type === 'error') problems.push(`code cell ${k + 1} failed: ${o.ename}: ${o.evalue}`);
    }
  });
  let charts = 0;
  for (const c of code) {
    for (const o of c.outputs ?? []) {
      const data = o.data ?? {};
      if (!(SVG in data)) continue;
      const svg = text(data[SVG]);
      const spec = data[VEGALITE];
      const title = python ? text(data['text/plain']) : typeof spec?.title === 'string' ? spec.title : spec?.title?.text;
      if (!svg.startsWith('<svg') || !svg.trimEnd().endsWith('</svg>')) problems.push('an SVG output is not a whole SVG document');
      else if (!/<path[^>]* d="M/.test(svg) && !/<path[^>]*\sd="\s*M/.test(svg)) problems.push(`chart '${title}' has no drawn marks`);
      else if (!python && spec === undefined) problems.push(`chart '${title}' has no ${VEGALITE} output`);
      else if (typeof title !== 'string' || !svg.includes(xmlEscape(title))) problems.push(`a chart has no title, or its title is not in the SVG: '${title}'`);
      else charts++;
    }
  }
  if (charts < expected) problems.push(`${charts} rendered chart(s), expected ${expected}`);
  return { charts, problems };
}

let failed = 0;
for (const path of process.argv.slice(2)) {
  let result;
  try {
    result = check(path);
  } catch (error) {
    result = { charts: 0, problems: [`cannot read: ${error.message}`] };
  }
  if (result.problems.length === 0) console.log(`ok   ${path}: ${result.charts} chart(s)`);
  else {
    failed++;
    console.log(`FAIL ${path}:\n  ${result.problems.join('\n  ')}`);
  }
}
if (process.argv.length <= 2) {
  console.error('usage: node check-outputs.mjs <executed.ipynb>...');
  process.exit(2);
}
process.exit(failed > 0 ? 1 : 0);
