import { isParameterName, PARAMETERS } from '../model/parameters.js';

/** An outcome a sweep shows first: its name in the files, a label in words, its unit and decimals. */
export interface HeadlineOutcome {
  readonly outcome: string;
  readonly label: string;
  /** A few words, for a column of the table on stdout. */
  readonly short: string;
  readonly unit: string;
  readonly digits: number;
}

/**
 * The outcomes `lesim sweep` prints, `lesim chart` draws and the sweep report leads with: how
 * mature organizations became, inside and outside the programme, and how much informal
 * networking there was and outlived the funding. outcomes.csv holds every outcome.
 */
export const SWEEP_HEADLINE: readonly HeadlineOutcome[] = [
  { outcome: 'maturity_end_all', label: 'Digital maturity at the end, all organizations', short: 'maturity all', unit: 'index 0-1', digits: 3 },
  { outcome: 'maturity_end_outside', label: 'Digital maturity at the end, organizations outside the programme', short: 'maturity outside', unit: 'index 0-1', digits: 3 },
  { outcome: 'informal_active_funding_end', label: 'Active informal relationships when funding ends', short: 'informal at funding end', unit: 'relationships', digits: 0 },
  { outcome: 'informal_ties_alive_after_funding', label: 'Informal ties formed while funded and still alive after funding', short: 'informal ties surviving', unit: 'ties', digits: 0 },
];

/**
 * A swept parameter in words: the first clause of its description ("Share of followers that
 * choose their own exemplar"), at most `width` characters, so that tables and axes need no ids.
 */
export function parameterLabel(name: string, width = 60): string {
  if (!isParameterName(name)) return name;
  const first = PARAMETERS[name].description.split(/[.;:]\s|\s\(|, times\b/)[0].replace(/\.$/, '').trim();
  if (first.length <= width) return first;
  const cut = first.slice(0, width - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), width / 2))}…`;
}

/** The unit of a swept parameter ("share", "networks"), or '' for an unknown name. */
export function parameterUnit(name: string): string {
  return isParameterName(name) ? PARAMETERS[name].unit : '';
}
