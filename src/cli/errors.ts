import { EXIT, LesimError } from '../errors.js';

/** A problem with what the user asked for: printed without a stack trace, exit code 2. */
export class UsageError extends LesimError {
  constructor(message: string) {
    super(message, EXIT.badInput);
    this.name = 'UsageError';
  }
}

/**
 * What the user typed for --option, read back from the command line: yargs turns a number
 * option's "abc" into NaN, and the message should quote what was written.
 */
export function typedText(option: string, argv: readonly string[] = process.argv): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${option}`) return argv[i + 1];
    if (argv[i].startsWith(`--${option}=`)) return argv[i].slice(option.length + 3);
  }
  return undefined;
}

/** Parses a whole number option, naming the option and what is allowed on failure. */
export function wholeNumber(option: string, raw: unknown, min: number, max: number): number {
  const text = typeof raw === 'number' && Number.isNaN(raw) ? (typedText(option) ?? 'not a number') : String(raw).trim();
  const value = /^[+]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max} (got '${text}')`);
  }
  return value;
}

/**
 * Parses a decimal number option: `allowed` says in words what `ok` accepts (e.g. "a number
 * between 0 and 1"), and the message quotes what was typed.
 */
export function decimalNumber(option: string, raw: unknown, ok: (value: number) => boolean, allowed: string): number {
  const text = typeof raw === 'number' && Number.isNaN(raw) ? (typedText(option) ?? 'not a number') : String(raw).trim();
  const value = text === '' ? NaN : Number(text);
  if (!Number.isFinite(value) || !ok(value)) throw new UsageError(`--${option} must be ${allowed} (got '${text}')`);
  return value;
}

/** yargs' messages for the two commonest slips, in the words of this command line. */
export function plainUsageMessage(message: string): string {
  const noValue = /^Not enough arguments following: (.+)$/.exec(message);
  if (noValue) return `--${noValue[1]} needs a value (see the usage above)`;
  const missing = /^Not enough non-option arguments: got (\d+), need at least (\d+)$/.exec(message);
  if (missing) return `missing argument: got ${missing[1]}, need at least ${missing[2]} (see the usage above)`;
  return message;
}
