import { z } from 'zod';
import { OUTCOMES } from '../model/outcomes.js';

/**
 * The shapes of the state files a batch store holds (plan.json, records, sums, complete.json).
 * They are read back by resume and merge, possibly from another machine or a damaged disk: each
 * is checked against its schema so that a file that does not fit is named, never a TypeError.
 */
const index = z.number().int().min(0);
const text = z.string();

export const ShardSchema = z
  .object({ index, count: z.number().int().min(1) })
  .refine((s) => s.index < s.count, { message: 'shard index must be below shard count' });

const PlanScenarioSchema = z.object({
  name: text,
  title: text,
  description: text,
  sources: z.array(text),
  overrides: z.record(text, z.unknown()),
});

const PointSchema = z.object({
  id: index,
  values: z.record(text, z.number()),
  params: z.record(text, z.number()),
});

export const BatchPlanSchema = z.object({
  kind: z.enum(['run', 'sweep', 'compare']),
  scenario: PlanScenarioSchema,
  sweep: z.object({ file: text, design: text, samples: index, parameters: z.array(text) }).optional(),
  compare: z
    .object({
      baseline: index,
      scenarios: z.array(PlanScenarioSchema.extend({ origin: text.optional(), extends: text.optional(), levers: z.unknown().optional() })).min(2),
      notices: z.array(text),
    })
    .refine((c) => c.baseline < c.scenarios.length, { message: 'baseline must be one of the scenarios' })
    .optional(),
  points: z.array(PointSchema).min(1),
  replicates: z.number().int().min(1),
  baseSeed: index,
  crn: z.boolean(),
  keepEvents: z.boolean(),
  keepRuns: z.boolean(),
  keepOrganizations: z.boolean().optional(),
});

export const StoredPlanSchema = z.object({
  fingerprint: text,
  shard: ShardSchema,
  made_with: z.object({ lesim_version: text, git_commit: text }),
  plan: BatchPlanSchema,
});

/** An outcome is a number, or null where it is undefined in that run (JSON has no NaN). */
const OutcomesSchema = z.object(Object.fromEntries(OUTCOMES.map((name) => [name, z.number().nullable()]))).strict();

export const RunRecordSchema = z.discriminatedUnion('ok', [
  z.object({ point: index, replicate: index, seed: text.min(1), ok: z.literal(true), outcomes: OutcomesSchema }).strict(),
  z.object({ point: index, replicate: index, seed: text.min(1), ok: z.literal(false), error: text }).strict(),
]);

const base36 = z.string().regex(/^-?[0-9a-z]*$/);

export const CheckpointSchema = z
  .object({
    folded: z.array(index),
    series: z.object({ size: index, count: z.array(index), sum: z.array(base36), sumSq: z.array(base36) }),
  })
  .refine((c) => c.series.count.length === c.series.size && c.series.sum.length === c.series.size && c.series.sumSq.length === c.series.size, {
    message: 'series arrays must have `size` entries',
  })
  .refine((c) => new Set(c.folded).size === c.folded.length, { message: 'folded lists a replicate twice' });

export const CompleteSchema = z.object({ shard: ShardSchema });

/** The first problem of a value that does not fit, as "field: what is wrong". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : '(file)';
  return `${where}: ${issue.message}`;
}
