/**
 * What carers are asked (consent.purposes.KEY.active) and when answers lapse (consent.lapse).
 * Only the school asking proposes a purpose; only the school saying it has no social media turns
 * that purpose off; a rule for staff, pupils or parents is never a consent setting.
 */
import type { SentencePattern } from './types.ts';

/** The default purposes by the words schools use for them. */
export const purposes: [string, RegExp][] = [
  // Displays as a thing, not the verb ("before we display a photograph on the website").
  ['displays', /\b(classroom|corridor|wall|school|learning|celebration) displays?\b|\bdisplays\b|\bon display\b|\b(classroom|working) walls?\b/],
  ['class-photo', /\bclass (photo(graph)?s?|pictures?)\b|school photographer/],
  ['publications', /\bprospectus\b|school publications?|newsletters?|printed (materials?|publications?)/],
  ['press', /\bnewspapers?\b|\b(the|local) (local )?press\b|local media|other media\b/],
  ['website', /\b(school('s)? )?web ?sites?\b/],
  [
    'social-media',
    /\b(school('s)? )?(social media|facebook|twitter|instagram|youtube|tiktok|x \((formerly )?twitter\))( (accounts?|pages?|channels?))?\b|\b(on|our|its) x\b(?! ray)/,
  ],
];

const schoolAsks =
  /\b(permissions? (is |are |will be )?(sought|requested|asked|obtained|gained)|(parents?|carers?)( and carers| \/ carers|\/carers)? (are|will be) asked (to give|for|to sign|to complete)|(we|the school|the academy|school|academy) (will )?(seek|ask for|request|obtain)s? ([a-z]+ )*(permission|consent)|(we|the school|the academy|the nursery) (will )?(always )?(ask|seek|request|obtain|get)s? (for )?(your|their|parents'?|carers'?|parental|written|signed| )+(permission|consent)\b|(parental |written )?(consent|permission) (is|are|will be) (gathered|collected|obtained|sought)\b|(we|the school|the academy) (will )?(always )?asks? (all )?(parents?|carers?|families)( and carers| or carers| \/ carers|\/carers)? for (their |your |written |signed )*(permission|consent)|consent (form|is sought|will be sought|is requested)|(permission|consent) (for|to) [a-z ]+ (is|will be) (sought|requested|asked)|(permission|consent)\b[^.]{0,60}\b(is|are|will be) (sought|obtained|requested|gained|asked for) (before|for|to)|(parents?|carers?|families)( and carers| or carers| \/ carers|\/carers)? (are|will be) asked\b[^.]{0,50}\bwhether\b[^.]{0,80}\b(may|can|could|is allowed to) be (used|published|shown|shared|displayed))\b/;

const asked: SentencePattern = {
  name: 'the school asks carers about uses of photographs',
  readsLists: true,
  read: (s) => {
    if (!schoolAsks.test(s.lower) || s.negated.match(/\b(sought|asked|seek|request)\b/)) return [];
    const found = purposes.filter(([, pattern]) => pattern.test(s.lower)).map(([key]) => key);
    return found.map((key) => ({ setting: `consent.purposes.${key}.active`, value: true }));
  },
};

const noSocialMedia: SentencePattern = {
  name: 'the school does not use social media',
  read: (s) => {
    for (const clause of s.lower.split(/[;:]/)) {
      const m =
        /^(.*?)\b(does not|doesn't|do not|don't|has no|have no)( currently| yet)?( use| have| run| operate)?( any)?( official| its own| school)? (social media|social networking)\b/.exec(
          clause
            .trim()
            .replace(
              /\b(a |an )?(facebook|twitter|instagram|tiktok|youtube)(,? (or|and) (a |an )?(facebook|twitter|instagram|tiktok|youtube)|, (a |an )?(facebook|twitter|instagram|tiktok|youtube))*( pages?| accounts?| channels?)\b/,
              'social media',
            ),
        );
      if (!m) continue;
      const subject = m[1].trim();
      if (/^(if|where|when|should|unless|although|even)\b/.test(subject)) continue;
      if (
        !/^((currently|at present|at the moment),? )?(the school|we|our school|this school|[a-z.']+( [a-z.']+){0,3} (school|academy)|[a-z.']+( [a-z.']+)?)( currently| at present)?$/.test(
          subject,
        )
      )
        continue;
      if (/^(he|she|they|it|who|one|someone|anyone|everyone|nobody|i|you)$/.test(subject)) continue;
      if (/\b(staff|pupils?|children|parents?|carers?|governors?|visitors?|employees?|teachers?|members|users|sites?)\b/.test(subject)) continue;
      return [{ setting: 'consent.purposes.social-media.active', value: false }];
    }
    return [];
  },
};

const lapse: SentencePattern = {
  name: 'consent is asked again each year, or lasts',
  read: (s) => {
    if (!/\b(consent|permission)s?\b/.test(s.lower)) return [];
    if (
      /\b(renewed|re-?sought|re-?confirmed|confirmed|re-?checked|asked again|sought again|requested again|refreshed|updated|collected|sought|requested|asked for|sent (home|out)|issued|completed|re-?signed|signed)\b[^.]*\b(each|every) (september|academic year|school year|year)\b|\b(annual|yearly) (consent|permission)/.test(
        s.lower,
      ) &&
      !s.negated
    )
      return [{ setting: 'consent.lapse', value: 'each-september' }];
    if (
      (/\b(each|every|at the start of (a|each) new|when (a )?(child|pupil)s? (moves?|starts?) (to|in) a new) key stage\b/.test(s.lower) ||
        /\bagain when (they|your child|the child|pupils?|children) (move|moves|transfer|transfers|go|goes) (up )?(to|into) (the )?(junior|upper) (school|phase|department)\b/.test(
          s.lower,
        )) &&
      !s.negated
    )
      return [{ setting: 'consent.lapse', value: 'key-stage-change' }];
    if (
      /\b(valid|remains? in (force|place)|lasts?|stands?)\b[^.]*\b(until (your child|the child|they|he or she|the pupil) leaves?|(whole|entire) time (at|in) (the )?(school|academy)|(for )?the (whole |entire )?time (the|your|their) (child|pupil) (attends|is at|is in|is with us|is here)|throughout (their|the child's|your child's) time)/.test(
        s.lower,
      )
    )
      return [{ setting: 'consent.lapse', value: 'never' }];
    return [];
  },
};

export const consentPatterns: SentencePattern[] = [asked, noSocialMedia, lapse];

/** Uses that need no consent (the school's public task), and uses where carers opt out (consent.purposes.KEY.basis). */
const basis: SentencePattern = {
  name: 'a use needs no consent, or carers opt out',
  read: (s) => {
    const found = purposes.filter(([, pattern]) => pattern.test(s.lower)).map(([key]) => key);
    if (!found.length || !/\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower)) return [];
    if (
      /\b(consent|permission) (is|will) not (be )?(needed|required|sought|asked)\b|\bdo(es)? not (need|require) (parental )?(consent|permission)\b|\b(we|the school|the academy) (do|does|will) not (ask|seek) (for )?(parental |your )?(consent|permission)\b|\bwithout (the need for )?(parental )?(consent|permission)\b[^.]*\b(public task|legitimate|educational purposes)\b/.test(
        s.lower,
      )
    )
      return found.filter((key) => key === 'displays').map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'public-task' }));
    if (
      /\bunless (a |the )?(parents?|carers?)( or carers?)? (object|tell us|have told us|ask us not|opt out)|\b(opt|opted) out\b|\botherwise (the|your|their) (child|pupil)(ren)?s? will be (included|photographed|shown)\b/.test(
        s.lower,
      )
    )
      return found.filter((key) => key === 'displays' || key === 'class-photo').map((key) => ({ setting: `consent.purposes.${key}.basis`, value: 'opt-out' }));
    return [];
  },
};

consentPatterns.push(basis);
