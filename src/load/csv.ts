/**
 * RFC 4180 CSV reading, the inverse of src/io/csv.ts: quoted fields may hold commas, quotes and
 * line breaks. Returns one record per row keyed by the header.
 */
export function parseCsv(text: string, file = 'CSV'): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error(`${file}: a quoted field is not closed`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  if (rows.length === 0) throw new Error(`${file}: empty, expected a header row`);
  const header = rows[0];
  return rows.slice(1).map((values, r) => {
    if (values.length !== header.length) throw new Error(`${file}: row ${r + 2} has ${values.length} fields, the header has ${header.length}`);
    return Object.fromEntries(header.map((name, k) => [name, values[k]]));
  });
}

/** A numeric CSV field: empty (written for NaN, an undefined statistic) reads back as NaN. */
export function csvNumber(value: string | undefined): number {
  return value === undefined || value === '' ? NaN : Number(value);
}
