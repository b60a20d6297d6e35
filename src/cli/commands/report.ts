import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { openSource } from '../../charts/index.js';
import { writeFileAtomically } from '../../charts/write.js';
import { gitCommit, lesimVersion } from '../../io/provenance.js';
import { buildReport } from '../../report/report.js';
import { asUsageError } from './chart.js';

interface ReportArgs {
  dir: string;
  out?: string;
  force: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <dir>',
  describe: 'Write one self-contained HTML report of a run or comparison directory (charts, results, scenario, provenance)',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', describe: 'Directory written by lesim run or lesim compare', demandOption: true })
      .option('out', { type: 'string', describe: 'Output file (default <dir>/report.html)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing report file' }) as unknown as Argv<ReportArgs>,
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    try {
      const source = openSource(args.dir);
      const out = args.out ?? join(args.dir, 'report.html');
      const report = await buildReport(source, { lesimVersion: lesimVersion(), gitCommit: gitCommit(), generatedAt: new Date().toISOString() });
      writeFileAtomically(out, report.html, args.force);
      process.stdout.write(`${out}: report with ${report.drawn.length} chart${report.drawn.length === 1 ? '' : 's'} (${report.drawn.join(', ')})\n`);
      for (const s of report.skipped) process.stdout.write(`  not drawn: ${s.kind}: ${s.reason}\n`);
    } catch (error) {
      throw asUsageError(error);
    }
  },
};
