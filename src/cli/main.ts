#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { OutputExistsError } from '../io/atomic.js';
import { ParameterError } from '../model/validate.js';
import { runCommand } from './commands/run.js';
import { scenariosCommand } from './commands/scenarios.js';
import { UsageError } from './errors.js';

/** Errors the user can act on: a message and exit code 2, never a stack trace. */
function isUserError(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof ParameterError || error instanceof OutputExistsError;
}

async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('lesim')
      .usage('lesim: the learning-ecosystem simulator\n\nUsage: lesim <command> [options]')
      .command(runCommand)
      .command(scenariosCommand)
      .demandCommand(1, 'Give a command: run or scenarios')
      .strict()
      .help()
      .version()
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
    return 0;
  } catch (error) {
    if (isUserError(error)) {
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
