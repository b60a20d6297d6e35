import { renameSync, writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenarios/schema.js';

/** Writes the JSON Schema of scenario files for editors (npm run docs:schema). */
const path = process.argv[2] ?? 'schema/scenario.schema.json';
writeFileSync(`${path}.tmp`, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
renameSync(`${path}.tmp`, path);
process.stdout.write(`wrote the scenario file schema to ${path}\n`);
