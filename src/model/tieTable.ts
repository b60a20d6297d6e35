import type { Tie } from '../agents/relationship.js';

/** Ints per tie in TieTable.data, and the offset of each field within a tie's row. */
export const TIE_STRIDE = 8;
export const TIE_PERSON_A = 0;
export const TIE_PERSON_B = 1;
export const TIE_ORG_A = 2;
export const TIE_ORG_B = 3;
/** Month the tie ended, or -1 while active (as Tie.ended). */
export const TIE_ENDED = 4;
export const TIE_MODE = 5;
export const TIE_FORMALITY = 6;
export const TIE_ORIGIN = 7;

/**
 * The fields of every stored tie that the monthly loops over the active ties read, in one row
 * of eight ints per tie (two rows to a cache line), indexed by tie id. Those loops visit few of
 * the ties ever formed, scattered by id, so a row per tie touches one line where the tie object
 * costs a pointer chase and more (and where one array per field would cost a line per field).
 * The tie objects stay the record (outputs, tests, rarer readers); every write of one of these
 * fields goes through formTie, endTie, changeForm or redate, which write both, so the table always
 * equals the objects (test/model/tieTable.test.ts checks it after a whole replication).
 */
export class TieTable {
  length = 0;
  // Stored twice on construction: V8 then treats the field as mutable from the first table on, so
  // growing a table later does not throw away the optimized code of every loop that reads it.
  data = new Int32Array(0);

  constructor() {
    this.data = new Int32Array(1024 * TIE_STRIDE);
  }

  /** Appends a newly formed tie (its id must be the next index). */
  add(tie: Tie): void {
    if (tie.id !== this.length) throw new Error(`tie table: tie ${tie.id} added at row ${this.length}`);
    if ((this.length + 1) * TIE_STRIDE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const o = this.length++ * TIE_STRIDE;
    this.data[o + TIE_PERSON_A] = tie.personA;
    this.data[o + TIE_PERSON_B] = tie.personB;
    this.data[o + TIE_ORG_A] = tie.orgA;
    this.data[o + TIE_ORG_B] = tie.orgB;
    this.sync(tie);
  }

  /** Copies the fields of a tie that can change (its ending, its place on the spectrum). */
  sync(tie: Tie): void {
    const o = tie.id * TIE_STRIDE;
    this.data[o + TIE_ENDED] = tie.ended;
    this.data[o + TIE_MODE] = tie.mode;
    this.data[o + TIE_FORMALITY] = tie.formality;
    this.data[o + TIE_ORIGIN] = tie.origin;
  }
}
