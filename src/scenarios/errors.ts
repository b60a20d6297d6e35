import { LesimError } from '../errors.js';

/** One problem in a scenario: where (source and line when known), which field, and what is allowed. */
export interface ScenarioIssue {
  /** File path, '--set path=value', or 'built-in scenario <name>'. */
  readonly source: string;
  readonly line?: number;
  readonly column?: number;
  /** Dotted field path ('' for the whole file). */
  readonly path: string;
  readonly message: string;
}

export function formatIssue(i: ScenarioIssue): string {
  const where = i.line !== undefined ? `${i.source}:${i.line}${i.column !== undefined ? `:${i.column}` : ''}` : i.source;
  return `${where}: ${i.path === '' ? '(file)' : i.path}: ${i.message}`;
}

/** A scenario file (or --set) the user must fix: exit code 2, no stack trace. */
export class ScenarioError extends LesimError {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(`invalid scenario:\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}
