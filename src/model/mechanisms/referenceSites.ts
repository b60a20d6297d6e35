import type { Organization } from '../../agents/organization.js';

/**
 * The most capable organization per (supplier, domain), and the runner-up, so a pilot visit finds
 * its reference site without scanning every organization (that scan made the suppliers phase grow
 * with the square of the population). Order: higher capability first, then lower id, which is
 * what a scan in id order keeping the first strictly greater value finds. Capabilities may only
 * rise while it is in use (note them with raised): knowledge transfers never lower a stock.
 */
export class ReferenceSites {
  private readonly bestId: Int32Array;
  private readonly bestK: Float64Array;
  private readonly secondId: Int32Array;
  private readonly secondK: Float64Array;

  constructor(orgs: readonly Organization[], suppliers: number, private readonly domains: number) {
    const keys = suppliers * domains;
    this.bestId = new Int32Array(keys).fill(-1);
    this.secondId = new Int32Array(keys).fill(-1);
    this.bestK = new Float64Array(keys).fill(-Infinity);
    this.secondK = new Float64Array(keys).fill(-Infinity);
    for (const org of orgs) for (let d = 0; d < domains; d++) this.raised(org, d);
  }

  /** The reference site for `org` in domain d: the best other customer of its supplier with capability above 0, or -1. */
  siteFor(org: Organization, d: number): number {
    const key = org.suppliers[d] * this.domains + d;
    const first = this.bestId[key] !== org.id;
    const id = first ? this.bestId[key] : this.secondId[key];
    const k = first ? this.bestK[key] : this.secondK[key];
    return id >= 0 && k > 0 ? id : -1;
  }

  /** Records the (new or risen) capability of `org` in domain d. */
  raised(org: Organization, d: number): void {
    const key = org.suppliers[d] * this.domains + d;
    const id = org.id;
    const k = org.capability[d];
    if (this.bestId[key] === id) {
      this.bestK[key] = k;
      return;
    }
    if (this.secondId[key] !== id && !better(k, id, this.secondK[key], this.secondId[key])) return;
    this.secondId[key] = id;
    this.secondK[key] = k;
    if (better(k, id, this.bestK[key], this.bestId[key])) {
      this.secondId[key] = this.bestId[key];
      this.secondK[key] = this.bestK[key];
      this.bestId[key] = id;
      this.bestK[key] = k;
    }
  }
}

function better(k: number, id: number, k2: number, id2: number): boolean {
  return k > k2 || (k === k2 && id2 >= 0 && id < id2);
}
