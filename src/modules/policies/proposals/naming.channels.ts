/**
 * Where a naming rule applies (photos.channels.KEY): the channels by the words schools use, and the channel a rule that
 * names none is about (its list's lead, its heading, its paragraph, else its page's title).
 */
import { formRow } from './page.words.ts';
import { type Sentence } from './text.ts';

/** Where photographs are published (the default photos.channels keys) by the words schools use. */
export const channels: [string, RegExp][] = [
  // (A school's blog is its website's, "the Glow blog" in Scotland; a class blog may have rules of its own, as keyers read it.)
  ['website', /\bweb ?(sites?|pages?)\b|\b(school|glow) blogs?\b/],
  [
    'social-media',
    /\bsocial (media|networking)\b|\bfacebook\b|\btwitter\b|\binstagram\b|\byoutube\b|\btiktok\b|\b(school|academy|our|its|the school's)('s)? x (account|feed|page)\b|\b(on|via|to) x\b(?![-'])|\bx \((formerly )?twitter\)|^x:|\b(re)?tweet(s|ed|ing)?\b/,
  ],
  // Displays in school: a naming rule for captions on a wall is the display's, not an online channel's.
  [
    'display',
    /\b(classroom|corridor|wall|school|class|learning|celebration) displays?\b|\bdisplays\b|\bon display\b|\bdisplay (boards?|areas?)\b|\b(displayed|put up) (in|within|around|on the walls of|on the walls in) (the )?(school|classrooms?|corridors?|nursery|setting|building|hall)\b/,
  ],
  // ("Printed material" is both of the school's printed channels, as "printed publications" are.)
  ['newsletter', /\bnewsletters?\b|\b(school|printed) publications?\b|\bprinted materials?\b|\bbulletins?\b(?! boards?)/],
  ['prospectus', /\bprospectus(es)?\b|\b(school|printed) publications?\b|\bprinted materials?\b/],
  [
    'press',
    // ("Press: full names only with written consent": a list's label.)
    /^press( and media| coverage| photo(graph)?s)?:|\bnewspapers?\b|\b(local|national|regional) (news)?papers?\b|\bpress releases?\b|\b(the|local) (local )?press\b|\b(local|national|regional)( (or|and) (local|national|regional))? press\b|\b(the|local|national|news|public|mainstream|wider) media\b(?! (room|suite|centre|center|studies|department|lessons?|library|studio|club))/,
  ],
];

export const channelsIn = (text: string) => channels.filter(([, pattern]) => pattern.test(text)).map(([key]) => key);

/** An earlier sentence that is about publishing photographs on a channel ("Our Twitter feed shares pictures of class activities."). */
// (Or that says the school has the channel: "The school has a Facebook page, managed by the office".)
// (Or how pupils are named there, by first name: "Pupils may be identified on the School's social media accounts by first name only.")
const aboutPublishing =
  /\b(photo(graph)?s?|images?|pictures?|videos?|post(s|ed|ing)?|publish(es|ed|ing)?|shares?|shared|tweets?|feed|uploaded)\b|\b(pupils?|students?|children|learners?) (may|will|can|are|is)( only)? (be )?(identified|named|referred to)\b[^.;]{0,60}\bby (their )?(first|given) ?names?\b|^([^,.;]{0,30},? )?(the (school|academy|nursery|college)|we)( also)? (has|have|had|runs?|keeps?|uses?)( had| got)? (a|an|one|its own|our own)\b[^.;]{0,40}\b(pages?|accounts?|feeds?|websites?|blogs?)\b|^([0-9.]+ )?(the|our) ((school|academy|nursery|college|trust)'s )?(?![^.;']{0,60}\b(newspapers?|press|council|association|club|church|parish|pta|friends|alumni|former)\b)[^.;']{0,60}\b(pages?|accounts?|websites?|blogs?)\b (is|are) (run|managed|kept|maintained|looked after|administered) by (?=(the|our) (school |academy |nursery |college )?[a-z -]{0,30}\b(head ?teacher|head|principal|manager|office|deputy|lead|leader|co-?ordinator|officer|(office|admin|administration|leadership|marketing|communications|comms|it|digital|website|media) team|administrator|secretary|clerk|dsl|slt)\b)/;

/**
 * The channel a rule that names none is about: the one channel its heading, the lead of its list ("On our
 * Facebook page we:") and the earlier sentences of its paragraph name, together. Two channels in scope: 'ambiguous'
 * (no rule is proposed); none: null.
 */
export function scopeChannel(s: Sentence): string | null {
  const named = scopeChannels(s);
  return named.length === 1 ? named[0] : named.length > 1 ? 'ambiguous' : null;
}

/** Every channel a rule that names none is about: its heading's, its list's lead's, its paragraph's, or else its page title's. */
export function scopeChannels(s: Sentence): string[] {
  // A sentence or heading about parents' or staff's own photographs ("Parents must not post pictures on social
  // media") says nothing of where the school publishes: its channel is no scope for the school's naming rule.
  // (A label opening the paragraph, "School website and Facebook page." in bold, names its channels too.)
  // (The sentences of `text` about publishing on a channel, and meeting `also`.)
  const publishing = (text: string, also = (_t: string) => true) =>
    text
      .split(/(?<=[.!?]) /)
      .filter(
        (t, i) =>
          also(t) &&
          (aboutPublishing.test(t) || (i === 0 && channelLabel(t))) &&
          !othersOwn.test(t) &&
          !othersPage.test(t) &&
          !/\b(do|does|will) not (post|publish|use|have|share)\b|\bno (facebook|twitter|instagram|social media)\b/.test(t),
      )
      .join(' ');
  const earlier = publishing(s.earlier ?? '');
  const heading = othersHeading.test(s.heading ?? '') ? '' : (s.heading ?? '');
  // The list's own lead is nearest: "In the termly newsletter:" under "School Website" is the newsletter's rule.
  const led = s.item ? channelsIn(s.lead ?? '') : [];
  if (led.length) return led;
  // (The paragraph's own sentences are nearer than its heading: "Since 2021 the school has had a Facebook page…" under
  // "School website and social media".)
  const own = channelsIn(earlier);
  const named = new Set(own.length ? own : channelsIn(heading));
  // (Nor its heading: the paragraph just before it in its section, "These are the only photos that will go on the federation
  // Facebook page and website." over "We will not put any child's name with a photo.", for a paragraph's first sentence.
  // Its later sentences are not given it: across the keyed sets that lost a right answer and added false ones.)
  if (!named.size && !s.earlier && s.prior && priorScopes(s)) for (const key of channelsIn(publishing(s.prior, (t) => picturesOn.test(t)))) named.add(key);
  // Nothing nearer names a channel: the page's own title ("Facebook Guidelines") may.
  // (Not for a rule with a place of its own: "On the class blogs, children may be referred to by first name only.")
  if (!named.size && s.title && !othersHeading.test(s.title) && !placeOfItsOwn(s.lower)) return channelsIn(s.title);
  return [...named];
}

/**
 * A sentence the paragraph before may give its channel: prose, not a lead over its own list, a table's row or a form's row
 * ("PART B - Outside the Service (no names will be used) YES NO"), nor one that says where it applies another way ("…photo
 * boards used inside school").
 */
const priorScopes = (s: Sentence) =>
  !/:$/.test(s.lower) &&
  !s.row &&
  !/^\|/.test(s.text) &&
  !formRow.test(s.lower) &&
  !/\b(inside|outside|within|beyond)\b/.test(s.lower) &&
  // (Nor one that opens on a place of its own, "On the class blogs, children may be…", nor one for whenever images are
  // published, "When images are published, pupils…": every channel's, read elsewhere.)
  !placeOfItsOwn(s.lower) &&
  !/\b(when|whenever|once|where|if) [^,;.]{0,40}\b(is|are|get|gets) (published|posted|shared|used|uploaded)\b/.test(s.lower);

/**
 * A rule that opens on the place it is for ("On the class blogs, …", "In the school magazine, …", "On Facebook, …"): that
 * place is its scope, not one from further away. Not an opening that names no place ("In the interests of safety, …",
 * "For safety reasons, …").
 */
const placeOfItsOwn = (lower: string) => {
  const opening = /^(?:on|in|at|for) ([^,;.]{1,60}),/.exec(lower)?.[1] ?? '';
  return (
    channelsIn(opening).length > 0 ||
    /\b(blogs?|pages?|sites?|accounts?|feeds?|channels?|apps?|displays?|boards?|newsletters?|magazines?|journals?|prospectus(es)?|papers?|platforms?|groups?|portals?|screens?|walls?)\b/.test(
      opening,
    )
  );
};

/** The paragraph before speaks of putting pictures on its channels, not only of having them ("We have a Facebook page."). */
const picturesOn = /\b(photo(graph)?s?|images?|pictures?|videos?|posts?|posted|published|uploaded|shared)\b/;

/** A label of channels alone: "School website and Facebook page." (no verb: "The newsletter goes home every Friday" is none). */
const channelLabel = (t: string) =>
  channelsIn(t).length > 0 &&
  !channels
    .reduce((rest, [, pattern]) => rest.replace(new RegExp(pattern.source, 'g'), ' '), t)
    .replace(/\b(the|our|school|academy|official|and|or|page|pages|accounts?|feeds?|sites?)\b|[.,:*&/]/g, ' ')
    .trim();

const othersOwn =
  /^(parents?|carers?|visitors?|families|relatives|grandparents|guests?|staff|members of staff|employees?|pupils?|students?|children)\b(?!')[^.]*\b(take|takes|taking|post|posts|posting|share|shares|sharing|upload|uploads|film|films|record|records|photograph|use|using)\b|\b(their|your|his|her) own\b|\bpersonal (social media|accounts?|devices?|phones?|pages?|profiles?)\b/;
/** A page someone else runs: "The PTA's Facebook page is run by parent volunteers", "parents' WhatsApp groups". */
export const othersPage =
  /\b((pta|parent teacher association|parents'? association|friends of (the )?[a-z' ]{2,30}?)('s)?|(parents|carers|families|class reps)'|(parent|carer|family|class rep)'s)( own| private| unofficial)? (facebook |whatsapp |social media )?(pages?|accounts?|groups?|chats?)\b|\b(is|are) run by (parents?|parent volunteers?|volunteers|the pta|the friends)\b/;
const othersHeading = /\b(parents?|carers?|visitors?|families|staff|employees?|personal)\b/;
