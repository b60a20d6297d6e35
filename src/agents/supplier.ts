import type { SupplierStrategy } from '../model/enums.js';

/** A technology supplier (001 Macroenvironmental: supplier strategies). */
export interface Supplier {
  readonly id: number;
  readonly name: string;
  readonly strategy: SupplierStrategy;
  /** Domains the supplier sells into (a mega-suite covers most). */
  readonly domains: readonly number[];
  /** Community id of its user group, or -1. */
  userGroup: number;
}
