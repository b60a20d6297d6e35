import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { yamlLocator } from '../io/yamlLocation.js';
import { ResearchInputError } from './errors.js';

/** A parsed YAML or JSON file and a way to find a field's line, for error messages. */
export interface ReadYaml {
  readonly data: unknown;
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** Reads a YAML or JSON research file; a missing file or a syntax error names the file and line. */
export function readYamlFile(file: string): ReadYaml {
  if (!existsSync(file)) throw new ResearchInputError(file, '', 'file not found');
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ResearchInputError(file, '', `not valid YAML or JSON: ${e.message.split('\n')[0]}`, e.linePos?.[0]?.line);
  }
  const locate = yamlLocator(doc, lines);
  return { data: doc.toJS() as unknown, lineOf: (path) => locate(path)?.line };
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `allowed: ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Checks data against a schema; the first problem is reported with the file, field path and line. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string, lineOf: ReadYaml['lineOf'], prefix: readonly (string | number)[] = []): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  if (issue.code === 'unrecognized_keys') {
    const full = [...path, issue.keys[0]];
    throw new ResearchInputError(file, full.join('.'), 'unknown field', lineOf(full));
  }
  throw new ResearchInputError(file, path.join('.'), explain(issue), lineOf(path));
}
