/**
 * What carers are asked (consent.purposes.KEY.active) and when answers lapse (consent.lapse).
 * Only the school asking proposes a purpose; only the school saying it has no social media turns
 * that purpose off; a rule for staff, pupils or parents is never a consent setting.
 */
import { type Sentence } from './text.ts';
import { aboutSchoolsOwnName } from './roles.ts';
import type { Found, SentencePattern } from './types.ts';
import { lapse } from './lapse.table.ts';
import { namedUses, purposes } from './consent.uses.ts';
import { asksConsent, conditionalLead, everyonesRule, noActionOptOut, offeredChoice, othersSharing } from './consent.asks.ts';

/** A sentence that says the uses it names are the school's uses without consent, or unless carers object (the basis pattern reads it). */
export const basisStated = (s: Sentence) => basis.read(s).map((f) => f.setting.split('.')[2]);

/**
 * "We will not:" then the bullet "publish photographs of children without the written consent of parents": the lead's
 * negation and the bullet's "without consent" are the double negative, so consent is asked. The school's own lead only.
 */
const negatedLead = (s: Sentence) =>
  !!s.item &&
  /^(we|the (school|academy|nursery|trust|setting)|our (school|academy|nursery)|[a-z.']+( [a-z.']+){0,3} (school|academy|nursery))( staff)? (will|shall|do|does|must|should|would) (not|never)( ever)?\b[^.]{0,40}:$/.test(
    s.lead ?? '',
  ) &&
  !/^[^:]*\bstaff\b/.test(s.lead ?? '') &&
  /^(use|post|publish|share|upload|put|display|show|include|tweet|print|feature)\b[^.;]*\b(photo(graph)?s?|images?|pictures?|videos?)\b[^.;]*\bwithout ((the|their|your|such|prior|express|explicit|written|signed|parental|parents'?|carers'?) ){0,4}(consent|permission)\b/.test(
    s.lower,
  );

/** The one channel a list's lead, the heading over it or the page's title names; none when it names several or none. */
function oneChannel(s: Sentence): string[] {
  for (const text of [s.lead, s.heading, s.title]) {
    const named = text ? purposes.filter(([, pattern]) => pattern.test(text)).map(([key]) => key) : [];
    if (named.length) return named.length === 1 ? named : [];
  }
  return [];
}

