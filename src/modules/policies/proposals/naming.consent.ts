/**
 * A name given on a channel only with the carers' consent (photos.channels.KEY.naming = full-with-permission), in the
 * clause that says so.
 */
import { staffPermission } from './consent.asks.ts';
import { channelsIn } from './naming.channels.ts';
import { type Sentence } from './text.ts';

/**
 * A name given on a channel only with the carers' consent: "Learners' full names may appear in the local newspaper with
 * parental consent", a form's "(names may be printed if you agree)", "Newspapers may wish to print pupils' full names; the
 * school will ask parents for specific consent before any name is given".
 */
const namesWithConsent = new RegExp(
  [
    String.raw`\bnames?\b[^.;()]{0,50}\b(may|can|will|would|could|are|is)( only)? (be )?(printed|given|published|used|shown|included|added|disclosed|released|appear)\b[^.;()]{0,60}\b(with|if|where|once|after|when)\b[^.;()]{0,40}\b(consent|permission|agree|agrees|agreed|consented|consents)\b`,
    String.raw`\b(ask|asks|seek|seeks|obtain|obtains|request|requests|get|gets)\b[^.;()]{0,40}\b(consent|permission)\b[^.;()]{0,30}\bbefore (any |a |their |the |the child's |pupils'? )?(full )?names? (is |are |will be |can be )?(given|printed|published|used|released|disclosed)\b`,
    String.raw`\bnames? (only )?(if|with|where|once) (i|you|we|parents?|carers?|the parents?|families) (agree|consent|give (consent|permission)|have (agreed|consented))\b`,
    // "We will only give the newspaper your child's full name where you have ticked YES", "We will only use your full name
    // in the local press if you tick the box for this".
    String.raw`\b(will|may|can|would|shall)( only)? (give|print|publish|use|include|pass|release)\b[^.;()]{0,50}\b(full|sur|last|family) ?names?\b[^.;()]{0,60}\b(if|where|when|once|with)\b[^.;()]{0,40}\b(consent|permission|agree|agreed|agrees|ticked|ticks?|said yes|say yes)\b`,
    // "Local press … full names only if consent box (d) ticked", "Pupils will only be named in the press if you have
    // agreed", "We will only give a name to a newspaper where you have ticked box D".
    String.raw`\bfull names?\b[^.;()]{0,40}\bonly (if|where|when|with|once)\b[^.;()]{0,50}\b(consent|permission|agree|agreed|agrees|ticked|ticks?|said yes|says yes)\b`,
    String.raw`\b(be )?named\b[^.;()]{0,40}\bonly (if|where|when|once)\b[^.;()]{0,50}\b(consent|consented|permission|agree|agreed|ticked|said yes)\b|\bonly be named\b[^.;()]{0,40}\b(if|where|when|once)\b[^.;()]{0,50}\b(consent|consented|permission|agree|agreed|ticked|said yes)\b`,
    String.raw`\bonly (give|print|publish|release|pass on) (a |their |your child's |the child's |the )?names? to\b[^.;()]{0,40}\b(if|where|when|once)\b[^.;()]{0,50}\b(consent|consented|permission|agree|agreed|ticked|said yes)\b`,
  ].join('|'),
);
/** "Names will not be printed in the newspaper without consent": the same rule, said twice negated. */
const namesNotWithoutConsent =
  /\bnames?\b[^.;()]{0,50}\b(will|must|should|are|is|may|can|shall)( not|n't| never) (be )?(printed|given|published|used|shown|included|released|disclosed|appear)\b[^.;()]{0,60}\bwithout\b[^.;()]{0,40}\b(consent|permission|agreement)\b/;

/** The channels a name given with consent is for: those of its clause, or the sentence's one channel. */
export function namedWithConsent(s: Sentence): string[] {
  const lower = s.lower.replace(/[()]/g, (c) => (c === '(' ? '; ' : ' '));
  const clauses = lower.split(/;\s*/);
  const fullName = (clause: string) => clause.replace(/\b(first|christian|given|fore) ?names? and (sur|last |family )names?\b/g, 'full name');
  const at = clauses.findIndex((clause) => namesWithConsent.test(fullName(clause)) || namesNotWithoutConsent.test(clause));
  if (at < 0) return [];
  // ("A first name and surname" is the full name.)
  const clause = fullName(clauses[at]);
  // A first name, an initial, staff's names or a member of staff's say are other rules.
  if (
    /\b(first|christian|fore|given) ?names?\b|\binitials?\b/.test(clause) ||
    staffPermission(clause) ||
    /\b(staff|teachers?|governors?)('s?)? names?\b/.test(clause)
  )
    return [];
  // The school's own name ("The school's name or logo must not be used … without written permission"), or the school's say.
  if (
    /\b(school|academy|trust|college|company)('s)? (own )?names?\b|\bnames? (or|and) logos?\b|\bpermission (from|of) the (school|academy|headteacher|head|principal|trust)\b/.test(
      lower,
    ) ||
    // ("…only where the Headteacher has agreed": the head's say is not the family's.)
    (/\b(where|if|once|when|after|with) the (head ?teacher|head|principal|head of school|dsl|school|academy|trust)('s)? (has |have )?(agreed|approved|consented|given (permission|consent|approval)|agreement|approval|permission|consent)\b/.test(
      lower,
    ) &&
      !/\b(parents?|carers?|families|family|you)\b[^.;]{0,20}\b(consent(ed)?|agreed?|given (their |your )?(consent|permission))\b/.test(lower))
  )
    return [];
  // Any other negation ("names may not be printed, even if you agree") is not this rule; a form's "Yes / No" is no negation.
  if (!namesNotWithoutConsent.test(clause) && /\b(not|never|no)\b/.test(clause.replace(/\bno names?\b|\byes\s*\/\s*no\b/g, ''))) return [];
  const own = channelsIn(clause);
  if (own.length) return own;
  const all = channelsIn(lower);
  return all.length === 1 ? all : [];
}
