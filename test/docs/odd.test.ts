import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterTableMarkdown } from '../../src/io/parameterTable.js';
import { PARAMETER_NAMES } from '../../src/model/parameters.js';
import { PHASES } from '../../src/model/step.js';
import { OUTCOMES } from '../../src/model/outcomes.js';
import { OUTCOME_DECLARATIONS } from '../../src/model/outcomeDeclarations.js';
import { CELLS } from '../../src/model/recorder.js';

const ODD = readFileSync(resolve(__dirname, '../../docs/ODD.md'), 'utf8');
const OUTPUTS = readFileSync(resolve(__dirname, '../../docs/outputs.md'), 'utf8');

describe('docs/ODD.md', () => {
  it('carries exactly the parameter table of the code (npm run docs:params regenerates it)', () => {
    expect(ODD).toContain(parameterTableMarkdown());
  });

  it('has the ODD 2020 headings', () => {
    for (const heading of ['Purpose and patterns', 'Entities, state variables and scales', 'Process overview and scheduling', 'Design concepts', 'Initialization', 'Input data', 'Submodels']) {
      expect(ODD, heading).toMatch(new RegExp(`^#+ .*${heading}`, 'mi'));
    }
  });

  it('names every phase of the monthly step', () => {
    for (const phase of PHASES) expect(ODD, phase.name).toContain(phase.name);
  });

  it('justifies every parameter with a source or a labelled assumption', () => {
    for (const name of PARAMETER_NAMES) {
      const row = ODD.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      expect(row, name).toBeDefined();
      expect(row!, name).toMatch(/0\d\d |brief|assumption|mechanisms\.md|issue|experiment/);
    }
  });
});

describe('docs/outputs.md', () => {
  it('describes every outcome as its declaration says (src/model/outcomeDeclarations.ts)', () => {
    for (const name of OUTCOMES) expect(OUTPUTS, name).toContain(`| \`${name}\` | ${OUTCOME_DECLARATIONS[name].computed} |`);
  });

  it('documents every outcome column and every metric key', () => {
    for (const name of OUTCOMES) expect(OUTPUTS, name).toContain(name);
    const keys = new Set(CELLS.flatMap((c) => Object.values(c.keys)));
    for (const key of keys) expect(OUTPUTS, key).toContain(key);
  });
});
