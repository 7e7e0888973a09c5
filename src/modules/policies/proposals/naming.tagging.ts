/**
 * Tagging (photos.channels.social-media.tagging): pupils are never tagged in the school's posts ("We do not tag
 * children", "No names, no tagging" beside a social media channel). Not a pupil's pledge, a request to the reader, staff's
 * or families' own accounts, or a rule with an exception.
 */
import type { SentencePattern } from './types.ts';

export const tagging: SentencePattern = {
  name: 'children are never tagged on social media',
  read: (s) => {
    // ("We do not tag anyone": the school's own rule; "I will not tag other people", "Please do not tag…": a pupil's pledge, a
    // request to the reader.)
    if (!/\btag(s|ged|ging)?\b/.test(s.lower)) return [];
    // ("No names, no tagging" beside a social media channel, or under one: the pupils are the names'.)
    // ("No names, initials or tags of any kind"; "No names." then "No tagging."; the channel in the sentence before too:
    // "On Instagram we do not name students. No first names, no surnames, no tags.")
    const besideNoNames =
      (/\bno (full |first )?names?\b[^.;]{0,60}\bno (tagging|tags)\b|\bno (full |first )?names?,? (initials?,? )?(or|and) tags\b/.test(s.lower) ||
        (/^no (tagging|tags)\b/.test(s.lower) && /\bno (full |first )?names?\b/.test(s.previous ?? ''))) &&
      /\b(social media|facebook|instagram|twitter|x|tiktok|youtube|linkedin)\b/.test(`${s.lower} ${s.previous ?? ''} ${s.heading ?? ''} ${s.lead ?? ''}`);
    if (
      !/\b(pupils?|children|child|students?|learners?|young people)\b/.test(s.lower) &&
      !/^(we|the school|our school|the academy)\b[^.]*\b(anyone|anybody|people)\b/.test(s.lower) &&
      !besideNoNames
    )
      return [];
    // (Staff's own accounts are their conduct; pupils' own accounts tagged in the school's posts are the school's rule: "We
    // don't tag students' personal accounts", "no tagging of pupils' personal accounts".)
    const pupilsOwn = (text: string) =>
      text.replace(
        /\b((pupils|students|learners|children)'|(a |the )?(pupil|student|learner|child)'s)( or (a )?(parents?'s?|parents'|staff's|member of staff's))? (personal|own|private) (social media )?(accounts?|profiles?|pages?)\b/g,
        'pupils',
      );
    if (
      /^(i|please|you)\b/.test(s.lower) ||
      /\b(personal|own|private) (accounts?|social media|profiles?|pages?)\b/.test(pupilsOwn(`${s.lower} ${s.heading ?? ''} ${s.lead ?? ''}`))
    )
      return [];
    // An item under a lead that forbids ("Staff must not:" then "tag children … on social media") is negated by its lead.
    const forbiddingLead = Boolean(s.item && s.lead && /\b(must|should|will|shall|do|does|may|can)( not|never)\b[^:]*:$|\bnever\b[^:]*:$/.test(s.lead));
    // ("Tagging of pupils is not permitted…", "…is prohibited": the negation after the tagging.)
    const forbiddenAfter = /\btagging\b[^.;]{0,40}\b((is|are|will be) (not|never) (permitted|allowed|done|used)|(is|are) (prohibited|forbidden|banned))\b/.test(
      s.lower,
    );
    if (
      (!/\b(not|never|no)\b[^.]*\btag/.test(s.lower) && !forbiddenAfter && !(forbiddingLead && /^tag/.test(s.lower))) ||
      /\b(unless|except|without)\b/.test(s.lower)
    )
      return [];
    if (/^(parents?|carers?|visitors?|families)\b/.test(s.lower) || (s.lead && /^(parents?|carers?|visitors?|families)\b/.test(s.lead))) return [];
    return [{ setting: 'photos.channels.social-media.tagging', value: false }];
  },
};
