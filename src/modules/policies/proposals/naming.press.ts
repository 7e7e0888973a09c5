/**
 * Naming in the press (issue 19): "Newspapers often want full names; we will ask you before any name is given",
 * "Pupils may be named in a newspaper only with the consent of the young person and their parent", and a consent form's
 * "(the newspaper may print my child's name) Yes / No". The press names a pupil only with the family's say: full names
 * with permission. Never where the sentence limits names ("first names only", "no names") or staff decide instead.
 */
import { firstNameUnlessAgreed } from './naming.words.ts';
import { formRow } from './page.words.ts';
import type { Sentence } from './text.ts';
import type { Found, SentencePattern } from './types.ts';

const press =
  /\b(the press|local press|national press|(local|national|regional) (or|and) (local|national|regional) press|regional press|press (releases?|photographers?|photos?|photographs?|coverage|use|articles?|stories|story)|newspapers?|(local|the) papers?|journalists?|reporters?|(local|news) media|media (organisations?|visits?|coverage)|parish magazine|television|tv)\b|\bthe media\b|\bexternal media\b|^\| ?(the )?(local )?press\b/;
/** A local paper by its title: "the Gazette", "the Wenbridge Echo". */
const paperTitle = /\b(gazette|echo|advertiser|courier)\b/;
/** A channel of the school's own. */
const otherChannel = /\b(web ?sites?|social-media|facebook|instagram|newsletters?|prospectus)\b/;
const pupilsName =
  /\b(child's|pupil's|student's|children's|pupils'|students'|their|your child's|my child's|full|a|any|the) names?\b|\bnames? (of|with) (a |the |your |my )?(child|children|pupils?|students?)\b|\b(pupils?|children|students?|child) (may|will|can|are|is)( only)? be named\b|\b(naming|print|prints|printing|use|using|give|given|publish|publishing) (a |any )?names?\b|\bnam(e|es|ing) (a |any |the |your |their )?(pupils?|children|child|students?)\b|\bto be named\b|\bnamed (photo(graph)?s?|images?|pictures?)\b|\bpass(es)? (on )?(their |the |any )?names\b|\bnames? (may|might|could|can|will) (only )?be (printed|given|published|used)\b/;
