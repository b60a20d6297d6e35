import { LesimError } from '../errors.js';
import type { Params } from '../model/parameters.js';
import { resolveParams } from '../model/validate.js';
import { BUILTIN_DOCUMENTS } from './builtin/index.js';
import { resolveBuiltin } from './load.js';
import type { Scenario } from './scenario.js';

export type { Scenario } from './scenario.js';
export { ScenarioError, type ScenarioIssue } from './errors.js';
export { loadScenarioArgument } from './load.js';

/** The built-in scenarios, resolved, in listing order. */
export const SCENARIOS: readonly Scenario[] = Object.keys(BUILTIN_DOCUMENTS).map((name) => resolveBuiltin(name).scenario);
export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);

export class UnknownScenarioError extends LesimError {
  constructor(readonly requested: string) {
    super(`unknown scenario '${requested}'; valid scenarios: ${SCENARIO_NAMES.join(', ')}`);
    this.name = 'UnknownScenarioError';
  }
}

export function findScenario(name: string): Scenario {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new UnknownScenarioError(name);
  return scenario;
}

/** Parameters of a scenario, with further overrides (e.g. --months) applied on top and validated. */
export function resolveScenario(scenario: Scenario, extra: Readonly<Record<string, number>> = {}): Params {
  return resolveParams({ ...scenario.overrides, ...extra }, `scenario '${scenario.name}'`);
}
