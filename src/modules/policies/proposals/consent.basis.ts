/**
 * The basis a use runs on when it is not consent (consent.purposes.KEY.basis): the school's public task ("Displays inside
 * school do not need separate permission") or an opt-out ("Every child is in the class photograph unless you let the
 * office know"), and the words the page-level readers share for them (optsOut, lastsUnlessChanged, optsOutOtherwise).
 */
import { noActionOptOut } from './consent.asks.ts';
import { namedUses } from './consent.uses.ts';
import { type Sentence } from './text.ts';
import type { SentencePattern } from './types.ts';

/** A sentence that says the uses it names are the school's uses without consent, or unless carers object (the basis pattern reads it). */
export const basisStated = (s: Sentence) => basis.read(s).map((f) => f.setting.split('.')[2]);

/**
 * The carers' word against a default use, said with "otherwise": "unless the pupil or his or her parent has requested
 * otherwise", "unless you tell us otherwise", "unless we are informed otherwise", "unless otherwise requested by a
 * parent". Only the carers' (or the pupil's) word, or the school's hearing of it: "unless the Headteacher agrees
 * otherwise" is a member of staff's discretion, "unless otherwise stated" the document's own caveat.
 */
export function optsOutOtherwise(lower: string): boolean {
  if (
    /\bunless otherwise (requested|instructed|indicated|advised|notified|specified|stated|agreed|directed) by (the |a |any |their |your )?(child's |pupil's )?(parents?|carers?|guardians?|famil(y|ies)|you|pupils?|students?)\b/.test(
      lower,
    )
  )
    return true;
  const m =
    /\bunless ([^.;:]{0,80}?)\b(request|requests|requested|ask|asks|asked|indicate|indicates|indicated|state|states|stated|specify|specifies|specified|tell|tells|told|inform|informs|informed|notify|notifies|notified|advise|advises|advised|instruct|instructs|instructed|express|expresses|expressed|wish|wishes|wished|direct|directs|directed|hear|hears|heard|say|says|said|let us know)\b[^.;:]{0,24}?\botherwise\b/.exec(
      lower,
    );
  if (!m) return false;
  const who = m[1];
  return (
    /\b(parents?|carers?|guardians?|famil(y|ies)|you|pupils?|students?|child|we|us|the (school|academy|nursery|setting|office))\b/.test(who) &&
    !/\b(head|headteacher|head teacher|principal|staff|teachers?|dsl|governors?|managers?|officers?|leads?|leaders?|coordinators?|team)\b/.test(who)
  );
}

/**
 * "…include all children unless you tell us", "Every child is in the class photo unless you let the office know": used
 * unless the carer speaks up. (Not consent that lasts "unless you tell us that you have changed your mind".)
 */
const unlessTheyTellUs =
  /\bunless (you|a parent|the parent|parents|a carer|carers) (tell|tells|let|lets|contact|contacts|inform|informs|ask|asks) (us|the (school )?office|the school|the academy|the nursery)\b(?! (that )?(you|they) (have )?(changed?|want to change|wish to change))/;

/**
 * "The consent you give lasts until your child leaves, unless you tell us you want to change it": how long an answer
 * lasts, and that a carer may change it; the uses are still asked about, not run unless a carer objects. So is "images
 * may continue to be used for two years after you leave unless you tell us otherwise": what happens after leaving; and
 * "posts stay on the page unless you ask us to remove a photo": a photograph taken down on request.
 */
export const lastsUnlessChanged =
  /\b(consent|permission|forms?|answers?|choices?|agreement)\b[^.]{0,80}\b(lasts?|remains?|stays?|valid|continues?|stands?|applies|runs?)\b[^.]{0,80}\bunless\b|\b(continue|continues|remain|remains) (to be )?(used|in use|published|online)\b[^.]{0,60}\bafter\b[^.]{0,40}\b(leave|leaves|left|leaving)\b[^.]{0,40}\bunless\b|\bunless (you|parents?|carers?|families) (ask|asks|request|requests|tell|tells) (us )?(to )?(remove|delete|take down|take (it|them) down)\b/;

