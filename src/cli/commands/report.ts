import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { textOption } from '../options.js';
import { asUsageError } from './chart.js';

interface ReportArgs {
  dir: string;
  out?: string;
  force: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <dir>',
  describe: 'Write one self-contained HTML report of a run, comparison or sweep directory (charts, results, scenario, provenance)',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', describe: 'Directory written by lesim run, lesim compare or lesim sweep', demandOption: true })
      .option('out', textOption('Output file (default <dir>/report.html)'))
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing report file' }) as unknown as Argv<ReportArgs>,
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    const [{ openSource }, { writeFileAtomically }, { gitCommit, lesimVersion }, { buildReport }] = await Promise.all([
      import('../../charts/index.js'),
      import('../../charts/write.js'),
      import('../../io/provenance.js'),
      import('../../report/report.js'),
    ]);
    try {
      const source = openSource(args.dir);
      const out = args.out ?? join(args.dir, 'report.html');
      const report = await buildReport(source, { lesimVersion: lesimVersion(), gitCommit: gitCommit(), generatedAt: new Date().toISOString() });
      writeFileAtomically(out, report.html, args.force);
      process.stdout.write(`${out}: report with ${report.drawn.length} chart${report.drawn.length === 1 ? '' : 's'} (${report.drawn.join(', ')})\n`);
      for (const s of report.skipped) process.stdout.write(`  not drawn: ${s.kind}: ${s.reason}\n`);
    } catch (error) {
      throw await asUsageError(error);
    }
  },
};
