/**
 * A number option: shown as [number] in the help, and never without its value (`--reps` at the
 * end of the line, or followed by another option, is refused instead of meaning the default).
 * The range is checked by wholeNumber in the handler, with a message naming the option.
 */
export function numberOption(describe: string, defaultValue?: number) {
  return { type: 'number', requiresArg: true, describe, ...(defaultValue === undefined ? {} : { default: defaultValue }) } as const;
}

/** A text option that must have a value (a path, a list). */
export function textOption(describe: string) {
  return { type: 'string', requiresArg: true, describe } as const;
}

/** --json: one JSON document on stdout, nothing else there (progress and notices stay on stderr). */
export const jsonOption = {
  type: 'boolean',
  default: false,
  describe: 'Print the result as one JSON document on stdout, for scripts (progress and notices stay on stderr)',
} as const;
