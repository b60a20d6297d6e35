import { describe, expect, it } from 'vitest';
import { decimalNumber, plainUsageMessage, typedText, wholeNumber } from '../../src/cli/errors.js';
import { lesim, STACK_FRAME } from './cli.js';

describe('usage on a missing argument', () => {
  it('a bare lesim run shows the run usage and exits 2', () => {
    const r = lesim(['run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('lesim run <scenario>');
    expect(r.stderr).toContain('--reps');
    expect(r.stderr).toMatch(/lesim: missing argument: got 0, need at least 1 \(see the usage above\)\n$/);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it.each([['sweep'], ['chart'], ['report'], ['merge']])('a bare lesim %s shows its own usage, exit 2', (command) => {
    const r = lesim([command]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`lesim ${command} <`);
  });
});

describe('options without values are refused, not read as the default', () => {
  it.each([
    [['run', 'gde-baseline', '--reps'], '--reps needs a value'],
    [['run', 'gde-baseline', '--reps', '--months', '3'], '--reps needs a value'],
    [['run', 'gde-baseline', '--seed'], '--seed needs a value'],
    [['run', 'gde-baseline', '--months'], '--months needs a value'],
    [['run', 'gde-baseline', '--out'], '--out needs a value'],
    [['sweep', 'x.yaml', '--reps'], '--reps needs a value'],
    [['sweep', 'x.yaml', '--workers'], '--workers needs a value'],
    [['chart', '.', '--kind'], '--kind needs a value'],
    [['compare', 'gde-baseline', 'no-programme', '--reps'], '--reps needs a value'],
    [['compare', 'gde-baseline', 'no-programme', '--reps', 'ten'], "--reps must be a whole number from 2 to 100000 (got 'ten')"],
    [['reps', 'gde-baseline', '--outcome', 'maturity_end_all', '--width', 'wide'], "--width must be a positive number (got 'wide')"],
    [['propositions', '--cap', '2.5'], "--cap must be a whole number from 3 to 10000 (got '2.5')"],
    [['chart', '.', '--kind', 'maturity', '--scale'], '--scale needs a value'],
  ])('%j: exit 2, %s, nothing run', (args, message) => {
    const r = lesim(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('typed options', () => {
  it('shows number options as numbers and the choices of --kind and --format', () => {
    const run = lesim(['run', '--help']);
    expect(run.status).toBe(0);
    const runHelp = run.stdout.replace(/\s+/g, ' ');
    expect(runHelp).toMatch(/--reps Replications \[number\] \[default: 10\]/);
    expect(runHelp).toMatch(/--seed Base seed [^[]*\[number\] \[default: 1\]/);
    for (const command of ['compare', 'reps', 'propositions', 'calibrate', 'discover', 'sensitivity']) {
      const help = lesim([command, '--help']).stdout.replace(/\s+/g, ' ');
      expect(help, command).toMatch(/--seed [^[]*\[number\]/);
      expect(help, command).not.toMatch(/--(reps|seed|months|workers|cap|samples|particles) [^[]*\[string\]/);
    }
    const chart = lesim(['chart', '--help']);
    // yargs wraps the help to the terminal; the choices are read with the wrapping undone.
    const help = chart.stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/choices: "formation", "spectrum", "maturity", "network", "survival", "difference", "cost", "sweep", "sweep-heatmap"/);
    expect(help).toMatch(/choices: "svg", "png", "html", "vl\.json"/);
  });

  it('a non-number is quoted as typed in the message', () => {
    expect(typedText('reps', ['node', 'lesim', 'run', 'x', '--reps', 'abc'])).toBe('abc');
    expect(typedText('reps', ['node', 'lesim', 'run', 'x', '--reps=ten'])).toBe('ten');
    expect(typedText('seed', ['node', 'lesim', 'run'])).toBeUndefined();
    expect(wholeNumber('reps', 12, 1, 100)).toBe(12);
    expect(() => wholeNumber('reps', 2.5, 1, 100)).toThrow("--reps must be a whole number from 1 to 100 (got '2.5')");
    expect(decimalNumber('quantile', 0.25, (v) => v > 0 && v < 1, 'a number between 0 and 1')).toBe(0.25);
    expect(() => decimalNumber('quantile', 1, (v) => v > 0 && v < 1, 'a number between 0 and 1')).toThrow("--quantile must be a number between 0 and 1 (got '1')");
    expect(() => decimalNumber('quantile', Number.NaN, () => true, 'a number')).toThrow('--quantile must be a number');
  });

  it('rewords yargs\' two commonest messages and leaves others alone', () => {
    expect(plainUsageMessage('Not enough arguments following: seed')).toBe('--seed needs a value (see the usage above)');
    expect(plainUsageMessage('Unknown argument: repz')).toBe('Unknown argument: repz');
  });
});
