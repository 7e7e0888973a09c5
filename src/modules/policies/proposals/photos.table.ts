/**
 * Photographs: occasions never photographed (photos.prohibitedContexts) and how long photographs
 * are kept (retention.deletePhotosAfterYears). A prohibition needs a photograph, a negation on
 * taking or using it, and an occasion; a rule for parents or visitors, or one with "unless", is not the school's.
 */
import { namingPatterns } from './naming.table.ts';
import { othersRule } from './naming.words.ts';
import { numberFrom } from './text.dates.ts';
import { type Sentence } from './text.ts';
import type { Found, SentencePattern } from './types.ts';

/** Occasions (the default photos.contexts keys) by the words schools use for them. */
export const occasions: [string, RegExp][] = [
  ['swimming', /\bswim(ming)?\b|swimwear|swimsuits?|costumes? for swimming|in the pool\b|swimming pool|\b(sports centre|leisure centre|school) pool\b/],
  ['sports-day', /\bsports? days?\b/],
  ['assembly', /\bassembl(y|ies)\b/],
  // (Not the play of the early years: "water play", "role play", "free play".)
  [
    'performance',
    /\b(performances?|(?<!\b(?:water|sand|role|free|messy|outdoor|imaginative|small world|physical|rough|child-led|heuristic|construction) )plays?|concerts?|nativity)\b/,
  ],
  ['trip', /\b(school trips?|educational visits?|residentials?|outings?)\b/],
];

