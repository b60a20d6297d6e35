import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesim, STACK_FRAME, tempDir } from './cli.js';

/** Bad input: exit 2, one clear line naming the source and field, no stack trace, nothing written. */
function refused(args: readonly string[], pattern: RegExp, cwd: string, out?: string): void {
  const r = lesim(args, cwd);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_FRAME);
  if (out) {
    expect(existsSync(join(cwd, out))).toBe(false);
    expect(existsSync(join(cwd, `${out}.partial`))).toBe(false);
  }
}

describe('research commands refuse bad input', () => {
  const cwd = tempDir('lesim-research-cli-');

  it('sensitivity: unknown parameter, empty range, unknown outcome, too many factors for Sobol', () => {
    refused(['sensitivity', 'absorptiveBase_indx', '--out', 'a'], /parameter list: absorptiveBase_indx: unknown parameter 'absorptiveBase_indx' \(did you mean 'absorptiveBase_index'\?\)/, cwd, 'a');
    refused(['sensitivity', 'absorptiveBase_index=0.3:0.3', '--out', 'a'], /empty range 0.3 to 0.3/, cwd, 'a');
    refused(['sensitivity', 'absorptiveBase_index=0.3:9', '--out', 'a'], /outside the allowed 0 to 1/, cwd, 'a');
    refused(['sensitivity', 'absorptiveBase_index', '--outcome', 'maturity_nowhere', '--out', 'a'], /--outcome: maturity_nowhere: unknown outcome/, cwd, 'a');
    refused(['sensitivity', 'assumed', '--method', 'sobol', '--out', 'a'], /parameter list: parameters: \d+ parameters; a Sobol analysis takes at most 10/, cwd, 'a');
    refused(['sensitivity', 'absorptiveBase_index,tacitTransfer_rate', '--method', 'sobol', '--samples', '4', '--out', 'a'], /--samples: 4: too few base samples for 2 parameters: .* use at least 16/, cwd, 'a');
    writeFileSync(join(cwd, 'bad-sweep.yaml'), 'scenario: gde-baseline\nparameters:\n  search_probPerMonth: {min: 0.1, max: 0.05}\n');
    refused(['sensitivity', 'bad-sweep.yaml', '--out', 'a'], /bad-sweep.yaml:3: parameters.search_probPerMonth: empty range 0.1 to 0.05/, cwd, 'a');
  });

  it('discover: not a sweep directory, an unknown outcome, too few points', () => {
    refused(['discover', 'nowhere', '--where', 'maturity_end_all < 0.5', '--out', 'd'], /nowhere: directory not found/, cwd, 'd');
    refused(['discover', '.', '--where', 'maturity_end_al < 0.5', '--out', 'd'], /--where: maturity_end_al: unknown outcome/, cwd, 'd');
    refused(['discover', '.', '--where', 'maturity_end_all about 0.5', '--out', 'd'], /--where: .*expected '<outcome> <op> <threshold>'/, cwd, 'd');
    // A sweep of 3 points is too few for PRIM.
    writeFileSync(join(cwd, 'tiny.yaml'), 'scenario: gde-baseline\nreplications: 1\nmonths: 3\ndesign: factorial\nparameters:\n  search_probPerMonth: [0.03, 0.05, 0.07]\n');
    expect(lesim(['sweep', 'tiny.yaml', '--out', 'tiny'], cwd).status).toBe(0);
    refused(['discover', 'tiny', '--where', 'maturity_end_all < median', '--out', 'd'], /tiny: maturity_end_all: defined at 3 design points; PRIM needs at least 10/, cwd, 'd');
  });

  it('propositions: unknown name, malformed proposition files', () => {
    refused(['propositions', 'p99', '--out', 'p'], /unknown proposition 'p99'; valid: p1-alignment/, cwd, 'p');
    writeFileSync(join(cwd, 'prop.yaml'), 'name: mine\ntitle: t\nstatement: s\nsource: me\nfactor: f\ncontrol: {}\ntreatment: {set: {pairing.rule: sideways}}\noutcome: maturity_end_all\nexpected: increase\nwidth: 0.01\n');
    refused(['propositions', '--file', 'prop.yaml', '--out', 'p'], /prop.yaml: mine.treatment: .*pairing.rule/, cwd, 'p');
    writeFileSync(join(cwd, 'prop2.yaml'), 'name: mine\ntitle: t\nstatement: s\nsource: me\nfactor: f\ncontrol: {}\ntreatment: {}\noutcome: maturity_everywhere\nexpected: increase\nwidth: 0.01\n');
    refused(['propositions', '--file', 'prop2.yaml', '--out', 'p'], /prop2.yaml:8: outcome: allowed: maturity_start_exemplar/, cwd, 'p');
    writeFileSync(join(cwd, 'prop3.yaml'), 'name: mine\ntitle: t\nstatement: s\nsource: me\nfactor: f\ncontrol: {}\ntreatment: {}\noutcome: maturity_end_all\nexpected: increase\nwidth: 0.01\ncolour: red\n');
    refused(['propositions', '--file', 'prop3.yaml', '--out', 'p'], /prop3.yaml:11: colour: unknown field/, cwd, 'p');
    refused(['propositions', '--file', 'missing.yaml', '--out', 'p'], /missing.yaml: file not found/, cwd, 'p');
  });

  it('reps and calibrate: unknown outcome, unknown parameter, unknown criterion', () => {
    refused(['reps', 'gde-baseline', '--outcome', 'nothing', '--out', 'r'], /--outcome: nothing: unknown outcome/, cwd, 'r');
    refused(['calibrate', '--parameters', 'nope_index', '--out', 'c'], /--parameters: nope_index: unknown parameter/, cwd, 'c');
    refused(['calibrate', '--parameters', 'search_probPerMonth', '--criteria', 'P99z', '--out', 'c'], /--criteria: P99z: unknown criterion/, cwd, 'c');
    refused(['calibrate', '--parameters', 'search_probPerMonth', '--distance', 'mean', '--out', 'c'], /distance, Given: "mean", Choices: "rms", "max"/, cwd, 'c');
  });

  it('propositions --list shows the ten declared experiments', () => {
    const r = lesim(['propositions', '--list'], cwd);
    expect(r.status, r.stderr).toBe(0);
    const names = r.stdout.split('\n').filter((l) => /^[pc]\d/.test(l)).map((l) => l.split(/\s+/)[0]);
    expect(names).toEqual(['p1-alignment', 'p2-identity', 'p3-adaptability', 'p4-intermediaries', 'p5-external-early', 'p6-absorptive-capacity', 'p7-individual-motivation', 'c1-policy-stability', 'c2-trust-prior-ties', 'c3-competition']);
    expect(readFileSync(join(__dirname, '../../src/research/propositions.ts'), 'utf8')).toContain('doi:10.2196/83345');
  });
});

