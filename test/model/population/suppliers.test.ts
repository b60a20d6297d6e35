import { describe, expect, it } from 'vitest';
import { CareSetting, Domain, N_DOMAINS, SupplierStrategy } from '../../../src/model/enums.js';
import { assignSystems, createSuppliers, SUPPLIER_TABLE } from '../../../src/model/population/suppliers.js';
import { makeRng } from '../../../src/model/rng.js';
import { world } from '../mechanisms/fixtures.js';

describe('suppliers', () => {
  it('createSuppliers follows the table, with no user group yet', () => {
    const suppliers = createSuppliers();
    expect(suppliers).toHaveLength(SUPPLIER_TABLE.length);
    suppliers.forEach((s, i) => {
      expect(s.id).toBe(i);
      expect(s.name).toBe(SUPPLIER_TABLE[i].name);
      expect(s.userGroup).toBe(-1);
    });
  });

  it('every organization has a supplier per domain that sells into that domain', () => {
    const { state } = world();
    for (const org of state.orgs) {
      expect(org.suppliers).toHaveLength(N_DOMAINS);
      for (let d = 0; d < N_DOMAINS; d++) {
        const s = org.suppliers[d];
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(SUPPLIER_TABLE.length);
        expect(SUPPLIER_TABLE[s].domains).toContain(d);
      }
    }
  });

  it('core systems follow the care setting', () => {
    const rng = makeRng('systems');
    for (let i = 0; i < 300; i++) {
      expect(assignSystems(rng, CareSetting.ambulance, 0.45)[Domain.epr]).toBe(6);
      expect([0, 4, 5]).toContain(assignSystems(rng, CareSetting.mentalHealth, 0.45)[Domain.epr]);
      expect([3, 4, 5]).toContain(assignSystems(rng, CareSetting.community, 0.45)[Domain.epr]);
      expect([0, 1, 2, 3]).toContain(assignSystems(rng, CareSetting.acute, 0.45)[Domain.epr]);
    }
  });

  it('megaSuiteShare_share sets the share of acute mega-suite cores', () => {
    const rng = makeRng('mega');
    const mega = (share: number) => {
      let n = 0;
      for (let i = 0; i < 2000; i++) if (SUPPLIER_TABLE[assignSystems(rng, CareSetting.acute, share)[Domain.epr]].strategy === SupplierStrategy.megaSuite) n += 1;
      return n / 2000;
    };
    expect(mega(0)).toBe(0);
    expect(mega(1)).toBe(1);
    expect(Math.abs(mega(0.45) - 0.45)).toBeLessThan(0.05);
  });

  it('a mega-suite customer mostly takes the suite\'s own modules', () => {
    const rng = makeRng('suite');
    let own = 0;
    let total = 0;
    for (let i = 0; i < 2000; i++) {
      const s = assignSystems(rng, CareSetting.acute, 1);
      total += 1;
      if (s[Domain.eprescribing] === s[Domain.epr]) own += 1;
    }
    expect(own / total).toBeGreaterThan(0.75);
    expect(own / total).toBeLessThan(0.95);
  });
});
