import * as vega from 'vega';

/*
 * Advance widths of DejaVu Sans and DejaVu Sans Bold (thousandths of the font size) for the
 * printable ASCII characters 32-126, read from the hmtx and cmap tables of Debian's
 * fonts-dejavu-core 2.37 (DejaVuSans.ttf, DejaVuSans-Bold.ttf).
 *
 * Why: headless, with no canvas, Vega estimates every text as 0.8 em per character, about 40%
 * too wide for DejaVu Sans, so titles and captions made charts far wider than what they drew and
 * legends were cut short. With the font's own widths, layout matches what resvg and browsers draw.
 */
const REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838];
const BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838];
const OTHER_REGULAR: Record<string, number> = { '–': 500, '—': 1000, '’': 318, '‘': 318, '“': 518, '”': 518, '£': 636, '×': 838, '·': 318, '…': 1000, '−': 838, 'é': 615 };
const OTHER_BOLD: Record<string, number> = { '–': 500, '—': 1000, '’': 380, '‘': 380, '“': 657, '”': 657, '£': 696, '×': 838, '·': 380, '…': 1000, '−': 838, 'é': 678 };

/** Width in pixels of one line of text in DejaVu Sans at `size` px; characters outside the table count as an em's 0.64. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  const other = bold ? OTHER_BOLD : OTHER_REGULAR;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code < 127 ? table[code - 32] : (other[ch] ?? 640);
  }
  return (units * size) / 1000;
}

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

let installed = false;

/** Makes Vega measure text with DejaVu Sans widths (the documented textMetrics.width hook, as vl-convert does). */
export function useDejaVuMetrics(): void {
  if (installed) return;
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text?: unknown) => {
    const value = text ?? item.text;
    const line = Array.isArray(value) ? value.map(String).reduce((a, b) => (a.length >= b.length ? a : b), '') : value == null ? '' : String(value);
    const weight = item.fontWeight;
    const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
    return textWidth(line, item.fontSize ?? 11, bold);
  };
  installed = true;
}
