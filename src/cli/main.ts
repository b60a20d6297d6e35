#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { asUserError, EXIT, isSystemError, systemError } from '../errors.js';
import { commandsFor } from './commandTable.js';
import { plainUsageMessage, UsageError } from './errors.js';

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
      .command(await commandsFor(argv))
      .demandCommand(1, 'Give a command (lesim --help lists them)')
      .option('debug', { type: 'boolean', describe: 'Show stack traces of errors (also LESIM_DEBUG=1)' })
      .strict()
      .help()
      .version()
      .fail((message, error, y) => {
        // yargs' own errors (YError: an option without its value) are usage errors like its messages.
        if (error && error.name !== 'YError') throw error;
        // A missing argument, an option without its value, an unknown option: show the usage of
        // the command (yargs knows which) above the message, as a user needs both.
        y.showHelp((usage: string) => process.stderr.write(`${usage}\n\n`));
        throw new UsageError(plainUsageMessage(message ?? error?.message ?? 'invalid arguments'));
      })
      .parseAsync();
    // A command may end with a code of its own (3: some runs failed; 130: interrupted).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return report(error);
  }
}

process.exitCode = await main(hideBin(process.argv));
