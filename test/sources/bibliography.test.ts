import { describe, expect, it } from 'vitest';
import { citeSource, fullCitation, REFERENCES, referencesIn } from '../../src/sources/bibliography.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { SCENARIOS } from '../../src/scenarios/index.js';

describe('bibliography', () => {
  it('cites both papers by authors, year, title, journal and DOI', () => {
    expect(fullCitation(REFERENCES.mozaffar2026)).toBe(
      'Mozaffar H, et al. (2026). Analysis of Multilevel Factors Mobilizing the Spectrum of Interorganizational Knowledge Sharing for Facilitating Digital Transformation at Scale: Qualitative Study. J Med Internet Res 28:e83345. https://doi.org/10.2196/83345',
    );
    expect(fullCitation(REFERENCES.cresswell2021)).toContain('(2021). Interorganizational Knowledge Sharing to Establish Digital Health Learning Ecosystems: Qualitative Evaluation of a National Digital Health Transformation Program in England. J Med Internet Res 23(8):e23372. https://doi.org/10.2196/23372');
  });
  it('rewrites internal seed names into citations', () => {
    expect(citeSource('seeds/003_53c943aff26264ac.txt: Objectives')).toBe('Cresswell et al. 2021: Objectives');
    expect(citeSource('001 Research Setting; 003 Table 1')).toBe('Mozaffar et al. 2026 Research Setting; Cresswell et al. 2021 Table 1');
    expect(citeSource('MODEL-BRIEF.md: pattern 5')).toBe('lesim model brief: pattern 5');
    expect(citeSource('assumption: 1001 organizations')).toBe('assumption: 1001 organizations');
    expect(citeSource('assumption: the cadre of 001 Table 2 (as in 003 Objectives)')).toBe('assumption: the cadre of Mozaffar et al. 2026 Table 2 (as in Cresswell et al. 2021 Objectives)');
    expect(referencesIn(['Cresswell et al. 2021: Setting']).map((r) => r.doi)).toEqual(['10.2196/23372']);
  });
  it('is what every built-in scenario cites: no internal file names', () => {
    for (const s of SCENARIOS) for (const source of s.sources) expect(source, s.name).not.toMatch(/seeds\/|_[0-9a-f]{16}\.txt|MODEL-BRIEF/);
  });
  it('is how every parameter source reads: no bare seed numbers', () => {
    for (const [name, spec] of Object.entries(PARAMETERS)) expect(citeSource(spec.source), name).not.toMatch(/(?<![\w.])00[13](?![\w])/);
  });
});
