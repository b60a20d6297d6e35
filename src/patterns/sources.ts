import { fullCitation, REFERENCES, type ReferenceKey } from '../sources/bibliography.js';

/**
 * The studies the patterns come from, from the project's one bibliography (src/sources). A
 * pattern's source names one of them and a section of the paper.
 */
export const STUDIES: Readonly<Record<ReferenceKey, { short: string; full: string }>> = Object.fromEntries(
  (Object.keys(REFERENCES) as ReferenceKey[]).map((key) => [key, { short: REFERENCES[key].short, full: fullCitation(REFERENCES[key]) }]),
) as Record<ReferenceKey, { short: string; full: string }>;

export type Study = ReferenceKey;

/** A place in a study: the paper and the section (or table) the pattern or number is read from. */
export interface Citation {
  readonly study: Study;
  readonly section: string;
}

export function cite(c: Citation): string {
  return `${STUDIES[c.study].short}, ${c.section}`;
}