/** Uses that need no consent (the school's public task), and uses where carers opt out (consent.purposes.KEY.basis). */
/** Images used unless a carer objects, opts out or says otherwise (not how long an answer lasts, lastsUnlessChanged). */
export const optsOut = (lower: string) => !lastsUnlessChanged.test(lower) && optsOutAny(lower);

const optsOutAny = (lower: string) =>
  optsOutOtherwise(lower) ||
  unlessTheyTellUs.test(lower) ||
  noActionOptOut.test(lower) ||
  /\bunless (a |the )?(parents?|carers?)( or carers?)? (object|objects|has objected|have objected|tell us|have told us|ask us not|opt out|raises? an objection|has raised an objection)|\bunless (specific |an |any )?objections? (is |are |has been |have been )?(raised|made|received|lodged)\b|(?<!\bopt[- ]in,? (or|and) (to )?|\bopt[- ]in ?\/ ?)\b(opt|opted) out\b|\bopt (their|your|a) (child|children|son|daughter) out\b|\b(parents?|carers?|families)( or carers)? (who|that) (do not|don't|would not|would rather not) (want|wish|like) (their|your) (child|children|son|daughter) to (appear|be included|be photographed|take part|be in)\b[^.]*\b(should|must|can|may|are asked to|need to)( simply| just)? (tell|contact|let|inform|speak to|write to|email)\b|\botherwise (the|your|their) (child|pupil)(ren)?s? will be (included|photographed|shown)\b/.test(
    lower,
  ) ||
  // "If you do not wish photographs of your child to be used for these purposes, please contact the school": used unless
  // the carer speaks up (not "…please tick the box on the consent form": that is the form's answer).
  (/\bif you (do not|don't|would not|would prefer not|prefer not|would rather not|(would )?(prefer|rather)(?= (that )?your (child|son|daughter|children)('s)? (photo(graph)?s? |images? |pictures? )?(is |are |was |were )?(did |does |do |would |should )?(not|never)\b))( wish| want| like)?( for| that)? (your|photo(graph)?s? of your|images? of your|pictures? of your) (child|son|daughter|children)\b[^.]*\b(please |then |simply |just )*(contact|tell|inform|notify|let|speak to|write to|email|e-mail|see)\b/.test(
    lower,
  ) &&
    !/\b(forms?|slips?|boxe?s?|tick|indicate)\b/.test(lower));

/**
 * A use that needs no consent: "consent is not needed", "part of our public task", "not covered by consent", "without asking",
 * "we rely on Article 6(1)(e) of the UK GDPR – carrying out a task in the public interest".
 */
