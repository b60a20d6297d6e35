import { maturity } from '../../agents/organization.js';
import { SelectionRule, Status } from '../enums.js';
import { logEvent } from '../relationships.js';
import { normal } from '../rng.js';
import type { State, StepContext } from '../state.js';

/**
 * A follow-on programme for organizations outside the first wave (brief: later programmes;
 * 001 Interorganizational factors: "Digital Aspirant status"). At `followOnStart_month` the
 * `followOnOrganizations_count` most mature outside organizations (or random ones under the
 * random selection rule) are funded for `followOnFunded_months` with `followOnGrant_gbp` each.
 * They keep the status 'outside' (they are not exemplars or followers: no pairing, no blueprint
 * mandate); funding buys them staff hours (7.2: project pace and time to share) and raises new roles and consultancy hiring.
 */
export function selectFollowOn(state: State, ctx: StepContext): void {
  const p = ctx.params;
  const rng = ctx.rng.programme;
  const random = p.selectionRule_code === SelectionRule.random;
  const ranked = state.orgs
    .filter((o) => o.status === Status.outside && o.fundedUntil < 0)
    .map((o) => ({ o, score: random ? rng() : maturity(o) + normal(rng, 0, p.selectionNoise_index) }))
    .sort((x, y) => y.score - x.score || x.o.id - y.o.id)
    .slice(0, p.followOnOrganizations_count);
  for (const { o } of ranked) {
    o.fundedUntil = state.month + p.followOnFunded_months;
    o.grant_gbp = p.followOnGrant_gbp;
    state.programme.followOn.push(o.id);
    logEvent(state, ctx, 'programme', 'selected_follow_on', o.id, -1, `grant_gbp=${o.grant_gbp}`);
  }
}
