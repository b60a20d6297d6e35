import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesim, STACK_FRAME } from './cli.js';

const FIXTURES = resolve(__dirname, '../scenarios/fixtures');
const BAD = join(FIXTURES, 'bad');
const VALID = join(FIXTURES, 'good', 'valid.yaml');

/** For each bad file: the field path (or '(file)') and a phrase of what is allowed or wrong. */
const EXPECTED: Record<string, { path: string; says: RegExp; line?: number }> = {
  'wrong-type.yaml': { path: 'budget.exemplar_grant_gbp', says: /got 'lots'; allowed: a number from 0 to 1000000000 \(GBP\)/, line: 3 },
  'unknown-rule.yaml': { path: 'pairing.rule', says: /allowed: one of own-choice, same-supplier, same-grouping, random/, line: 3 },
  'unknown-key-top.yaml': { path: 'budjet', says: /unknown field \(did you mean 'budget'\?\); allowed here: .*budget/, line: 2 },
  'unknown-key-nested.yaml': { path: 'pairing.lead_time', says: /unknown field .*allowed here: rule, own_choice_share, lead_time_months/, line: 3 },
  'negative-budget.yaml': { path: 'budget.national_activities_gbp', says: /got -5000000; allowed: a number from 0/, line: 3 },
  'impossible-month.yaml': { path: 'programme.funding_end', says: /got '2023-13'; allowed: a month written YYYY-MM/, line: 3 },
  'date-before-start.yaml': { path: 'programme.funding_end', says: /allowed: a month from 2017-01 to/, line: 3 },
  'funding-ends-before-start.yaml': { path: 'programme.funding_end', says: /must be after programmeStart_month/, line: 4 },
  'cycle-a.yaml': { path: 'extends', says: /cycle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml/ },
  'self-cycle.yaml': { path: 'extends', says: /cycle: self-cycle.yaml -> self-cycle.yaml/ },
  'yaml-syntax.yaml': { path: '(file)', says: /YAML syntax error/, line: 4 },
  'absurd-number.yaml': { path: 'budget.exemplar_grant_gbp', says: /got 1e\+300; allowed: a number from 0 to 1000000000/, line: 3 },
  'fractional-count.yaml': { path: 'learning_networks.count', says: /got 3.5; allowed: a whole number from 0 to 100/, line: 3 },
  'missing-parent.yaml': { path: 'extends', says: /'no-such-file.yaml' is neither a built-in scenario \(gde-baseline, .*\) nor an existing file/ },
  'unknown-builtin.yaml': { path: 'extends', says: /'gde-baselin' is neither a built-in scenario/ },
  'profession-exceeds-count.yaml': { path: 'learning_networks.profession_led', says: /5 exceeds learningNetworks_count \(2\)/, line: 4 },
  'too-many-participants.yaml': { path: 'participants.exemplars.acute', says: /exceeds the 126 acute organizations/, line: 4 },
  'unknown-parameter.yaml': { path: 'parameters.meetingTie_probability', says: /unknown parameter \(did you mean 'meetingTie_prob'\?\)/, line: 3 },
  'subsidy-over-rate.yaml': { path: 'intermediaries.consultancy_subsidy_gbp_per_day', says: /got 900; allowed: GBP 0 to the day rate \(750/, line: 3 },
  'list-not-mapping.yaml': { path: '(file)', says: /holds a list; a scenario file is a mapping/ },
  'not-boolean.yaml': { path: 'programme.active', says: /got 'maybe'; allowed: true or false/, line: 3 },
  'duplicate-key.yaml': { path: '(file)', says: /Map keys must be unique/, line: 3 },
  'empty.yaml': { path: '(file)', says: /the file is empty/ },
  'json-syntax.json': { path: '(file)', says: /JSON syntax error/, line: 1 },
  'wrong-extension.txt': { path: '(file)', says: /allowed: .yaml, .yml, .json/ },
  'by-year-outside-window.yaml': { path: 'budget.by_year.national.2025', says: /got year 2025; allowed: a year the national line spends in, 2017 to 2023/, line: 7 },
  'by-year-negative.yaml': { path: 'budget.by_year.national.2018', says: /got -10000000; allowed: GBP from 0 to 10000000000 in a year/, line: 6 },
  'by-year-unknown-line.yaml': { path: 'budget.by_year.grant', says: /unknown field \(did you mean 'grants'\?\); allowed here: grants, national, academy/, line: 4 },
  'by-year-too-concentrated.yaml': { path: 'budget.by_year.grants.2017', says: /24\.9 times an even year's spend per month .*allowed: at most 10 times/, line: 7 },
  'by-year-not-a-year.yaml': { path: 'budget.by_year.academy.first', says: /the key 'first' is not a year; allowed: a calendar year written YYYY/, line: 5 },
};

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('lesim validate', () => {
  it('accepts a valid file and its JSON child, and says what differs from the defaults', () => {
    const r = lesim(['validate', VALID]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("valid scenario 'valid-plan' (extends gde-baseline)");
    // In the levers the user wrote, not internal parameter names and raw floats.
    expect(r.stdout).toContain('programme.funding_end = 2024-12 (default 2023-12)');
    expect(r.stdout).toContain('pairing.rule = same-supplier (default own-choice)');
    expect(r.stdout).not.toMatch(/fundingEnd_month|pairingRule_code/);
    const child = lesim(['validate', join(FIXTURES, 'good', 'child.json')]);
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toContain('labels = partner (default exemplar-follower)');
    expect(child.stdout).toContain('intermediaries.consultancy_subsidy_gbp_per_day = GBP 150 per day (default GBP 0 per day)');
  });

  it('has a test for every bad fixture, at least 15', () => {
    const files = readdirSync(BAD).filter((f) => f !== 'cycle-b.yaml');
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(EXPECTED))('%s: exit 2 naming file, line, field and what is allowed, no stack trace', (file, want) => {
    const before = digest(VALID);
    const r = lesim(['validate', file], BAD);
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toContain('internal error');
    const line = r.stderr.split('\n').find((l) => l.includes(`: ${want.path}`));
    expect(line, r.stderr).toBeDefined();
    expect(line!).toMatch(want.says);
    if (want.line !== undefined) expect(line!).toMatch(new RegExp(`\\.(yaml|json):${want.line}(:\\d+)?: `));
    else expect(line!).toMatch(/\.(yaml|json|txt)(:\d+)?: /);
    expect(digest(VALID)).toBe(before);
  });

  it('refuses a missing file with exit 2', () => {
    const r = lesim(['validate', 'no/such/plan.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no/such/plan.yaml: (file): no such file');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('checks --set expressions like file fields', () => {
    const ok = lesim(['validate', VALID, '--set', 'labels=partner', '--set', 'meetingTie_prob=0.1']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('parameters.meetingTie_prob = 0.1 (default 0.05)');
    expect(ok.stdout).toContain('labels = partner');
    const bad = lesim(['validate', VALID, '--set', 'pairing.rule=whoever']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--set pairing.rule=whoever: pairing.rule:');
    expect(bad.stderr).toContain('allowed: one of own-choice');
    const noEquals = lesim(['validate', VALID, '--set', 'labels']);
    expect(noEquals.status).toBe(2);
    expect(noEquals.stderr).toContain('expected path=value');
  });

  it('--json: the result, or the problems, as JSON on stdout', () => {
    const ok = lesim(['validate', VALID, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json).toMatchObject({ valid: true, name: 'valid-plan', extends: 'gde-baseline' });
    expect(json.changes).toContainEqual({ path: 'pairing.rule', value: 'same-supplier', default: 'own-choice', text: 'same-supplier', default_text: 'own-choice', label: 'Pairing rule' });
    const bad = lesim(['validate', VALID, '--set', 'pairing.rule=whoever', '--json']);
    expect(bad.status).toBe(2);
    const problems = JSON.parse(bad.stdout);
    expect(problems.valid).toBe(false);
    expect(problems.issues[0].path).toBe('pairing.rule');
  });
});