describe('sensitivity with replications', () => {
  it('adds noise-corrected Sobol indices, and intervals to the indices over time', () => {
    const cwd = tempDir('lesim-research-noise-');
    const r = lesim(['sensitivity', 'absorptiveBase_index,tacitTransfer_rate', '--method', 'sobol', '--samples', '16', '--reps', '2', '--months', '12', '--workers', '2', '--outcome', 'maturity_end_all', '--outcome', 'maturity_growth_relational_share', '--out', 's'], cwd);
    expect(r.status, r.stderr).toBe(0);
    // A table for each outcome asked for, not only the first.
    expect(r.stdout).toMatch(/total index, noise-corrected, of maturity_end_all/);
    expect(r.stdout).toMatch(/total index, noise-corrected, of maturity_growth_relational_share/);
    const rows = readFileSync(join(cwd, 's/sensitivity.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(rows.filter((x) => x[0] === 'maturity_end_all' && x[2] === 'total_corrected').map((x) => x[1]).sort()).toEqual(['absorptiveBase_index', 'tacitTransfer_rate']);
    const json = JSON.parse(readFileSync(join(cwd, 's/sensitivity.json'), 'utf8')) as { outcomes: { noise: Record<string, number> }[] };
    const noise = json.outcomes[0].noise;
    expect(noise.noise_variance_of_point_means).toBeGreaterThanOrEqual(0);
    expect(noise.corrected_variance).toBeGreaterThan(0);
    const overTime = readFileSync(join(cwd, 's/over_time.csv'), 'utf8').trim().split('\n');
    expect(overTime[0]).toBe('month,date,parameter,index,value,low,high');
    expect(overTime).toHaveLength(1 + 12 * 2);
    for (const line of overTime.slice(1)) {
      const [, , , , value, low, high] = line.split(',').map(Number);
      expect(low).toBeLessThanOrEqual(value + 1e-9);
      expect(high).toBeGreaterThanOrEqual(value - 1e-9);
    }
    expect(existsSync(join(cwd, 's/over-time.png'))).toBe(true);
  });
});

describe('propositions in cluster shards', () => {
  it('gives, round by round in shards, exactly the result of one whole run', () => {
    const cwd = tempDir('lesim-research-shards-');
    const base = ['propositions', 'p6-absorptive-capacity', 'c3-competition', '--cap', '6', '--months', '12', '--seed', '3'];
    const whole = lesim([...base, '--workers', '2', '--out', 'whole'], cwd);
    expect(whole.status, whole.stderr).toBe(0);
    refused([...base, '--shard', '1/2', '--force', '--out', 'parts'], /--force with --shard would delete the runs of the other shards/, cwd, 'parts');
    refused([...base, '--shard', '1/2'], /--out is required with --shard/, cwd);
    const status = () => lesim([...base, '--out', 'parts', '--status'], cwd);
    expect(status().stdout).toMatch(/^p6-absorptive-capacity: round 1 \(3 pairs\): 6 of 6 runs to go$/m);
    let rounds = 0;
    for (; !/^done/m.test(status().stdout); rounds++) {
      expect(rounds).toBeLessThan(6);
      // Shard 2 before shard 1: the order, and which shard runs first, does not matter.
      for (const i of [2, 1]) {
        const r = lesim([...base, '--workers', '1', '--out', 'parts', '--shard', `${i}/2`], cwd);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`shard ${i}/2: \\d+ runs made`));
      }
    }
    expect(rounds).toBeGreaterThanOrEqual(1);
    expect(status().stdout).toMatch(/^c3-competition: decided after rounds 3/m);
    // Another seed is another experiment: refused while the shards' state is there.
    refused(['propositions', 'p6-absorptive-capacity', 'c3-competition', '--cap', '6', '--months', '12', '--seed', '4', '--out', 'parts', '--shard', '1/2'], /holds a run made with other settings/, cwd);
    const final = lesim([...base, '--workers', '1', '--out', 'parts', '--resume'], cwd);
    expect(final.status, final.stderr).toBe(0);
    expect(final.stdout).toMatch(/\(0 made now\)/);
    for (const f of ['propositions.csv', 'replications.csv']) expect(readFileSync(join(cwd, 'parts', f), 'utf8'), f).toBe(readFileSync(join(cwd, 'whole', f), 'utf8'));
    expect(existsSync(join(cwd, 'parts.partial'))).toBe(false);
    expect(status().stdout).toBe('done: parts holds the results\n');
  });
});

