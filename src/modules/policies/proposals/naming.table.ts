/**
 * Naming and tagging (photos.channels.KEY.naming / .tagging): how pupils are named beside their photographs on each
 * channel the school publishes on, and whether children are tagged on social media. Each clause is read on its own; a
 * rule for parents, visitors, staff's own accounts or a condition is not the channel's.
 */
import { asksConsent, staffPermission } from './consent.asks.ts';
import { withUndertaking } from './consent.table.ts';
import { channelsIn, scopeChannel, scopeChannels } from './naming.channels.ts';
import { namedWithConsent } from './naming.consent.ts';
import { pressNamingPattern } from './naming.press.ts';
import { tagging } from './naming.tagging.ts';
import {
  firstNameUnlessAgreed,
  othersRule,
  photoNeverBesideName,
  formBox,
  everyChannel,
  everyChannelNaming,
  familyAgrees,
  familyRefuses,
  nameOrPhotoRule,
  nameWord,
  nameAsked,
  avoidNaming,
  exceptFirstNames,
  otherMedium,
  namesUnlessExpress,
  surnameOnlyWithAgreement,
  usedScope,
  permittedFirstNames,
  valueSaid,
  withoutNarrowing,
} from './naming.words.ts';
import { type Sentence } from './text.ts';
import { aboutSchoolsOwnName } from './roles.ts';
import type { Found, SentencePattern } from './types.ts';

/** "Pupils are referred to by first name…": the pupils are who is named, not who names. */
const namedSubject = /^(pupils?|children|students?)\b[^,;]*\b(are|is|will be|be)( not| never)? (referred to|identified|known|named|called|shown)\b/;

const naming: SentencePattern = {
  name: 'how pupils are named beside their photographs on a channel',
  // Each clause on its own: "first names only on social media; full names on the website with permission" is two rules.
  read: (item) => {
    // An item under the school's undertakings ("We will:" then "not publish a pupil's full name…") is read with its subject.
    const s = withUndertaking(item);
    // A channel named with consent takes that rule; the sentence's other clauses are read for the other channels.
    const withConsent = namedWithConsent(s);
    const rest = namingRules(s).filter((f) => !withConsent.some((key) => f.setting === `photos.channels.${key}.naming`));
    return [...withConsent.map((key) => ({ setting: `photos.channels.${key}.naming`, value: 'full-with-permission' })), ...rest];
  },
};

/** "First name and initial may be used", "a first name and the initial of the surname": neither first names only nor none. */
const firstAndInitial =
  /\b(first|given|fore) ?names? (and|plus|with) (an? |the |their )?(surname |last name |family name )?initials?\b|\binitials? of (the |their )?(surname|last name|family name)\b/;

