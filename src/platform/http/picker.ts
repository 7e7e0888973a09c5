import { formValue, formValues } from './form-body.ts';

/**
 * Choosing people from a long list (400 pupils, 500 carers) without a multiple select: a form field
 * holds the chosen ids as ticked checkboxes; a search box and a class list, sent with a "find"
 * button, bring back matching people as more checkboxes. It works without JavaScript; app.js does
 * the same search as you type, from the list the page carries (`all`).
 */
export interface PickerPerson {
  id: string;
  name: string;
  /** Where the person belongs ("Year 3 Hazel", "Left the school"): a hint, and what "show a class" lists. */
  group: string | null;
}

export interface Picker {
  name: string;
  query: string;
  group: string;
  chosen: PickerPerson[];
  results: PickerPerson[];
  /** How many matched, before the results were cut to `limit`. */
  matched: number;
  searched: boolean;
  groups: string[];
  /** Everyone to choose from, as JSON for app.js (a data block, never run; "<" escaped so a name cannot end it). */
  json: string;
}

/** Results shown at most; more means "type more of the name". */
export const pickerLimit = 50;

/** A name as search compares it: lower case, no accents or apostrophes ("Ó Súilleabháin" → "o suilleabhain"). */
export const foldName = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .toLowerCase();

/** Every word typed begins some word of the name, in any order ("pat ol" finds "Oliver Patel"; "oneill" finds "Isla O'Neill"). */
export function nameMatches(name: string, query: string): boolean {
  const words = foldName(name).split(/[\s-]+/);
  const typed = foldName(query)
    .split(/[\s-]+/)
    .filter(Boolean);
  return typed.length > 0 && typed.every((t) => words.some((w) => w.startsWith(t)));
}

/** The people a search finds, not counting those already chosen, in the list's own order. */
export function findPeople(people: PickerPerson[], chosen: Set<string>, query: string, group: string): PickerPerson[] {
  if (!query.trim() && !group) return [];
  return people.filter((p) => !chosen.has(p.id) && (!group || p.group === group) && (!query.trim() || nameMatches(p.name, query)));
}

/** Whether the form was sent to find people rather than to be saved. */
export const pickerFinding = (body: unknown): boolean => formValue(body, 'find') !== '' || formValue(body, 'chooseGroup') !== '';

/**
 * The picker for one field as the page shows it, from what was sent: the ticked ids, the name
 * typed in `<name>-find`, the class in `<name>-group`, and "choose the whole class" (`chooseGroup`).
 */
export function pickerFrom(name: string, people: PickerPerson[], body: unknown): Picker {
  const ids = new Set(formValues(body, name).filter(Boolean));
  const query = formValue(body, `${name}-find`).slice(0, 100);
  const groups = [...new Set(people.map((p) => p.group).filter((g): g is string => Boolean(g)))];
  const group = groups.includes(formValue(body, `${name}-group`)) ? formValue(body, `${name}-group`) : '';
  if (formValue(body, 'chooseGroup') === name && group) for (const p of people) if (p.group === group) ids.add(p.id);
  const found = pickerFinding(body) && formValue(body, 'chooseGroup') !== name ? findPeople(people, ids, query, group) : [];
  return {
    name,
    query,
    group,
    chosen: people.filter((p) => ids.has(p.id)),
    results: found.slice(0, pickerLimit),
    matched: found.length,
    searched: pickerFinding(body) && Boolean(query.trim() || group),
    groups,
    json: JSON.stringify(people.map((p) => [p.id, p.name, p.group])).replace(/</g, '\\u003c'),
  };
}
