/**
 * REG-5, pure: checks a member of staff's draft post against the school's own policy, naming the
 * clause for each finding. Transparent rules and the head's word list only: no outside service.
 * The names of pupils are found with the photographs module's rules, so a post and a caption are
 * judged alike.
 */
import { mentions, nameOfChildInPhoto, nameOfOtherPupil, type PupilNames } from '../photos/photos.names.ts';

export type Verdict = 'ok' | 'ask' | 'not-allowed';
export type Audience = 'personal' | 'school-account';

export interface Finding {
  rule: 'pupil-named' | 'identifies-school' | 'photo-on-personal-account' | 'photo-check' | 'negative-comment' | 'personal-contact' | 'confidential';
  clause: string;
  /** The words of the draft (or the reason, for the photograph check) that the finding is about. */
  excerpt: string;
  /** What it means, in plain words. */
  message: string;
  severity: Exclude<Verdict, 'ok'>;
}

export interface PostCheckInput {
  text: string;
  audience: Audience;
  /** Every pupil on roll. */
  pupils: readonly PupilNames[];
  /** The pupils tagged in the attached photograph, if any. */
  tagged: readonly PupilNames[];
  /** A photograph from the library is attached. */
  hasPhoto: boolean;
  /** What the publishing check says about the photograph on this account (school accounts only). */
  photoRefusals: readonly string[];
  negativeWords: readonly string[];
  schoolName: string;
  classTitles: readonly string[];
}

/** "John Clifford Primary School" is identified by "John Clifford" too; "Primary School" alone identifies nothing. */
export function schoolNameForms(name: string): string[] {
  const full = name.trim();
  const short = full
    .replace(/\b(primary|junior|infant|infants|secondary|high|c of e|ce|church of england|catholic|rc|community|academy|school|and nursery|nursery)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...new Set([full, short])].filter((n) => n.length >= 4);
}

/** A class is identified by its title when the title is more than a bare number or letter ("3H", "Year 3 Kestrels"). */
const meaningfulTitle = (title: string) => title.trim().length >= 2;

const phonePattern = /(?:\+44\s?|\b0)\d(?:[\s-]?\d){8,9}\b/g;
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const contactPhrases = [
  'message me',
  'dm me',
  'pm me',
  'inbox me',
  'text me',
  'call me',
  'ring me',
  'whatsapp me',
  'add me',
  'friend me',
  'follow me',
  'contact me privately',
  'private message',
  'my number',
  'my personal number',
];
const confidentialWords = [
  'confidential',
  'safeguarding',
  'child protection',
  'disclosure',
  'social services',
  'social worker',
  'excluded',
  'exclusion',
  'ehcp',
  'looked after',
  'in care',
  'allegation',
  'disciplinary',
  'investigation',
];

/** The sentence around a match, shortened, for the excerpt. */
function around(text: string, word: string): string {
  const match = new RegExp(`(^|[^\\p{L}\\p{N}])(${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')})(?=$|[^\\p{L}\\p{N}])`, 'iu').exec(text);
  return match ? match[2] : word;
}

const worst = (findings: readonly Finding[]): Verdict => (findings.some((f) => f.severity === 'not-allowed') ? 'not-allowed' : findings.length ? 'ask' : 'ok');

