/**
 * MED-4, pure: does a caption, description or file name give a child's name? Written for the way
 * schools write captions: "Races in the wood" does not name a pupil called Wood, and a caption
 * naming a child with express permission is not refused because another pupil shares part of it.
 */

export interface PupilNames {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
}

export interface PublishTexts {
  caption: string;
  altText: string;
  fileName: string;
}

/** One text the check reads. A file name has no sentences and no reliable capitals. */
interface Field {
  field: string;
  text: string;
  prose: boolean;
}

export interface NameFound {
  field: string;
  name: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordPattern = (name: string) => `(^|[^\\p{L}\\p{N}])(${name.trim().split(/\s+/).map(escape).join('\\s+')})(?=$|[^\\p{L}\\p{N}])`;

/** Whole-word, case-insensitive: "Sam" is found in "Well done Sam!" but not in "Samuel" or "same". */
export function mentions(text: string, name: string): boolean {
  const trimmed = name.trim();
  if (trimmed.length < 2 || !text) return false;
  return new RegExp(wordPattern(trimmed), 'iu').test(text);
}

const isCapital = (letter: string) => letter !== letter.toLowerCase() && letter === letter.toUpperCase();
/** The start of the text, or just after ". ", "! ", "? " (closing quotes and brackets allowed) or a line break. */
const startsSentence = (before: string) => /(^\s*|[.!?]["'’”)\]]*\s+|\n\s*)["'‘“(\[]*$/u.test(before);

/**
 * A family name on its own is a name only when written as one: capitalised and, in a sentence,
 * not its first word ("Wood chopping at forest school"). In a file name, capitalised anywhere.
 */
export function surnameWrittenAsName(field: Field, familyName: string): boolean {
  const trimmed = familyName.trim();
  if (trimmed.length < 2 || !field.text) return false;
  for (const match of field.text.matchAll(new RegExp(wordPattern(trimmed), 'giu'))) {
    const word = match[2];
    const at = match.index + match[1].length;
    if (isCapital(word.charAt(0)) && !(field.prose && startsSentence(field.text.slice(0, at)))) return true;
  }
  return false;
}

export const fieldsOf = (texts: PublishTexts): Field[] => [
  { field: 'caption', text: texts.caption, prose: true },
  { field: 'alt text', text: texts.altText, prose: true },
  { field: 'file name', text: texts.fileName.replace(/[_.-]+/g, ' '), prose: false },
];

const fullNames = (p: PupilNames) =>
  [...new Set([`${p.givenName} ${p.familyName}`, p.preferredName ? `${p.preferredName} ${p.familyName}` : ''])].filter((n) => n.trim());

/** Neither a letter nor a full stop: what stands in for a permitted name keeps the sentence around it. */
const stand = '\uE000';

/** Takes out the given, preferred and full names of children whose carers gave express permission to name them. */
export function withoutPermittedNames(fields: Field[], permitted: readonly PupilNames[]): Field[] {
  const names = permitted
    .flatMap((p) => [...fullNames(p), p.givenName, p.preferredName ?? ''])
    .filter((n) => n.trim().length >= 2)
    .sort((a, b) => b.length - a.length);
  return fields.map((f) => ({ ...f, text: names.reduce((text, name) => text.replace(new RegExp(wordPattern(name), 'giu'), `$1${stand}`), f.text) }));
}

/**
 * A child in the photograph is named by their full, given or preferred name in any form, or by
 * their family name written as a name (in a file name, in any form: it labels the photograph).
 */
export function nameOfChildInPhoto(pupil: PupilNames, fields: Field[]): NameFound | null {
  const names = [...fullNames(pupil), pupil.givenName, pupil.preferredName ?? ''].filter((n) => n.trim());
  for (const f of fields) {
    for (const name of names) if (mentions(f.text, name)) return { field: f.field, name };
    if (f.prose ? surnameWrittenAsName(f, pupil.familyName) : mentions(f.text, pupil.familyName)) return { field: f.field, name: pupil.familyName };
  }
  return null;
}

/** Any other pupil is named by their full name, or their family name written as a name; a shared given name alone is not theirs. */
export function nameOfOtherPupil(pupil: PupilNames, fields: Field[]): NameFound | null {
  for (const f of fields) {
    for (const name of fullNames(pupil)) if (mentions(f.text, name)) return { field: f.field, name };
    if (surnameWrittenAsName(f, pupil.familyName)) return { field: f.field, name: pupil.familyName };
  }
  return null;
}

/**
 * Issue 19, a channel that gives first names only: a child in the photograph is named by family
 * name when a full name is written, or the family name is written as a name (in a file name, in any form).
 */
export function familyNameOfChild(pupil: PupilNames, fields: Field[]): NameFound | null {
  for (const f of fields) {
    for (const name of fullNames(pupil)) if (mentions(f.text, name)) return { field: f.field, name };
    if (f.prose ? surnameWrittenAsName(f, pupil.familyName) : mentions(f.text, pupil.familyName)) return { field: f.field, name: pupil.familyName };
  }
  return null;
}