const noConsentNeeded =
  /\b(rely|relies|relying) on (article 6\(1\)\(e\)|(the |our |its )?public (task|interest)\b|(carrying out |the performance of )?a task (carried out )?in the public interest)|\b(consent|permission) (is|will) (therefore |thus |also )?not (be )?(needed|required|sought|asked)\b|\b(are|is) not covered by (the |parental |your )?(consent|permission)( form)?\b|\b(we|the school|the academy) (take|takes|use|uses) without asking\b|\b(needs?|requires?) no (parental |separate )?(consent|permission)\b|\bno (parental )?(consent|permission) (is |will be )?(needed|required|sought|asked)\b|\b(part of|under) (our|the school's|the academy's|its) public task\b|\bdo(es)? not (need|require) (parental |this |separate |specific |your |any )?(consent|permission)\b|\b(we|the school|the academy) (do|does|will) not (ask|seek) (for )?(parental |your |separate |specific )?(consent|permission)\b|\b(used|taken|shown|displayed) without (asking|seeking) (for )?(your |parental |separate )?(consent|permission)\b|\bwithout (the need for )?(parental )?(consent|permission)\b[^.]*\b(public task|legitimate|educational purposes)\b|\b(processed|used|taken|held|kept) (on the (lawful )?basis of|under|as part of) (the |our |its |a )?(school's |academy's |trust's |nursery's )?public (task|duty)\b|\bon the (lawful )?basis of (the |our |its )?([a-z']+ ){0,2}public (task|duty)\b[^.]*\b(consent|permission) is (therefore |thus )?not (needed|required)\b/;

/**
 * Class photographs the page takes on another basis than consent: "The annual individual portrait taken by the academy's
 * contracted photographer is also covered by legitimate interests", "…are taken for the academy's legitimate purposes and
 * are not covered by the consent form". No basis the settings hold (keyers left it open), but no use consent is asked for.
 */
export const classPhotosWithoutConsent = (s: Sentence): string[] =>
  noConsentNeeded.test(s.lower) ||
  /\b(covered by|under|on the basis of|for) (the |our |its )?(school's |academy's |trust's )?legitimate (interests?|purposes)\b/.test(s.lower)
    ? namedUses(s.lower).filter((key) => key === 'class-photo')
    : [];

/** "…but we will respect any objection", "…but parents may object": a use without consent that a carer can still refuse. */
const respectsObjection =
  /\b(but|although|however)\b[^.]*\b(respect|honour|act on|follow) (any|an|a parent's|your|their) (objections?|wish(es)?|requests?)\b|\b(but|although|however)\b[^.]*\b(parents?|carers?|you|families|(the )?(students?|pupils?)) (may|can) (still |also )?(object|opt out|ask us not to|ask not to be included|ask (us |the (school|academy) )?to leave (their|your|the) (child|children|son|daughter) out)\b/;

/**
 * A use allowed without asking: "Photographs may be used in school displays … without specific consent". Only where
 * nothing before a "but" rules it out or rests it on consent given another way ("No photograph will be used … without
 * specific consent", "Once parents have signed the consent form, photographs may be used … without specific consent being
 * asked each time").
 */
function usedWithoutAsking(lower: string): 'public-task' | 'opt-out' | null {
  const [said, ...rest] = lower.split(/,? (?:but|however|although)\b/);
  if (
    !/\b(may|can|will) (also )?be (used|displayed|shown)\b[^.;]{0,100}\bwithout (specific|separate) (parental )?(consent|permission)\b/.test(said) ||
    /\b(no|not|never|once|after|covered by|consent forms?|signed|each time|every time|obtained|sought|first)\b|n't\b/.test(said)
  )
    return null;
  // ("…, but pupils or parents who do not want this should let their teacher know", "…, but you can tell us if you do not
  // want this": carers may say no, so opt-out. A "but" about anyone else, "but staff who do not want their own photograph
  // displayed…", leaves the school's public task; one about carers in words not read here leaves nothing.)
  const contrast = rest.join(' ');
  if (!/\b(parents?|carers?|famil(y|ies)|pupils?|students?|you)\b/.test(contrast)) return 'public-task';
  if (/\bstaff\b/.test(contrast)) return 'public-task';
  return /\b(not want|not wish|rather not|would rather|object|objects|objection|opt out|let (us|the [a-z ]+|their [a-z ]+) know|tell (us|the [a-z ]+))\b/.test(
    contrast,
  )
    ? 'opt-out'
    : null;
}

export const basis: SentencePattern = {
  name: 'a use needs no consent, or carers opt out',
  read: (s) => {
    // "Unless a parent has asked otherwise, we use pupils' images in these ways:" over the item "on displays around the
    // school": the lead's opt-out is the item's (a use inside school only; one outside it cannot be opt-out).
    const lead = s.item ? (s.lead ?? '') : '';
    if (/:$/.test(lead) && /\b(photo(graph)?s?|photography|images?|pictures?)\b/.test(lead) && optsOut(lead))
      return namedUses(s.lower, s.negated)
        .filter((key) => key === 'displays' || key === 'class-photo')
        .map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'opt-out' }));
    // "Some images are needed to run the academy and are not covered by consent:" over "classroom and corridor displays":
    // the lead's basis is the item's.
    // (Not displays split by place, "classroom displays in areas not open to visitors": the public ones are asked about, and
    // keyers left such pages open.)
    if (/:$/.test(lead) && !optsOut(lead) && noConsentNeeded.test(lead.replace(/:$/, '')) && !/\bnot open to\b/.test(s.lower))
      return namedUses(s.lower, s.negated)
        .filter((key) => key === 'displays')
        .map((key) => ({ setting: `consent.purposes.${key}.basis`, value: respectsObjection.test(lead) ? 'opt-out' : 'public-task' }));
    // "We take photographs … for the prospectus, the website and school displays. This is part of our public task…":
    // "this" is the sentence before and its uses.
    // "…are processed under the school's public duty. Therefore, consent is not required.": so is "therefore".
    const pointsBack =
      /^(this|these|such (use|uses|photographs|images)|all of this|all of these|therefore|thus|as such|for (this|these) (reasons?|purposes|uses)|for (this|these)(?=,))\b|\bfor (these|such)( uses| purposes| images| photographs| pictures)?\.?$|\b(for|in) (these|such|those|the above) (uses|purposes|ways)\b/.test(
        s.lower,
      ) && s.previous;
    // ("The annual school photograph is taken by an external photographer. Parents who do not wish their child to take part
    // should let the office know.": an objection that names no use is to the use the sentence before names.)
    const own = namedUses(s.lower);
    const found = pointsBack || (!own.length && s.previous && optsOut(s.lower)) ? [...new Set([...own, ...namedUses(s.previous!)])] : own;
    // "Photographs matter to us. We use them on displays…": the images may be named in the sentence before.
    // (Or in its paragraph or heading: "Parents are asked separately about… Displays inside the academy do not require consent.")
    if (!found.length || !/\b(photo(graph)?s?|photography|images?|pictures?)\b/.test(`${s.lower} ${s.previous ?? ''} ${s.earlier ?? ''} ${s.heading ?? ''}`))
      return [];
    if (noConsentNeeded.test(s.lower))
      // ("…do not require consent, but we will respect any objection a parent makes": used unless a carer objects.)
      return found
        .filter((key) => key === 'displays')
        .map((key) => ({ setting: `consent.purposes.${key}.basis`, value: respectsObjection.test(s.lower) ? 'opt-out' : 'public-task' }));
    // (Read for a sentence's own uses only, not as a list's lead.)
    const allowed = usedWithoutAsking(s.lower);
    if (allowed) return found.filter((key) => key === 'displays').map((key) => ({ setting: `consent.purposes.${key}.basis`, value: allowed }));
    if (optsOut(s.lower))
      return found.filter((key) => key === 'displays' || key === 'class-photo').map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'opt-out' }));
    return unansweredStillUsed(s).map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'opt-out' }));
  },
};

