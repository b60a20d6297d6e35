import { EXIT, LesimError } from '../errors.js';

/** A problem with what the user asked for: printed without a stack trace, exit code 2. */
export class UsageError extends LesimError {
  constructor(message: string) {
    super(message, EXIT.badInput);
    this.name = 'UsageError';
  }
}

/** Parses a whole number option, naming the option and what is allowed on failure. */
export function wholeNumber(option: string, raw: unknown, min: number, max: number): number {
  const text = String(raw).trim();
  const value = /^[+]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max} (got '${text}')`);
  }
  return value;
}
