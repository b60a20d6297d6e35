import type { Config } from 'vega-lite';
import { fixed } from '../format/number.js';

/**
 * The one font of every chart: DejaVu Sans is in Debian's fonts-dejavu-core, so resvg finds it
 * headless and the PNGs match the SVGs. Sizes are chosen to stay readable at 100% zoom.
 */
export const FONT = 'DejaVu Sans';

export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: '#333', anchor: 'start', offset: 12, subtitlePadding: 6 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#222', titleColor: '#222', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 280 },
  header: { labelFontSize: 12, titleFontSize: 12, labelFontWeight: 'bold', labelColor: '#222' },
  view: { stroke: '#ccc' },
  text: { font: FONT },
};

/** Colours of the five origins, external to internal; colour-blind safe (Okabe-Ito). */
export const ORIGIN_COLOURS: Record<string, string> = {
  policy: '#0072B2',
  supplier: '#E69F00',
  intermediary: '#009E73',
  provider: '#CC79A7',
  individual: '#D55E00',
};

/** Okabe-Ito colours for other categorical series, in order. */
export const CATEGORY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];

/**
 * Breaks a caption into lines of at most `width` characters at spaces, for a title subtitle
 * (Vega-Lite does not wrap text itself).
 */
export function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A number for a caption: thousands separated, with the given decimals (the one formatter of src/format/number.ts). */
export const fmt = (x: number, digits = 0): string => fixed(x, digits);

/** "2017-01" -> "January 2017". */
export function monthLabel(date: string): string {
  const [y, m] = date.split('-').map(Number);
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${names[m - 1]} ${y}`;
}
