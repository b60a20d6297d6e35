import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { stringify } from 'yaml';
import { PARAMETERS, PARAMETER_NAMES, type Params } from '../../model/parameters.js';
import { loadScenarioArgument, SCENARIOS, type Scenario } from '../../scenarios/index.js';
import { paramsToLevers, unleveredOverrides } from '../../scenarios/translate.js';
import { UsageError } from '../errors.js';
import { setOption, setsOf } from './set.js';

interface ScenariosArgs {
  name?: string;
  save?: string;
  set?: string | string[];
  force: boolean;
}

/** The resolved scenario in plain units, as YAML (what --save writes, with a header). */
export function resolvedYaml(scenario: Scenario, params: Params): string {
  const rest = unleveredOverrides(params);
  const doc = { ...paramsToLevers(params), ...(Object.keys(rest).length > 0 ? { parameters: rest } : {}) };
  return stringify(doc, { lineWidth: 0 });
}

function saveCopy(path: string, scenario: Scenario, params: Params, force: boolean): void {
  if (!/\.(ya?ml)$/i.test(path)) throw new UsageError(`--save must name a .yaml or .yml file (got '${path}')`);
  if (existsSync(path) && !force) throw new UsageError(`'${path}' already exists; choose another name or pass --force to replace it`);
  const name = basename(path).replace(/\.(ya?ml)$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '') || 'my-scenario';
  const header =
    `# A copy of the lesim scenario '${scenario.name}', every lever written out in plain units.\n` +
    `# Change what you want, then: npx lesim validate ${path}\n` +
    `# Levers: docs/scenarios.md; every model parameter: npx lesim params\n`;
  const meta = stringify({ name, title: `${scenario.title} (copy)`, extends: scenario.name }, { lineWidth: 0 });
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${header}${meta}\n${resolvedYaml(scenario, params)}`);
  renameSync(temp, path);
}

export const scenariosCommand: CommandModule<object, ScenariosArgs> = {
  command: 'scenarios [name]',
  describe: 'List the built-in scenarios, or show one (or a scenario file) resolved in plain units',
  builder: (y: Argv) =>
    y
      .positional('name', { type: 'string', describe: 'Built-in scenario or scenario file to show' })
      .option('set', setOption)
      .option('save', { type: 'string', requiresArg: true, describe: 'Write the resolved scenario to this .yaml file, to edit as your own' })
      .option('force', { type: 'boolean', default: false, describe: 'With --save: replace an existing file' }) as unknown as Argv<ScenariosArgs>,
  handler: (args: ArgumentsCamelCase<ScenariosArgs>) => {
    if (args.name === undefined) {
      if (args.save !== undefined || args.set !== undefined) throw new UsageError('--save and --set need a scenario name');
      const width = Math.max(...SCENARIOS.map((s) => s.name.length)) + 2;
      for (const s of SCENARIOS) process.stdout.write(`${s.name.padEnd(width)} ${s.title}\n`);
      process.stdout.write('\nShow one: lesim scenarios <name>; copy one to edit: lesim scenarios <name> --save my-plan.yaml\n');
      return;
    }
    const { scenario, params } = loadScenarioArgument(args.name, setsOf(args.set));
    if (args.save !== undefined) {
      saveCopy(args.save, scenario, params, args.force);
      process.stdout.write(`wrote ${args.save}: '${scenario.name}' with every lever in plain units; edit it, then run lesim validate ${args.save}\n`);
      return;
    }
    const out = process.stdout;
    out.write(`${scenario.name}: ${scenario.title}\n\n${scenario.description}\n\nSources:\n${scenario.sources.map((x) => `  - ${x}`).join('\n')}\n`);
    if (scenario.extends) out.write(`\nExtends: ${scenario.extends}\n`);
    const changed = PARAMETER_NAMES.filter((k) => params[k] !== PARAMETERS[k].default);
    out.write(`\nParameters changed from the defaults: ${changed.length === 0 ? 'none' : ''}\n`);
    for (const k of changed) out.write(`  ${k} = ${params[k]} (default ${PARAMETERS[k].default}, ${PARAMETERS[k].unit})\n`);
    out.write(`\nResolved levers (plain units):\n${resolvedYaml(scenario, params).replace(/^/gm, '  ').trimEnd()}\n`);
  },
};
