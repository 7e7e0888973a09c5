/**
 * Photographs: occasions never photographed (photos.prohibitedContexts) and how long photographs
 * are kept (retention.deletePhotosAfterYears). A prohibition needs a photograph, a negation on
 * taking or using it, and an occasion; a rule for parents or visitors, or one with "unless", is not the school's.
 */
import { numberFrom } from './text.ts';
import type { SentencePattern } from './types.ts';

/** Occasions (the default photos.contexts keys) by the words schools use for them. */
export const occasions: [string, RegExp][] = [
  ['swimming', /\bswim(ming)?\b|swimwear|swimsuits?|costumes? for swimming|in the pool\b|swimming pool/],
  ['sports-day', /\bsports? days?\b/],
  ['assembly', /\bassembl(y|ies)\b/],
  ['performance', /\b(performances?|plays?|concerts?|nativity)\b/],
  ['trip', /\b(school trips?|educational visits?|residentials?|outings?)\b/],
];

const photo = /\b(photo(graph)?s?|photography|photographed|photographing|images?|pictures?|cameras?|film(ed|ing)?|video(ed|s)?|recorded)\b/;
const refusal = /\b(no (photo(graph)?s?|photography|images?|pictures?|filming|cameras?)|not (be )?(permitted|allowed)|prohibited|forbidden|never)\b/;
const othersRule = /^(parents?|carers?|visitors?|pupils?|children|families|guests?|members of the public|spectators)\b/;

const prohibited: SentencePattern = {
  name: 'photographs are not taken on an occasion',
  read: (s) => {
    if (!photo.test(s.lower) || othersRule.test(s.lower) || /\b(unless|except|without (their|the|written|parental))\b/.test(s.lower)) return [];
    const negatedPhoto = photo.test(s.negated) || /\b(taken|take|used|use|published|shared|displayed)\b/.test(s.negated);
    if (!negatedPhoto && !refusal.test(s.lower)) return [];
    const scope = s.negated && negatedPhoto ? s.negated : s.lower;
    const found = occasions.filter(([, pattern]) => pattern.test(scope)).map(([key]) => key);
    return found.length ? [{ setting: 'photos.prohibitedContexts', value: found, combine: 'union' }] : [];
  },
};

const deleted: SentencePattern = {
  name: 'photographs are deleted after a time',
  read: (s) => {
    if (!/\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower) || !/\b(delet|destroy|eras|remov)/.test(s.lower)) return [];
    if (/\b(delet|destroy|eras|remov)\w*/.test(s.negated)) return [];
    if (/\bthe (following|next) (academic |school )?year\b/.test(s.lower)) return [{ setting: 'retention.deletePhotosAfterYears', value: 1 }];
    const span =
      /\b(?:after|for|within|kept for|retained for|up to) (a|an|one|two|three|four|five|six|seven|\d{1,2}) (?:full )?(?:academic |school )?years?\b/.exec(
        s.lower,
      );
    const years = span ? numberFrom(span[1]) : null;
    return years !== null && years <= 10 ? [{ setting: 'retention.deletePhotosAfterYears', value: years }] : [];
  },
};

export const photoPatterns: SentencePattern[] = [prohibited, deleted];
