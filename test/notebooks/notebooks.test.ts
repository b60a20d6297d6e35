// The notebooks themselves are executed by notebooks/run.sh (CI calls it; it needs Deno and
// Debian's nbconvert). These checks are the cheap part: the committed notebooks are what their
// sources generate, they are clean and use only the loading API, and the checker of executed
// notebooks that run.sh relies on catches what it must.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '..', 'notebooks');
const all = readdirSync(dir).filter((f) => /^\d\d-[\w-]+\.ipynb$/.test(f)).sort();
const kernelOf = (name: string): string => JSON.parse(readFileSync(join(dir, name), 'utf8')).metadata.kernelspec.name;
/** The TypeScript notebooks (Deno) and the Python ones (Debian's python3). */
const names = all.filter((n) => kernelOf(n) === 'deno');
const pythonNames = all.filter((n) => kernelOf(n) === 'python3');
const text = (v: string | string[]) => (Array.isArray(v) ? v.join('') : v);

interface Cell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Record<string, unknown>[];
}
const cellsOf = (name: string): Cell[] => JSON.parse(readFileSync(join(dir, name), 'utf8')).cells;
const importsOf = (code: string) => [...code.matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('committed notebooks', () => {
  it('are at least three in TypeScript and one in Python, each generated from its NN-name.ts or NN-name.py source', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(pythonNames.length).toBeGreaterThanOrEqual(1);
    expect(names.length + pythonNames.length).toBe(all.length);
    const r = spawnSync(process.execPath, [join(dir, 'build.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(names)('%s: Deno kernel, no outputs, says which run it reads, imports only lesim/load and the helpers', (name) => {
    const nb = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    expect(nb.metadata.kernelspec).toEqual({ name: 'deno', display_name: 'Deno', language: 'typescript' });
    const cells = cellsOf(name);
    expect(cells[0].cell_type).toBe('markdown');
    expect(text(cells[0].source)).toMatch(/environment variables? `LESIM_[A-Z]+`/);
    const code = cells.filter((c) => c.cell_type === 'code');
    for (const c of code) {
      expect(c.outputs).toEqual([]);
      expect(c.execution_count).toBeNull();
    }
    const imports = code.flatMap((c) => importsOf(text(c.source)));
    expect(imports).toContain('lesim/load');
    expect(new Set(imports)).toEqual(new Set(['lesim/load', './lib/notebook.ts']));
    expect(code.some((c) => text(c.source).includes('await showChart('))).toBe(true);
  });

  it.each(pythonNames)('%s: Debian python3 kernel, no outputs, says which runs it reads, imports only pandas, matplotlib, IPython and the standard library', (name) => {
    const nb = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    expect(nb.metadata.kernelspec).toEqual({ name: 'python3', display_name: 'Python 3 (Debian)', language: 'python' });
    const kernel = JSON.parse(readFileSync(join(dir, 'jupyter', 'kernels', 'python3', 'kernel.json'), 'utf8'));
    expect(kernel.argv[0]).toBe('/usr/bin/python3');
    const cells = cellsOf(name);
    expect(text(cells[0].source)).toMatch(/environment variables? `LESIM_[A-Z]+`/);
    const code = cells.filter((c) => c.cell_type === 'code');
    for (const c of code) {
      expect(c.outputs).toEqual([]);
      expect(c.execution_count).toBeNull();
    }
    const modules = code.flatMap((c) => [...text(c.source).matchAll(/^(?:import|from) ([\w.]+)/gm)].map((m) => m[1].split('.')[0]));
    expect(new Set(modules)).toEqual(new Set(['io', 'json', 'os', 'pathlib', 'matplotlib', 'pandas', 'IPython']));
    expect(code.some((c) => /(?<!def )\bshow_chart\(/.test(text(c.source)))).toBe(true);
  });

  it('helpers import only vega, vega-lite and the loading API', () => {
    expect(importsOf(readFileSync(join(dir, 'lib', 'notebook.ts'), 'utf8')).sort()).toEqual(['lesim/load', 'vega', 'vega-lite']);
  });

  it('lesim/load resolves, for the notebooks, to the compiled loading API', () => {
    const config = JSON.parse(readFileSync(join(dir, 'deno.json'), 'utf8'));
    expect(config.imports['lesim/load']).toBe('../dist/load/index.js');
    const pkg = JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8'));
    expect(pkg.exports['./load'].default).toBe('./dist/load/index.js');
  });
});

describe('check-outputs.mjs (what run.sh accepts as an executed notebook)', () => {
  const svg = (title: string) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${title.replace(/&/g, "&amp;")}</text><path d="M0,0L1,1"/></svg>`;
  const chart = (title: string) => ({
    output_type: 'display_data',
    metadata: {},
    data: { 'image/svg+xml': svg(title), 'application/vnd.vegalite.v5+json': { title: { text: title } }, 'text/plain': title },
  });
  const notebook = (cells: Cell[], language?: string) => ({ cells, metadata: language ? { kernelspec: { name: 'python3', language } } : {}, nbformat: 4, nbformat_minor: 5 });
  const good = (): Cell[] => [
    { cell_type: 'markdown', source: '# t' },
    { cell_type: 'code', source: 'const a = 1;', execution_count: 1, outputs: [] },
    { cell_type: 'code', source: "await showChart({ title: 'A & B' });", execution_count: 2, outputs: [chart('A & B')] },
  ];
  const check = (cells: Cell[], language?: string) => {
    const d = mkdtempSync(join(tmpdir(), 'lesim-nb-'));
    tmp.push(d);
    writeFileSync(join(d, 'nb.ipynb'), JSON.stringify(notebook(cells, language)));
    return spawnSync(process.execPath, [join(dir, 'check-outputs.mjs'), join(d, 'nb.ipynb')], { encoding: 'utf8' });
  };

  it('accepts every cell run and one rendered chart per showChart', () => {
    const r = check(good());
    expect(r.stdout).toMatch(/^ok .*: 1 chart\(s\)/);
    expect(r.status).toBe(0);
  });

  it('rejects a failed cell', () => {
    const cells = good();
    cells[1].outputs = [{ output_type: 'error', ename: 'Error', evalue: 'boom', traceback: [] }];
    const r = check(cells);
    expect(r.stdout).toContain('code cell 1 failed: Error: boom');
    expect(r.status).toBe(1);
  });

  it('rejects a cell that did not run', () => {
    const cells = good();
    cells[1].execution_count = null;
    expect(check(cells).stdout).toContain('code cell 1 was not executed');
  });

  it('rejects a missing chart, a chart without SVG marks and a chart whose title is not drawn', () => {
    const none = good();
    none[2].outputs = [];
    expect(check(none).stdout).toContain('0 rendered chart(s), expected 1');
    const blank = good();
    blank[2].outputs = [{ ...chart('A & B'), data: { ...chart('A & B').data, 'image/svg+xml': '<svg><text>A &amp; B</text></svg>' } }];
    expect(check(blank).stdout).toContain("chart 'A & B' has no drawn marks");
    const untitled = good();
    untitled[2].outputs = [{ ...chart('A & B'), data: { ...chart('A & B').data, 'image/svg+xml': svg('other') } }];
    const r = check(untitled);
    expect(r.stdout).toContain('its title is not in the SVG');
    expect(r.status).toBe(1);
  });

  it('in a Python notebook: one SVG per show_chart call (not counting its def), its title the text/plain copy', () => {
    const py = (outputs: Record<string, unknown>[]): Cell[] => [
      { cell_type: 'code', source: 'def show_chart(fig, title):\n    pass', execution_count: 1, outputs: [] },
      { cell_type: 'code', source: "show_chart(fig, 'A & B')", execution_count: 2, outputs },
    ];
    const drawn = { output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': svg('A & B'), 'text/plain': 'A & B' } };
    expect(check(py([drawn]), 'python').stdout).toMatch(/^ok .*: 1 chart\(s\)/);
    const r = check(py([]), 'python');
    expect(r.stdout).toContain('0 rendered chart(s), expected 1');
    expect(r.status).toBe(1);
  });
});
