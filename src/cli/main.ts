#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { asUserError, EXIT, isSystemError, systemError } from '../errors.js';
import { chartCommand } from './commands/chart.js';
import { reportCommand } from './commands/report.js';
import { mergeCommand } from './commands/merge.js';
import { compareCommand } from './commands/compare.js';
import { exploreCommand } from './commands/explore.js';
import { paramsCommand } from './commands/params.js';
import { patternsCommand } from './commands/patterns.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { scenariosCommand } from './commands/scenarios.js';
import { sweepCommand } from './commands/sweep.js';
import { propositionsCommand } from './commands/propositions.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { discoverCommand } from './commands/discover.js';
import { repsCommand } from './commands/reps.js';
import { calibrateCommand } from './commands/calibrate.js';
import { UsageError } from './errors.js';

const debug = (): boolean => process.argv.includes('--debug') || Boolean(process.env.LESIM_DEBUG);

/**
 * Prints an error as the user should see it and returns the exit code: a user error (or an I/O
 * error, in words) as its message alone; anything else is a bug. Stack traces only with --debug.
 */
function report(error: unknown): number {
  const user = asUserError(error);
  const message = user ? user.message : `internal error: ${error instanceof Error ? error.message : String(error)}${debug() ? '' : ' (run again with --debug to see where; please report it)'}`;
  process.stderr.write(`lesim: ${message}\n`);
  if (debug() && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return user ? user.exitCode : EXIT.internal;
}

// A reader that stops early (`lesim params | head -1`) is not an error: end quietly. Any other
// failure to write stdout (`> /dev/full`) is said in words; a broken stderr cannot be reported.
process.stdout.on('error', (error) => {
  if (isSystemError(error) && error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  process.exit(report(isSystemError(error) ? systemError(error, { path: 'standard output', doing: 'write', todo: error.code === 'ENOSPC' ? 'send the output somewhere with room' : undefined }) : error));
});
process.stderr.on('error', () => undefined);
process.on('uncaughtException', (error) => process.exit(report(error)));
process.on('unhandledRejection', (error) => process.exit(report(error)));

async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('lesim')
      .usage('lesim: the learning-ecosystem simulator\n\nUsage: lesim <command> [options]')
      .command(runCommand)
      .command(sweepCommand)
      .command(mergeCommand)
      .command(scenariosCommand)
      .command(compareCommand)
      .command(validateCommand)
      .command(paramsCommand)
      .command(patternsCommand)
      .command(chartCommand)
      .command(reportCommand)
      .command(propositionsCommand)
      .command(sensitivityCommand)
      .command(discoverCommand)
      .command(repsCommand)
      .command(calibrateCommand)
      .command(exploreCommand)
      .demandCommand(1, 'Give a command (lesim --help lists them)')
      .option('debug', { type: 'boolean', describe: 'Show stack traces of errors (also LESIM_DEBUG=1)' })
      .strict()
      .help()
      .version()
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
    // A command may end with a code of its own (3: some runs failed; 130: interrupted).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return report(error);
  }
}

process.exitCode = await main(hideBin(process.argv));