/** "If you do not return the reply slip", "If we receive nothing back from you", "Where no form is returned": no answer. */
const noFormBack =
  /\b(if|where|when|until) (you do not|you don't|we do not|we don't|we have not|we haven't|parents do not|parents don't)\b[^,.;]{0,30}\b(return|receive|get|had|have|hear)\b[^,.;]{0,40}\b(forms?|slips?|reply|replies|response|answer)\b|\b(receive|get|have|hear) nothing back\b|\b(where|if) no (form|reply|response|slip) (is |has been )?(back|returned|received)\b|\bno form back\b/;

/**
 * Displays run without an answer: "If you do not return the reply slip, we will only use photographs … for displays inside
 * school", "…we will treat it as "no" to everything except displays inside school", "If we don't have a form back … We will
 * still take photos for classroom displays": used unless the carer says no, opt-out.
 */
function unansweredStillUsed(s: Sentence): string[] {
  const here = noFormBack.exec(s.lower);
  const used = here ? s.lower.slice(here.index + here[0].length) : noFormBack.test(s.previous ?? '') && /\bstill\b/.test(s.lower) ? s.lower : '';
  const kept = /\b(only|except|still|apart from|other than|but)\b(.*)$/.exec(used)?.[2] ?? '';
  // ("…we will only use photographs with consent, so your child will not appear in displays": displays refused. What is
  // refused after "and not on the website" is another clause.)
  const clause = kept.split(/,? (?:and|but) not\b|;/)[0];
  if (/\b(not|never|no)\b|n't\b/.test(clause)) return [];
  return namedUses(clause).filter((key) => key === 'displays');
}