const photo = /\b(photo(graph)?s?|photography|photographed|photographing|images?|pictures?|cameras?|film(ed|ing)?|video(ed|s)?|recorded)\b/;
const refusal =
  /\b(no (photo(graph)?s?|photography|images?|pictures?|filming|cameras?)|not (be )?(permitted|allowed)|prohibited|forbidden|never|(may|must|will|should|shall|can|are|is)( not|n't) be (taken|used|published|shared|displayed|filmed|recorded)|cannot be (taken|used))\b/;
/** A rule about the device ("mobile phones must not be used to photograph…") prohibits no occasion. */
const device = /\b(personal|own|mobile|private|staff) (phones?|devices?|cameras?|equipment)\b|\bmobile phones?\b/;
/** A place narrower than an occasion (bedrooms, toilets): in the same part of the sentence as the occasion, it narrows it. */
const place = /\b(bedrooms?|dormitor\w*|toilets?|showers?|washrooms?|changing (rooms?|areas?|facilities|cubicles?)|undress(ed)?|state of undress)\b/;
/** "Children will never be photographed…": the children are what is photographed, not who photographs. */
const photographedSubject = /^(pupils?|children|students?)\b[^,;]*\b(be|being|are|is|get)( never| not)? (photographed|filmed|recorded|pictured)\b/;

/**
 * A moment narrower than an occasion is no prohibition of it: "dressed after swimming", "trips at night",
 * "residential visits overnight" are taken out before the occasions are read.
 */
const narrowed = (text: string) =>
  text
    // "…may withdraw their child from a performance": taking a child out of an occasion bans no photographs at it.
    .replace(
      /\b(withdraw\w*|excus\w*|remov\w*|(take|takes|taken|taking|kept|keep|keeps|opt|opts|opted) (them |their child |the child |him or her |pupils? |children )?out|(not|choose not to) (take|taking) part|sit(s|ting)? out)\b[^.;,]*/g,
      ' ',
    )
    // ("…while they are getting changed, including for PE, swimming and performances", "in nightwear on residential trips",
    // "getting ready for bed on the Year 6 residential": a state of dress, and the occasions it happens on.)
    // (Changing for swimming is swimming's, as the keying guide reads changing rooms tied to it.)
    .replace(/\b(getting |get |are |being )?(changed|changing|undress\w*|dressing),? (including |e\.?g\.? |such as )?(for|after|before)\b[^.;]*/g, (m) =>
      /\bswim/.test(m) ? ' swimming ' : ' ',
    )
    .replace(/\b(changed|changing|getting dressed|dressed|dressing|undress\w*|shower\w*) (after|before|for|at) (the |their )?[\w-]+/g, ' ')
    .replace(/\b(nightwear|night ?clothes|nightclothes|pyjamas|getting ready for bed|going to bed)\b[^.;]*/g, ' ')
    // ("on the residential, in dormitories or at bedtime": the trip's rooms and nights, not the trip.)
    .replace(
      /\b(residentials?|residential (trips?|visits?)|(school )?trips?|educational visits?),? (in|at|during) (the |their )?(dormitor\w*|bedrooms?|bedtime|night|tents?|sleeping (areas?|quarters))\b/g,
      ' ',
    )
    // (…and what the place is on: "in the dormitories on the Year 6 residential trip" narrows the trip, it bans none.)
    // ("in bedrooms/dorms on residentials", "in the changing areas before and after the performance": the place, not the
    // occasion; changing for swimming stays swimming's.)
    .replace(
      /(?:\b[\w-]+ (?:[\w-]+ )?)?(at night|overnight|at bedtime|in (their |the )?(bedrooms?|rooms|dormitor\w+|dorms?|tents?)(\/(bedrooms?|rooms|dormitor\w+|dorms?))?|(in (their |the )?)?(sleeping (areas?|quarters)|boarding (accommodation|houses?))|in (the )?changing (rooms?|areas?))\b(?:(?: or [\w ]{1,20}?)? (?:on|during|at|before and after|before|after) [^.;,]*)?/g,
      (m) => (/\bchanging\b/.test(m) && /\bswim/.test(m) ? ' swimming ' : ' '),
    )
    // ("…on residential trips with pool time", "the Year 6 residential drop-off": a part of the trip, not the trip.)
    .replace(/\b(residentials?|residential (trips?|visits?)|(school )?trips?|educational visits?) (with|that include|including|involving) [^.;,]*/g, ' ')
    .replace(/\b(residential|trip|visit)('s)? (drop-?off|pick-?up|departure|return|coach journey)\b/g, ' ');

/**
 * The school itself refusing to photograph: "Staff do not photograph pupils on educational visits", "we will not film…",
 * or photographs said never to be taken there at all ("No photographs are taken at sports day", "…will not be taken at…").
 * A ban on a public occasion with no one named ("No filming during the Christmas performances", "Photography is not
 * allowed at the leavers' assemblies") is the audience's rule: of 58 such sentences across the keyed sets (performances,
 * assemblies, sports day, trips), keyers read one as an occasion the school never photographs, and that one named staff.
 * Swimming is everyone's rule, the school's included, however it is said (109 keyed of 133).
 */
const schoolRefuses =
  /\b(staff|we|the (school|academy|nursery|setting|federation|trust)|members of staff|school staff|teachers|our photographers?)( will| do| does| must| should| shall| can| may| would)?( not|n't|never| never)( ever)? (photograph|film|take|record|video|live ?stream)|\b(taken|filmed|photographed|recorded) by (school )?staff\b|\b(photo(graph)?s|images|pictures|videos|photography|filming)\b[^.;,]{0,40}\b((will|must|shall|should|may)( not| never)|cannot|can't|won't) be (taken|made)\b|\bno (photo(graph)?s|images|pictures|videos|photography|filming)\b[^.;,]{0,40}\b(are|is) (ever )?(taken|made)\b|\b(photo(graph)?s|images|pictures|videos)\b[^.;,]{0,40}\b(are|is) (not|never) (taken|made)\b|^(never|do not|don't) (photograph|film|take)\b/;

/** A carer who does not agree, allow or wish something, or may withdraw a child: the carer's decision, not the school's rule. */
const carersChoice =
  /\b(parents?|carers?|families|guardians?|they|you)\b[^.;]{0,200}\b(not|n't|never) (agree|allow|wish|want|consent|permit|give (their |your )?(consent|permission))\b|\b(parents?|carers?|families|guardians?|they|you) (may|might|can|could) (wish|decide|choose|prefer) (to|not to)\b/;

const prohibited: SentencePattern = {
  name: 'photographs are not taken on an occasion',
  readsLists: true,
  // A lead read with its list ("Photos will never be taken: a; b; c, except as agreed with the DSL"): an item on a
  // condition is left out, and the others are still refused.
  read: (sentence) => {
    const s = underRefusal(sentence);
    const list = /^([^;:]*:) (.*)$/.exec(s.lower);
    if (!list || !list[2].includes('; ')) return refusedOccasions(s);
    const items = list[2].split(/;\s*/);
    const onCondition = (item: string) => /\b(unless|except|exception|apart from|without|if|until)\b/.test(item);
    const kept = items.filter((item) => !onCondition(item));
    if (!kept.length || kept.length === items.length) return refusedOccasions(s);
    // ("in swimwear, except at a swimming gala": swimming is refused only on a condition, whatever another item says.)
    const conditional = occasions.filter(([, pattern]) => items.some((item) => onCondition(item) && pattern.test(narrowed(item)))).map(([key]) => key);
    return refusedOccasions({ ...s, lower: `${list[1]} ${kept.join('; ')}` })
      .map((f) => ({ ...f, value: (f.value as string[]).filter((key) => !conditional.includes(key)) }))
      .filter((f) => f.value.length);
  },
};

/**
 * An item under a heading that refuses photographs, read with it: "Occasions when photographs are NOT taken" over "- At
 * the swimming pool", "WE WON'T…" over "• Put up photos of children swimming". (Not a heading that only names the
 * occasions, "Photographs at swimming", nor an item that is no place or act: it must name an occasion to read anything.)
 */
function underRefusal(s: Sentence): Sentence {
  if (!s.item || s.lead || !s.heading) return s;
  const heading = s.heading.replace(/[.…:]+$/, '').trim();
  if (
    /^(occasions?|times?|places?|situations?|when|where)\b[^.]{0,40}\b(photo(graph)?s?|images?|pictures?|photography|filming)\b[^.]{0,20}\b(are|is|will be) (not|never) (taken|allowed|permitted)$|^(occasions?|places?|times?)\b[^.]{0,40}\b(never|not) (photographed|filmed)$/.test(
      heading,
    )
  )
    return { ...s, lower: `photographs are never taken ${s.lower}`, negated: s.lower };
  if (/^(we|staff) (will not|won't|never|do not|don't)$/.test(heading) && /^(put|post|take|photograph|film|share|publish|use|upload)\b/.test(s.lower))
    return { ...s, lower: `we will not ${s.lower}`, negated: s.lower };
  return s;
}

/**
 * Occasions refused in a sentence of two clauses, each with its own subject and negation ("Photographs are never taken in
 * changing rooms or during swimming lessons, and we do not photograph pupils who are upset"): each clause read alone.
 */
function refusedOccasions(s: Sentence): Found[] {
  const clauses = s.lower.split(/, and (?=(?:we|staff|they|the school|the academy)\b)/);
  if (clauses.length < 2) return refusedIn(s);
  const found = clauses.flatMap((clause) => {
    const at = /\b(never|not|no)\b/.exec(clause);
    return refusedIn({ ...s, lower: clause, negated: at ? clause.slice(at.index) : '' });
  });
  const keys = [...new Set(found.flatMap((f) => f.value as string[]))];
  return keys.length ? [{ setting: 'photos.prohibitedContexts', value: keys, combine: 'union' }] : [];
}

function refusedIn(s: Sentence): Found[] {
  // (Each clause has its own subject: "Pupils will be appropriately dressed…; photographs of swimming lessons will not be
  // taken" is the school's rule in its second clause.)
  const refusing = s.lower.split(/;\s*/).filter((clause) => refusal.test(clause));
  const othersOnly =
    othersRule.test(s.lower) && (!/^(pupils?|children|students?)\b/.test(s.lower) || !refusing.length || refusing.some((clause) => othersRule.test(clause)));
  if (!photo.test(s.lower) || (othersOnly && !photographedSubject.test(s.lower))) return [];
  // A condition ("if a parent has asked us not to", "unless…") prohibits nothing outright.
  if (/\b(unless|except|without|if|until)\b/.test(s.lower) || device.test(s.lower)) return [];
  // A carer's own choice ("parents … would not agree to allow their child to take part in a performance where…") bans nothing.
  if (carersChoice.test(s.lower)) return [];
  // Families asked not to photograph ("we ask parents not to take photographs during performances"), the reader doing
  // something ("…when you are helping in class"), or the school keeping a choice ("may ask that no photography takes
  // place during a particular performance"): no occasion the school never photographs.
  if (
    /\b(ask|asks|asked|request|requests|remind|reminds|require|requires)( that)? (all )?(parents?|carers?|families|visitors?|you|the audience|audiences?|guests?|spectators)\b/.test(
      s.lower,
    ) ||
    /\byou (are|were|come|visit|attend|help|take|bring|film|record)\b/.test(s.lower) ||
    /\b(may|might|can|could|reserves? the right to) (ask|request|decide|choose|stop|prevent)\b|\b(a particular|certain|some|specific|individual) (performances?|events?|occasions?|concerts?|productions?)\b/.test(
      s.lower,
    )
  )
    return [];
  const negatedPhoto = photo.test(s.negated) || /\b(taken|take|used|use|published|shared|displayed)\b/.test(s.negated);
  if (!negatedPhoto && !refusal.test(s.lower)) {
    // "Children are photographed only in suitable dress (i.e. not during swimming)": the occasion after "not during".
    const except = /\b(?:not|never) (?:during|at|in|on|while|when)\b([^.;,)]*)/.exec(s.lower);
    const named = except ? occasions.filter(([, pattern]) => pattern.test(narrowed(except[1]))).map(([key]) => key) : [];
    return named.length && !place.test(except![1]) ? [{ setting: 'photos.prohibitedContexts', value: named, combine: 'union' }] : [];
  }
  // The whole sentence: only its clauses that refuse ("Photography is not permitted by parents; parents may…").
  // (The negation's reach runs on through a list of occasions that continues past its comma: "Staff will not photograph
  // pupils while they are changing, in the toilets, during swimming lessons, or when…" refuses each one.)
  const negatedAt = s.negated ? s.lower.indexOf(s.negated) : -1;
  // (Up to a new clause with a subject of its own: "…, and photographs of sports day are taken with care", "…, and we'll help".)
  const negatedClause =
    negatedAt >= 0
      ? (s.lower
          .slice(negatedAt)
          // (A lead read with its list, "…will not take photographs of pupils: a; b; c": every item is in its reach.)
          .split(
            /^[^;]*:/.test(s.lower.slice(negatedAt))
              ? /\.(?= |$)/
              : /;|\.(?= |$)|\bbut\b|, (?:and|while|whereas|so) (?:the |our |all |any )?(?:photo(?:graph)?s?|images?|pictures?|videos?|we|we'll|we will|staff|parents?|carers?|they|it|this|children|pupils|you)\b/,
          )[0] ?? s.negated)
      : s.negated;
  const scope = narrowed(
    s.negated && negatedPhoto
      ? negatedClause
      : s.lower
          .split(/;\s*/)
          .filter((clause) => refusal.test(clause))
          .join('; '),
  );
  // A place in the same part as the occasion narrows it ("trips … in their bedrooms"); listed apart
  // ("in the swimming baths, in the toilets or…") it is a rule of its own.
  const parts = scope.split(/,|;| or | and /).filter((part) => !place.test(part));
  // "The school does not post photographs of children in swimwear": what is not published is a state of dress, not an
  // occasion never photographed (taking them is another matter: "no photographs of children in swimsuits are taken").
  const publishingOnly =
    /\b(post|posts|posted|publish|publishes|published|share|shares|shared|upload|uploads|uploaded|display|displays|displayed)\b/.test(s.lower) &&
    !/\b(take|takes|taken|taking|photograph|photographed|photographing|film|filmed|filming)\b/.test(s.lower);
  const dressOnly = (part: string) =>
    /\b(swimwear|swimsuits?|swimming costumes?|costumes? for swimming)\b/.test(part) &&
    !/\bswim(ming)? (lessons?|galas?|sessions?|pools?|baths|trips?)\b|\bswimming\b(?! costumes?)/.test(part);
  // "…photographs of swimming lessons or changing will not be taken": the occasion is the subject, before the negation.
  const subject =
    negatedPhoto && s.negated && /\b(taken|take|filmed|photographed|recorded)\b/.test(s.negated)
      ? (/(?:^|[;,]\s*)(?:[a-z' ]{0,30}\b)?(?:photo(?:graph)?s|images|pictures|videos|photography|filming) (?:of|at|during|in) ([^,;]{3,60}?) (?:will|must|should|shall|may|are|is|can)(?: not|n't| never)\b/.exec(
          s.lower,
        )?.[1] ?? '')
      : '';
  const subjectParts = narrowed(subject)
    .split(/ or | and /)
    .filter((part) => part && !place.test(part));
  // (A refusal to publish images "taken during water sports on residential trips" bans publishing, not the trip.)
  if (publishingOnly && !subjectParts.length) return [];
  const found = occasions
    .filter(([key, pattern]) => [...parts, ...subjectParts].some((part) => pattern.test(part) && !(key === 'swimming' && publishingOnly && dressOnly(part))))
    .filter(([key]) => key === 'swimming' || schoolRefuses.test(s.lower))
    .map(([key]) => key);
  return found.length ? [{ setting: 'photos.prohibitedContexts', value: found, combine: 'union' }] : [];
}

const photos = /\b(photo(graph)?s?|images?|pictures?)\b/;

const deleted: SentencePattern = {
  name: 'photographs are deleted after a time',
  read: (s) => {
    // ("Photos … are stored in the department's folder. They are deleted three years after they were taken", "…clears the
    // folder each summer; anything older than three academic years is deleted": the photographs the sentence before names.)
    // (Not "they" who do something else, "They delete their emails…", nor "everything else", which is other records.)
    const pointsBack =
      /^(they|these|those|such (photos|images)) (are|will be|should be|must be|get|then get)( then| all)? (deleted|destroyed|erased|removed)\b|\banything (older|more) than\b/.test(
        s.lower,
      ) && photos.test(s.previous ?? '');
    if (!photos.test(s.lower) && !pointsBack) return [];
    // "held for no longer than three years": the limit says they go after it.
    const limit =
      /\b(?:held|kept|retained|stored) (?:for )?(?:no (?:longer|more) than|a maximum of|at most) (a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years?\b/.exec(
        s.lower,
      );
    if (limit && !s.negated.match(/held|kept|retained|stored/) && !/\bleav(e|es|ing)\b/.test(s.lower)) {
      const years = numberFrom(limit[1]);
      return years !== null && years <= 10 ? [{ setting: 'retention.deletePhotosAfterYears', value: years }] : [];
    }
    if (!/\b(delet|destroy|eras|remov)/.test(s.lower)) return [];
    // (A negation inside the subject's own clause, "Images … that are not needed for the school archive are deleted after
    // two years", leaves the deleting alone.)
    const ownClause =
      /\b(that|which) (are|is) not (needed|required|wanted|selected|chosen|used)\b[^.;]*?(?= (are|is|will be|must be|should be) (deleted|destroyed|erased|removed)\b)/;
    if (
      ownClause.test(s.lower)
        ? /\b(not|never)\b[^.;,]{0,25}\b(delet|destroy|eras|remov)/.test(s.lower.replace(ownClause, ' '))
        : /\b(delet|destroy|eras|remov)\w*/.test(s.negated)
    )
      return [];
    // "…removed or archived within two years": kept in an archive, not deleted.
    if (/\bor (be )?(archived|archive|moved|transferred|kept)\b/.test(s.lower)) return [];
    // "Photographs on the website … removed": taken off a channel, which is not deleting them.
    if (
      !/\b(delet|destroy|eras)/.test(s.lower) &&
      /\b(websites?|web ?pages?|social media|displays?|noticeboards?|walls?|apps?|class ?dojo|seesaw|tapestry|newsletters?)\b/.test(s.lower)
    )
      return [];
    // Counted from when the pupil leaves, not from the year the photograph was taken: another rule.
    // ("Kept for as long as your child is at the academy and then for one year after": from leaving too.)
    // (Unless the years are a cap beside it: "…deleted when the pupil leaves, or after two years, whichever is sooner".)
    if (
      /\bleav(e|es|ing)\b|\bhas left\b|\b(as long as|while) (your child|the (child|pupil|student)|they) (is|are|remains?) (at|with|in|on roll)\b/.test(
        s.lower,
      ) &&
      !/\bwhichever (is|comes|happens) (sooner|first|earlier)\b/.test(s.lower)
    )
      return [];
    // "Kept for the current school year and the following year": two years (as keyers count it). "Deleted at the end of the
    // following school year" says when, not how long after they were taken (a photograph of June goes in a year, one of
    // September in nearly two): nothing (keyers left 3 of 3 unkeyed). "…deleted the following year": one.
    if (/\bthe (following|next) (academic |school )?year\b/.test(s.lower))
      return /\b(the|this) current (academic |school )?(year )?and (the )?(following|next)\b/.test(s.lower)
        ? [{ setting: 'retention.deletePhotosAfterYears', value: 2 }]
        : /\b(end|until|by)\b[^.;]{0,20}\b(of )?the (following|next) (academic |school )?year\b/.test(s.lower)
          ? []
          : [{ setting: 'retention.deletePhotosAfterYears', value: 1 }];
    const span =
      /\b(?:after|for|within|kept for|retained for|up to)(?: (?:a maximum of|at most|no more than))? (a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years?\b/.exec(
        s.lower,
      );
    // "deleted two years after they were taken".
    const before = /\b(a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years? (?:after|from|following)\b/.exec(s.lower);
    // "Images that are more than three years old are deleted", "anything older than three academic years is deleted".
    // (Deleted, not taken down or archived; counted from when they were taken, not from when a pupil left.)
    const age =
      /\b(delet|destroy|eras)/.test(s.lower) &&
      !/\b(normally|usually|generally)\b|\barchived or\b|\bor (be )?archived\b|\b(who|have|has|had) left\b|\bleft the (school|academy|college)\b/.test(s.lower)
        ? /\b(?:more than|older than|over) (a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years?(?: old)?\b/.exec(s.lower)
        : null;
    const years = span ? numberFrom(span[1]) : before ? numberFrom(before[1]) : age ? numberFrom(age[1]) : null;
    return years !== null && years <= 10 ? [{ setting: 'retention.deletePhotosAfterYears', value: years }] : [];
  },
};

export const photoPatterns: SentencePattern[] = [prohibited, deleted];

photoPatterns.push(...namingPatterns);

/**
 * The sentences that are someone else's rules for their own photographs: what follows a lead that sets parents' or
 * visitors' guidelines ("…allows parents to photograph and film providing they follow these guidelines, which are:"),
 * in its section, up to eight sentences on. "Photographs or video may not be taken at swimming events" there is a
 * guideline for parents, not an occasion the school never photographs. Orders of the sentences (indices).
 */
export function othersGuidelines(sentences: Sentence[]): Set<number> {
  const out = new Set<number>();
  // A section headed for families' or visitors' own pictures ("9. Parents and visitors taking images", "Photography by
  // parents at events"): its rules are theirs.
  const othersHeading =
    /\b(parents?|carers?|families|visitors?|spectators|audiences?|guests?)\b[^.]{0,40}\b(taking|take|photograph\w*|filming|film|images?|cameras?|videos?|recording)\b|\b(photograph\w*|filming|images?|videos?|cameras?)\b[^.]{0,30}\bby (parents|carers|families|visitors|spectators)\b|\b(guidance|guidelines|advice|code of conduct|rules|information) for (parents|carers|families|visitors|spectators)\b/;
  sentences.forEach((s, at) => {
    if (!s.isHeading && s.heading && othersHeading.test(s.heading)) out.add(at);
  });
  sentences.forEach((lead, at) => {
    if (!/:$/.test(lead.text) || lead.isHeading) return;
    const others = /\b(parents?|carers?|visitors?|families|relatives|spectators|guests?|members of the public)\b/;
    const theirPhotos =
      /\b(parents?|carers?|visitors?|families|relatives|spectators|guests?|members of the public)\b[^:]{0,80}\b(photograph|photographs|photographing|film|filming|take (photo(graph)?s|pictures|images|videos?)|taking (photo(graph)?s|pictures|images|videos?)|record|recording|cameras?)\b/;
    const guidance = /\b(guidelines?|rules?|conditions?|code|following|below|providing|provided|as long as|asked to|expected to|must|should)\b/;
    if (!others.test(lead.lower) || !theirPhotos.test(lead.lower) || !guidance.test(lead.lower)) return;
    for (let i = at + 1; i < sentences.length && i <= at + 8; i++) {
      const s = sentences[i];
      if (s.isHeading || s.section !== lead.section) break;
      out.add(i);
    }
  });
  return out;
}
