import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { withParameterTable } from '../io/parameterTable.js';

/** Rewrites the parameter table in docs/ODD.md from the code's table (npm run docs:params). */
const path = process.argv[2] ?? 'docs/ODD.md';
const updated = withParameterTable(readFileSync(path, 'utf8'));
writeFileSync(`${path}.tmp`, updated);
renameSync(`${path}.tmp`, path);
process.stdout.write(`updated the parameter table in ${path}\n`);
