/** A blueprint: a codified account of one organization's implementation in one domain. */
export interface Blueprint {
  readonly author: number;
  readonly domain: number;
  readonly codified: number;
  readonly month: number;
}

/** The policy programme's own state (budget, schedule, selection, blueprints, spend). */
export interface Programme {
  readonly active: boolean;
  exemplars: number[];
  followers: number[];
  /** Tie ids of the exemplar/follower pairings. */
  pairings: number[];
  /** Per pairing (parallel to pairings): the follower's bias in judging itself against its exemplar. */
  pairingBias: number[];
  /** Per pairing: months it was actively worked. */
  pairingEngagedMonths: number[];
  /** Per pairing: month its first informal overlay tie formed, or -1. */
  pairingOverlaySince: number[];
  blueprints: Blueprint[];
  /** Indices into blueprints, per domain. */
  blueprintsByDomain: number[][];
  /** Community ids of programme learning networks. */
  learningNetworks: number[];
  academyCohorts: number[];
  /** Spend this month, GBP, by line. */
  spendGrants_gbp: number;
  spendNational_gbp: number;
  spendAcademy_gbp: number;
  spendConsultancy_gbp: number;
}