function namingRules(s: Sentence): Found[] {
  if (aboutSchoolsOwnName(s.lower)) return [];
  // ("We do not use students' names in image file names or in the alt text of images on the website": a rule for files,
  // not how pupils are named beside their photographs.)
  if (
    /\bnames?\b[^.;]{0,30}\b(in|as|within) (the |image |photo |their |its )*(file ?names?|alt(ernative)?[- ]text|metadata|image descriptions?)\b/.test(s.lower)
  )
    return [];
  // A request to the reader ("Please do not use children's full names when you comment") is theirs, not the channel's rule.
  if (/^please (do not|never|avoid|only|use|refrain|make sure)\b/.test(s.lower)) return [];
  // Particular pupils ("Pupils on the No Photo / No Name list are not named at all", "…posts that do not match the No Name
  // list"): a rule for them, not the channel's.
  if (
    /\bno (photo(graph)?s?|images?|pictures?)?( ?\/ ?| or | and )?no[- ]names?\b[^.;]{0,10}\b(list|register|pupils?|children|students?)\b|\bon the (no[- ](photos?|photographs?|images?|names?|publish)|do not (photograph|publish|name)|dnp|restricted|red|vulnerable|protection|sg|safeguarding)\b[a-z/ -]{0,20}\blist\b/.test(
      s.lower,
    )
  )
    return [];
  // A first name and initial allowed on a channel: what the sentence before said of it ("…will not include full names")
  // is not the whole rule, so no naming rule is proposed there.
  // ("…will not be named on Facebook in any form, including first names and initials": the names "including" lists are
  // the ones the clause before refuses.)
  if (
    firstAndInitial.test(s.lower) &&
    !/\b(not|never|no)\b/.test(
      s.lower
        .split(firstAndInitial)[0]
        .replace(/,\s*((?:not )?even|including|or)\s*$/, ' $1 ')
        .split(/[,;]/)
        .pop() ?? '',
    )
  ) {
    const own = channelsIn(s.lower);
    const near = own.length ? own : channelsIn(s.previous ?? '').length ? channelsIn(s.previous ?? '') : scopeChannels(s);
    return near.map((key) => ({ setting: `photos.channels.${key}.naming`, value: null }));
  }
  // "Consent will be obtained … for publication in a newspaper (and use of their name)": a name there needs the
  // carers' express permission, on the one channel the name's clause follows.
  const askedName = nameAsked.exec(s.lower);
  if (askedName && asksConsent(s) && !/\b(unless|except|generally|usually|normally)\b/.test(s.lower)) {
    const before = channelsIn(
      s.lower
        .slice(0, askedName.index)
        .split(/[,;:]/)
        .filter((part) => part.trim())
        .pop() ?? '',
    );
    // "…the photographing of their children (and use of their name) for publication in a newspaper": the channel after
    // the name's clause, in the same clause, when none stands before it.
    const after = before.length ? [] : channelsIn(s.lower.slice(askedName.index + askedName[0].length).split(/[,;:]|\. /)[0] ?? '');
    const named = before.length ? before : after;
    return named.length === 1 ? [{ setting: `photos.channels.${named[0]}.naming`, value: 'full-with-permission' }] : [];
  }
  const inScope = scopeChannel(s);
  // A list item under a lead that sets guidelines for several channels ("…the following guidelines when using images on
  // the website, newsletters and displays:") is a rule for each of them.
  // So is one under "When publishing images on the website or social media:", "On all websites and official social media:".
  const governed =
    s.item &&
    s.lead &&
    (/\b(following|guidelines|rules|principles|conditions)\b/.test(s.lead) ||
      /^([0-9.]+ )?([a-z ]{0,30}\. )?((when|whenever|before) (publishing|posting|sharing|using|uploading)\b|on (all |the |our |any )?([a-z']+ )?(websites?|social media|facebook|twitter|instagram|newsletters?)\b)/.test(
        s.lead,
      ))
      ? channelsIn(s.lead)
      : [];
  if (avoidNaming.test(s.lower) && exceptFirstNames.test(s.lower)) {
    // "To avoid identifying a pupil by name (unless for an award, and then only using a first name)": first names at
    // most, on the channel the sentence names or the one its list's lead ties it to ("On the school website we will:").
    const named = channelsIn(s.lower.replace(exceptFirstNames, ''));
    const led = s.item && s.lead ? channelsIn(s.lead) : [];
    const found = named.length ? named : led.length === 1 ? led : [];
    return othersRule.test(s.lower) && !namedSubject.test(s.lower)
      ? []
      : found.map((key) => ({ setting: `photos.channels.${key}.naming`, value: 'first-names' }));
  }
  // Several channels in scope (a paragraph about "our website and Facebook page", a section on both): the rule is each one's.
  const scoped = governed.length ? governed : inScope === 'ambiguous' ? scopeChannels(s) : [];
  return s.lower
    .split(/;\s*/)
    .flatMap(channelRules)
    .flatMap((clause) => namingIn(clause, inScope, scoped));
}

/**
 * "First names only on the website and newsletter, and no names at all on social media": one rule for each channel,
 * joined by "and" or "but". Parted only when each part names both a channel and names; else the clause is one rule.
 */
function channelRules(clause: string): string[] {
  const parts = clause.split(/,? (?:and|but|while|whereas) (?=(?:no|not|never|only|first|full|pupils?|children|students?|we|the school|names?)\b)/);
  return parts.length > 1 && parts.every((part) => nameWord.test(part) && channelsIn(part).length) ? parts : [clause];
}

/**
 * "In the newsletter we sometimes use a child's first name", "The printed newsletter sometimes names children by first
 * name": how often the school names, not whether; what it gives is a first name. (A newspaper's wishes, "the press
 * sometimes want full names", and any negation stay as they were.)
 */
function oftenFirstNames(clause: string): string {
  const often = /\bsometimes (we )?(may )?(?=[^.;]{0,40}\b(first|given|christian) ?names?\b)/;
  // (Nor what is done "at the moment", before a change, nor in an app: "teachers sometimes use first names in the app gallery".)
  if (
    !often.test(clause) ||
    /\b(not|never|no|without)\b|n't\b|\b(newspapers?|papers?|press|journalists?|reporters?|(?<!social )media|apps?|at the moment|at present|currently|until now|used to|(wants?|wish(es)?|likes?|asks?) to)\b/.test(
      clause.replace(familyRefuses, ''),
    )
  )
    return clause;
  return clause.replace(often, '');
}

function namingIn(clause: string, inScope: string | null, governed: string[]): Found[] {
  {
    // "first name only for newspapers, or when the child wrote the article": the rule is the main clause's; an
    // alternative occasion ("or when…", "or if…") adds cases the rule does not settle per channel.
    const [main] = clause.split(/,? (?:or|and) (?:when|if)\b/);
    const lower = oftenFirstNames(nameWord.test(main) ? main : clause);
    if (!nameWord.test(lower)) return [];
    // Names in clothes or on belongings ("navy fleeces with no names in"), and conduct that names no one ("never discuss
    // pupils online, even without names"): no rule for how photographs are captioned.
    if (
      /\b(fleeces?|jumpers?|cardigans?|clothing|clothes|coats?|bags?|lunch ?boxes?|water bottles?|(lost )?property)\b|\beven without (their |any )?names?\b/.test(
        lower,
      ) ||
      // A report's names ("a summary (with no names) goes to the full governing body"): a record kept, not a caption.
      /\b(summar(y|ies)|reports?|logs?|records?|minutes|figures|statistics|numbers)\b[^.;]{0,10}\(?(with no|without) (pupils'? |children's |any )?names?\b/.test(
        lower,
      )
    )
      return [];
    if (nameOrPhotoRule(lower)) {
      const named = channelsIn(lower);
      if (!named.length && inScope === 'ambiguous') return [];
      return (named.length ? named : inScope ? [inScope] : []).map((key) => ({ setting: `photos.channels.${key}.naming`, value: 'none' }));
    }
    if (othersRule.test(lower) && !namedSubject.test(lower)) return [];
    // "Pupils' work may be shown with a first name only": their work's label, not their photographs'.
    // (So is "Where a child's work is shown we may use a first name only".)
    if (
      /^((pupils'?|children'?s?|students'?|their|a pupil's|a child's|the child's) )?(work|artwork|writing|drawings?|paintings?)\b/.test(lower) ||
      /^(where|when|if) (a |the )?(pupils'?|children'?s?|students'?|their|pupil's|child's|student's) (work|artwork|writing|drawings?|paintings?) (is|are) (shown|displayed|published|used|shared)\b/.test(
        lower,
      )
    )
      return [];
    // "When commenting, parents should use first names only": after an opening clause, the subject is who the rule is for.
    const afterOpening = lower.replace(/^(when|whenever|while|if|on|in|before|after|during|for)\b[^,]{0,80},\s*/, '');
    if (afterOpening !== lower && othersRule.test(afterOpening) && !namedSubject.test(afterOpening)) return [];
    // "Generally no names will be attached": a hedge is no rule.
    // ("We try never to name pupils", "we aim not to…": an aim.)
    if (
      /\b(generally|usually|normally|typically|in most cases|where possible|wherever possible|as a rule|often|sometimes)\b|\b(try|tries|aim|aims|strive|strives) (never|not) to\b/.test(
        lower,
      )
    )
      return [];
    // "only first names … on the website unless prior consent is received": a condition; it settles no rule for the
    // channels it names, and another sentence's plain rule for them is not proposed either (merge drops a null).
    // (So is "without the Headteacher's permission": a member of staff's exception, not the carers'.)
    // ("If pupils' photographs are used on the website, only first names…" opens with the rule's scope, as "When…" does.)
    const ruled = lower.replace(usedScope, '');
    const conditional = /\b(unless|except|if)\b/.test(ruled) || (/\bwithout\b/.test(lower) && staffPermission(lower));
    // Staff's own accounts: conduct, not how the school's channel names pupils.
    if (/\b(personal|own|private) (social media|accounts?|profiles?|pages?|devices?|phones?)\b/.test(lower)) return [];
    // Staff's or governors' names are not pupils' naming ("Staff who appear on our page are not named" too).
    if (
      /^(staff|members of staff|teachers?|adults?|employees?|governors?|volunteers?|colleagues?)\b(?!')[^,;]*\b(are|is|will be|be)( not| never)? (referred to|identified|known|named|called)\b/.test(
        lower,
      ) ||
      /\b(staff|teachers?|employees?|governors?|adults?|colleagues?)('s?)? (full |first )?names?\b|\bnames? of (the )?(staff|teachers|employees|governors|adults|colleagues)\b/.test(
        lower,
      )
    )
      return [];
    // "…will not be released with the child's name unless the parent gives express permission": named only with express
    // permission ("unless parents agree", with no express or written permission, stays a condition).
    // ("Press: first name only, unless the family agrees otherwise": full names with their say, in the press. Elsewhere, "on
    // the website we use first names only unless a parent has asked us to print the full name" stays a condition: keyers
    // left such a rule for social media unkeyed.)
    const withExpressPermission =
      ((namesUnlessExpress.test(lower) || surnameOnlyWithAgreement(lower)) && !staffPermission(lower)) ||
      (firstNameUnlessAgreed.test(lower) && channelsIn(lower).join() === 'press');
    const rule = withExpressPermission ? 'full-with-permission' : valueSaid(lower);
    // "First names may be used in the printed newsletter", "In the newsletter we use first names and year group", "We may
    // use a first name here": first names are what the channel gives, with no negation in the clause.
    // (Not "might", nor names with a pupil's work rather than a photograph: "first names may be used with their work on displays".)
    const value0 =
      rule ??
      (permittedFirstNames.test(lower) &&
      !/\b(not|never|no|without|might|occasionally)\b|n't\b/.test(lower.replace(familyRefuses, '')) &&
      // (A question to the carers, "May we use your child's first name…?", and what a newspaper "may want to print".)
      !/\?\s*$|^(question \d+\.? )?(may|can) we\b|\b(may|might|will|would) (want|wish|like|ask) to\b/.test(lower) &&
      !/\b(with|beside|on|next to) (their|the|a|his or her) (work|artwork|writing|drawings?|paintings?)\b/.test(lower)
        ? 'first-names'
        : null);
    if (!value0) return [];
    // "Full names are never published on the website", "We never give a pupil's surname": a first name at most, the
    // rule the product calls first names only (the keying guide). With first names in the same clause ("neither first
    // names nor surnames") it is left: which way the clause goes is not plain.
    // ("…a child's name, first name or surname", "…including first names", "not even first names", "– no first names, no
    // surnames, no initials": every name, so no names.)
    const everyName =
      /\b(including|not even|or even|even) (their |a |the )?first names?\b|\bfirst names? or (sur|last |family )names?\b|\b(sur|last |family )names? or (their |a )?first names?\b|\bin any (form|way)\b|\bno first names?,? (and |or |nor )?no (sur|last |family )names?\b/.test(
        lower,
      );
    // (So is a pupil never "named in full": "We never name pupils in full on Facebook".)
    const partNames =
      value0 === 'none' &&
      !everyName &&
      (/\b(full names?|surnames?|last names?|family names?)\b/.test(lower) ||
        /\b(named?|naming) (any |the |our |individual )?((pupils?|children|students?|them) )?in full\b(?! or in part)/.test(lower));
    // Left alone too: a clause that also bans every name somewhere ("…, and no names are used on social media": which
    // channel has which rule is not plain) or lets full names through with consent ("…without parental consent").
    const otherNames = lower
      .replace(/\b(full|last|family) names?\b|\bsurnames?\b/g, 'part')
      .replace(/\b(named?|naming) (any |the |our |individual )?((pupils?|children|students?|them) )?in full\b(?! or in part)/g, 'part');
    // ("Full names are never used on the website, and photographs are never published alongside a pupil's name": the
    // second clause bans every name beside a photograph, so no names.)
    if (partNames && !/\b(first|christian|fore|given) ?names?\b|\bwithout\b/.test(lower) && photoNeverBesideName.test(otherNames)) {
      const named = channelsIn(lower);
      return (named.length ? named : inScope && inScope !== 'ambiguous' ? [inScope] : governed).map((key) => ({
        setting: `photos.channels.${key}.naming`,
        value: 'none',
      }));
    }
    if (partNames && (/\b(first|christian|fore|given) ?names?\b/.test(lower) || /\bnames?\b|\bnamed\b/.test(otherNames) || /\bwithout\b/.test(lower)))
      return [];
    const value = partNames ? 'first-names' : value0;
    // "In school, we use first names only for captions on photographs", "photographs displayed around the nursery are
    // labelled with first names": captions or labels on photographs inside school are the display's.
    const captionsInSchool =
      /\b(captions?|captioned|labels?|labelled|labeled)\b/.test(lower) &&
      /\b(photo(graph)?s?|images?|pictures?)\b/.test(lower) &&
      /\b(in|within|around|inside|throughout) (the )?(school|nursery|setting|academy|classrooms?|corridors?|building)\b/.test(lower) &&
      !/\b(outside|beyond|external|externally|online|internet)\b/.test(lower);
    // ("…only if the website/Facebook box has been ticked": a box on the consent form, not where the rule applies.)
    // ("Because it is published on the website, pupils are referred to by first name": why, not where, the rule applies.)
    // (What "it" is, is then not plain: nothing.)
    const places = lower.replace(formBox, ' ');
    const where = places.replace(
      // (Not "Because they are posted on our Facebook page, photographs carry no names": the photographs' own channel.)
      /\b(because|as|since) it is (also )?(published|posted|shown|put|placed|shared|uploaded)\b[^,;]*,/g,
      ' ',
    );
    if (where !== places && !channelsIn(where).length) return [];
    const named = channelsIn(where).length ? channelsIn(where) : captionsInSchool ? ['display'] : [];
    // "…on any channel", "anywhere", "in any material published outside the school": every channel the school has, which
    // the page's own uses say (engine.ts reads them); here the rule is kept for all of them at once.
    if (!named.length && everyChannel.test(lower))
      return conditional && !withExpressPermission ? [] : [{ setting: everyChannelNaming, value, ...(partNames ? { combine: 'at-most' as const } : {}) }];
    // "In emails and letters, pupils are referred to by first name only": another medium than the channels, so the
    // channel in scope (a heading, the page's title) is not the rule's.
    if (!named.length && otherMedium.test(lower)) return [];
    // ("…first names, and only if the parent has agreed": the family's say over a first name at most keeps it first names.)
    const narrowed = withoutNarrowing(ruled);
    const consentOnly =
      value === 'first-names' &&
      !/^(if|where|when|once)\b/.test(narrowed) &&
      !/\b(unless|except|if)\b/.test(narrowed.replace(familyAgrees, '').replace(familyRefuses, ''));
    if (conditional && !withExpressPermission && !consentOnly) return named.map((key) => ({ setting: `photos.channels.${key}.naming`, value: null }));
    // "online" with no channel named: the one channel in scope, or else every channel that is online; no place at
    // all: the one channel in scope (its heading, its list's lead, the sentences before it); two in scope: no rule.
    const single = inScope === 'ambiguous' ? null : inScope;
    const found = named.length
      ? named
      : /\bonline\b|\bon the internet\b/.test(lower)
        ? single
          ? [single]
          : ['website', 'social-media']
        : governed.length > 1
          ? governed
          : single
            ? [single]
            : [];
    // "No full names on the website" sets a ceiling (a first name at most): a stricter rule for the channel elsewhere ("No
    // names") is the same rule said more narrowly (the keying guide).
    return found.map((key) => ({ setting: `photos.channels.${key}.naming`, value, ...(partNames ? { combine: 'at-most' as const } : {}) }));
  }
}

export const namingPatterns: SentencePattern[] = [naming, tagging, pressNamingPattern];
