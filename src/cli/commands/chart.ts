import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { buildChart, CHART_KINDS, ChartInputError, FORMATS, type Format, isChartKind, openSource, renderAs } from '../../charts/index.js';
import { writeFileAtomically } from '../../charts/write.js';
import { UsageError, wholeNumber } from '../errors.js';

interface ChartArgs {
  dir: string;
  kind: string;
  format: string;
  outcomes: string;
  out?: string;
  at?: string;
  scale: string;
  force: boolean;
}

/** --at 11,83,119: months of the spectrum heatmap. */
export function parseMonths(raw: string): number[] {
  return raw.split(',').map((m) => wholeNumber('at', m, 0, 600));
}

/** Chart errors are the user's to fix (a directory, a kind, a month): message and exit 2. */
export function asUsageError(error: unknown): unknown {
  return error instanceof ChartInputError ? new UsageError(error.message) : error;
}

export const chartCommand: CommandModule<object, ChartArgs> = {
  command: 'chart <dir>',
  describe: 'Draw a chart of a run or comparison directory (SVG, PNG, HTML or the Vega-Lite spec)',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', describe: 'Directory written by lesim run or lesim compare', demandOption: true })
      .option('kind', { type: 'string', demandOption: true, describe: `Chart kind: ${CHART_KINDS.join(', ')} (see docs/charts.md)` })
      .option('format', { type: 'string', default: 'svg', describe: `Output format: ${FORMATS.join(', ')}` })
      .option('out', { type: 'string', describe: 'Output file (default <dir>/charts/<kind>.<format>)' })
      .option('at', { type: 'string', describe: 'Months of the spectrum heatmaps, comma-separated (e.g. 11,83,119)' })
      .option('outcomes', { type: 'string', default: 'headline', describe: "Comparison charts: 'headline' (the outcomes lesim compare prints), 'all', or outcome names, comma-separated" })
      .option('scale', { type: 'string', default: '2', describe: 'PNG pixels per SVG pixel, 1 to 8' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing output file' }) as unknown as Argv<ChartArgs>,
  handler: async (args: ArgumentsCamelCase<ChartArgs>) => {
    // Options are checked before the directory is read, so a typo fails fast.
    if (!isChartKind(args.kind)) throw new UsageError(`unknown --kind '${args.kind}'; allowed: ${CHART_KINDS.join(', ')}`);
    if (!(FORMATS as readonly string[]).includes(args.format)) throw new UsageError(`unknown --format '${args.format}'; allowed: ${FORMATS.join(', ')}`);
    const format = args.format as Format;
    const scale = wholeNumber('scale', args.scale, 1, 8);
    const at = args.at !== undefined ? parseMonths(args.at) : undefined;
    try {
      const source = openSource(args.dir);
      const outcomes = args.outcomes === 'headline' || args.outcomes === 'all' ? args.outcomes : args.outcomes.split(',').map((o) => o.trim()).filter(Boolean);
      const chart = buildChart(source, args.kind, { at, outcomes });
      const { content, marks } = await renderAs(chart, format, scale);
      const drawn = Object.values(marks).reduce((a, b) => a + b, 0);
      if (drawn === 0) throw new ChartInputError(`the ${args.kind} chart of '${args.dir}' has no data to draw`);
      const out = args.out ?? join(args.dir, 'charts', `${args.kind}.${format}`);
      writeFileAtomically(out, content, args.force);
      process.stdout.write(`${out}: ${chart.title}\n`);
    } catch (error) {
      throw asUsageError(error);
    }
  },
};
