import type { Supplier } from '../../agents/supplier.js';
import { CareSetting, Domain, N_DOMAINS, SupplierStrategy } from '../enums.js';
import { type Rng, weightedIndex } from '../rng.js';

/**
 * The embedded supplier market. Names are generic; shares are assumptions (the sources name
 * the mega-suite vs best-of-breed split, 001 Macroenvironmental, but give no market shares).
 */
interface SupplierRow {
  readonly name: string;
  readonly strategy: SupplierStrategy;
  readonly domains: readonly number[];
}

const ALL = [Domain.epr, Domain.eprescribing, Domain.patientPortal, Domain.analytics];
export const SUPPLIER_TABLE: readonly SupplierRow[] = [
  { name: 'Mega-suite A', strategy: SupplierStrategy.megaSuite, domains: ALL },
  { name: 'Mega-suite B', strategy: SupplierStrategy.megaSuite, domains: ALL },
  { name: 'Acute EPR C', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.epr, Domain.eprescribing] },
  { name: 'Acute EPR D', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.epr] },
  { name: 'Mental health EPR E', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.epr, Domain.eprescribing] },
  { name: 'Mental health EPR F', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.epr] },
  { name: 'Ambulance ePCR G', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.epr] },
  { name: 'e-prescribing H', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.eprescribing] },
  { name: 'Imaging I', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.imaging] },
  { name: 'Imaging J', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.imaging] },
  { name: 'Portal K', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.patientPortal] },
  { name: 'Analytics L', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.analytics] },
  { name: 'Infrastructure M', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.infrastructure] },
  { name: 'Infrastructure N', strategy: SupplierStrategy.bestOfBreed, domains: [Domain.infrastructure] },
];

export function createSuppliers(): Supplier[] {
  // Built by push, not by map, so the array keeps one hidden class (see State in state.ts).
  const suppliers: Supplier[] = [];
  for (let id = 0; id < SUPPLIER_TABLE.length; id++) {
    const row = SUPPLIER_TABLE[id];
    suppliers.push({ id, name: row.name, strategy: row.strategy, domains: row.domains, userGroup: -1 });
  }
  return suppliers;
}

/** Core (EPR) supplier shares by care setting, over SUPPLIER_TABLE rows; the mega-suite part scales with megaShare. */
function coreWeights(setting: CareSetting, megaShare: number): number[] {
  const w = new Array<number>(SUPPLIER_TABLE.length).fill(0);
  switch (setting) {
    case CareSetting.acute:
    case CareSetting.specialist:
      w[0] = megaShare * 0.6;
      w[1] = megaShare * 0.4;
      w[2] = (1 - megaShare) * 0.55;
      w[3] = (1 - megaShare) * 0.45;
      break;
    case CareSetting.mentalHealth:
      w[4] = 0.55;
      w[5] = 0.3;
      w[0] = 0.15;
      break;
    case CareSetting.community:
      w[3] = 0.4;
      w[4] = 0.35;
      w[5] = 0.25;
      break;
    case CareSetting.ambulance:
      w[6] = 1;
      break;
  }
  return w;
}

/**
 * Systems of one organization, per domain. A mega-suite customer mostly takes the suite's own
 * modules; a best-of-breed customer buys each domain from a specialist (001 Macroenvironmental).
 */
export function assignSystems(rng: Rng, setting: CareSetting, megaShare: number): Int16Array {
  const systems = new Int16Array(N_DOMAINS);
  const core = weightedIndex(rng, coreWeights(setting, megaShare));
  systems[Domain.epr] = core;
  const coreRow = SUPPLIER_TABLE[core];
  const suiteCovers = (d: number) => coreRow.domains.includes(d) && (coreRow.strategy === SupplierStrategy.megaSuite ? rng() < 0.85 : rng() < 0.4);
  systems[Domain.eprescribing] = suiteCovers(Domain.eprescribing) ? core : 7;
  systems[Domain.imaging] = rng() < 0.55 ? 8 : 9;
  systems[Domain.patientPortal] = suiteCovers(Domain.patientPortal) ? core : 10;
  systems[Domain.analytics] = suiteCovers(Domain.analytics) ? core : 11;
  systems[Domain.infrastructure] = rng() < 0.5 ? 12 : 13;
  return systems;
}
