/**
 * The published sources of the model, cited the same way everywhere a user reads them (CLI,
 * manifests, reports). Scenarios and parameters name a source by a short citation followed by the
 * section, e.g. "Cresswell et al. 2021: Objectives"; older text used the internal seed file names
 * ("seeds/003_53c943aff26264ac.txt", "003 Objectives"), which citeSource rewrites, since those
 * files are not part of a clone of lesim.
 */

export interface Reference {
  /** "Mozaffar et al. 2026": how the text cites it. */
  readonly short: string;
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  readonly journal: string;
  /** Volume(issue):article, as the journal gives it. */
  readonly volume: string;
  readonly doi: string;
}

export const REFERENCES = {
  mozaffar2026: {
    short: 'Mozaffar et al. 2026',
    authors: 'Mozaffar H, et al.',
    year: 2026,
    title: 'Analysis of Multilevel Factors Mobilizing the Spectrum of Interorganizational Knowledge Sharing for Facilitating Digital Transformation at Scale: Qualitative Study',
    journal: 'J Med Internet Res',
    volume: '28:e83345',
    doi: '10.2196/83345',
  },
  cresswell2021: {
    short: 'Cresswell et al. 2021',
    authors: 'Cresswell K, Sheikh A, Franklin BD, Krasuska M, The Nguyen H, Hinder S, Lane W, Mozaffar H, Mason K, Eason S, Potts H, Williams R',
    year: 2021,
    title: 'Interorganizational Knowledge Sharing to Establish Digital Health Learning Ecosystems: Qualitative Evaluation of a National Digital Health Transformation Program in England',
    journal: 'J Med Internet Res',
    volume: '23(8):e23372',
    doi: '10.2196/23372',
  },
} as const satisfies Record<string, Reference>;

export type ReferenceKey = keyof typeof REFERENCES;

/** "Mozaffar H, et al. (2026). Title. J Med Internet Res 28:e83345. https://doi.org/10.2196/83345" */
export function fullCitation(ref: Reference): string {
  return `${ref.authors} (${ref.year}). ${ref.title}. ${ref.journal} ${ref.volume}. https://doi.org/${ref.doi}`;
}

/** The internal names each paper went by, longest first so that a file name is replaced whole. */
const ALIASES: readonly [RegExp, Reference][] = [
  [/(?:shared\/)?seeds\/001_d6a97f109499ec83\.txt/g, REFERENCES.mozaffar2026],
  [/(?:shared\/)?seeds\/003_53c943aff26264ac\.txt/g, REFERENCES.cresswell2021],
  // "001 Table 2", "(003 Objectives)": the number alone, before a section name or punctuation.
  [/(?<![\w.])001(?= [A-Z(]|[:,;)]|$)/g, REFERENCES.mozaffar2026],
  [/(?<![\w.])003(?= [A-Z(]|[:,;)]|$)/g, REFERENCES.cresswell2021],
];

/** A source as a reader can follow it: internal seed names become "Cresswell et al. 2021"; MODEL-BRIEF.md becomes the lesim model brief. */
export function citeSource(text: string): string {
  let out = text;
  for (const [pattern, ref] of ALIASES) out = out.replace(pattern, ref.short);
  return out.replace(/(?:shared\/)?MODEL-BRIEF\.md/g, 'lesim model brief');
}

/** The papers a list of (cited) sources refers to, in the order of REFERENCES. */
export function referencesIn(sources: readonly string[]): Reference[] {
  const text = sources.map(citeSource).join('\n');
  return Object.values(REFERENCES).filter((ref) => text.includes(ref.short));
}
