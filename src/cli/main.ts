#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commandsFor } from './commandTable.js';
import { plainUsageMessage, UsageError } from './errors.js';

/**
 * Errors the user can act on: a message and exit code 2, never a stack trace. Their classes are
 * imported here, on the way out, so that start-up does not load the modules that define them.
 */
async function isUserError(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  if (error instanceof UsageError) return true;
  const [{ BatchStoreError }, { OutputExistsError }, { SweepFileError }, { ParameterError }, { ScenarioError }] = await Promise.all([
    import('../batch/store.js'),
    import('../io/atomic.js'),
    import('../sweep/file.js'),
    import('../model/validate.js'),
    import('../scenarios/errors.js'),
  ]);
  return error instanceof ParameterError || error instanceof OutputExistsError || error instanceof ScenarioError || error instanceof SweepFileError || error instanceof BatchStoreError;
}

async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('lesim')
      .usage('lesim: the learning-ecosystem simulator\n\nUsage: lesim <command> [options]')
      .command(await commandsFor(argv))
      .demandCommand(1, 'Give a command (lesim --help lists them)')
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
    if (error instanceof Error && (await isUserError(error))) {
      process.stderr.write(`lesim: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lesim: internal error: ${message}\n`);
    if (process.env.LESIM_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(hideBin(process.argv));
