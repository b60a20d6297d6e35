import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { BUILTIN_DOCUMENTS } from '../../src/scenarios/builtin/index.js';
import { loadScenarioArgument, SCENARIOS } from '../../src/scenarios/index.js';
import { scenarioJsonSchema, ScenarioFileSchema } from '../../src/scenarios/schema.js';
import { paramsToLevers, leversToOverrides, unleveredOverrides } from '../../src/scenarios/translate.js';
import { resolveParams } from '../../src/model/validate.js';

const REQUIRED = ['gde-baseline', 'no-programme', 'blueprints-only', 'pairings-only', 'informal-support', 'extended-funding', 'early-taper', 'front-loaded', 'partner-labels', 'digital-aspirant', 'competitive-context', 'population-10x'];

describe('built-in scenarios', () => {
  it('include every scenario the issue names, each with a description and sources', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual(REQUIRED);
    for (const s of SCENARIOS) {
      expect(s.description.length, s.name).toBeGreaterThan(100);
      expect(s.sources.length, s.name).toBeGreaterThan(0);
    }
  });

  it('gde-baseline is exactly the parameter defaults', () => {
    const { params } = loadScenarioArgument('gde-baseline');
    for (const [name, spec] of Object.entries(PARAMETERS)) expect(params[name as keyof typeof params], name).toBe(spec.default);
  });

  it.each(REQUIRED)('%s validates against the schema and runs', (name) => {
    expect(ScenarioFileSchema.safeParse(BUILTIN_DOCUMENTS[name]).success).toBe(true);
    const { scenario, params } = loadScenarioArgument(name);
    if (name !== 'gde-baseline') expect(Object.keys(scenario.overrides).length, name).toBeGreaterThan(0);
    const run = runReplication({ ...params, horizon_months: 40 }, 1, 0);
    expect(run.outcomes.maturity_end_all).toBeGreaterThan(0);
  });

  it('round-trip: a scenario written out in plain units resolves to the same parameters', () => {
    for (const s of SCENARIOS) {
      const { params } = loadScenarioArgument(s.name);
      // Parameters no lever covers (population-10x's counts) are written under `parameters:`, as --save does.
      const extra = unleveredOverrides(params);
      const doc = Object.keys(extra).length > 0 ? { ...paramsToLevers(params), parameters: extra } : paramsToLevers(params);
      const { overrides, issues } = leversToOverrides(doc);
      expect(issues).toEqual([]);
      const again = resolveParams(overrides, s.name);
      for (const k of Object.keys(params) as (keyof typeof params)[]) expect(again[k], `${s.name} ${k}`).toBeCloseTo(params[k], 9);
    }
  });

  it('translates plain units: months, last months, rules, labels, subsidy per day', () => {
    const { params } = loadScenarioArgument('gde-baseline', ['programme.funding_end=2025-12', 'academy.first_cohort=2018-04', 'pairing.rule=same-grouping', 'labels=partner', 'intermediaries.consultancy_subsidy_gbp_per_day=375', 'follow_on.start=2020-01']);
    expect(params.fundingEnd_month).toBe(108);
    expect(params.academyStart_month).toBe(15);
    expect(params.pairingRule_code).toBe(2);
    expect(params.labelsActive_flag).toBe(0);
    expect(params.consultancySubsidy_share).toBe(0.5);
    expect(params.followOnStart_month).toBe(36);
    const shifted = loadScenarioArgument('gde-baseline', ['run.start_year=2018', 'programme.funding_end=2023-12']).params;
    expect(shifted.fundingEnd_month).toBe(72);
  });

  it('the committed JSON Schema is the generated one (npm run docs:schema) and accepts every built-in', () => {
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../schema/scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    const ajv = new (Ajv2020 as unknown as new (o: object) => { compile: (s: object) => (d: unknown) => boolean })({ strict: false });
    const validate = ajv.compile(committed);
    for (const name of REQUIRED) expect(validate(BUILTIN_DOCUMENTS[name]), name).toBe(true);
    expect(validate({ pairing: { rule: 'lottery' } })).toBe(false);
    expect(validate({ budjet: {} })).toBe(false);
  });
});
