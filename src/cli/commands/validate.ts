import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenarioArgument } from '../../scenarios/index.js';
import { leverChanges, type LeverChange } from '../../scenarios/changes.js';
import { ScenarioError } from '../../scenarios/errors.js';
import { setOption, setsOf } from './set.js';

interface ValidateArgs {
  file: string;
  set?: string | string[];
  json: boolean;
}

/** A change as JSON for scripts: the value as a file writes it, and in words. */
export function changeJson(c: LeverChange): Record<string, unknown> {
  return { path: c.path, value: c.value, default: c.default ?? null, text: c.text, default_text: c.defaultText, label: c.label };
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (and its extends chain) without running it; exit 2 with every problem if it is invalid',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml, .json) or built-in name' })
      .option('set', setOption)
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON on stdout (also when invalid: the problems, exit 2)' }) as unknown as Argv<ValidateArgs>,
  handler: (args: ArgumentsCamelCase<ValidateArgs>) => {
    let loaded;
    try {
      loaded = loadScenarioArgument(args.file, setsOf(args.set));
    } catch (error) {
      if (args.json && error instanceof ScenarioError) process.stdout.write(`${JSON.stringify({ file: args.file, valid: false, issues: error.issues }, null, 2)}\n`);
      throw error;
    }
    const { scenario, params } = loaded;
    const changes = leverChanges(params);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ file: args.file, valid: true, name: scenario.name, extends: scenario.extends ?? null, changes: changes.map(changeJson) }, null, 2)}\n`);
      return;
    }
    const n = changes.length;
    process.stdout.write(`${args.file}: valid scenario '${scenario.name}'${scenario.extends ? ` (extends ${scenario.extends})` : ''}; ${n} lever${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} from the defaults\n`);
    for (const c of changes) process.stdout.write(`  ${c.path} = ${c.text} (default ${c.defaultText})\n`);
  },
};
