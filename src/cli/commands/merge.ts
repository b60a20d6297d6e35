import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resolve } from 'node:path';
import { checkOutputDir } from '../../io/atomic.js';
import { commandProvenance } from '../../io/provenance.js';
import { EXIT_FAILED_RUNS } from '../batch.js';
import { UsageError } from '../errors.js';
import { textOption } from '../options.js';

interface MergeArgs {
  dirs: string[];
  out?: string;
  force: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Combine the shard directories of a run or sweep (--shard i/n) into the result one machine would give',
  builder: (y: Argv) =>
    y
      .positional('dirs', { type: 'string', array: true, describe: 'Shard directories', demandOption: true })
      .option('out', { ...textOption('Output directory'), demandOption: true })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an output directory that already holds results' }) as unknown as Argv<MergeArgs>,
  handler: async (args: ArgumentsCamelCase<MergeArgs>) => {
    if (!args.out) throw new UsageError('--out is required: the directory for the merged result');
    // Checked before reading the shards, and the output may not be one of them.
    checkOutputDir(args.out, args.force);
    const into = args.dirs.find((d) => resolve(d) === resolve(args.out!));
    if (into !== undefined) throw new UsageError(`--out '${args.out}' is one of the shard directories merged; give a new directory for the result`);
    const [{ finalizeBatch }, { BatchStore }] = await Promise.all([import('../../batch/finalize.js'), import('../../batch/store.js')]);
    const stores = args.dirs.map((d) => new BatchStore(d));
    const startedAt = new Date();
    const final = finalizeBatch(stores, args.out, args.force, commandProvenance(startedAt, process.argv.slice(2)));
    process.stdout.write(`merged ${stores.length} shard(s) into ${args.out}: ${final.files.join(', ')}\n`);
    if (final.failed > 0) {
      process.stderr.write(`lesim: ${final.failed} run(s) failed; their seeds and errors are in ${args.out}/failures.csv\n`);
      process.exitCode = EXIT_FAILED_RUNS;
    }
  },
};
