/**
 * Gives the named fields of a new object a double representation from the start, leaving their
 * values as they are.
 *
 * V8 stores a field in the representation of the first value it holds, a small integer as a
 * small integer, and the first time any object of that shape stores a fraction there it moves
 * the shape to a new hidden class and throws away the optimized code built for the old one.
 * Fields that hold hours, values, money or months computed from parameters (every parameter is
 * held as a double) did that during the first replication on a thread, after TurboFan had
 * already compiled the hot loops for the old classes (measured: about 50 of the first
 * replication's 105 deoptimizations). The hidden class is shared by every object of the kind, so
 * settling the first object a run creates is enough, and a later run on the thread finds it
 * settled.
 */
export function settleAsDoubles<T extends object>(obj: T, fields: readonly (keyof T & string)[]): void {
  const record = obj as unknown as Record<string, number>;
  for (const field of fields) {
    const value = record[field];
    record[field] = 0.5;
    record[field] = value;
  }
}
