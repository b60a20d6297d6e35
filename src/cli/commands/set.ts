/** The repeatable --set option shared by run and compare. */
export const setOption = {
  type: 'string',
  requiresArg: true,
  describe: 'Change one lever: path=value in plain units, e.g. pairing.rule=same-supplier (repeatable; lesim scenarios <name> shows the paths)',
} as const;

/** yargs gives one string for one --set and an array for several. */
export function setsOf(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}
