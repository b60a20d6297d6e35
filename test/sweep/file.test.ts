import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSweepFile, sweepPlan, SweepFileError } from '../../src/sweep/file.js';

const dir = mkdtempSync(join(tmpdir(), 'lesim-sweepfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function error(path: string): SweepFileError {
  try {
    readSweepFile(path);
  } catch (e) {
    if (e instanceof SweepFileError) return e;
    throw e;
  }
  throw new Error('expected a SweepFileError');
}

describe('readSweepFile', () => {
  it('expands a factorial design from lists, ranges with levels and steps', () => {
    const spec = readSweepFile(file('ok.yaml', 'replications: 3\nparameters:\n  ownChoicePairing_share: { min: 0.2, max: 0.8, levels: 3 }\n  learningNetworks_count: { from: 4, to: 8, step: 2 }\n'));
    expect(spec.names).toEqual(['ownChoicePairing_share', 'learningNetworks_count']);
    expect(spec.points).toHaveLength(9);
    expect(spec.points[0]).toEqual([0.2, 4]);
    expect(spec.points[8]).toEqual([0.8, 8]);
    const plan = sweepPlan(spec, { crn: true, keepEvents: false, keepRuns: false });
    expect(plan.points[4].params.ownChoicePairing_share).toBe(0.5);
    expect(plan.points[4].params.learningNetworks_count).toBe(6);
    expect(plan.replicates).toBe(3);
  });

  it('reads JSON too, and samples latin-hypercube and sobol designs within the ranges', () => {
    for (const design of ['latin-hypercube', 'sobol']) {
      const spec = readSweepFile(file(`${design}.json`, JSON.stringify({ design, samples: 10, parameters: { tieUse_probPerMonth: { min: 0.1, max: 0.3 }, learningNetworks_count: { min: 2, max: 12 } } })));
      expect(spec.points).toHaveLength(10);
      for (const [x, n] of spec.points) {
        expect(x).toBeGreaterThanOrEqual(0.1);
        expect(x).toBeLessThanOrEqual(0.3);
        expect(Number.isInteger(n)).toBe(true);
      }
    }
  });

  it('takes a scenario file relative to the sweep file', () => {
    file('my-plan.yaml', 'extends: gde-baseline\npairing:\n  rule: same-supplier\n');
    const spec = readSweepFile(file('on-plan.yaml', 'scenario: my-plan.yaml\nparameters:\n  learningNetworks_count: [4, 8]\n'));
    const plan = sweepPlan(spec, { crn: true, keepEvents: false, keepRuns: false });
    expect(plan.scenario.name).toBe('my-plan');
    expect(plan.points.map((p) => p.params.pairingRule_code)).toEqual([1, 1]);
    expect(plan.points.map((p) => p.params.learningNetworks_count)).toEqual([4, 8]);
  });

  const bad: [string, string, RegExp][] = [
    ['typo.yaml', 'parameters:\n  ownChoicePairng_share: [0.1]\n', /typo\.yaml:2: parameters\.ownChoicePairng_share: unknown parameter \(did you mean 'ownChoicePairing_share'\?\)/],
    ['range.yaml', 'parameters:\n  ownChoicePairing_share: [0.1, 1.5]\n', /range\.yaml:2: parameters\.ownChoicePairing_share\.1: got 1\.5; allowed: a number from 0 to 1/],
    ['integer.yaml', 'parameters:\n  learningNetworks_count: [2.5]\n', /learningNetworks_count\.0: got 2\.5; allowed: an integer/],
    ['design.yaml', 'design: grid\nparameters:\n  ownChoicePairing_share: [0.1]\n', /design\.yaml:1: design: allowed: factorial, latin-hypercube, sobol/],
    ['unknown-key.yaml', 'replicatoins: 3\nparameters:\n  ownChoicePairing_share: [0.1]\n', /unknown-key\.yaml:1: replicatoins: unknown field/],
    ['reps.yaml', 'replications: -2\nparameters:\n  ownChoicePairing_share: [0.1]\n', /reps\.yaml:1: replications: must be at least 1/],
    ['syntax.yaml', 'parameters:\n  a: [1, 2\n', /syntax\.yaml(:\d+)?: not valid YAML or JSON/],
    ['samples.yaml', 'design: sobol\nparameters:\n  ownChoicePairing_share: { min: 0, max: 1 }\n', /samples: a sobol design needs samples/],
    ['levels.yaml', 'parameters:\n  ownChoicePairing_share: { min: 0, max: 1 }\n', /ownChoicePairing_share: a factorial design needs levels/],
    ['shape.yaml', 'parameters:\n  ownChoicePairing_share: { low: 0, high: 1 }\n', /fields high,low not understood/],
    ['empty.yaml', 'parameters: {}\n', /parameters: give at least one parameter/],
    ['huge.yaml', 'parameters:\n  tieUse_probPerMonth: { from: 0, to: 1, step: 0.000001 }\n', /1000001 values; at most 100000/],
    ['scenario.yaml', 'scenario: gde-basline\nparameters:\n  ownChoicePairing_share: [0.1]\n', /scenario: unknown scenario 'gde-basline'/],
  ];
  for (const [name, text, message] of bad) {
    it(`names file, line and field: ${name}`, () => {
      expect(error(file(name, text)).message).toMatch(message);
    });
  }

  it('says when the file is missing', () => {
    expect(error(join(dir, 'nope.yaml')).message).toMatch(/nope\.yaml: file not found/);
  });
});
