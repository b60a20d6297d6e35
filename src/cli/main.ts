#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { BatchStoreError } from '../batch/store.js';
import { OutputExistsError } from '../io/atomic.js';
import { SweepFileError } from '../sweep/file.js';
import { ParameterError } from '../model/validate.js';
import { chartCommand } from './commands/chart.js';
import { reportCommand } from './commands/report.js';
import { mergeCommand } from './commands/merge.js';
import { compareCommand } from './commands/compare.js';
import { paramsCommand } from './commands/params.js';
import { patternsCommand } from './commands/patterns.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { ScenarioError } from '../scenarios/errors.js';
import { scenariosCommand } from './commands/scenarios.js';
import { sweepCommand } from './commands/sweep.js';
import { propositionsCommand } from './commands/propositions.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { discoverCommand } from './commands/discover.js';
import { repsCommand } from './commands/reps.js';
import { calibrateCommand } from './commands/calibrate.js';
import { UsageError } from './errors.js';

/** Errors the user can act on: a message and exit code 2, never a stack trace. */
function isUserError(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof ParameterError || error instanceof OutputExistsError || error instanceof ScenarioError || error instanceof SweepFileError || error instanceof BatchStoreError;
}

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
      .demandCommand(1, 'Give a command (lesim --help lists them)')
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
