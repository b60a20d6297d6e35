import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reproduceCommands } from '../../src/explore/commands.js';
import { CONTROLS, changedPaths, checkScenario, scenarioDocument, scenarioYaml, startingFile, startingPoint } from '../../src/explore/scenarioEdit.js';
import { LEVERS } from '../../src/scenarios/levers.js';
import { loadScenarioArgument, ScenarioError } from '../../src/scenarios/index.js';

describe('scenarios edited in the page', () => {
  it('has a control for every lever of the lever table', () => {
    for (const l of LEVERS) expect(CONTROLS.some((c) => c.path === l.path), l.path).toBe(true);
    const months = CONTROLS.find((c) => c.path === 'run.months')!;
    expect(months).toMatchObject({ input: 'number', unit: 'months', min: 1, max: 600, integer: true });
    expect(CONTROLS.find((c) => c.path === 'pairing.rule')!.options).toContain('same-supplier');
  });

  it('writes only what changed, and its YAML resolves as a file to the parameters the page runs', () => {
    const start = startingPoint('gde-baseline');
    const values = { ...start.values, 'pairing.rule': 'same-supplier', 'intermediaries.secondments_per_year': 24 };
    const doc = scenarioDocument(start, 'my-plan', values);
    expect(changedPaths(start, values)).toEqual(['pairing.rule', 'intermediaries.secondments_per_year']);
    const checked = checkScenario(doc, 'scenario B');
    expect(checked.ok).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'lesim-edit-')), 'my-plan.yaml');
    writeFileSync(file, scenarioYaml(doc));
    const loaded = loadScenarioArgument(file);
    expect(loaded.scenario.name).toBe('my-plan');
    expect(checked.ok && checked.params).toEqual(loaded.params);
    expect(scenarioDocument(start, 'gde-baseline', start.values)).toEqual({ name: 'gde-baseline', title: start.title, extends: 'gde-baseline' });
  });

  it('starts from a scenario file as lesim explore <file> hands it over, and edits of it stay files of their own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesim-edit-'));
    writeFileSync(join(dir, 'base.yaml'), 'extends: extended-funding\nacademy:\n  cohorts: 6\n');
    writeFileSync(join(dir, 'plan.yaml'), 'name: plan\nextends: base.yaml\nintermediaries:\n  secondments_per_year: 12\n');
    const loaded = loadScenarioArgument(join(dir, 'plan.yaml'));
    const start = startingFile({ name: loaded.scenario.name, title: loaded.scenario.title, description: loaded.scenario.description, levers: loaded.scenario.levers ?? {}, ref: 'plan.yaml' });
    expect(start.params).toEqual(loaded.params);
    expect(start.values['intermediaries.secondments_per_year']).toBe(12);
    const values = { ...start.values, 'pairing.rule': 'random' };
    const doc = scenarioDocument(start, 'plan-a', values);
    writeFileSync(join(dir, 'plan-a.yaml'), scenarioYaml(doc));
    const edited = loadScenarioArgument(join(dir, 'plan-a.yaml'));
    const checked = checkScenario(doc, 'scenario A');
    expect(checked.ok && checked.params).toEqual(edited.params);
    expect(edited.params.pairingRule_code).not.toBe(loaded.params.pairingRule_code);
    expect({ ...edited.params, pairingRule_code: loaded.params.pairingRule_code }).toEqual(loaded.params);
  });

  it('refuses a bad value with the message a scenario file gets', () => {
    const start = startingPoint('extended-funding');
    const doc = scenarioDocument(start, 'bad', { ...start.values, 'intermediaries.secondments_per_year': 5000, 'programme.funding_end': '2017-13' });
    const checked = checkScenario(doc, 'scenario A');
    expect(checked.ok).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'lesim-edit-')), 'bad.yaml');
    writeFileSync(file, scenarioYaml(doc));
    let fileIssues: readonly { path: string; message: string }[] = [];
    try {
      loadScenarioArgument(file);
    } catch (error) {
      fileIssues = (error as ScenarioError).issues;
    }
    const page = checked.ok ? [] : checked.issues.map((i) => ({ path: i.path, message: i.message }));
    expect(page).toEqual(fileIssues.map((i) => ({ path: i.path, message: i.message })));
    expect(page.map((i) => i.path).sort()).toEqual(['intermediaries.secondments_per_year', 'programme.funding_end']);
  });

  it('refuses an invalid combination at the control that caused it', () => {
    const start = startingPoint('gde-baseline');
    const checked = checkScenario(scenarioDocument(start, 'combo', { ...start.values, 'learning_networks.profession_led': 20 }), 'scenario B');
    expect(checked.ok).toBe(false);
    const issues = checked.ok ? [] : checked.issues;
    expect(issues.map((i) => i.path)).toEqual(['learning_networks.profession_led (professionLedNetworks_count)']);
    expect(issues[0].message).toBe('20 exceeds learningNetworks_count (10)');
  });

  it('gives the commands that reproduce the screen', () => {
    const lines = reproduceCommands({ ref: 'gde-baseline', horizon: 120 }, { ref: 'my plan.yaml', horizon: 120 }, { reps: 4, seed: 2, month: 30 });
    expect(lines).toEqual([
      'npx lesim run gde-baseline --reps 4 --seed 2 --months 30 --out runs/explore-a --force',
      "npx lesim run 'my plan.yaml' --reps 4 --seed 2 --months 30 --out runs/explore-b --force",
      "npx lesim compare gde-baseline 'my plan.yaml' --reps 4 --seed 2 --out runs/explore-compare --force",
    ]);
    expect(reproduceCommands({ ref: 'a.yaml', horizon: 24 }, undefined, { reps: 1, seed: 1, month: 24 })).toEqual(['npx lesim run a.yaml --reps 1 --seed 1 --out runs/explore-a --force']);
  });
});