export function checkPost(input: PostCheckInput): { verdict: Verdict; findings: Finding[] } {
  const findings: Finding[] = [];
  const text = input.text;
  const field = { field: 'post', text, prose: true };
  const personal = input.audience === 'personal';

  // A pupil named: any pupil on roll in full (or by family name written as a name); the children in
  // the photograph by their given or preferred name too (the publishing check's rules, 000 D).
  const seen = new Set<string>();
  const taggedIds = new Set(input.tagged.map((p) => p.id));
  for (const pupil of input.tagged) {
    const found = nameOfChildInPhoto(pupil, [field]);
    if (found && !seen.has(found.name.toLowerCase())) {
      seen.add(found.name.toLowerCase());
      findings.push({
        rule: 'pupil-named',
        clause: '000 D; 001 §7',
        excerpt: around(text, found.name),
        message: `“${around(text, found.name)}” names a child in the photograph. Children are never named with their photograph, and nothing about a pupil is posted without written permission.`,
        severity: 'not-allowed',
      });
    }
  }
  for (const pupil of input.pupils) {
    if (taggedIds.has(pupil.id)) continue;
    const found = nameOfOtherPupil(pupil, [field]);
    if (found && !seen.has(found.name.toLowerCase())) {
      seen.add(found.name.toLowerCase());
      findings.push({
        rule: 'pupil-named',
        clause: '001 §7; 004 §6.13',
        excerpt: around(text, found.name),
        message: `“${around(text, found.name)}” is the name of a pupil on roll. Nothing about a pupil is posted without written permission.`,
        severity: 'not-allowed',
      });
    }
  }

  // "Clarke" on its own is not a second finding when "Amelia Clarke" was found already.
  const names = findings.filter((f) => f.rule === 'pupil-named');
  for (const f of names)
    if (names.some((other) => other !== f && other.excerpt.length > f.excerpt.length && mentions(other.excerpt, f.excerpt)))
      findings.splice(findings.indexOf(f), 1);

  if (personal) {
    for (const form of schoolNameForms(input.schoolName)) {
      if (!mentions(text, form)) continue;
      findings.push({
        rule: 'identifies-school',
        clause: '004 §6.13',
        excerpt: around(text, form),
        message: 'A post on your own account must not identify the school.',
        severity: 'not-allowed',
      });
      break;
    }
    for (const title of input.classTitles.filter(meaningfulTitle)) {
      if (!mentions(text, title)) continue;
      findings.push({
        rule: 'identifies-school',
        clause: '004 §6.13',
        excerpt: around(text, title),
        message: `“${around(text, title)}” is one of the school’s classes. A post on your own account must not identify a class.`,
        severity: 'not-allowed',
      });
    }
    if (input.hasPhoto)
      findings.push({
        rule: 'photo-on-personal-account',
        clause: '000 D; 004 §7.11',
        excerpt: 'the attached photograph',
        message: 'Photographs from the school’s library are never posted on a personal account.',
        severity: 'not-allowed',
      });
  } else {
    for (const reason of input.photoRefusals)
      findings.push({ rule: 'photo-check', clause: '000 D', excerpt: reason, message: reason, severity: 'not-allowed' });
  }

  for (const word of input.negativeWords) {
    if (!mentions(text, word)) continue;
    findings.push({
      rule: 'negative-comment',
      clause: '001 §6, §7; 004 §6.11',
      excerpt: around(text, word),
      message: `“${around(text, word)}” may read as a negative comment about the school, colleagues, pupils, parents or governors. If you are unsure, ask your line manager before posting.`,
      severity: 'ask',
    });
  }

  for (const phrase of contactPhrases) {
    if (!mentions(text, phrase)) continue;
    findings.push({
      rule: 'personal-contact',
      clause: '004 §6.6',
      excerpt: around(text, phrase),
      message: 'Staff do not invite personal contact with pupils or parents through social media.',
      severity: 'not-allowed',
    });
  }
  for (const match of [...text.matchAll(phonePattern), ...text.matchAll(emailPattern)]) {
    findings.push({
      rule: 'personal-contact',
      clause: '004 §6.6',
      excerpt: match[0],
      message: personal
        ? 'A phone number or e-mail address invites personal contact with pupils or parents.'
        : 'Check this is the school’s own number or address, never a member of staff’s.',
      severity: personal ? 'not-allowed' : 'ask',
    });
  }
  for (const word of confidentialWords) {
    if (!mentions(text, word)) continue;
    findings.push({
      rule: 'confidential',
      clause: '001 §3',
      excerpt: around(text, word),
      message: 'This may be confidential information about a pupil, a family or a colleague. Ask your line manager before posting.',
      severity: 'ask',
    });
  }
  return { verdict: worst(findings), findings };
}

/** REG-5: who answers a question about a post: the line manager, else the head, else the deputy (never the person asking). */
export function whoAnswers(
  askerId: string,
  lineManagerId: string | null,
  heads: readonly { id: string }[],
  deputies: readonly { id: string }[],
): { id: string; why: 'line-manager' | 'headteacher' | 'deputy-headteacher' } | null {
  if (lineManagerId && lineManagerId !== askerId) return { id: lineManagerId, why: 'line-manager' };
  const head = heads.find((h) => h.id !== askerId);
  if (head) return { id: head.id, why: 'headteacher' };
  const deputy = deputies.find((d) => d.id !== askerId);
  return deputy ? { id: deputy.id, why: 'deputy-headteacher' } : null;
}

/** The head's word list from the settings page's text box: one word or phrase a line, blanks and repeats dropped. */
export function wordsFromText(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((w) => w.trim().replace(/\s+/g, ' '))
    .filter((w) => {
      const key = w.toLowerCase();
      if (w.length < 2 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
