/**
 * A model policy's notes to whoever adopts it ("[Template guidance: some schools allow first names… Delete if not
 * applicable.]", "*[Schools should decide whether…]*") are no rule of the school's. They are blanked before reading, each
 * character but the line breaks, so every line keeps its number.
 */
const templateNote =
  /\[\s*(?:template (?:guidance|note)|guidance(?: note)?|note (?:to|for) (?:schools?|settings?|editors?|users?|the school)|schools? (?:should|may|must|can|will need to|might)|settings? (?:should|may|must|can)|delete (?:as|if|this)|insert|amend (?:as|to)|choose (?:one|either)|optional)\b[^\]]{0,1200}\]/gi;

/** The same note in italics, not brackets: "*DES guidance note: Schools may wish to set out here whether pupils' names…*". */
const italicNote =
  /(?<![*_\w])([*_])\s*(?:[a-z]{2,6} |model |template |diocesan |trust )?(?:guidance note|drafting note|note (?:to|for) (?:schools?|settings?|editors?|users?|the school))\s*:[^*_]{0,1200}\1(?![*_\w])/gi;

/**
 * A choice the model leaves to whoever adopts it: "[on entry / each September]", "[renewed annually/valid for the whole…]".
 * (Not one between dates or times, "[November 2025 / November 2026]", "[within 24 hours / the same day]": those are left as
 * they are, and a header's next review given so is read as unsettled in review.dates.ts. Nor a form's "[Yes / No]", nor a
 * tracked change, "[parents/carers]{.insertion}", which text.ts reads.)
 */
const templateChoice = /\[[^\[\]\n\d]{1,120}?[a-z)]\s?\/\s?[a-z(][^\[\]\n\d]{0,120}\]/gi;

/** Every character but the line breaks made a space, so every line keeps its number. */
const blank = (note: string) => note.replace(/[^\n]/g, ' ');

export const withoutTemplateNotes = (text: string) =>
  text
    .replace(templateNote, blank)
    .replace(italicNote, blank)
    .replace(templateChoice, (note: string, at: number, page: string) =>
      page.startsWith('{.', at + note.length) || /^\[\s*(yes|no|y|n)\s*\/\s*(yes|no|y|n)\s*\]$/i.test(note) ? note : blank(note),
    );
