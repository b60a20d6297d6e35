import { describe, expect, it } from 'vitest';
import { parameterTableMarkdown, TABLE_END, TABLE_START, withParameterTable } from '../../src/io/parameterTable.js';
import { PARAMETER_NAMES, PARAMETERS } from '../../src/model/parameters.js';

function rows(): string[] {
  return parameterTableMarkdown().split('\n').slice(3, -1);
}

describe('parameterTableMarkdown', () => {
  it('is wrapped in the markers with a header and one row per parameter, in table order', () => {
    const lines = parameterTableMarkdown().split('\n');
    expect(lines[0]).toBe(TABLE_START);
    expect(lines[lines.length - 1]).toBe(TABLE_END);
    expect(lines[1]).toBe('| name | unit | default | range | meaning | source |');
    expect(rows()).toHaveLength(PARAMETER_NAMES.length);
    rows().forEach((row, i) => expect(row.startsWith(`| \`${PARAMETER_NAMES[i]}\` |`)).toBe(true));
  });

  it('every row has six cells, with unit, default and range', () => {
    for (const [i, row] of rows().entries()) {
      const cells = row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      expect(cells).toHaveLength(6);
      const spec = PARAMETERS[PARAMETER_NAMES[i]];
      expect(cells[1]).toBe(spec.unit.replace(/\|/g, '\\|'));
      expect(cells[3].endsWith('(whole)')).toBe(spec.integer === true);
    }
  });

  it('writes large numbers with an exponent and ordinary ones plainly', () => {
    const row = rows().find((r) => r.startsWith('| `exemplarGrant_gbp` |'))!;
    expect(row).toContain('| 1e7 |');
    expect(row).toContain('0 to 1e9');
    expect(rows().find((r) => r.startsWith('| `horizon_months` |'))).toContain('| 120 | 1 to 600 (whole) |');
  });
});

describe('withParameterTable', () => {
  it('replaces what lies between the markers and keeps the rest', () => {
    const doc = `# Title\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nAfter.\n`;
    const out = withParameterTable(doc);
    expect(out.startsWith('# Title\n\n')).toBe(true);
    expect(out.endsWith('\n\nAfter.\n')).toBe(true);
    expect(out).not.toContain('old table');
    expect(out).toContain(parameterTableMarkdown());
    expect(withParameterTable(out)).toBe(out);
  });

  it('throws without the markers', () => {
    expect(() => withParameterTable('# no table here')).toThrow(/markers/);
    expect(() => withParameterTable(`${TABLE_END}\n${TABLE_START}`)).toThrow(/markers/);
  });
});
