import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { withPatternsTable } from '../patterns/docs.js';

/** Rewrites the generated pattern table in docs/patterns.md from src/patterns/table.ts (npm run docs:patterns). */
const path = process.argv[2] ?? 'docs/patterns.md';
const updated = withPatternsTable(readFileSync(path, 'utf8'));
writeFileSync(`${path}.tmp`, updated);
renameSync(`${path}.tmp`, path);
process.stdout.write(`updated the pattern table in ${path}\n`);
