import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { findScenario, SCENARIOS, UnknownScenarioError } from '../../scenarios/index.js';
import { UsageError } from '../errors.js';

interface ScenariosArgs {
  name?: string;
}

export const scenariosCommand: CommandModule<object, ScenariosArgs> = {
  command: 'scenarios [name]',
  describe: 'List the built-in scenarios, or describe one',
  builder: (y: Argv) => y.positional('name', { type: 'string', describe: 'Scenario to describe' }) as unknown as Argv<ScenariosArgs>,
  handler: (args: ArgumentsCamelCase<ScenariosArgs>) => {
    if (args.name === undefined) {
      for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(16)} ${s.title}\n`);
      return;
    }
    try {
      const s = findScenario(args.name);
      process.stdout.write(`${s.name}: ${s.title}\n\n${s.description}\n\nSources:\n${s.sources.map((x) => `  - ${x}`).join('\n')}\n`);
      const overrides = Object.entries(s.overrides);
      process.stdout.write(`\nParameters changed from the defaults: ${overrides.length === 0 ? 'none' : ''}\n`);
      for (const [k, v] of overrides) process.stdout.write(`  ${k} = ${v}\n`);
    } catch (error) {
      if (error instanceof UnknownScenarioError) throw new UsageError(error.message);
      throw error;
    }
  },
};
