#!/usr/bin/env node
// Writes each notebook (NN-name.ipynb) from its readable source beside it, NN-name.ts (Deno) or
// NN-name.py (Python), in the "percent" format: a line `// %% [markdown]` starts a Markdown cell
// (its lines are `// ` comments), a line `// %%` starts a code cell; in Python `#` for `//`. The sources are what people edit and review; the .ipynb are
// committed without outputs so diffs stay clean.
//
//   node notebooks/build.mjs           write the .ipynb
//   node notebooks/build.mjs --check   exit 1 if any .ipynb differs from its source
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const check = process.argv.includes('--check');

/** Each source language: its comment, cell markers and notebook metadata. */
const LANGUAGES = {
  '.ts': {
    comment: '//',
    kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' },
    language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/x.typescript', codemirror_mode: 'typescript', nbconvert_exporter: 'script', pygments_lexer: 'typescript' },
  },
  // Debian's python3 with pandas and matplotlib; the kernelspec in jupyter/kernels/python3 names /usr/bin/python3.
  '.py': {
    comment: '#',
    kernelspec: { name: 'python3', display_name: 'Python 3 (Debian)', language: 'python' },
    language_info: { name: 'python', file_extension: '.py', mimetype: 'text/x-python', codemirror_mode: { name: 'ipython', version: 3 }, nbconvert_exporter: 'python', pygments_lexer: 'ipython3' },
  },
};
const languageOf = (file) => LANGUAGES[file.slice(file.lastIndexOf('.'))];

/** Splits a percent-format source into cells; text before the first marker is not allowed. */
function cells(file, text) {
  const c0 = languageOf(file).comment;
  const MARKDOWN = new RegExp(`^${c0.replace(/\//g, '\\/')} %% \\[markdown\\]\\s*$`);
  const CODE = new RegExp(`^${c0.replace(/\//g, '\\/')} %%\\s*$`);
  const out = [];
  let current = null;
  text.split('\n').forEach((line, i) => {
    if (MARKDOWN.test(line) || CODE.test(line)) {
      current = { type: MARKDOWN.test(line) ? 'markdown' : 'code', lines: [] };
      out.push(current);
    } else if (current === null) {
      if (line.trim() !== '') throw new Error(`${file}:${i + 1}: text before the first '${c0} %%' cell marker`);
    } else if (current.type === 'markdown') {
      if (line.trim() === '') current.lines.push('');
      else if (line.startsWith(`${c0} `) || line === c0) current.lines.push(line.slice(c0.length + 1));
      else throw new Error(`${file}:${i + 1}: a Markdown cell line must start with '${c0} '`);
    } else current.lines.push(line);
  });
  return out.map((c, k) => {
    const lines = [...c.lines];
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    if (lines.length === 0) throw new Error(`${file}: cell ${k + 1} is empty`);
    const source = lines.map((l, j) => (j < lines.length - 1 ? `${l}\n` : l));
    const id = `cell-${String(k + 1).padStart(2, '0')}`;
    return c.type === 'markdown'
      ? { cell_type: 'markdown', id, metadata: {}, source }
      : { cell_type: 'code', execution_count: null, id, metadata: {}, outputs: [], source };
  });
}

function notebook(file) {
  const { kernelspec, language_info } = languageOf(file);
  return { cells: cells(basename(file), readFileSync(file, 'utf8')), metadata: { kernelspec, language_info }, nbformat: 4, nbformat_minor: 5 };
}

let stale = 0;
// Notebook sources are named NN-name.ts or NN-name.py; lib/ holds their shared helpers.
const sources = readdirSync(here).filter((f) => /^\d\d-[\w-]+\.(ts|py)$/.test(f)).sort();
if (sources.length === 0) throw new Error(`no notebook sources (NN-name.ts, NN-name.py) in ${here}`);
for (const name of sources) {
  const target = join(here, `${name.replace(/\.(ts|py)$/, '')}.ipynb`);
  const text = `${JSON.stringify(notebook(join(here, name)), null, 1)}\n`;
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      console.error(`${target} is out of date with ${name}: run node notebooks/build.mjs`);
      stale++;
    }
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  }
}
if (stale > 0) process.exit(1);
