/**
 * The two studies the patterns come from, cited as users should see them (authors, year,
 * journal, DOI). A pattern's source names one of these keys and a section of the paper.
 */
export const STUDIES = {
  cresswell2021: {
    short: 'Cresswell et al. 2021',
    full: 'Cresswell K, et al. (2021). Interorganizational knowledge sharing to establish digital health learning ecosystems: qualitative evaluation of a national digital health transformation program in England. J Med Internet Res 23(8):e23372. doi:10.2196/23372',
  },
  mozaffar2026: {
    short: 'Mozaffar et al. 2026',
    full: 'Mozaffar H, et al. (2026). Analysis of multilevel factors mobilizing the spectrum of interorganizational knowledge sharing for facilitating digital transformation at scale: qualitative study. J Med Internet Res 28:e83345. doi:10.2196/83345',
  },
} as const;

export type Study = keyof typeof STUDIES;

/** A place in a study: the paper and the section (or table) the pattern or number is read from. */
export interface Citation {
  readonly study: Study;
  readonly section: string;
}

export function cite(c: Citation): string {
  return `${STUDIES[c.study].short}, ${c.section}`;
}