/** A list's lead that is the school's undertakings ("Oakwood Primary will:", "As a school we shall:"); not staff's. */
const undertakingLead =
  /^((as a (school|nursery|setting|academy),? |(on|in|for) (the |our |all )?[a-z' ]{1,30},? )?(we|the (school|academy|nursery|setting|trust|pre-?school)|our (school|academy|nursery|setting)|[a-z.']+( [a-z.']+){0,3} (school|academy|nursery|pre-?school)))( will| shall| aim to| undertakes? to| commits? to| promises? to)( always)?:$/;

/** An item under the school's undertakings, read with its subject: "Use images of children, but only with…" → "we will use…". */
export function withUndertaking(s: Sentence): Sentence {
  if (!s.item || !undertakingLead.test(s.lead ?? '') || /^(we|the|our|staff|pupils?|parents?)\b/.test(s.lower)) return s;
  return { ...s, lower: `we will ${s.lower}` };
}

/**
 * A form's line the carer completes by striking one word: "I give / do not give consent for my child's photo to appear on
 * the school website". The choice offered is no negation: the line asks, as "I give consent…" does.
 */
function formChoice(s: Sentence): Sentence {
  const choice = /\b(give|agree|consent|do)\s*\/\s*(do not|don't|not) (give|agree|consent)\b/;
  if (!choice.test(s.lower)) return s;
  const lower = s.lower.replace(choice, '$1');
  return /\b(not|never|no)\b|n't\b/.test(lower) ? s : { ...s, lower, negated: '' };
}

/** The school's own channels, said as its own: "We use our official Instagram and Facebook accounts to celebrate…". */
const ownChannels =
  /^(we|the (school|academy|nursery))( also)? (use|uses|have|has|run|runs) (our|its|an?) (official |own )?[a-z ,]{0,40}\b(accounts?|pages?|website)\b/;

const asked: SentencePattern = {
  name: 'the school asks carers about uses of photographs',
  readsLists: true,
  read: (original) => {
    const item = formChoice(original);
    if (conditionalLead(item) || everyonesRule.test(item.lower) || othersSharing.test(item.lower) || aboutSchoolsOwnName(item.lower)) return [];
    const s = withUndertaking(item);
    if (negatedLead(s)) {
      const own = namedUses(s.lower);
      return (own.length ? own : oneChannel(s)).map((key) => ({ setting: `consent.purposes.${key}.active`, value: true }));
    }
    if (!asksConsent(s)) return [];
    // "Should a newspaper wish to photograph your child, we will ask your permission separately": a use the school may ask
    // about one day, on its own occasion; not one this page asks about.
    if (/^(should|in the event|were|if)\b/.test(s.lower) && /\b(separately|again|individually|at the time|first)\b/.test(s.lower)) return [];
    // "…images must not be posted on social media": a use under a negation is none, unless the negation is the
    // consent's own ("not … without consent", "never … unless permission has been granted").
    const doubleNegative = /\b(without|unless)\b/.test(s.lower);
    let found = namedUses(s.lower, doubleNegative || offeredChoice.test(s.lower) ? '' : s.negated);
    // "The nursery has a Facebook page. No photos will be posted without consent.": posted where the sentence before says.
    // ("We use our official Instagram and Facebook accounts to celebrate… We only use photographs of students whose parents
    // have given consent": used where the school's own accounts are.)
    if (
      !found.length &&
      s.previous &&
      (/\b(post(ed|ing)?|upload(ed|ing)?|published)\b/.test(s.lower) ||
        (/^(we|the (school|academy|nursery))( will)? only use\b/.test(s.lower) && ownChannels.test(s.previous)))
    )
      found = purposes.filter(([, pattern]) => pattern.test(s.previous!)).map(([key]) => key);
    // "…may want to post photographs on the website or social media. Permission to do so is granted only with…": the uses
    // of the sentence before, with the sentence's own.
    else if (/^(permission|consent|approval) (to do so|to do this|for this|for these uses|for (this|such) use)\b/.test(s.lower) && s.previous)
      found = [...new Set([...found, ...namedUses(s.previous)])];
    // "School Website" then "We will seek consent for images on the internet": the one use the heading names.
    if (!found.length && s.heading) {
      const underHeading = purposes.filter(([, pattern]) => pattern.test(s.heading!)).map(([key]) => key);
      if (underHeading.length === 1) found = underHeading;
    }
    // "Social Media" over "Ourtown School will:" and "Use images of children, but only with parents' permission": the
    // one channel the page's title names, for a sentence about images that names none.
    // A title listing the media a policy covers ("Photographs, Videos, Websites and Webcams Policy") names its subjects,
    // not one channel the page's images go to.
    if (!found.length && s.title && /\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower) && !/,[^,]+\b(and|&)\b/i.test(s.title)) {
      const titled = purposes.filter(([, pattern]) => pattern.test(s.title!)).map(([key]) => key);
      if (titled.length === 1) found = titled;
    }
    return found.map((key) => ({ setting: `consent.purposes.${key}.active`, value: true }));
  },
};

const noSocialMedia: SentencePattern = {
  name: 'the school does not use social media',
  read: (s) => {
    for (const clause of s.lower.split(/[;:]/)) {
      let platforms = 0;
      const m =
        /^(.*?)\b(does not|doesn't|do not|don't|has no|have no)( currently| yet)?( use| have| run| operate)?( any| a| an)?( official| its own| school)? (social media|social networking)\b(?! (polic(y|ies)|leads?|clubs?|courses?|training|lessons?|safety|guidance|codes?|curriculum|bans?|rules?)\b)/.exec(
          clause
            .trim()
            // ("…does not operate a Facebook, Instagram, X (Twitter) or other social media account": the list is social media.)
            .replace(
              /\b(a |an )?(facebook|twitter|instagram|tiktok|youtube|snapchat|linkedin|x)( \(twitter\))?(,? (facebook|twitter|instagram|tiktok|youtube|snapchat|linkedin|x)( \(twitter\))?)*,? (or|and) (any )?other social media\b/,
              'social media',
            )
            .replace(
              /\b(a |an )?(facebook|twitter|instagram|tiktok|youtube|snapchat|linkedin)(,? (or|and) (a |an )?(facebook|twitter|instagram|tiktok|youtube|snapchat|linkedin|x)|, (a |an )?(facebook|twitter|instagram|tiktok|youtube|snapchat|linkedin|x))*( pages?| accounts?| channels?)\b/,
              (named) => {
                platforms = named.split(/,? (?:or|and) |, /).length;
                return 'social media';
              },
            ),
        );
      if (!m) continue;
      // ("We do not use any social media with pupils in school", "…does not use social media to communicate with students":
      // social media in teaching or contact, not the school's page for photographs; nor "…as the only way of telling
      // families anything urgent", which says what else it uses.)
      if (
        /^\s*((or|and) [a-z -]{1,30}? )?(any |our |its )?(accounts? |platforms? |apps? )?(with|to (communicate|contact|message|talk|keep in touch)|for (teaching|lessons|learning|homework|school ?work)|in (lessons|class|the classroom)|as (the|our|a|its) (only|main|sole|first|usual|primary) (way|means|channel|source|route))\b/.test(
          (m.input ?? '').slice(m.index + m[0].length),
        )
      )
        continue;
      const subject = m[1].trim();
      if (/^(if|where|when|should|unless|although|even)\b/.test(subject)) continue;
      if (
        !/^((currently|at present|at the moment),? )?(the school|we|our school|this school|[a-z.']+( [a-z.']+){0,3} (school|academy)|[a-z.']+( [a-z.']+)?)( currently| at present)?$/.test(
          subject,
        )
      )
        continue;
      // (Nor a request to families: "Please do not use social media to complain about the school".)
      if (/^(he|she|they|it|who|one|someone|anyone|everyone|nobody|i|you|please)$/.test(subject)) continue;
      // ("Tablets do not have social media apps on them": the devices, not the school.)
      if (
        /\b(staff|pupils?|children|parents?|carers?|governors?|visitors?|employees?|teachers?|members|users|sites?|tablets?|ipads?|phones?|devices?|computers?|laptops?|cameras?|chromebooks?)\b/.test(
          subject,
        )
      )
        continue;
      // ("The school does not currently have a Twitter account": one platform it lacks, where another may be its page. Only
      // when the page says nothing else of social media.)
      return [{ setting: 'consent.purposes.social-media.active', value: false, ...(platforms === 1 ? { combine: 'fallback' as const } : {}) }];
    }
    return [];
  },
};

/**
 * "Our website does not have any photographs of children on it": the school publishes no pupil's image there, so that use
 * is not one carers are asked about (active: false). Not "…without consent", "unless", a name rule, or someone else's site.
 */
const noPhotosOnWebsite: SentencePattern = {
  name: 'the school website carries no photographs of children',
  read: (s) =>
    /^(our|the|the school's|the academy's|the nursery's) (school |academy |nursery )?web ?site (does not|do not|will not) (have|include|show|contain|carry|feature|display|use) (any )?(photo(graph)?s?|images?|pictures?) (of|showing) (the )?(children|pupils|students)\b/.test(
      s.lower,
    ) && !/\b(without|unless|until|except|names?|if|only)\b/.test(s.lower)
      ? [{ setting: 'consent.purposes.website.active', value: false }]
      : [],
};

const socialMedia = purposes.find(([key]) => key === 'social-media')![1];
/** "The nursery has a social network page…", "We run a Facebook page": the school's own page, named the sentence before. */
const ownPage =
  /\b(the (school|nursery|academy|setting|trust|pre-?school|playgroup|college|federation)|we|our (school|nursery|academy|setting|pre-?school|playgroup)|[a-z.']+ (primary|school|academy|nursery|pre-?school))( now| also| currently)? (has|have|runs?|operates?|uses?|manages?|is (now )?(active|on)|are (now )?(active|on)) (a |an |its own |our own |its |our )?(social network(ing)?|social media|facebook|twitter|instagram|x)\b/;

/**
 * The school's own social media on which it never publishes pupils' photographs: "The nursery has a social network page
 * which is for information only. Photographs of children are never posted."; "We will not be using Facebook for the
 * following:" over "To publish photographs or children's names". That channel is no use carers are asked about
 * (active: false); with names in the same refusal, pupils are not named there. Never with "without consent", "unless",
 * "only", a condition, someone's own account, or names alone ("never posted with their names" is a naming rule).
 */
const noPhotosOnOwnPage: SentencePattern = {
  name: 'the school never publishes photographs on its own social media',
  readsLists: true,
  read: (s) => {
    if (/\b(without|unless|until|except|consent|permission|if|only|when|where|personal|own|private)\b/.test(s.lower)) return [];
    const channels = (text: string) => purposes.filter(([, pattern]) => pattern.test(text)).map(([key]) => key);
    const lead = s.item ? (s.lead ?? '') : '';
    const leadRefuses =
      /^(we|the (school|academy|nursery|setting)|our (school|academy|nursery))( will| shall| do| does)( not|n't| never)( be)? (using|use|post|posting|publish|publishing)\b[^:]*:$/.test(
        lead,
      ) &&
      channels(lead).length === 1 &&
      channels(lead)[0] === 'social-media';
    const publishes = /^(to )?(publish|post|share|upload|put|show|display|tweet)\b[^.;]*\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower);
    if (leadRefuses && publishes && !channels(s.lower).some((key) => key !== 'social-media')) {
      const found: Found[] = [{ setting: 'consent.purposes.social-media.active', value: false }];
      if (/\b(children's|pupils'|students'|their|full) names\b|\bnames of (children|pupils|students)\b/.test(s.lower))
        found.push({ setting: 'photos.channels.social-media.naming', value: 'none' });
      return found;
    }
    if (/\bnames?\b/.test(s.lower)) return [];
    const refusal =
      /^(photo(graph)?s?|images?|pictures?)( of (the |our )?(children|pupils|students))? (are|will be|will|is|shall be|must|should) (never|not)( be)? (posted|published|shared|uploaded|put|shown|used|placed)\b/.test(
        s.lower,
      ) ||
      /^(we|the (school|nursery|academy|setting)) (will |do |does |shall )?(never|not) (post|publish|share|upload|put|use) (any )?(photo(graph)?s?|images?|pictures?)( of (the |our )?(children|pupils|students))?\b/.test(
        s.lower,
      );
    // (What goes beside an image is another rule: "We do not publish any image alongside a pupil's home address…".)
    if (!refusal || /\b(photo(graph)?s?|images?|pictures?)\b[^.;]{0,12}\b(alongside|beside|next to|with (a|the|their|any))\b/.test(s.lower)) return [];
    const named = channels(s.lower);
    // "…a social network page" is social media too, though the purposes' words are for the channels carers are asked about.
    const previous = s.previous ?? '';
    const ownChannels = ownPage.test(previous)
      ? [...new Set([...channels(previous), ...(/\bsocial network(ing)?\b/.test(previous) ? ['social-media'] : [])])]
      : [];
    const there = named.length ? named : ownChannels;
    return there.length === 1 && there[0] === 'social-media' && (named.length ? socialMedia.test(s.lower) : true)
      ? [{ setting: 'consent.purposes.social-media.active', value: false }]
      : [];
  },
};

/**
 * The school never puts pupils' photographs on the internet at all: "Photographs will not be used on the internet", "We do
 * not post images of the children online". Neither the website nor social media is a use carers are asked about (both
 * active: false). Never with a condition or consent ("…without permission", "unless"), "only", someone's own photographs
 * or accounts, or a list of parents' or visitors' rules.
 */
const notOnline: SentencePattern = {
  name: 'the school never puts photographs on the internet',
  read: (s) => {
    if (/\b(without|unless|until|except|consent|permission|if|only|when|where|personal|own|private|parents?|carers?|visitors?|staff)\b/.test(s.lower))
      return [];
    if (s.item && /\b(parents?|carers?|visitors?|families|staff|pupils?|students?)\b/.test(s.lead ?? '')) return [];
    const photos = String.raw`(any )?(photo(graph)?s?|images?|pictures?)( of (the |your |our )?(children|child|pupils?|students?))?`;
    const online = String.raw`(on|onto) (the internet|the web)\b|online\b`;
    const refused =
      new RegExp(String.raw`^${photos} (will|shall|are|is)( never| not) (be )?(used|posted|published|shared|uploaded|put|placed|shown) (${online})`).test(
        s.lower,
      ) ||
      new RegExp(
        String.raw`^(we|the (school|nursery|academy|setting)|our (school|nursery|academy|setting)) (will |do |does |shall )?(never|not) (use|post|publish|share|upload|put|show) ${photos} (${online})`,
      ).test(s.lower);
    return refused
      ? [
          { setting: 'consent.purposes.website.active', value: false },
          { setting: 'consent.purposes.social-media.active', value: false },
        ]
      : [];
  },
};

export const consentPatterns: SentencePattern[] = [asked, noSocialMedia, noPhotosOnWebsite, noPhotosOnOwnPage, notOnline, lapse];

/** The uses a consent sentence names itself (or by the sentence before, or its heading). */
export const askedUses = (s: Sentence) => asked.read(s).map((f) => f.setting);

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

const basis: SentencePattern = {
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

consentPatterns.push(basis);
