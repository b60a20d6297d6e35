import type { ParameterName } from '../model/parameters.js';

/**
 * A named scenario: Info-style text (what it represents, its sources) and the parameter values
 * that differ from the defaults. Read-only data; resolveScenario turns it into Params.
 */
export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** What the scenario represents, in words (NetLogo's Info tab). */
  readonly description: string;
  readonly sources: readonly string[];
  readonly overrides: Readonly<Partial<Record<ParameterName, number>>>;
}
