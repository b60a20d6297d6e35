import type { Role } from '../model/enums.js';

/** Where a person works: an organization id, or one of these. */
export const NO_EMPLOYER = { consultant: -1, left: -2 } as const;

/**
 * A digitally engaged person (001 Table 2 roles): plain data. Motivations and inhibitors are
 * 0-1 traits (001 Individual/Interpersonal Level).
 */
export interface Individual {
  readonly id: number;
  /** Employer organization id, NO_EMPLOYER.consultant, or NO_EMPLOYER.left (out of the digitally engaged workforce). */
  org: number;
  readonly role: Role;
  /** Reputation, professional status, insight from other perspectives. */
  readonly intrinsic: number;
  /** Building communities, companionship, reciprocity. */
  readonly extrinsic: number;
  /** Psychological ownership of knowledge. */
  readonly ownership: number;
  /** Uncertainty about partners' behaviour. */
  readonly uncertainty: number;
  /** Ids of the person's active tie relationships. */
  ties: number[];
  /** Ids of the communities the person belongs to. */
  memberships: number[];
  /**
   * Changes to `memberships` so far (each join and each leave): a stamp by which an answer
   * computed from the list can be known still good (mechanisms/ties.ts sharedCommunity).
   */
  membershipVersion: number;
  /** Academy-trained; set only by markTrained (model/training.ts), which keeps the employer's count. */
  readonly trained: boolean;
  professionalMember: boolean;
  /** For a consultant: the tacit know-how carried from the last employer, per domain. */
  carriedTacit: Float64Array | null;
  /** For a consultant: the supplier of each domain at the last employer. */
  carriedSuppliers: Int16Array | null;
  /** For a consultant: month the current engagement ends, or -1 if free. */
  engagedUntil: number;
}
