import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { parse, stringify } from 'yaml';
import type { Params } from '../../model/parameters.js';
import { leverChanges } from '../../scenarios/changes.js';
import { loadScenarioArgument, SCENARIOS, type Scenario } from '../../scenarios/index.js';
import { gbp } from '../../format/number.js';
import { citeSource, fullCitation, referencesIn } from '../../sources/bibliography.js';
import { paramsToLevers, unleveredOverrides } from '../../scenarios/translate.js';
import { UsageError } from '../errors.js';
import { setOption, setsOf } from './set.js';
import { changeJson } from './validate.js';

interface ScenariosArgs {
  name?: string;
  save?: string;
  set?: string | string[];
  force: boolean;
  json: boolean;
}

/** The resolved scenario in plain units, as YAML (what --save writes, with a header). */
export function resolvedYaml(scenario: Scenario, params: Params): string {
  const rest = unleveredOverrides(params);
  const doc = { ...paramsToLevers(params), ...(Object.keys(rest).length > 0 ? { parameters: rest } : {}) };
  return stringify(doc, { lineWidth: 0 });
}

/**
 * The resolved YAML for reading: numbers that are not whole shown to six significant digits
 * (12857142.857142858 is 12857142.9), money with its amount in words as a comment.
 */
export function readableYaml(yaml: string): string {
  return yaml.replace(/^(\s*)("?[\w.-]+"?): (-?\d+\.\d+|-?\d+(?:\.\d+)?e[-+]?\d+|-?\d{7,})$/gm, (line, indent: string, key: string, number: string) => {
    const x = Number(number);
    const shown = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(Math.max(6, Math.ceil(Math.log10(Math.abs(x) + 1)) + 1))));
    const money = /_gbp|^"\d{4}"$/.test(key) && Math.abs(x) >= 1e4 ? `  # ${gbp(x)}` : '';
    return `${indent}${key}: ${shown}${money}`;
  });
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
      .option('force', { type: 'boolean', default: false, describe: 'With --save: replace an existing file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the list, or the scenario, as JSON on stdout' }) as unknown as Argv<ScenariosArgs>,
  handler: (args: ArgumentsCamelCase<ScenariosArgs>) => {
    if (args.name === undefined) {
      if (args.save !== undefined || args.set !== undefined) throw new UsageError('--save and --set need a scenario name');
      if (args.json) {
        process.stdout.write(`${JSON.stringify(SCENARIOS.map((s) => ({ name: s.name, title: s.title })), null, 2)}\n`);
        return;
      }
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
    const changes = leverChanges(params);
    const sources = scenario.sources.map(citeSource);
    const references = referencesIn(sources).map(fullCitation);
    if (args.json) {
      const doc = { name: scenario.name, title: scenario.title, description: scenario.description, extends: scenario.extends ?? null, sources, references, changes: changes.map(changeJson), levers: parse(resolvedYaml(scenario, params)) };
      out.write(`${JSON.stringify(doc, null, 2)}\n`);
      return;
    }
    out.write(`${scenario.name}: ${scenario.title}\n\n${scenario.description}\n\nSources:\n${sources.map((x) => `  - ${x}`).join('\n')}\n`);
    if (references.length > 0) out.write(`\nReferences:\n${references.map((x) => `  - ${x}`).join('\n')}\n`);
    if (scenario.extends) out.write(`\nExtends: ${scenario.extends}\n`);
    out.write(`\nLevers changed from the defaults:${changes.length === 0 ? ' none' : ''}\n`);
    for (const c of changes) out.write(`  ${c.path} = ${c.text} (default ${c.defaultText})\n`);
    out.write(`\nResolved levers (plain units; --save writes them exactly):\n${readableYaml(resolvedYaml(scenario, params)).replace(/^/gm, '  ').trimEnd()}\n`);
  },
};
