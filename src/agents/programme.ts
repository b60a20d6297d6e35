/** A blueprint: a codified account of one organization's implementation in one domain. */
export interface Blueprint {
  readonly author: number;
  readonly domain: number;
  readonly codified: number;
  /** The author's tacit know-how in the domain at writing: what a reader may infer between the lines. */
  readonly tacit: number;
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
  /** Spend this month on the levers of scenario files (0 unless the lever is set). */
  spendSecondments_gbp: number;
  spendIndependentNetworks_gbp: number;
  spendFollowOn_gbp: number;
  /** The nationally subsidised share of consultancy fees this month (also inside spendNational_gbp). */
  spendConsultancySubsidy_gbp: number;
  /** Organizations outside the first wave funded by the follow-on programme. */
  followOn: number[];
  /** Secondments started: host, home, person, domain, start and end month. */
  secondments: Secondment[];
  /** Fractional secondments owed by the yearly rate (so a rate below 12 a year still yields some). */
  secondmentsOwed: number;
}

/** A funded secondment: a person of `home` works at `host` until `endsAt`. */
export interface Secondment {
  readonly host: number;
  readonly home: number;
  readonly person: number;
  readonly domain: number;
  readonly start: number;
  readonly endsAt: number;
}
