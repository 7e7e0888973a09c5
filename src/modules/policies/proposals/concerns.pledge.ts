/**
 * A pupil's own pledge to tell their teacher about something upsetting seen online
 * (concerns.routes.inappropriate-content), read beside the staff routes in concerns.table.ts.
 */
import type { Found, SentencePattern } from './types.ts';

/**
 * A pupil's own rule or pledge for something upsetting or unsuitable seen online, naming their teacher: "I will always
 * tell my teacher if I see bad language or nasty pictures online", "If you see something on the blog that upsets you,
 * tell your teacher straight away", or the same said of pupils ("If pupils find anything online that upsets them, they
 * must tell their teacher"). Not "tell an adult" or "a grown-up" (no role), not a choice of people ("my teacher or
 * my parents"), not messages or people (someone contacting or bullying the pupil is another kind), not advice taught.
 */
const upsettingSeen =
  /\b(see|sees|find|finds|come across|comes across|read|watch|view)\b (anything|something|things|any [a-z]+|a [a-z]+|an? [a-z]+ or [a-z]+)?[^.;]{0,60}?\b(upsets?|upsetting|(do not|don't|doesn't|does not) like|makes? (me|you) (feel )?(uncomfortable|unhappy|worried|scared|sad|upset)|bad language|distasteful|nasty|rude|unpleasant|inappropriate|unsuitable|offensive|scary|frightening)\b/;
const pupilsOwnRule =
  /^(i will|i'll|i promise to|i agree to|if (i|you) (see|find|come across|read|watch|view)\b|tell (your|my) (class )?teacher\b|if (pupils|students|children|a pupil|a student|a child) (sees?|finds?|comes? across|reads?|watch(es)?|views?)\b|(pupils|students|children) (should|must|will|are (expected|asked|encouraged) to) (always )?(promptly |immediately )?tell\b)/;
export const pupilPledge: SentencePattern = {
  name: 'a pupil tells their teacher about something upsetting seen online',
  read: (s) => {
    if (!pupilsOwnRule.test(s.lower) || !upsettingSeen.test(s.lower)) return [];
    if (/\b(someone|somebody|anyone|people|person|stranger|messages?|emails?|texts?|bull(y|ied|ying)|contacts?|asks?|meet)\b/.test(s.lower)) return [];
    if (/\b(not|never|n't)\b[^.;]{0,20}\btell\b/.test(s.lower)) return [];
    const m = /\btell (my|your|their|a|the) (class )?teacher\b( or\b)?/.exec(s.lower);
    if (!m || m[3]) return [];
    const route = 'concerns.routes.inappropriate-content';
    // "my teacher", "their teacher": the pupil's own; "a teacher": any teacher at hand (as two keyers read it, each alone).
    const found: Found[] = [{ setting: `${route}.notify`, value: [m[1] === 'a' ? 'teacher' : 'class-teacher'], combine: 'union' }];
    if (/\b(immediately|straight ?away|at once|right away)\b/.test(s.lower)) found.push({ setting: `${route}.immediate`, value: true });
    return found;
  },
};
