import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { PARAMETERS, PARAMETER_NAMES } from '../../model/parameters.js';
import { loadScenarioArgument } from '../../scenarios/index.js';
import { setOption, setsOf } from './set.js';

interface ValidateArgs {
  file: string;
  set?: string | string[];
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (and its extends chain) without running it; exit 2 with every problem if it is invalid',
  builder: (y: Argv) =>
    y.positional('file', { type: 'string', demandOption: true, describe: 'Scenario file (.yaml, .yml, .json) or built-in name' }).option('set', setOption) as unknown as Argv<ValidateArgs>,
  handler: (args: ArgumentsCamelCase<ValidateArgs>) => {
    const { scenario, params } = loadScenarioArgument(args.file, setsOf(args.set));
    const changed = PARAMETER_NAMES.filter((k) => params[k] !== PARAMETERS[k].default);
    process.stdout.write(`${args.file}: valid scenario '${scenario.name}'${scenario.extends ? ` (extends ${scenario.extends})` : ''}; ${changed.length} parameter(s) differ from the defaults\n`);
    for (const k of changed) process.stdout.write(`  ${k} = ${params[k]} ${PARAMETERS[k].unit} (default ${PARAMETERS[k].default})\n`);
  },
};
