import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternsMarkdown } from '../../src/patterns/docs.js';
import { allCriteria } from '../../src/patterns/table.js';

const DOC = readFileSync(resolve(__dirname, '../../docs/patterns.md'), 'utf8');

describe('docs/patterns.md', () => {
  it('carries exactly the pattern table of the code (npm run docs:patterns regenerates it)', () => {
    expect(DOC).toContain(patternsMarkdown());
  });

  it('names every criterion and cites papers, not internal file names', () => {
    for (const { criterion } of allCriteria()) expect(DOC, criterion.id).toContain(`| ${criterion.id} |`);
    expect(DOC).not.toMatch(/seeds\/|00[13]_/);
  });
});
