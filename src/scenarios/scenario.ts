import type { ParameterName } from '../model/parameters.js';
import type { ScenarioDocument } from './schema.js';

/**
 * A resolved scenario: Info-style text (what it represents, its sources), its levers in plain
 * units (merged through its extends chain), and the parameter values that differ from the
 * defaults. Read-only data; the parameters themselves come with it from loadScenarioArgument.
 */
export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** What the scenario represents, in words (NetLogo's Info tab). */
  readonly description: string;
  readonly sources: readonly string[];
  readonly overrides: Readonly<Partial<Record<ParameterName, number>>>;
  /** The levers set by the scenario and everything it extends (plain units). */
  readonly levers?: ScenarioDocument;
  /** What it extends directly, if anything. */
  readonly extends?: string;
  /** Where it was read from: a file path or 'built-in scenario <name>'. */
  readonly origin?: string;
}
