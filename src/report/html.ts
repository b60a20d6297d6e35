import { escapeHtml as h, PAGE_STYLE } from '../charts/render.js';

/** A table row; cells are HTML already (escape them first), numeric ones right-aligned. */
export const row = (cells: readonly string[], numeric: readonly boolean[] = []) => `<tr>${cells.map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`;

/** A whole page around a body: no scripts and no external resources, so it opens anywhere, with no network. */
export function page(title: string, body: string, style = ''): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${h(title)}</title>\n<style>${PAGE_STYLE}\nh1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}.skipped{color:#8a4b00}${style}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export function skippedHtml(skipped: readonly { kind: string; reason: string }[]): string {
  if (skipped.length === 0) return '';
  return `<p class="skipped">Not drawn: ${skipped.map((s) => `<strong>${h(s.kind)}</strong> (${h(s.reason)})`).join('; ')}.</p>`;
}
