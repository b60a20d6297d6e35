import type { ScenarioIssue } from '../../scenarios/errors.js';
import { CONTROLS, type LeverControl, type LeverValues, type Starting } from '../scenarioEdit.js';

/*
 * The lever form of one scenario, generated from the lever table: a slider with a number box for
 * bounded numbers, a number box for money, a select for rules and yes/no, a text box for months.
 * Values are read as a scenario file would hold them and checked by the file schema elsewhere;
 * a control whose value the schema refuses shows the schema's message under it.
 */

const GROUP_TITLES: Readonly<Record<string, string>> = {
  run: 'Run',
  programme: 'Programme and funding period',
  budget: 'Budget by line',
  participants: 'Participants and selection',
  pairing: 'Pairing',
  blueprints: 'Blueprints',
  learning_networks: 'Learning networks',
  academy: 'Digital Academy',
  new_roles: 'New roles (CCIO, CNIO)',
  labels: 'Status labels',
  suppliers: 'Suppliers',
  intermediaries: 'Intermediaries: consultancy and secondments',
  national_activities: 'National activities',
  follow_on: 'Follow-on programme',
  context: 'Competitive context',
};

/** Most values a slider spans before a number box alone is clearer (money, large counts). */
const SLIDER_SPAN = 1000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A number box's text as a file would hold it: a number if it reads as one, else the text (which the schema refuses, saying why). */
function readNumber(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : t;
}

function rangeText(c: LeverControl): string {
  if (c.input !== 'number') return c.unit;
  return `${c.unit}; ${c.min} to ${c.max}${c.integer ? ', whole' : ''}`;
}

interface Field {
  readonly control: LeverControl;
  read(): unknown;
  write(value: unknown): void;
  readonly row: HTMLElement;
  readonly why: HTMLElement;
}

function field(slot: string, c: LeverControl, onChange: () => void): Field {
  const id = `${slot}-${c.path.replace(/\./g, '-')}`;
  const row = el('div', { class: 'lever', 'data-path': c.path });
  const label = el('label', { for: id, title: c.description }, c.label);
  const unit = el('span', { class: 'unit' }, rangeText(c));
  const why = el('div', { class: 'why', role: 'alert' });
  const attrs = { id, 'data-slot': slot, 'data-path': c.path, title: `${c.description} Allowed: ${c.allowed}.` };
  let read: () => unknown;
  let write: (value: unknown) => void;
  let input: HTMLElement;
  if (c.input === 'select' || c.input === 'boolean') {
    const select = el('select', attrs);
    const options = c.input === 'boolean' ? ['true', 'false'] : (c.options ?? []);
    for (const o of options) select.append(el('option', { value: o }, c.input === 'boolean' ? (o === 'true' ? 'yes' : 'no') : o));
    read = () => (c.input === 'boolean' ? select.value === 'true' : select.value);
    write = (v) => (select.value = String(v));
    select.addEventListener('change', onChange);
    input = select;
  } else if (c.input === 'month') {
    const box = el('input', { ...attrs, type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM', size: '8' });
    read = () => (box.value.trim() === '' ? undefined : box.value.trim());
    write = (v) => (box.value = v === undefined ? '' : String(v));
    box.addEventListener('input', onChange);
    input = box;
  } else {
    const box = el('input', { ...attrs, type: 'text', inputmode: 'decimal', size: '12' });
    const wrap = el('span', { class: 'number' });
    const span = (c.max ?? Infinity) - (c.min ?? 0);
    let slider: HTMLInputElement | undefined;
    if (Number.isFinite(span) && span <= SLIDER_SPAN) {
      slider = el('input', { type: 'range', min: String(c.min), max: String(c.max), step: c.integer ? '1' : String(span / 200), 'aria-label': c.label, tabindex: '-1' });
      slider.addEventListener('input', () => {
        box.value = slider!.value;
        onChange();
      });
      wrap.append(slider);
    }
    box.addEventListener('input', () => {
      const x = Number(box.value);
      if (slider && Number.isFinite(x)) slider.value = String(x);
      onChange();
    });
    wrap.append(box);
    read = () => readNumber(box.value);
    write = (v) => {
      box.value = v === undefined ? '' : String(v);
      if (slider && typeof v === 'number') slider.value = String(v);
    };
    input = wrap;
  }
  row.append(label, input, unit, why);
  return { control: c, read, write, row, why };
}

export interface LeverForm {
  values(): LeverValues;
  /** Shows the starting values of a built-in (and which differ from it). */
  reset(start: Starting): void;
  /** Marks the controls the schema refused, with its messages; returns the issues no control shows. */
  showIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[];
  markChanged(start: Starting): number;
}

export function leverForm(container: HTMLElement, slot: string, onChange: () => void): LeverForm {
  const fields = CONTROLS.map((c) => field(slot, c, onChange));
  const groups = new Map<string, HTMLElement>();
  for (const f of fields) {
    let body = groups.get(f.control.group);
    if (!body) {
      const details = el('details', { class: 'group', 'data-group': f.control.group });
      details.append(el('summary', {}, GROUP_TITLES[f.control.group] ?? f.control.group));
      body = el('div', { class: 'group-body' });
      details.append(body);
      container.append(details);
      groups.set(f.control.group, body);
    }
    body.append(f.row);
  }
  const form: LeverForm = {
    values: () => Object.fromEntries(fields.map((f) => [f.control.path, f.read()])),
    reset(start) {
      for (const f of fields) f.write(start.values[f.control.path]);
      form.showIssues([]);
      form.markChanged(start);
    },
    showIssues(issues) {
      const rest: ScenarioIssue[] = [];
      for (const f of fields) {
        f.why.textContent = '';
        f.row.classList.remove('invalid');
      }
      for (const issue of issues) {
        const path = issue.path.split(' ')[0];
        const f = fields.find((x) => x.control.path === path);
        if (!f) {
          rest.push(issue);
          continue;
        }
        f.why.textContent = f.why.textContent ? `${f.why.textContent}; ${issue.message}` : issue.message;
        f.row.classList.add('invalid');
        f.row.closest('details')?.setAttribute('open', '');
      }
      return rest;
    },
    markChanged(start) {
      let n = 0;
      for (const f of fields) {
        const changed = f.read() !== start.values[f.control.path];
        f.row.classList.toggle('changed', changed);
        if (changed) n += 1;
      }
      for (const [group, body] of groups) {
        const count = body.querySelectorAll('.lever.changed').length;
        const summary = body.parentElement!.querySelector('summary')!;
        summary.textContent = `${GROUP_TITLES[group] ?? group}${count > 0 ? ` (${count} changed)` : ''}`;
      }
      return n;
    },
  };
  return form;
}
