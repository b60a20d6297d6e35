import { UsageError } from '../cli/errors.js';

/**
 * Bad input to a research command or file: the file (or option), the field and what is allowed.
 * A UsageError, so the command line prints it without a stack trace and exits with code 2.
 */
export class ResearchInputError extends UsageError {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${source}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'ResearchInputError';
  }
}
