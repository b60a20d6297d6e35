import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { citeSource } from '../../sources/bibliography.js';
import { PARAMETERS, PARAMETER_NAMES } from '../../model/parameters.js';
import { leverForParam } from '../../scenarios/levers.js';
import { csvLine } from '../../io/csv.js';
import { UsageError } from '../errors.js';

interface ParamsArgs {
  name?: string;
  format: string;
}

const COLUMNS = ['name', 'unit', 'default', 'min', 'max', 'whole', 'lever', 'description', 'source'];

function row(name: (typeof PARAMETER_NAMES)[number]): (string | number)[] {
  const s = PARAMETERS[name];
  return [name, s.unit, s.default, s.min, s.max, s.integer ? 'yes' : 'no', leverForParam(name)?.path ?? '', s.description, citeSource(s.source)];
}

export const paramsCommand: CommandModule<object, ParamsArgs> = {
  command: 'params [name]',
  describe: 'Every model parameter with unit, default, range, scenario-file lever and source',
  builder: (y: Argv) =>
    y
      .positional('name', { type: 'string', describe: 'Show only parameters whose name contains this text' })
      .option('format', { type: 'string', choices: ['text', 'csv', 'json'], default: 'text', describe: 'Output format' }) as unknown as Argv<ParamsArgs>,
  handler: (args: ArgumentsCamelCase<ParamsArgs>) => {
    const names = PARAMETER_NAMES.filter((n) => args.name === undefined || n.toLowerCase().includes(args.name.toLowerCase()));
    if (names.length === 0) throw new UsageError(`no parameter name contains '${args.name}'; lesim params lists all ${PARAMETER_NAMES.length}`);
    const out = process.stdout;
    if (args.format === 'csv') {
      out.write(csvLine(COLUMNS));
      for (const n of names) out.write(csvLine(row(n)));
      return;
    }
    if (args.format === 'json') {
      out.write(`${JSON.stringify(names.map((n) => Object.fromEntries(COLUMNS.map((c, i) => [c, row(n)[i]]))), null, 2)}\n`);
      return;
    }
    for (const n of names) {
      const s = PARAMETERS[n];
      const lever = leverForParam(n);
      out.write(`${n}  [${s.unit}]  default ${s.default}, range ${s.min} to ${s.max}${s.integer ? ' (whole)' : ''}${lever ? `; lever: ${lever.path}` : ''}\n`);
      out.write(`    ${s.description}\n    source: ${citeSource(s.source)}\n`);
    }
  },
};
