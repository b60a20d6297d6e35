import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from './cli.js';

/**
 * The modules a command loads, as a module-loading hook sees them: the evidence that start-up is
 * lazy (issue 10, item 4). Counts, not times: timings are for benchmarks.
 */
function loadedModules(args: readonly string[]): string[] {
  const dir = tempDir('lesim-startup-');
  const log = join(dir, 'modules.log');
  writeFileSync(join(dir, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.LESIM_MODULE_LOG, url + '\\n'); return next(url, context); }\n");
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LESIM_MODULE_LOG: log } });
  if (r.status !== 0) throw new Error(`lesim ${args.join(' ')} failed: ${r.stderr}`);
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
}

const CHART_CODE = /node_modules\/(vega|vega-lite|@resvg|d3-)/;

describe('lazy start-up', () => {
  it('lesim --version loads no command and no model, chart or schema code', () => {
    const modules = loadedModules(['--version']);
    expect(modules.filter((m) => CHART_CODE.test(m))).toEqual([]);
    expect(modules.filter((m) => /\/dist\/cli\/commands\//.test(m))).toEqual([]);
    expect(modules.filter((m) => /node_modules\/zod\//.test(m))).toEqual([]);
    expect(modules.length).toBeLessThan(80);
  });

  it('lesim run loads no chart code (vega, vega-lite, resvg) and only its own command', () => {
    const modules = loadedModules(['run', 'gde-baseline', '--reps', '1', '--months', '1', '--workers', '1', '--no-events', '--out', 'run']);
    expect(modules.filter((m) => CHART_CODE.test(m))).toEqual([]);
    expect(modules.filter((m) => /\/dist\/cli\/commands\//.test(m)).map((m) => m.replace(/.*\/commands\//, ''))).toEqual(['run.js', 'set.js']);
  });

  it('lesim --help still lists every command', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    for (const c of ['run', 'sweep', 'merge', 'scenarios', 'compare', 'validate', 'params', 'chart', 'report']) expect(r.stdout).toContain(`lesim ${c}`);
  });
});
