/**
 * Enumerations of the model, as `as const` tables with a derived index type, so that
 * every category is a small integer in hot loops and a stable name in output files.
 * The order of each list is part of the output format: append, never reorder.
 */

/** The x axis of the relationship spectrum (001, Spectrum of Interorganizational Relationships). */
export const FORMALITIES = ['formal', 'periodic', 'informal'] as const;
export type FormalityName = (typeof FORMALITIES)[number];
export const Formality = { formal: 0, periodic: 1, informal: 2 } as const;
export type Formality = (typeof Formality)[keyof typeof Formality];

/** The y axis of the spectrum, from external (policy) to internal (individual) origins. */
export const ORIGINS = ['policy', 'supplier', 'intermediary', 'provider', 'individual'] as const;
export type OriginName = (typeof ORIGINS)[number];
export const Origin = { policy: 0, supplier: 1, intermediary: 2, provider: 3, individual: 4 } as const;
export type Origin = (typeof Origin)[keyof typeof Origin];

/** The four links of the integrative model in 001 (Figure 1). */
export const INFLUENCES = ['trigger', 'mandate', 'control', 'enable'] as const;
export type InfluenceName = (typeof INFLUENCES)[number];
export const Influence = { trigger: 0, mandate: 1, control: 2, enable: 3 } as const;
export type Influence = (typeof Influence)[keyof typeof Influence];

/** Modes of knowledge sharing named in the brief (relationships section). */
export const MODES = [
  'pairing',
  'blueprint_use',
  'learning_network',
  'community_of_practice',
  'user_group',
  'pilot_visit',
  'site_visit',
  'consultancy',
  'personnel_move',
  'direct_contact',
  'academy_cohort',
  'professional_network',
  'partnership',
] as const;
export type ModeName = (typeof MODES)[number];
export const Mode = {
  pairing: 0,
  blueprintUse: 1,
  learningNetwork: 2,
  communityOfPractice: 3,
  userGroup: 4,
  pilotVisit: 5,
  siteVisit: 6,
  consultancy: 7,
  personnelMove: 8,
  directContact: 9,
  academyCohort: 10,
  professionalNetwork: 11,
  partnership: 12,
} as const;
export type Mode = (typeof Mode)[keyof typeof Mode];

export const DIRECTIONS = ['one_way', 'multidirectional'] as const;
export const Direction = { oneWay: 0, multi: 1 } as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export const CARE_SETTINGS = ['acute', 'mental_health', 'specialist', 'community', 'ambulance'] as const;
export type CareSettingName = (typeof CARE_SETTINGS)[number];
export const CareSetting = { acute: 0, mentalHealth: 1, specialist: 2, community: 3, ambulance: 4 } as const;
export type CareSetting = (typeof CareSetting)[keyof typeof CareSetting];

/** Technology domains: the systems named in the brief (organization entity). */
export const DOMAINS = ['epr', 'eprescribing', 'imaging', 'patient_portal', 'analytics', 'infrastructure'] as const;
export type DomainName = (typeof DOMAINS)[number];
export const Domain = { epr: 0, eprescribing: 1, imaging: 2, patientPortal: 3, analytics: 4, infrastructure: 5 } as const;
export type Domain = (typeof Domain)[keyof typeof Domain];
export const N_DOMAINS = DOMAINS.length;

/** Programme status, which is also the organization's collective identity (001 Relational recognition). */
export const STATUSES = ['exemplar', 'follower', 'outside'] as const;
export type StatusName = (typeof STATUSES)[number];
export const Status = { exemplar: 0, follower: 1, outside: 2 } as const;
export type Status = (typeof Status)[keyof typeof Status];

/** Transformation project stage per domain (001 Data Analysis: procurement, adoption, use). */
export const STAGES = ['none', 'procurement', 'adoption', 'optimization'] as const;
export const Stage = { none: 0, procurement: 1, adoption: 2, optimization: 3 } as const;
export type Stage = (typeof Stage)[keyof typeof Stage];

/** Roles of digitally engaged staff, with the interview mix of 001 Table 2 (in-depth sites). */
export const ROLES = [
  'ccio',
  'programme_manager',
  'cio',
  'nursing',
  'digital_director',
  'cnio',
  'project_manager',
  'pharmacist',
  'it',
  'clinical_transformation',
  'benefits_realisation',
] as const;
export type RoleName = (typeof ROLES)[number];
export const Role = {
  ccio: 0,
  programmeManager: 1,
  cio: 2,
  nursing: 3,
  digitalDirector: 4,
  cnio: 5,
  projectManager: 6,
  pharmacist: 7,
  it: 8,
  clinicalTransformation: 9,
  benefitsRealisation: 10,
} as const;
export type Role = (typeof Role)[keyof typeof Role];
/** Interviewees per role at the 12 in-depth sites, 001 Table 2 (n=178). */
export const ROLE_COUNTS_001_TABLE2: readonly number[] = [34, 29, 27, 15, 12, 11, 11, 7, 20, 6, 6];

export const SUPPLIER_STRATEGIES = ['mega_suite', 'best_of_breed'] as const;
export const SupplierStrategy = { megaSuite: 0, bestOfBreed: 1 } as const;
export type SupplierStrategy = (typeof SupplierStrategy)[keyof typeof SupplierStrategy];

/** Who runs a learning network: the programme centrally, or a profession (001 Spectrum; 003 Evolving Formal Processes). */
export const NETWORK_STEWARDS = ['central', 'profession'] as const;
export const NetworkSteward = { central: 0, profession: 1 } as const;
export type NetworkSteward = (typeof NetworkSteward)[keyof typeof NetworkSteward];

export const END_REASONS = ['term_over', 'cost_above_benefit', 'neglect', 'below_minimum_membership', 'one_off', 'person_left'] as const;
export const EndReason = { termOver: 0, costAboveBenefit: 1, neglect: 2, belowMinimum: 3, oneOff: 4, personLeft: 5 } as const;
export type EndReason = (typeof EndReason)[keyof typeof EndReason];

/**
 * How followers are matched to exemplars (a policy lever; the parameter `pairingRule_code`).
 * ownChoice: most choose by fit, the rest on policy criteria (003 Setting); sameSupplier and
 * sameGrouping: the programme requires a shared core supplier or strategic grouping where one is
 * free; random: policy criteria only.
 */
export const PAIRING_RULES = ['own-choice', 'same-supplier', 'same-grouping', 'random'] as const;
export type PairingRuleName = (typeof PAIRING_RULES)[number];
export const PairingRule = { ownChoice: 0, sameSupplier: 1, sameGrouping: 2, random: 3 } as const;
export type PairingRule = (typeof PairingRule)[keyof typeof PairingRule];

/** How participants are selected (the parameter `selectionRule_code`). */
export const SELECTION_RULES = ['most-mature', 'random'] as const;
export type SelectionRuleName = (typeof SELECTION_RULES)[number];
export const SelectionRule = { mostMature: 0, random: 1 } as const;
export type SelectionRule = (typeof SelectionRule)[keyof typeof SelectionRule];
