import type { Direction, EndReason, Formality, Influence, Mode, Origin } from '../model/enums.js';

/** Where a relationship sits on the 2D spectrum, and how it came about (brief: Relationships). */
export interface Classified {
  readonly id: number;
  mode: Mode;
  formality: Formality;
  origin: Origin;
  influence: Influence;
  direction: Direction;
  readonly formed: number;
  /** Month it ended, or -1 while active. */
  ended: number;
  endReason: EndReason | -1;
}

/**
 * A pairwise relationship: between two people (informal ties), or between two organizations
 * (pairings, visits, consultancy). For a one-way relationship, side A is the knowledge donor.
 */
export interface Tie extends Classified {
  readonly kind: 'tie';
  /** Its number in the events file ('t<ref>'): one count over every tie formed, one-offs included. */
  readonly ref: number;
  readonly orgA: number;
  readonly orgB: number;
  /** Person ids, or -1 where the relationship is between organizations. */
  readonly personA: number;
  readonly personB: number;
  readonly domain: number;
  /** Month the relationship's term ends (contract, funding), or Infinity. */
  endsAt: number;
  lastUsed: number;
  trust: number;
  /** Running value of the tie to each side (keep-or-drop). */
  valueA: number;
  valueB: number;
  /** Uses in which each side gave knowledge (the reciprocity ledger). */
  givenA: number;
  givenB: number;
  codifiedFlow: number;
  tacitFlow: number;
  /** Of tacitFlow, what side B received (for a one-way relationship, all of it). */
  tacitToB: number;
  /** For an informal tie between people of a programme pairing: the pairing's id, else -1. */
  overlayOf: number;
}

/** Fields of a tie that come to hold fractions or months computed from parameters (model/shapes.ts). */
export const TIE_DOUBLE_FIELDS = ['formed', 'lastUsed', 'valueA', 'valueB', 'givenA', 'codifiedFlow', 'tacitFlow', 'tacitToB'] as const satisfies readonly (keyof Tie)[];

/** A community with members (learning network, community of practice, user group, cohort, network). */
export interface Community extends Classified {
  readonly kind: 'community';
  readonly name: string;
  /** Technology domain served, or -1 for all. */
  readonly domain: number;
  /** Roles whose professional identity the community serves (empty: none in particular). */
  readonly professionRoles: readonly number[];
  /** Supplier hosting it (user groups), or -1. */
  readonly supplier: number;
  readonly launchedByProgramme: boolean;
  readonly professionLed: boolean;
  members: number[];
  /** Consecutive membership reviews with negative net value, per member (parallel to members). */
  negativeReviews: number[];
  fundedUntil: number;
  endsAt: number;
  readonly meetingInterval: number;
  /** Share of the agenda set by users rather than the host (user groups). */
  userAgenda: number;
  /** Month the community changed form (e.g. network to community of practice), or -1. */
  transformed: number;
  /**
   * A member organization that has taken over the coordination of a programme network (so that it
   * can outlive its funding), or -1 (mechanisms/communities.ts hostTakeover).
   */
  host: number;
  /**
   * Some member has lost their employer (become a consultant or left the workforce) since the
   * community last dropped such members: set by relationships.ts noteLostEmployer, cleared by the
   * community phase, so that phase scans the member list only when someone may have to go.
   */
  memberLostEmployer: boolean;
  /**
   * Shared identity (attachment, 0-1) each member has built with this community by taking part,
   * indexed by person id (0 for non-members; ids past its end have none); made on first use by
   * mechanisms/communities.ts (voluntary communities only). Present from creation (undefined until
   * then), so every community keeps one object shape.
   */
  attachment: Float64Array | undefined;
}

/** Fields of a community that come to hold fractions or months computed from parameters (model/shapes.ts). */
export const COMMUNITY_DOUBLE_FIELDS = ['formed', 'fundedUntil', 'userAgenda'] as const satisfies readonly (keyof Community)[];
