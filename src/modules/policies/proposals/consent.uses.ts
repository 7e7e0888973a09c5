/**
 * The uses of pupils' images (consent.purposes.KEY) by the words schools use for them, and the uses a sentence names:
 * read by every consent reader (sentences, lists, forms, tables, the page).
 */

/** The default purposes by the words schools use for them. */
export const purposes: [string, RegExp][] = [
  // Displays as a thing, not the verb ("before we display a photograph on the website").
  // "displayed around the school" is the use inside school; "displayed on the website" is the website's.
  [
    'displays',
    /\b(classroom|corridor|wall|school|learning|celebration) displays?\b|\bdisplays\b|\b(photo(graph)?s?|pictures?|images?) (up )?on the (classroom |nursery |school )?walls\b|\bon display\b|\b(classroom|working) walls?\b|\bdisplay (boards?|purposes|areas?|screens?)\b|\b(?<!(?:church|parish|village|community|public|library|town) )notice ?boards?\b|\bfor display\b|\b(displayed|displaying|display|put up) ((them|it|(the |their )?(photo(graph)?s|images|pictures|videos|work)( of (your|their|the|our) (child|children|son|daughter|pupils?))?) )?(in|within|inside|around|on the walls of) (the )?(main |front |school |entrance )?(school|classrooms?|corridors?|nursery|setting|building|hall)\b|\b(areas?|parts?|places?) (of|in) the (school|building|nursery|academy) (where|which|that) visitors\b|\bwhere visitors (to the (school|academy|nursery) )?(have access|can see|may see)\b|\b(display|displays|displayed|displaying|exhibit|exhibited|show|shows|shown|showing)\b[^.;]*\b(in|at) (a|any) public (place|area|space|location)s?\b|\b(display|displayed|displaying) ((them|it|(the |their )?(photo(graph)?s|images|pictures|videos|work)( of (your|their|the|our) (child|children|son|daughter|pupils?))?) )?(on|in|around|within|throughout) (the |our )?((school|academy|nursery|setting)('s)? )?(premises|buildings?|grounds|site)\b|\b(publish|publishes|published|publishing|put up|puts up|display|displays|displayed|show|shows|shown)\b[^.;]{0,30}\b(in and around|around|throughout|within) (the )?(school|academy|nursery|setting|college) (buildings?|premises)\b|\b(publish|publishes|published|publishing|put up|puts up|display|displays|displayed|show|shows|shown)\b[^.;]{0,30}\bin and around (the )?(school|academy|nursery|setting|college)\b/,
  ],
  // The school photographer's class or individual portraits: a photography company or studio the school invites, portraits.
  [
    'class-photo',
    // (A secondary school's "form photograph" is its class photograph.)
    /\b(class|form|tutor group) (photo(graph)?s?|pictures?)\b|school photographer|\b(photographic|photography|school photo(graph)?|portrait) (compan(y|ies)|firms?|studios?)\b|\bindividual (and|or|&|and\/or) (class|group) (photo(graph)?s?|pictures?|portraits?)\b|\b(class|group) (and|or|&|and\/or) individual (photo(graph)?s?|pictures?|portraits?)\b|\b(class|school|individual) portraits?\b|\bprofessional photographers?\b[^.;]*\bportraits?\b|\bportraits? of (the |each |every |your |our )?(child|children|pupils?|students?)\b/,
  ],
  [
    'publications',
    /\bprospectus(es)?\b|school publications?|\b(school|academy)('s)? (own )?media\b(?! (room|suite|centre|center|studies|department|lessons?|library|studio|club|policy|consent))|newsletters?|printed (materials?|publications?)(?! (within|in|inside|around) (the )?school)|\b(school|academy|termly|annual|our|the) magazines?\b|\b(school's |academy's |our |the )?annual reports?\b|\b(weekly|termly|monthly|school|academy|parents'?|family|our) bulletins?\b(?! boards?)|\bpublications\b|\b(school )?(brochures?|leaflets?|yearbooks?)\b|\b(school|student|students'|pupil|pupils'|class|academy|in-house) newspapers?\b|\bpublished (documents?|materials?)\b/,
  ],
  // ("the Media Consent Form" is the form's name, not the press: "media" before consent, release or form is no channel.)
  // ("press" alone may be a verb, "press the button"; before advertising, releases or coverage it is the press.)
  [
    'press',
    // (A school's or its students' own newspaper is one of its publications, not the press.)
    /\b(?<!(?:school|student|students'|pupil|pupils'|class|academy|the school's|our school's|in-house) )newspapers?\b|\btelevis(ion|ed)\b|\bpress (advertising|advertisements?|adverts?|releases?|coverage|articles?|reports?|purposes|publicity|photo(graph)?s?)\b|\b(outside|external) media\b|\btv (news|programmes?|crews?|stations?)\b|\bnews programmes?\b|\b(local|national|regional) (news)?papers?\b|\b(the|local) (local )?press\b|\b(local|national|regional|trade|specialist)(,? (and|or|and\/or) (local|national|regional|trade|specialist))? (press|newspapers?|news ?papers?|media)\b|\b(the )?press (and|or|&) (the )?(broadcast )?media\b|(?:^|[☐□❑\]] )(the )?press( and| or| &|,| \/)(?! (hold|release|tap|click))|\b(the|local|national|news|other|public|mainstream|wider) media\b(?! (room|suite|centre|center|studies|department|lessons?|library|studio|club|consents?|release|permissions?|forms?|polic(y|ies)))|\b(invite|invites|invited|inviting|visited by) (the )?media\b|\b(media|news) (organisations?|organizations?|outlets?|stories|story|coverage|reports?|articles?|crews?)\b|\b(local|national|regional|international)( (and|or|and\/or) (local|national|regional|international))? news (stories|reports?|articles?|coverage|programmes?)\b/,
  ],
  ['website', /\b(school('s)? )?web ?sites?\b/],
  [
    'social-media',
    /\b(school('s)? )?(social media|facebook|twitter|instagram|youtube|tiktok|x \((formerly )?twitter\))( (accounts?|pages?|channels?))?\b|\b(on|our|its) x\b(?! ray)|\b(school|academy)('s)? x (account|feed|page)\b|\b(re)?tweet(s|ed|ing)?\b/,
  ],
];

/** A bare item of a list of uses ("(display, press, newsletter)", "such as display, the press and the website"), whole. */
const bareItems: [string, RegExp][] = [
  ['displays', /^(classroom |class |wall |corridor |school )?displays?( boards?| purposes| work)?$/],
  ['press', /^((local|national|regional) )?(press|media|newspapers?|news ?papers?|press releases?|press articles?|news|television|tv)$/],
  ['publications', /^(newsletters?|prospectus(es)?|brochures?|leaflets?|publications?|yearbooks?|magazines?|print|printed (materials?|publications?))$/],
  ['website', /^(web ?sites?|web|web pages?)$/],
  [
    'social-media',
    /^(social|social media|social networking|facebook|twitter|x|instagram|youtube|tiktok|twitter\/x|x\/twitter)( (accounts?|pages?|feeds?|channels?))?$/,
  ],
  ['class-photo', /^class (photo(graph)?s?|pictures?)$/],
];

/** The items of the lists a sentence gives in brackets or after "such as", "including", "e.g.": each as a bare phrase. */
function listItems(lower: string): string[][] {
  const lists = [...lower.matchAll(/\(([^()]{3,160})\)/g)].map((m) => m[1]);
  for (const m of lower.matchAll(/\b(?:such as|including|e\.g\.?|eg|for example|for instance|i\.e\.?|ie)[,:]? ([^.;:()]{3,160})/g)) lists.push(m[1]);
  return lists.map((list) => {
    // "in the local or national press": one item, its adjectives joined, not two ("in the local", "national press").
    const items = list
      .replace(/\b(local|national|regional) (?:and|or|and\/or) (?=(local|national|regional) )/g, '')
      .replace(/^(?:e\.g\.?|eg|for example|for instance|such as|including|i\.e\.?|ie)[,:]?\s+/, '')
      .split(/\s*,\s*|\s*;\s*|\s*\/\s*(?!x\b)|\s+(?:and|or|and\/or)\s+/)
      .map((item) =>
        item
          .replace(/^(?:and|or|etc)\s+/, '')
          .replace(/\s*\betc\.?$/, '')
          .replace(/^(?:in|on|for|via|through)\s+/, '')
          .replace(/^(?:the|our|a|an|its)\s+/, '')
          .replace(/^(?:school|academy|nursery|local|class)('s)?\s+(?=\S+)/, (m) => (/class/.test(m) ? m : ''))
          .trim(),
      )
      .filter(Boolean);
    // One word in brackets is a gloss ("the website (www…)"), not a list.
    return items.length >= 2 ? items : [];
  });
}

/**
 * The uses a sentence names: by the purposes' own words, and by bare items of a list ("for school purposes (display,
 * newsletter, press)"), where "display" or "press" alone name the use. A use under a negation is none, and so is a
 * list the negation reaches: "Do not post images on social networks (Facebook, Instagram, YouTube)" denies all three,
 * though the negation's words run out after the first.
 */
export function namedUses(said: string, negated = ''): string[] {
  // ("…show children in groups rather than individual portraits": what the school does instead is no use of it.)
  const lower = said.replace(/\b(rather than|instead of)\b[^,.;:]*/g, ' ');
  const keys = purposes.filter(([, pattern]) => pattern.test(lower) && !pattern.test(negated)).map(([key]) => key);
  for (const list of listItems(lower)) {
    if (negated && list.some((item) => negated.includes(item))) continue;
    for (const item of list) for (const [key, pattern] of bareItems) if (pattern.test(item) && !keys.includes(key)) keys.push(key);
  }
  return purposes.map(([key]) => key).filter((key) => keys.includes(key));
}
