import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/analysis/ensemble.js';
import { csvLine } from '../../src/io/csv.js';
import { runFiles } from '../../src/io/outputs.js';
import { loadEvents, loadRun, parseCsv, RunDirectoryError, SERIES_FAMILIES, tidy } from '../../src/load/index.js';
import { findScenario, resolveScenario } from '../../src/scenarios/index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writtenRun(): string {
  const scenario = findScenario('gde-baseline');
  const result = runEnsemble(resolveScenario(scenario, { horizon_months: 14 }), { replications: 2, baseSeed: 5, keepEvents: true });
  const files = runFiles(scenario, result, { lesimVersion: 't', gitCommit: 'c', nodeVersion: 'v', startedAt: 's', finishedAt: 'f', command: ['lesim'] });
  const dir = mkdtempSync(join(tmpdir(), 'lesim-load-'));
  dirs.push(dir);
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return dir;
}

describe('parseCsv', () => {
  it('reads back what csvLine writes, quotes, commas and line breaks included', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ''];
    const text = csvLine(['a', 'b', 'c', 'd', 'e']) + csvLine(values);
    expect(parseCsv(text)).toEqual([{ a: 'plain', b: 'a,b', c: 'say "hi"', d: 'two\nlines', e: '' }]);
  });

  it('names the file and row of a ragged row', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'x.csv')).toThrow(/x\.csv: row 3 has 1 fields, the header has 2/);
  });
});

describe('loadRun', () => {
  const dir = writtenRun();

  it('reads every series, the summary, the manifest and the replications of a run directory', () => {
    const run = loadRun(dir);
    expect(run.summary.replications).toBe(2);
    expect(run.manifest.seeds.map((s) => s.seed)).toEqual(['lesim:5:0', 'lesim:5:1']);
    for (const family of SERIES_FAMILIES) expect(run.series[family].length).toBeGreaterThan(0);
    const spectrum = run.series.spectrum.filter((r) => r.month === 13 && r.keys.measure === 'active');
    expect(spectrum).toHaveLength(15);
    expect(spectrum.every((r) => r.n === 2 && r.ciLow <= r.mean && r.mean <= r.ciHigh)).toBe(true);
    expect(run.replications).toHaveLength(2);
    expect(typeof run.replications[0].maturity_end_all).toBe('number');
    expect(run.replications[1].seed).toBe('lesim:5:1');
  });

  it('flattens rows for charting and reads events', () => {
    const rows = tidy(loadRun(dir).series.maturity);
    expect(Object.keys(rows[0])).toEqual(['month', 'date', 'cohort', 'mean', 'sd', 'ci_low', 'ci_high', 'n']);
    expect(loadEvents(dir).length).toBeGreaterThan(0);
  });

  it('says which file is missing from a directory that is not a run', () => {
    const empty = mkdtempSync(join(tmpdir(), 'lesim-load-'));
    dirs.push(empty);
    expect(() => loadRun(empty)).toThrow(RunDirectoryError);
    expect(() => loadRun(empty)).toThrow(/manifest\.json: not found/);
  });
});
