import { LineCounter, parseDocument } from 'yaml';
import { describeValue, findNonFinite, InputFileError, readInputText, yamlToData } from '../io/inputFile.js';
import type { z } from 'zod';
import { yamlLocator } from '../io/yamlLocation.js';
import { ResearchInputError } from './errors.js';

/** A parsed YAML or JSON file and a way to find a field's line, for error messages. */
export interface ReadYaml {
  readonly data: unknown;
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/**
 * Reads a YAML or JSON research file through the one input loader (src/io/inputFile.ts: regular
 * files of bounded size, bounded aliases, no NaN or Infinity); a problem names the file and line.
 */
export function readYamlFile(file: string, what: string): ReadYaml {
  const wrap = <T>(f: () => T): T => {
    try {
      return f();
    } catch (error) {
      throw error instanceof InputFileError ? new ResearchInputError(file, '', error.problem) : error;
    }
  };
  const text = wrap(() => readInputText(file, { what }));
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ResearchInputError(file, '', `not valid YAML or JSON: ${e.message.split('\n')[0]}`, e.linePos?.[0]?.line);
  }
  const locate = yamlLocator(doc, lines);
  const lineOf = (path: readonly (string | number)[]) => locate(path)?.line;
  const data = wrap(() => yamlToData(file, doc));
  const bad = findNonFinite(data);
  if (bad) throw new ResearchInputError(file, bad.path.join('.'), `got ${describeValue(bad.value)}; allowed: a finite number`, lineOf(bad.path));
  return { data, lineOf };
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
