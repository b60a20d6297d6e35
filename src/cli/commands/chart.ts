import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { CHART_KINDS, FORMATS, type ChartKind, type Format } from '../../charts/kinds.js';
import { UsageError, wholeNumber } from '../errors.js';
import { numberOption, textOption } from '../options.js';

interface ChartArgs {
  dir: string;
  kind: ChartKind;
  format: Format;
  outcomes: string;
  out?: string;
  at?: string;
  params?: string;
  scale: number;
  force: boolean;
}

/** --at 11,83,119: months of the spectrum heatmap. */
export function parseMonths(raw: string): number[] {
  return raw.split(',').map((m) => wholeNumber('at', m, 0, 600));
}

/** A comma-separated list option, blanks dropped. */
const list = (raw: string): string[] => raw.split(',').map((o) => o.trim()).filter(Boolean);

/** Chart errors are the user's to fix (a directory, a kind, a month): message and exit 2. */
export async function asUsageError(error: unknown): Promise<unknown> {
  const { ChartInputError } = await import('../../charts/source.js');
  return error instanceof ChartInputError ? new UsageError(error.message) : error;
}

export const chartCommand: CommandModule<object, ChartArgs> = {
  command: 'chart <dir>',
  describe: 'Draw a chart of a run, comparison or sweep directory (SVG, PNG, HTML or the Vega-Lite spec)',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', describe: 'Directory written by lesim run, lesim compare or lesim sweep', demandOption: true })
      .option('kind', { type: 'string', choices: CHART_KINDS, demandOption: true, requiresArg: true, describe: 'Chart kind (see docs/charts.md)' })
      .option('format', { type: 'string', choices: FORMATS, default: 'svg', requiresArg: true, describe: 'Output format' })
      .option('out', textOption('Output file (default <dir>/charts/<kind>.<format>)'))
      .option('at', textOption('Months of the spectrum heatmaps, comma-separated (e.g. 11,83,119)'))
      .option('outcomes', { type: 'string', default: 'headline', requiresArg: true, describe: "Comparison and sweep charts: 'headline' (the outcomes lesim compare or lesim sweep prints), 'all', or outcome names, comma-separated" })
      .option('params', textOption('Sweep heatmap: the two swept parameters to draw, comma-separated (default: the first two)'))
      .option('scale', numberOption('PNG pixels per SVG pixel, 1 to 8', 2))
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing output file' }) as unknown as Argv<ChartArgs>,
  handler: async (args: ArgumentsCamelCase<ChartArgs>) => {
    // Options are checked before the directory is read, so a typo fails fast; yargs has checked --kind and --format.
    const scale = wholeNumber('scale', args.scale, 1, 8);
    const at = args.at !== undefined ? parseMonths(args.at) : undefined;
    const parameters = args.params !== undefined ? list(args.params) : undefined;
    // The chart code (vega, vega-lite, resvg) is loaded only here, by the commands that draw.
    const [{ buildChart, ChartInputError, openSource, renderAs }, { writeFileAtomically }] = await Promise.all([import('../../charts/index.js'), import('../../charts/write.js')]);
    try {
      const source = openSource(args.dir);
      const outcomes = args.outcomes === 'headline' || args.outcomes === 'all' ? args.outcomes : list(args.outcomes);
      const chart = buildChart(source, args.kind, { at, outcomes, parameters });
      const { content, marks } = await renderAs(chart, args.format, scale);
      const drawn = Object.values(marks).reduce((a, b) => a + b, 0);
      if (drawn === 0) throw new ChartInputError(`the ${args.kind} chart of '${args.dir}' has no data to draw`);
      const out = args.out ?? join(args.dir, 'charts', `${args.kind}.${args.format}`);
      writeFileAtomically(out, content, args.force);
      process.stdout.write(`${out}: ${chart.title}\n`);
    } catch (error) {
      throw await asUsageError(error);
    }
  },
};
