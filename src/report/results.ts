import type { OutcomeSummary, RunData } from '../load/run.js';
import { dateOfMonth, parameter } from '../charts/source.js';
import { fmt, monthLabel } from '../charts/style.js';
import { sameInEveryReplication } from '../format/number.js';

/** An outcome of summary.json as a mean with its 95% interval, in words. */
export function estimate(o: OutcomeSummary | undefined, digits: number, scale = 1): string | undefined {
  if (o === undefined || o.mean === null) return undefined;
  // An interval of zero width (the same value in every replication) says nothing; the value alone does.
  if (o.ci_low !== null && o.ci_high !== null && sameInEveryReplication(o.ci_low, o.ci_high)) return `${fmt(o.mean * scale, digits)} (the same in every replication)`;
  const ci = o.ci_low !== null && o.ci_high !== null ? ` (95% CI ${fmt(o.ci_low * scale, digits)} to ${fmt(o.ci_high * scale, digits)})` : '';
  return `${fmt(o.mean * scale, digits)}${ci}`;
}

export interface ResultLine {
  readonly outcome: string;
  readonly label: string;
  readonly value: string;
}

/** The main outcomes of a run with their labels: the table of the report. */
export function keyResults(run: RunData): ResultLine[] {
  const f = monthLabel(dateOfMonth(run, parameter(run, 'fundingEnd_month') - 1));
  const end = monthLabel(dateOfMonth(run, run.manifest.months - 1));
  const evalEnd = monthLabel(dateOfMonth(run, Math.min(parameter(run, 'evaluationEnd_month'), run.manifest.months - 1)));
  const lines: [string, string, number, number?][] = [
    ['maturity_end_exemplar', `Digital maturity of exemplars, ${end} (0-1)`, 3],
    ['maturity_end_follower', `Digital maturity of followers, ${end} (0-1)`, 3],
    ['maturity_end_outside', `Digital maturity outside the programme, ${end} (0-1)`, 3],
    ['informal_active_funding_end', `Active informal relationships, ${f}`, 0],
    ['formal_active_funding_end', `Active formal relationships, ${f}`, 0],
    ['periodic_active_funding_end', `Active periodic relationships (communities), ${f}`, 1],
    ['informal_formations_programme', 'Informal relationships formed in the funded months', 0],
    ['formal_formations_programme', 'Formal relationships formed in the funded months', 0],
    ['programme_orgs_networking_evaluation', `Programme organizations networking by ${evalEnd} (share)`, 2],
    ['outside_orgs_networking_evaluation', `Organizations outside the programme networking by ${evalEnd} (share)`, 2],
    ['networks_central_surviving', 'Centrally run learning networks alive at the survival month', 1],
    ['networks_profession_surviving', 'Profession-led learning networks alive at the survival month', 1],
    ['informal_ties_alive_after_funding', 'Informal ties formed while funded and still alive at the survival month', 0],
    ['spend_programme_gbp', 'Programme spend over the run (GBP million)', 1, 1e-6],
  ];
  return lines.flatMap(([outcome, label, digits, scale]) => {
    const value = estimate(run.summary.outcomes[outcome], digits, scale ?? 1);
    return value === undefined ? [] : [{ outcome, label, value }];
  });
}

/** The survival month S of docs/outputs.md, in words. */
function survivalMonth(run: RunData): string {
  const end = parameter(run, 'fundingEnd_month');
  const s = Math.min(end + parameter(run, 'survivalWindow_months'), run.manifest.months - 1);
  return `${monthLabel(dateOfMonth(run, s))} (${s - end + 1} months without funding)`;
}

/** A few plain sentences on the main results, each with its numbers and intervals; sentences whose outcomes are undefined are left out. */
export function summarySentences(run: RunData): string[] {
  const o = run.summary.outcomes;
  const e = (name: string, digits: number, scale = 1) => estimate(o[name], digits, scale);
  const f = monthLabel(dateOfMonth(run, parameter(run, 'fundingEnd_month') - 1));
  const end = monthLabel(dateOfMonth(run, run.manifest.months - 1));
  const reps = run.manifest.replications;
  const out: string[] = [`Every number is the mean over ${reps} replication${reps === 1 ? '' : 's'} with its 95% confidence interval.`];
  const ex = e('maturity_end_exemplar', 3);
  const fo = e('maturity_end_follower', 3);
  const ou = e('maturity_end_outside', 3);
  if (ex && fo && ou) out.push(`By ${end}, exemplars reached a mean digital maturity of ${ex}, followers ${fo}, and organizations outside the programme ${ou} (on a 0-1 scale).`);
  else if (ou) out.push(`By ${end}, organizations outside any programme reached a mean digital maturity of ${ou} (on a 0-1 scale).`);
  const inf = e('informal_active_funding_end', 0);
  const frm = e('formal_active_funding_end', 0);
  if (inf && frm) out.push(`In ${f}, the last funded month, ${inf} informal relationships were active against ${frm} formal ones.`);
  const infF = e('informal_formations_programme', 0);
  const frmF = e('formal_formations_programme', 0);
  if (infF && frmF) out.push(`Over the funded months, ${infF} informal and ${frmF} formal relationships formed.`);
  const c = e('networks_central_surviving', 1);
  const p = e('networks_profession_surviving', 1);
  const launchedC = e('networks_central', 1);
  const launchedP = e('networks_profession', 1);
  if (c && p && launchedC && launchedP && (o.networks_central?.mean ?? 0) + (o.networks_profession?.mean ?? 0) > 0) {
    out.push(`Of the learning networks launched (${launchedC} run centrally, ${launchedP} profession-led), ${c} central and ${p} profession-led were still alive in ${survivalMonth(run)}.`);
  }
  const ties = e('informal_ties_alive_after_funding', 0);
  if (ties) out.push(`${ties} informal ties formed while the programme was funded were still alive in ${survivalMonth(run)}.`);
  const spend = e('spend_programme_gbp', 1, 1e-6);
  if (spend && (o.spend_programme_gbp?.mean ?? 0) > 0) out.push(`The programme spent GBP ${spend} million over the run.`);
  return out;
}
