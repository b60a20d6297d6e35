import type { Summary } from '../analysis/stats.js';
import { csvLine, formatNumber } from '../io/csv.js';
import { provenanceFields, type RunProvenance } from '../io/outputs.js';
import type { CriterionResult, PatternsReport } from './evaluate.js';

export const PATTERN_COLUMNS = [
  'pattern', 'criterion', 'claim', 'metric', 'unit', 'n', 'mean', 'ci_low', 'ci_high',
  'target', 'target_low', 'target_high', 'pass', 'pattern_pass',
  'knockout', 'knockout_mean', 'knockout_ci_low', 'knockout_ci_high', 'weakening_mean', 'weakening_ci_low', 'weakening_ci_high', 'knockout_weakens',
  'robustness_points', 'criterion_held_share', 'pattern_held_share', 'source', 'note',
] as const;

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** patterns.csv: one row per criterion of every pattern (docs/patterns.md explains the columns). */
export function patternsCsv(report: PatternsReport): string {
  let out = csvLine(PATTERN_COLUMNS);
  const rob = report.robustness;
  for (const p of report.patterns) {
    for (const c of p.criteria) {
      const ko = c.knockout;
      out += csvLine([
        p.id, c.id, c.claim, c.metric, c.unit, c.measured.n, c.measured.mean, c.measured.ciLow, c.measured.ciHigh,
        c.target, c.targetLow, c.targetHigh, yesNo(c.pass), yesNo(p.pass),
        ko ? ko.description : 'none', ko ? ko.measured.mean : NaN, ko ? ko.measured.ciLow : NaN, ko ? ko.measured.ciHigh : NaN,
        ko ? ko.weakening.mean : NaN, ko ? ko.weakening.ciLow : NaN, ko ? ko.weakening.ciHigh : NaN, ko ? yesNo(ko.weakens) : '',
        rob ? rob.points : '', rob ? rob.criteriaHeld[c.id] / rob.points : NaN, rob ? rob.held[p.id] / rob.points : NaN, c.source, c.note,
      ]);
    }
  }
  return out;
}

/** patterns.json: the whole report, with provenance; undefined numbers are null. */
export function patternsJson(report: PatternsReport, provenance: RunProvenance): string {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  const summary = (s: Summary) => ({ mean: num(s.mean), sd: num(s.sd), ci_low: num(s.ciLow), ci_high: num(s.ciHigh), n: s.n });
  const rob = report.robustness;
  return (
    JSON.stringify(
      {
        ...provenanceFields(provenance),
        replications: report.replicates,
        base_seed: report.seed,
        parameters: report.parameters,
        patterns_passing: report.patterns.filter((p) => p.pass).length,
        patterns: report.patterns.map((p) => ({
          id: p.id,
          name: p.name,
          sources: p.sources,
          mechanisms: p.mechanisms,
          pass: p.pass,
          knockouts: p.knockouts,
          knockouts_weakening: p.weakened,
          robustness_held_share: rob ? rob.held[p.id] / rob.points : null,
          criteria: p.criteria.map((c) => ({
            id: c.id,
            claim: c.claim,
            metric: c.metric,
            unit: c.unit,
            source: c.source,
            measured: summary(c.measured),
            target: c.target,
            target_low: num(c.targetLow),
            target_high: num(c.targetHigh),
            pass: c.pass,
            knockout: c.knockout ? { description: c.knockout.description, overrides: c.knockout.overrides, measured: summary(c.knockout.measured), weakening: summary(c.knockout.weakening), weakens: c.knockout.weakens } : null,
            robustness_held_share: rob ? rob.criteriaHeld[c.id] / rob.points : null,
            note: c.note,
          })),
        })),
        robustness: rob
          ? {
              points: rob.points,
              seed: rob.seed,
              replications_per_point: rob.replicates,
              spread: rob.spread,
              parameters: rob.parameters,
              joint_held: rob.jointHeld,
              joint_held_share: rob.jointHeld / rob.points,
              failed_points: rob.failedPoints,
            }
          : null,
        failures: report.failures,
      },
      null,
      2,
    ) + '\n'
  );
}

const fmt = (x: number) => (Number.isFinite(x) ? formatNumber(Number(x.toPrecision(3))) : 'n/a');
const interval = (s: Summary) => `${fmt(s.mean)} (${fmt(s.ciLow)} to ${fmt(s.ciHigh)})`;

function knockoutText(c: CriterionResult): string {
  if (!c.knockout) return 'none';
  return `${interval(c.knockout.measured)} ${c.knockout.weakens ? 'weakens' : 'does not weaken'}`;
}

/** The table printed on stdout: one line per criterion, then the robustness shares. */
export function patternsText(report: PatternsReport): string {
  const rows: string[][] = [['criterion', 'measured (95% CI)', 'target', 'pass', 'knock-out (95% CI)']];
  for (const p of report.patterns) {
    for (const c of p.criteria) rows.push([c.id, interval(c.measured), c.target, c.pass ? 'PASS' : 'fail', knockoutText(c)]);
  }
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  let out = `Patterns: ${report.replicates} replications per configuration, base seed ${report.seed}, common random numbers\n`;
  const set = Object.entries(report.parameters);
  if (set.length > 0) out += `Every configuration starts from: ${set.map(([k, v]) => `${k}=${v}`).join(', ')}\n`;
  for (const r of rows) out += r.map((x, j) => (j === r.length - 1 ? x : x.padEnd(widths[j]))).join('  ') + '\n';
  const passing = report.patterns.filter((p) => p.pass);
  out += `\n${passing.length} of ${report.patterns.length} patterns pass every criterion${passing.length ? ` (${passing.map((p) => p.id).join(', ')})` : ''}\n`;
  const ko = report.patterns.reduce((a, p) => a + p.knockouts, 0);
  const weak = report.patterns.reduce((a, p) => a + p.weakened, 0);
  out += `${weak} of ${ko} knock-outs weaken their criterion\n`;
  const rob = report.robustness;
  if (rob) {
    out += `\nRobustness: ${rob.points} Latin-hypercube points over ${rob.parameters.length} assumed parameters (${rob.spread}), ${rob.replicates} replications each\n`;
    out += report.patterns.map((p) => `  ${p.id.padEnd(4)} held at ${rob.held[p.id]}/${rob.points} points (${fmt(rob.held[p.id] / rob.points)})`).join('\n') + '\n';
    out += `  all twelve jointly: ${rob.jointHeld}/${rob.points} (${fmt(rob.jointHeld / rob.points)})${rob.failedPoints ? `; ${rob.failedPoints} point(s) had failed runs and count as not held` : ''}\n`;
  }
  if (report.failures.length) out += `\n${report.failures.length} run(s) failed; their seeds and errors are in patterns.json\n`;
  return out;
}