/** The family's say: asked first, specific agreement, consent. */
const familysSay =
  /\b(ask|asks|asked|check|checks|checked|contact|ring|call|speak to|consult) (with )?(you|parents?|carers?|the (parents?|carers?|family|families|pupil|student|young person)|families|them)\b[^.;]{0,60}\b(first|before|beforehand|in advance|each time|on each occasion)\b|\b(ask|asks|check|checks) (you|parents?|carers?|the family) first\b|\bwe will (always )?ask you first\b|\bwith (the )?(parents'? |carers'? |their |your |the family's |specific |express |explicit |written )*(consent|agreement|permission)\b|\bonly with\b[^.;]{0,50}\b(consent|agreement|permission)\b|\b(specific|express|explicit|written) (parental )?(consent|agreement|permission)\b|\b(agreed|checked) with (the )?(pupils?|students?|parents?|carers?|family|families)\b|\b(where|whose|if|once|when) (the |their |a )?(parents?|carers?|pupils?|students?|learners?|famil(y|ies)|young person)\b[^.;]{0,60}\b(agreed|consented|ticked|said yes|given (their )?(consent|permission|agreement))\b|\b(where|if|when|once) (the )?(part|box|option|section|tier|question) \(?[a-z0-9]\)? (is|has been|was|are|have been) ticked\b|\b(for|to) (pupils?|students?|learners?|children) with (tier |box |option |part )?[[(]?[a-z0-9]?[\])]? ?(press |media )?(consent|agreement|permission)\b|\b(only )?(if|where|when) (the )?(pupil|student|young person|child) (has|holds) (box|option|part|section|tier) \(?[a-z0-9]\)?\b|\b(parents?|carers?) (must|will) (also )?confirm\b|\bwhere (consent|agreement|permission) (for|to) (press|media|newspaper)( use| naming)?\b[^.;]{0,30}\b(has been|is|was) (recorded|given|held|received)\b|\b(consent|agreement|permission) for (press|media) (use|naming) is held\b|\bask you (separately|individually|first|beforehand)\b|\b(if|where|once|when) you (have )?(said yes|say yes|agreed|agree to|ticked|tick|answered yes|answer yes|told us|given (your |us your )?(consent|permission|agreement))\b|\b(if|where|once|when) (consent|permission|agreement) (for|to) [a-z ]{1,20}\b(is |has been |was )?(given|held|recorded)\b|\b(you|parents?|carers?|families) will be asked\b[^.;]{0,30}\b(before|first|beforehand)\b|\bagree with (the )?(parents?|carers?|famil(y|ies)|you)\b[^.;]{0,10}\b(in advance|first|beforehand)\b|\bask (the )?(parents?|carers?|famil(y|ies)|you) for (their |your )?(consent|permission|agreement) (for|to) (that|this|each|the) (article|story|report|occasion|publication|photograph)\b|\b(contact|ring|call) (the )?(parents?|carers?|famil(y|ies)|you) and ask for (their |your )?(consent|permission|agreement) for (that|this|each|the) (article|story|report|occasion|publication)\b/;
/** "…will not give your child's name without your agreement": the double negative is the family's say. */
const notWithoutSay =
  /\b(not|never)\b[^.;]{0,60}\bnames?\b[^.;]{0,20}\bwithout (your|their|the parents'?|the family's|parental|the pupil's|the student's) (agreement|consent|permission)\b/;
/** A limit on names, or someone else's say: not this rule. */
const otherRule =
  /\bfirst names?\b|\bno (full )?names?\b|\b(not|never)\b[^.;]{0,40}\bnames?\b|\bnames?\b[^.;]{0,30}\b(not|never)\b|\b(head ?teacher|principal|head)'s (agreement|permission|approval)\b|\b(decide|decides|decided|discretion)\b/;

/** A consent form's row that warns the press may print a name: "(the newspaper may print my child's name) Yes / No". */
const formWarns =
  /\b(may|might|could|will|usually|often) (want to )?(print|use|include|give|publish|carry|name)\b[^.;()]{0,30}\bnames?\b|\bwhich may include\b[^.;()]{0,30}\bnames?\b|\bnames?\b[^.;()]{0,20}\b(may|might|could|can) be (printed|given|used|published|included|passed)\b/;

/** A first name and surname together is a full name: "the newspaper may print my child's first name and surname". */
const fullNames = (lower: string) =>
  lower.replace(/\bfirst names?,? (and|&|\+|plus)? ?(surnames?|last names?|family names?)\b|\bfirst and (last|family) names?\b/g, 'full name');

/** "Newspapers usually want full names": what the press asks, which the family's say in the next sentence is about. */
const pressWantsNames =
  /\b(usually|often|normally|generally|sometimes|always|may|might|will|tend to)( [a-z]+)? (want|wants|ask for|asks for|print|prints|like|expect|expects)\b[^.;]{0,20}\b(full )?names?\b/;

/** The page is a form families fill in: its title says so ("Photograph permission form", "Reply slip"). */
const formPage = (s: Sentence) => /\b(forms?|slips?)\b/.test(s.title ?? '');

function pressNaming(s: Sentence): Found[] {
  const lower = fullNames(s.lower.replace(/\bsocial media\b/g, 'social-media'));
  // ("Press: we rarely work with the press. If we do, we will not give your child's name without your agreement.": the
  // press of the sentence before, in a sentence that names no other channel.)
  const previous = (s.previous ?? '').replace(/\bsocial media\b/g, 'social-media');
  const pressHere =
    press.test(lower) ||
    // (A paper by its title, "the Gazette", unless the sentence calls it the school's own: "Our newsletter, the Gazette, …".)
    (paperTitle.test(lower) && !/\b(newsletters?|bulletins?|magazines?)\b/.test(lower)) ||
    (press.test(previous) && !otherChannel.test(lower));
  // "Newspapers usually want to print full names. We will only allow this if you have said yes to press photographs": the
  // names of the sentence before, which the family's say is about.
  // (So is "Newspapers usually want full names. We will always ask you first": what the press wants, asked about.)
  const namesBefore =
    (/\b(this|it|them|one)\b/.test(lower) ||
      /^only (if|where|when|with)\b/.test(lower) ||
      (pressWantsNames.test(previous) && familysSay.test(lower) && /\b(story|stories|article|names?|print\w*|publish\w*)\b/.test(lower))) &&
    press.test(previous) &&
    pupilsName.test(previous) &&
    !otherRule.test(previous);
  if (!pressHere) return [];
  if (/\b(staff|teachers?|governors?|employees?)('s?)? names?\b|\bschool's name\b|\b(staff|teachers?|governors?|employees?) are named\b/.test(lower)) return [];
  // "Press: first name only, unless the family agrees otherwise": a fuller name with the family's say, in the press alone.
  if (firstNameUnlessAgreed.test(lower) && !otherChannel.test(lower)) return [{ setting: 'photos.channels.press.naming', value: 'full-with-permission' }];
  if (!(pupilsName.test(lower) || namesBefore)) return [];
  const clause = lower.split(/;\s*(?=for |but )/)[0];
  if (notWithoutSay.test(clause)) return [{ setting: 'photos.channels.press.naming', value: 'full-with-permission' }];
  if (otherRule.test(clause.replace(/\bno\s*$/, '').replace(/\byes\s*\/\s*no\b/g, ''))) return [];
  // (A carer's own statement, "I agree to my child being photographed … by local newspapers, who may print my child's name",
  // with its boxes on the line below, is a row of the form too.)
  const onForm =
    formRow.test(lower) ||
    /\byes\s*\/\s*no\b|\[ ?\]/.test(s.text.toLowerCase()) ||
    formPage(s) ||
    /^i (agree|consent|give (my )?(consent|permission))\b/.test(lower);
  if (!familysSay.test(lower) && !(onForm && formWarns.test(lower))) return [];
  return [{ setting: 'photos.channels.press.naming', value: 'full-with-permission' }];
}

export const pressNamingPattern: SentencePattern = { name: 'the press names a pupil only with the family’s say', readsLists: true, read: pressNaming };
