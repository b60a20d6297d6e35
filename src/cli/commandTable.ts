import type { CommandModule } from 'yargs';

type Loader = () => Promise<CommandModule<object, never>>;

/**
 * Every command by name, each loaded only when it is the one asked for: `lesim --version` loads
 * none and `lesim run` never loads the chart code (vega, vega-lite, resvg: about 300 modules).
 * The order is the order of `lesim --help`.
 */
export const COMMANDS: readonly (readonly [string, Loader])[] = [
  ['run', async () => (await import('./commands/run.js')).runCommand as CommandModule<object, never>],
  ['sweep', async () => (await import('./commands/sweep.js')).sweepCommand as CommandModule<object, never>],
  ['merge', async () => (await import('./commands/merge.js')).mergeCommand as CommandModule<object, never>],
  ['scenarios', async () => (await import('./commands/scenarios.js')).scenariosCommand as CommandModule<object, never>],
  ['compare', async () => (await import('./commands/compare.js')).compareCommand as CommandModule<object, never>],
  ['validate', async () => (await import('./commands/validate.js')).validateCommand as CommandModule<object, never>],
  ['params', async () => (await import('./commands/params.js')).paramsCommand as CommandModule<object, never>],
  ['patterns', async () => (await import('./commands/patterns.js')).patternsCommand as CommandModule<object, never>],
  ['chart', async () => (await import('./commands/chart.js')).chartCommand as CommandModule<object, never>],
  ['report', async () => (await import('./commands/report.js')).reportCommand as CommandModule<object, never>],
  ['propositions', async () => (await import('./commands/propositions.js')).propositionsCommand as CommandModule<object, never>],
  ['sensitivity', async () => (await import('./commands/sensitivity.js')).sensitivityCommand as CommandModule<object, never>],
  ['discover', async () => (await import('./commands/discover.js')).discoverCommand as CommandModule<object, never>],
  ['reps', async () => (await import('./commands/reps.js')).repsCommand as CommandModule<object, never>],
  ['calibrate', async () => (await import('./commands/calibrate.js')).calibrateCommand as CommandModule<object, never>],
  ['explore', async () => (await import('./commands/explore.js')).exploreCommand as CommandModule<object, never>],
];

/**
 * The command modules to register for these arguments: only the named command's when the first
 * word is a command, every one otherwise (top-level help, a typo to suggest a command for).
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandModule<object, never>[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const named = COMMANDS.find(([name]) => name === first);
  if (named) return [await named[1]()];
  if (argv.includes('--version') && first === undefined) return [];
  return Promise.all(COMMANDS.map(([, load]) => load()));
}
