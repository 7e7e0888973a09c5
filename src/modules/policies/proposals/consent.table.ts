/**
 * What carers are asked (consent.purposes.KEY.active) and when answers lapse (consent.lapse).
 * Only the school asking proposes a purpose; only the school saying it has no social media turns
 * that purpose off; a rule for staff, pupils or parents is never a consent setting.
 */
import { type Sentence } from './text.ts';
import { aboutSchoolsOwnName } from './roles.ts';
import type { Found, SentencePattern } from './types.ts';
import { lapse } from './lapse.table.ts';
import { basis } from './consent.basis.ts';
import { namedUses, purposes } from './consent.uses.ts';
import { asksConsent, conditionalLead, everyonesRule, offeredChoice, othersSharing } from './consent.asks.ts';

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

export const consentPatterns: SentencePattern[] = [asked, noSocialMedia, noPhotosOnWebsite, noPhotosOnOwnPage, notOnline, lapse, basis];

/** The uses a consent sentence names itself (or by the sentence before, or its heading). */
export const askedUses = (s: Sentence) => asked.read(s).map((f) => f.setting);