describe('calibrate in cluster shards', () => {
  it('gives, batch by batch in shards, exactly the posterior of one whole run', () => {
    const cwd = tempDir('lesim-research-calibrate-shards-');
    // By root mean square: at 12 months some criteria cannot be measured, and under the largest
    // distance every particle is then equally far, which ends the sampler before the rounds this
    // test needs to exercise.
    const base = ['calibrate', '--parameters', 'search_probPerMonth,sameSupplierCost_logRatio', '--particles', '4', '--generations', '2', '--months', '12', '--check-reps', '1', '--distance', 'rms'];
    const whole = lesim([...base, '--workers', '2', '--out', 'whole'], cwd);
    expect(whole.status, whole.stderr).toBe(0);
    refused([...base, '--shard', '1/2', '--force', '--out', 'parts'], /--force with --shard would delete the runs of the other shards/, cwd, 'parts');
    const status = () => lesim([...base, '--out', 'parts', '--status'], cwd);
    expect(status().stdout).toMatch(/^0 generation\(s\) done; generation 0 batch 0: 8 of 8 runs to go$/m);
    let rounds = 0;
    for (; !/^done/m.test(status().stdout); rounds++) {
      expect(rounds).toBeLessThan(10);
      for (const i of [1, 2]) {
        const r = lesim([...base, '--workers', '1', '--out', 'parts', '--shard', `${i}/2`], cwd);
        expect(r.status, r.stderr).toBe(0);
      }
    }
    expect(rounds).toBeGreaterThanOrEqual(3);
    const final = lesim([...base, '--workers', '1', '--out', 'parts', '--resume'], cwd);
    expect(final.status, final.stderr).toBe(0);
    for (const f of ['posterior.csv', 'posterior_summary.csv', 'populations.csv', 'check.csv', 'calibrated.yaml']) expect(readFileSync(join(cwd, 'parts', f), 'utf8'), f).toBe(readFileSync(join(cwd, 'whole', f), 'utf8'));
    expect((JSON.parse(readFileSync(join(cwd, 'parts/calibrate.json'), 'utf8')) as { runs_made_now: number }).runs_made_now).toBe(0);
    expect(status().stdout).toBe('done: parts holds the results\n');
    // A shard of a finished calibration: the output is in the way.
    refused([...base, '--out', 'parts', '--shard', '1/2'], /parts.*already holds a run|parts.*exists and is not empty/, cwd);
  });
});
