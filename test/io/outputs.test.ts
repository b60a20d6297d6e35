import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/analysis/ensemble.js';
import { eventsCsv, manifestJson, outcomeSummaries, replicationsCsv, runFiles, seriesCsv, summaryJson, type RunProvenance } from '../../src/io/outputs.js';
import { MODES } from '../../src/model/enums.js';
import { OUTCOMES } from '../../src/model/outcomes.js';
import { PARAMETER_NAMES } from '../../src/model/parameters.js';
import { CELLS, FAMILIES } from '../../src/model/recorder.js';
import { findScenario, resolveScenario } from '../../src/scenarios/index.js';

const scenario = findScenario('gde-baseline');
const params = resolveScenario(scenario, { organizations_count: 60, groupings_count: 12, followersMentalHealth_count: 7, horizon_months: 3 });
const result = runEnsemble(params, { replications: 2, baseSeed: 9, keepEvents: true });
const provenance: RunProvenance = { lesimVersion: '0.0.0-test', gitCommit: 'abc', nodeVersion: 'v20', startedAt: 'start', finishedAt: 'end', command: ['lesim', 'run'] };

const lines = (csv: string) => csv.split('\n').filter((l) => l.length > 0);

describe('seriesCsv', () => {
  it('has a header and one row per month and cell of the family', () => {
    for (const family of FAMILIES) {
      const out = lines(seriesCsv(result, family));
      const cells = CELLS.filter((c) => c.family === family);
      expect(out).toHaveLength(1 + result.months * cells.length);
      expect(out[0]).toBe(['month', 'date', ...Object.keys(cells[0].keys), 'mean', 'sd', 'ci_low', 'ci_high', 'n'].join(','));
      expect(out[1].startsWith('0,2017-01,')).toBe(true);
      expect(out[out.length - 1].startsWith(`${result.months - 1},2017-03,`)).toBe(true);
    }
  });

  it('the n column counts replications', () => {
    const out = lines(seriesCsv(result, 'maturity'));
    for (const row of out.slice(1)) expect(row.split(',').at(-1)).toBe('2');
  });
});

describe('replicationsCsv', () => {
  it('has one row per replicate with its seed and every outcome', () => {
    const out = lines(replicationsCsv(result));
    expect(out[0]).toBe(['replicate', 'seed', ...OUTCOMES].join(','));
    expect(out).toHaveLength(3);
    expect(out[1].startsWith(`0,${result.seeds[0]},`)).toBe(true);
    expect(out[2].split(',')).toHaveLength(2 + OUTCOMES.length);
  });
});

describe('eventsCsv', () => {
  it('has one row per event of every replicate, with names instead of codes', () => {
    const out = lines(eventsCsv(result));
    const total = result.events.reduce((s, e) => s + e.length, 0);
    expect(total).toBeGreaterThan(0);
    expect(out).toHaveLength(1 + total);
    const header = out[0].split(',');
    expect(header.slice(0, 6)).toEqual(['replicate', 'month', 'date', 'kind', 'what', 'relationship']);
    const modeColumn = header.indexOf('mode');
    const formed = out.slice(1).map((l) => l.split(',')).filter((cols) => cols[3] === 'formed');
    expect(formed.length).toBeGreaterThan(0);
    for (const cols of formed) expect(MODES as readonly string[]).toContain(cols[modeColumn]);
    const programme = out.slice(1).map((l) => l.split(',')).filter((cols) => cols[3] === 'programme');
    for (const cols of programme) expect(cols[modeColumn]).toBe('');
  });
});

describe('summaries and manifest', () => {
  it('outcomeSummaries covers every outcome and writes undefined statistics as null', () => {
    const s = outcomeSummaries(result);
    expect(Object.keys(s)).toEqual([...OUTCOMES]);
    for (const v of Object.values(s)) {
      for (const x of [v.mean, v.sd, v.ci_low, v.ci_high]) expect(x === null || Number.isFinite(x)).toBe(true);
      expect(v.n).toBeLessThanOrEqual(2);
    }
  });

  it('summaryJson names the scenario and the run', () => {
    const s = JSON.parse(summaryJson(scenario, result));
    expect(s.scenario).toBe('gde-baseline');
    expect(s.replications).toBe(2);
    expect(s.months).toBe(3);
    expect(s.base_seed).toBe(9);
  });

  it('manifestJson records provenance, seeds and every parameter with its unit', () => {
    const m = JSON.parse(manifestJson(scenario, result, provenance, ['x.csv']));
    expect(m.tool).toBe('lesim');
    expect(m.git_commit).toBe('abc');
    expect(m.seeds).toEqual(result.seeds.map((seed, replicate) => ({ replicate, seed })));
    expect(Object.keys(m.parameters)).toEqual([...PARAMETER_NAMES]);
    expect(m.parameters.horizon_months).toEqual({ value: 3, unit: 'months' });
    expect(m.files).toEqual(['x.csv']);
  });

  it('runFiles holds every family, the replications, events, summary and a manifest listing them all', () => {
    const files = runFiles(scenario, result, provenance);
    const names = [...files.keys()];
    for (const family of FAMILIES) expect(names).toContain(`${family}.csv`);
    for (const name of ['replications.csv', 'events.csv', 'summary.json', 'manifest.json']) expect(names).toContain(name);
    expect(JSON.parse(files.get('manifest.json')!).files.sort()).toEqual([...names].sort());
  });

  it('runFiles without events leaves events.csv out of the files and the manifest', () => {
    const files = runFiles(scenario, result, provenance, false);
    expect(files.has('events.csv')).toBe(false);
    expect(JSON.parse(files.get('manifest.json')!).files).not.toContain('events.csv');
  });
});
