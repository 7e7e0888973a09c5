/**
 * Who decides (decisions.accounts, decisions.photoPublication): a decision the sentence names, and the roles it gives it to
 * after "by" or as its subject. Requests about the web filter are read in decisions.filtering.ts; the words
 * both read by are in decisions.words.ts.
 */
import { filteringPatterns } from './decisions.filtering.ts';
import { approverAfterCheck, decidedBy, singular, staffNamed, staffRoles, subjectDecides } from './decisions.words.ts';
import { channels, channelsIn, othersPage, scopeChannels } from './naming.channels.ts';
import { rolesIn, withoutStandIns, type RoleKey } from './roles.ts';
import { withoutAbbreviationStops, type Sentence } from './text.ts';
import type { SentencePattern } from './types.ts';

/**
 * Someone else who may approve instead of the head, whom no staff role names ("checked by the Headteacher or the Business
 * Manager", "…by the Principal Teacher or the Head Teacher", "…or a member of staff delegated by them"): not every post is
 * the head's to approve (the keying guide: "or a senior leader the Headteacher nominates" is not the head's approval).
 */
function otherApprover(lower: string): boolean {
  // ("…is checked by the Online Safety Lead and must be approved by the Headteacher": the one who approves decides.)
  const by = approverAfterCheck(lower) ?? /\b(approved|authori[sz]ed|agreed|signed off|checked|decided) (in advance )?by\b/.exec(lower);
  if (!by) return false;
  const deciding = withoutStandIns(lower.slice(by.index + by[0].length)).split(/\b(before|after|once|prior to|when|where|and then)\b|[,;.]/)[0];
  return deciding.split(/\bor\b/).some((alternative) => alternative.trim() && !rolesIn(alternative).includes('headteacher'));
}

/** "must not be created without the approval of…": a double negative, so the approval is required. */
const notWithout = /\b(not|never|no)\b[^.;]*\bwithout\b/;

/** A social network by name or kind. */
const socialNetwork = /\b(social media|social networking|facebook|twitter|instagram|tiktok|youtube|snapchat|linkedin)\b/;
/**
 * What a school runs on a social network, besides an account: "a class Facebook page", "an official classroom or team
 * social media platform", "a social media profile". A page alone (a class page on the school website) is no account.
 */
const socialPlace = new RegExp(String.raw`${socialNetwork.source}(?: [a-z]+){0,2}? (pages?|profiles?|platforms?|channels?|groups?|feeds?)\b`);

/** Whose account it is: the school's, a class's, a team's, or one staff need a leader's permission to create. */
const schoolSide = new RegExp(
  [
    /\b(on behalf of|for|in the name of|representing) (the|either|any|our|a|each) (school|academy|federation|trust|college|nursery)\b|\bin the [a-z-]+'s name\b/
      .source,
    // ("…an account, page or group that uses the name or logo of either school…".)
    /\b(uses?|using|bears?|bearing|carries|carrying) the (name|logo|badge|crest)( or (name|logo|badge|crest))? of (the|either|any|our|a|each) (school|academy|schools|academies|federation|trust)\b/
      .source,
    // ("The Headteacher decides … which accounts the school has", "No other account may use the school's name…".)
    /\bwhich (official )?(social media )?accounts the (school|academy|federation|trust|college|nursery)\b|\b(no|any) other accounts?\b[^.;]{0,40}\b(use|uses|using) the (school|academy|federation|trust|college)'s name\b/
      .source,
    /\b(departmental|department|class|club|team|faculty|subject|year group|trip|house) (social media |twitter |x |facebook |instagram |tiktok |youtube )?accounts?\b/
      .source,
    // ("…may open a social media account, blog or similar for a department, club or team", "No new account (including for a
    // department, club or trip)…".)
    // (And "…any social media account, group, blog or channel connected with the school, a class or a club".)
    /\baccounts?\b[^.;]{0,60}\b(for|(connected|linked|associated) (with|to)) (a|the|any|each|our|either) (school|academy|department|club|team|trip|year group|class|subject|house|faculty|sports team)\b/
      .source,
    // "Departments may have their own accounts…".
    /\b(departments?|faculties|clubs?|teams?|subjects?|year groups?|classes)\b[^.;]{0,30}\b(their|its) own (social media )?accounts?\b/.source,
    // ("Departments or clubs wishing to run an account…", "…an account that represents, or appears to represent, an academy".)
    /\b(departments?|faculties|clubs?|teams?|subjects?|year groups?|classes|houses?)\b[^.;]{0,20}\b(wishing|wanting|who (want|wants|wish|wishes)|that (want|wants|wish|wishes)) to (run|have|set up|open|start|create) (an? |their own |its own )?(new )?(social media )?accounts?\b/
      .source,
    /\baccounts? (that|which) (represents?|appears? to represent|speaks? for)\b[^.;]{0,40}\b(school|academy|department|class|team|club|federation|trust)\b/
      .source,
    /\b(school|academy)('s)? (official )?(social media |twitter |x |facebook |instagram |tiktok |youtube )?accounts?\b|\bofficial ([a-z()]+ ){0,2}accounts?\b|\baccounts? (that|which) (represents?|speaks? for) the (school|academy)\b/
      .source,
    // "an official classroom or team social media platform", "a class Facebook page".
    String.raw`\b(official|departmental|department|class|classroom|club|team|faculty|subject|year group)\b(?: [a-z]+){0,4}? ${socialPlace.source}`,
    // "…grant departments or athletics groups permission to create a social media profile": a profile someone must be
    // given leave to create is the school's (a personal one needs nobody's).
    String.raw`\b(grant|grants|granting|give|gives|giving)\b[^.;]{0,100}\bpermission to (create|set up|open|start|run)\b[^.;]{0,20}${socialNetwork.source}`,
  ].join('|'),
);

/** Who may approve a school account: the staff who decide, and the governors. */
const accountDeciders = new Set<RoleKey>([...staffRoles, 'governor']);

/**
 * "Before anything is posted on the school's accounts, it must be approved by…" read as "anything that is posted on the
 * school's accounts must be approved by…": what is approved, the posts, stands first, as the patterns read it.
 */
const postsBeforeTheirApproval = (lower: string) =>
  lower.replace(
    /(^|, but |; )before (anything|(?:any|a|an|each|every) [a-z]+(?: of (?:a|the|any) [a-z]+)?) (is|are) (posted|published|uploaded|put up|put online|used)\b([^,]*?),? (?:it|they|this) (must|should|will|has to|have to) (be (?:approved|checked|agreed|authori[sz]ed|signed off))\b/,
    '$1$2 that $3 $4$5 $6 $7',
  );

const accounts: SentencePattern = {
  name: 'school accounts are approved by someone',
  read: (sentence) => {
    // "(e.g. building accounts)" is no end of a clause.
    const s = { ...sentence, lower: postsBeforeTheirApproval(withoutAbbreviationStops(sentence.lower)) };
    // "Each academy may run official accounts. New accounts need the agreement of…": the sentences before say whose (or the
    // heading over them, "9. Official accounts").
    const context = /\b(new|such|these|those|any|no) accounts?\b/.test(s.lower) ? `${s.heading ?? ''}. ${s.earlier ?? ''} ${s.lower}` : s.lower;
    if (!(/\baccounts?\b/.test(s.lower) || socialPlace.test(s.lower)) || !schoolSide.test(context)) return [];
    // Accounts only used in what is approved: "Any live lesson has to be agreed by the Head, use school accounts, and…".
    if (
      !/\baccounts?\b/.test(s.lower.replace(/\b(use|uses|using) (the |their |our )?(school|official|school-approved)( [a-z]+)? accounts?\b/g, '')) &&
      !socialPlace.test(s.lower)
    )
      return [];
    // Staff's own accounts are not the school's: "staff need no approval for their personal social media profiles".
    // (A closing clause about them is another rule: "…without the written approval of the Headteacher, and staff must not
    // use a personal account to represent the school".)
    if (
      /\b(personal|private)\b/.test(
        s.lower.replace(
          /,? and ((staff|members of staff|employees|they) (must|should|may|will)( not| never)|(no one|nobody) (must|should|may|will|can))\b[^.;]*\.?$/,
          '',
        ),
      )
    )
      return [];
    // "Posts on the main school accounts are approved by the Headteacher": the posts approved, not the account.
    if (
      /^(all |any |each |every )?(posts?|content|images?|photo(graph)?s?|messages?|updates?|tweets?|anything|everything|material)\b[^.;]{0,120}\b(are|is|must be|will be|should be) (approved|checked|authori[sz]ed|agreed)\b/.test(
        s.lower,
      )
    )
      return [];
    // "Only staff authorised by the Headteacher … may post on school accounts": who may post, not who approves an account.
    if (/\b(may|can|are allowed to|are permitted to|will) (post|publish|upload)\b[^.;]{0,20}\b(on|to) (the )?[a-z' ]{0,30}accounts?\b/.test(s.lower)) return [];
    if (
      !/\b(created|creat(e|ing)|set(ting)? up|open(ed|ing)?|start(ed|ing)?|made|registered|use[sd]?|needs?|requires?|approved|authori[sz]ed|sanctioned|agreed|decides which|decides(,[^,;.]{1,30},)? which|decides (on|about) (new |the |any )?(school |social media |official )*accounts|decides\b[^.;]{0,80}\band which (social media |official )?accounts)\b/.test(
        s.lower,
      ) &&
      // "…responsible for approving any official school social media account", "who may authorise new accounts", "an X
      // account, run by the office with the Principal's approval", "their own accounts only with the written approval of…":
      // the account itself approved (not posts on it).
      !/\b(approv(e|es|ing)|authori[sz](e|es|ing))\b[^.;]{0,50}\baccounts?\b|\baccounts?\b[^.;]{0,30}\brun by\b|\baccounts?\b[^.;]{0,40}\bwith (the )?(written |prior |express )?(approval|authori[sz]ation|agreement)\b|\baccounts?\b[^.;]{0,60}\b(obtain|get|seek|have|need|require)s? (the )?(written |prior |express )?(permission|approval|authori[sz]ation|agreement) (of|from)\b/.test(
        s.lower,
      )
    )
      return [];
    // ("…set up a social media account for the school without the Headteacher's permission": leave to open one is its approval.)
    const headsLeave = /\b(head ?teacher|head teacher|head|principal|head of school)'s (prior |written |express )?permission\b/.test(s.lower)
      ? (['headteacher'] as RoleKey[])
      : null;
    // ("Teams may have their own account only if the Headteacher has approved it in writing": leave to have one.)
    const granted =
      /\b(set up|create|open|start|have) (a |an |their own |its own )?(new )?accounts?\b/.test(s.lower) && !/\bpost(s|ed|ing)?\b/.test(s.lower)
        ? /\b(?:only if|unless|until) (?:the )?([a-z' ()-]{2,60}?) (?:has|have) (?:first )?(?:approved|agreed|authori[sz]ed)\b/.exec(s.lower)
        : null;
    // (The governors may approve an account beside the head: "…agreed by the Headteacher and the governors first", "…the
    // written agreement of the Headteacher and the Chair of Trustees".)
    const governors = s.lower.replace(
      /\b(the )?(governors|governing (body|board)|board of governors|chair of (the )?trustees|trustees)\b/g,
      'the chair of governors',
    );
    const roles =
      decidedBy(governors, accountDeciders) ??
      headsLeave ??
      staffNamed(granted?.[1]) ??
      subjectDecides(s.lower, /accounts?|pages?|profiles?|platforms?|channels?|groups?|feeds?/);
    return roles && (!s.negated.match(/approv|authori/) || notWithout.test(s.lower)) ? [{ setting: 'decisions.accounts', value: roles }] : [];
  },
};

const publication: SentencePattern = {
  name: 'someone approves photographs before they are published',
  read: (sentence) => {
    // (", and agrees any visit from the press": another approval, of something else, in the same sentence.)
    // (Not when the approval is that clause: "The Headteacher makes sure staff follow it and decides what goes on our website".)
    const [first, ...more] = withoutStandIns(postsBeforeTheirApproval(sentence.lower)).split(/,? and (?=(?:agrees?|decides?|signs? off|is responsible for)\b)/);
    const s = {
      ...sentence,
      lower: more.length && !/\b(approv\w*|authori[sz]\w*|decid\w*|signs? off|checks?|agrees?)\b/.test(first) ? `${first} and ${more.join(' and ')}` : first,
    };
    // "Every post is checked by…" before it goes on a named channel: the posts carry the photographs.
    // "Every tweet is approved by…", "All posts on the school's Facebook page…": posts and tweets on a named channel.
    // ("No post is published without the Principal's approval" under "The Facebook page is managed by…": the channel in
    // scope; "Nothing is posted on the website without…": nothing posted there is every post.)
    const channelNamed = channels.some(([, pattern]) => pattern.test(s.lower));
    const nothingGoesOut = nothingWithout.test(s.lower);
    // ("The Headteacher approves anything published in the school's name": all the school publishes, wherever.)
    const everythingPublished =
      /\b(approves?|decides?|signs? off) (anything|everything|all (content|material))( that is| which is| that's)? (published|posted|put out)\b(?! by (pupils|students|children|parents|carers|families|staff)\b)/.test(
        s.lower,
      );
    const posts =
      everythingPublished ||
      ((/\b(every|each|all|any) ([a-z]+ ){0,2}(posts?|tweets?|updates?|content|material)\b|\b(posts?|tweets?)\b/.test(s.lower) ||
        nothingGoesOut ||
        (channelNamed &&
          /^(nothing|no (content|item|photo(graph)?|image|picture)s?)\b[^.;]{0,30}\b(is|are|will be|may be|can be|goes|go) (posted|published|uploaded|put)\b/.test(
            s.lower,
          )) ||
        // "Everything that goes on the website or the Facebook page is approved by…", "Nothing goes on the website or
        // Facebook until the Headteacher has approved it", "The Head decides what is published on the website": all
        // that a named channel carries.
        (channelNamed &&
          (/^(everything|anything|nothing|whatever|all (content|material))\b[^.;]{0,30}?\b(goes|go|going|gets|is (posted|published|uploaded|put)|are (posted|published|uploaded|put))\b/.test(
            s.lower,
          ) ||
            /\b(decides?|approves?|signs? off|checks?|agrees?) (what|everything|anything|all that|whatever)( that| which)? (is|gets|goes|going|will be|are|(that )?(the (school|academy|nursery|college)|we) (publishes|posts|puts|shares))\b/.test(
              s.lower,
            )))) &&
        (channelNamed ||
          (postsScope(sentence).length > 0 &&
            (/^(no|every|each|all|any) (posts?|tweets?)\b/.test(s.lower) ||
              scopedPosts(s.lower) ||
              nothingGoesOut ||
              checksPosts({ ...sentence, lower: s.lower }))) ||
          (nothingGoesOut && channelsBefore(sentence).length > 1)));
    // Posts are what is published: "All posts on the school Facebook page must be approved by the Principal".
    const postsNoun = posts && /\b(posts|tweets|post|tweet)\b/.test(s.lower.replace(/\b(may|can|will|to|must|should|who|staff) post\b/g, ''));
    if (
      !(/\b(photo(graph)?s?|images?|pictures?)\b/.test(s.lower) || posts) ||
      (!postsNoun &&
        !/\b(publish|publishes|published|publication|posted|posting|uploaded|put on|placed on|shared online|go(es|ing)? (up |out )?on|appears? on|tweeted|sent out|is sent|are sent|goes out|go out|goes live|go live|used (on|in)|for (the )?(press|newspapers?|website|newsletters?|prospectus|social media|facebook|instagram)|(going|goes|go|sent) (out )?to (the )?(local )?(press|newspapers?|media|tv))\b/.test(
          s.lower,
        ))
    )
      return [];
    if (/^(parents?|carers?|visitors?|pupils?|children)\b(?!')/.test(s.lower)) return [];
    // ("The PTA runs its own Facebook page; the Headteacher approves all posts": not the school's channel.)
    if (
      /\b(pta|parent teacher association|parents' association|friends of (the )?[a-z' ]{2,30}?)\b[^.;]{0,30}\b(runs?|has|have|manages?) (its|their) own\b/.test(
        s.lower,
      )
    )
      return [];
    // A look at a sample afterwards ("…will review a sample of school social media posts annually") oversees; it decides nothing.
    if (
      /\b(reviews?|reviewed|audits?|audited|checks?|checked|looks? at|monitors?|monitored)\b[^.;]{0,20}\b(a |an )?(random )?(sample|selection)\b/.test(s.lower)
    )
      return [];
    // Who decides for particular children ("images of looked after children, or of pupils subject to a court order, are
    // never published without the DSL's written agreement", "the DSL decides case by case") decides nothing for the rest.
    if (/\b(looked[- ]after|court orders?|adopted|case by case|in this situation|must not be (identified|traced|photographed|published|named))\b/.test(s.lower))
      return [];
    // "Posts … are made by the office and the headteacher only": who posts, not who approves. "…may use their own phone with
    // the agreement of the Headteacher, but the images must be uploaded to the school system": a device allowed, and storage.
    if (
      /\b(posts?|tweets?|updates?)\b[^.;]{0,60}\b(are|is) (made|written|posted|done|run) by\b/.test(s.lower) &&
      !/\b(approv\w*|authori[sz]\w*|checked|signed off|agreed)\b/.test(s.lower)
    )
      return [];
    if (
      /\b(own|personal) (phones?|devices?|cameras?)\b/.test(s.lower) &&
      /\buploaded to (the |a )?(school|academy|secure|trust)?[a-z' ]{0,20}(system|network|server|drive|storage|area|folder|cloud)\b/.test(s.lower)
    )
      return [];
    // "Parents' posts…", "Staff's own tweets…": someone else's posts.
    if (/\b(parents?|carers?|visitors?|pupils?|children|students?|staff|families)('s?|s')? (own |personal )?(posts?|tweets?)\b/.test(s.lower)) return [];
    // "…nothing is posted until the Principal or a Vice Principal has approved it".
    // ("…until the Head of School has said yes".)
    const until =
      /\b(?:until|once|after)\b(.*)\b(has|have) (?:(?:looked at|read|seen|viewed|checked) (?:it|the (?:post|photo(?:graph)?|image|picture|draft|content))( and (?:has |have )?)?)?(approved|checked|agreed|signed off|authori[sz]ed|said yes|given (the go-ahead|approval|permission|the ok))\b/.exec(
        s.lower,
      );
    // ("…until the Executive Headteacher, or the Head of School of the site it concerns, has read it and approved it": two
    // who may say yes, though both are heads, is no one head's approval. Only alternatives that each name a post count: not
    // "After a photo or video is taken, it is not posted until the Headteacher has approved it".)
    const alternatives = until ? until[1].split(/,? or /).filter((piece) => staffNamed(piece)).length : 0;
    const untilRoles = until && alternatives > (staffNamed(until[1])?.length ?? 0) ? null : staffNamed(until?.[1]);
    const byRoles = decidedBy(s.lower);
    const roles =
      byRoles ??
      subjectDecides(
        s.lower,
        posts ? /photo|image|picture|posts?\b|tweets?|content|material|updates?|\bwhat (is|goes|gets)\b|\b(everything|anything)\b/ : /photo|image|picture/,
      ) ??
      untilRoles;
    // "Nothing goes on … without the Principal's approval": a double negative, so the approval is required.
    if (!roles || (s.negated.match(/approv|authori|checked/) && !/\b(not|never|no|nothing)\b[^.;]*\bwithout\b/.test(s.lower))) return [];
    // The head approving each photograph for a named channel is that channel's setting; otherwise who decides publishing.
    // (A sentence that names no channel is about the one its heading or paragraph names: "Every post that includes a
    // photograph is approved by the Headteacher before it goes live" under "Our Facebook page".)
    // ("Nothing goes on the website without her check, and the Headteacher signs off anything going out to the press": the
    // channels of what the head signs off, when the words after the signing name some.)
    const signed = /\b(decides?|approves?|signs? off|checks?|agrees?)\b(.*)$/.exec(s.lower)?.[2] ?? '';
    const ofSigned = !byRoles && !untilRoles ? channels.filter(([, pattern]) => pattern.test(signed)).map(([key]) => key) : [];
    const own = ofSigned.length ? ofSigned : channels.filter(([, pattern]) => pattern.test(s.lower)).map(([key]) => key);
    // (All the school publishes is no one channel's, whatever the heading: "approves anything published in the school's name".)
    // ("The website is kept by the principal. The Facebook page is run by … Nothing goes up on either without being approved
    // by the principal": the channels the sentences before it name, all of them.)
    const before = nothingGoesOut ? channelsBefore(sentence) : [];
    const named = own.length || everythingPublished ? own : before.length > 1 ? before : postsScope(sentence);
    // ("…approves anything published on the website, or delegates this to a named senior leader": the head decides who
    // approves, so publishing is the head's, but not each post on the channel.)
    if (named.length && roles.length === 1 && roles[0] === 'headteacher') {
      if (/\bor (delegates?|passes) (this|it|that)\b/.test(s.lower)) return [{ setting: 'decisions.photoPublication', value: roles }];
      return otherApprover(s.lower)
        ? []
        : [
            ...named.map((key) => ({ setting: `photos.channels.${key}.headteacherApproval`, value: true })),
            // (The head approving what goes on two channels or more is who approves publishing as a whole: keyers set both
            // in 45 of 48 such sentences, and in 26 of 60 for one channel.)
            ...(named.length > 1 ? [{ setting: 'decisions.photoPublication', value: roles }] : []),
          ];
    }
    return [{ setting: 'decisions.photoPublication', value: roles }];
  },
};

/**
 * "Posts about pupils are approved by the Headteacher before they go out" under "Social media", "Posts are drafted by class
 * teachers and are only published once they have been approved by the Headteacher or, in her absence, the Deputy": the
 * posts in scope, when the head alone approves them (a stand-in apart; keyers split on "the Headteacher or the Deputy
 * Headteacher", 2 against 3) and nothing is let through ("apart from routine notices").
 */
const scopedPosts = (lower: string) =>
  /^(the )?(posts|tweets)( (about|of|with|showing|that (include|show)) (pupils|children|students))? (are|must|will|should|need to|have to)\b[^.;]{0,80}?\b(approved|checked|agreed|signed off|authori[sz]ed) by\b/.test(
    lower,
  ) &&
  !/\b(apart from|except|unless|other than)\b/.test(lower) &&
  decidedBy(lower)?.join() === 'headteacher';

/**
 * "…send it to the School Business Manager, and the Headteacher checks posts before they go live": a post, as the subject of
 * its clause, checks or approves the posts (all of them) before they go out, under a paragraph that names the channel.
 * (Not a look afterwards, "the Headteacher checks posts weekly for comments", nor one with exceptions, as for scopedPosts.)
 * Said with nothing after, "The Headteacher approves every post.", only where the sentences before name the school's
 * channel itself (not the page's title), and not posts others make: families on a class group, pupils on a learning
 * platform, the PTA on its own page.
 */
const checksPosts = (s: Sentence) => {
  const m =
    /(?:^|,? and |; )(?:the )?([a-z' ()-]{2,40}?) (?:checks|approves|agrees|signs off|looks at and approves) (?:(?:all |the )?(?:posts|tweets)|(?:every|each) (?:post|tweet))( before (?:they|it) (?:go|goes|are|is) (?:live|out|up|online|posted|published)\b|\s*[.;]?$)/.exec(
      s.lower,
    );
  if (!m || staffNamed(m[1]) === null || /\b(apart from|except|unless|other than)\b/.test(s.lower)) return false;
  if (/^ before/.test(m[2])) return true;
  const before = `${s.earlier ?? ''} ${s.previous ?? ''}`;
  return (
    m.index === 0 &&
    !/\b(usually|normally|generally|often|sometimes|in term time)\b/.test(m[1]) &&
    channelsBefore(s).length > 0 &&
    !/\b(pta|friends of|parents?|carers?|families|pupils?|students?|children) (can |may |run |share |post )|\b(seesaw|class ?dojo|tapestry|class groups?|learning platforms?|newspaper)\b|\b(its|their) own (facebook )?(page|group|account)s?\b/.test(
      before,
    )
  );
};

/** "Nothing is posted without the approval of the Principal", "Nothing goes up on either without…": every post, wherever it goes. */
const nothingWithout =
  /^(nothing|no (posts?|tweets?|content|photo(graph)?s?|images?|pictures?))\b[^.;]{0,20}\b(is|are|will be|may be|can be|goes|go|gets)( up| out| live)?( (posted|published|uploaded|put up|put online))?( on (either|them|it))? without\b/;

/** The channels the sentence before, or its paragraph, names (several): "Content for the website and Facebook page is uploaded by…". */
function channelsBefore(s: Sentence): string[] {
  return channelsIn(`${s.earlier ?? ''} ${s.previous ?? ''}`).filter((key) => key !== 'display');
}

/** The one channel a rule naming none is about: its scope (naming.channels.ts), else the sentence before it ("The Facebook page is managed by…"). */
function postsScope(s: Sentence): string[] {
  // (Several named in its own paragraph or list's lead, "We have a school Facebook page and an X account, as well as this
  // website. Every post must be checked by the Head of School…": each that carries posts; a heading's several, "The school
  // Facebook page and website", is no one channel.)
  const scope = scopeChannels(s);
  if (scope.length === 1) return scope;
  if (scope.length > 1) {
    return scopeChannels({ ...s, heading: '', title: '' }).filter((key) => key !== 'display' && key !== 'prospectus');
  }
  // (Not a page someone else runs: "The PTA's Facebook page is run by parent volunteers.")
  const before = othersPage.test(s.previous ?? '') ? [] : channels.filter(([, pattern]) => pattern.test(s.previous ?? '')).map(([key]) => key);
  if (before.length) return before.length === 1 ? before : [];
  // (A list's item with no channel near: the one channel its earlier items name, "- The school has one Facebook page." over
  // "- Every post is approved by the Head of School first.")
  const items = channels.filter(([, pattern]) => pattern.test(s.siblings ?? '')).map(([key]) => key);
  return items.length === 1 ? items : [];
}

/**
 * The images the school uses are those someone judges fit: "We only use images that the Headteacher and Governing Body
 * consider suitable", "the school publishes only photographs the Principal has approved". Whoever judges decides what is
 * published; a governing body that judges is the governors'. A rule only: not "may use", not negated, not families'
 * or pupils' own sharing, and someone named (not "images that staff consider suitable").
 */
const judgedFit =
  /\b(use|uses|publish|publishes|post|posts|share|shares|are used|is used|are published|are posted)\b(?: only)? (?:the )?(?:images?|photo(?:graph)?s?|pictures?) (?:that|which) ((?:the |our )?[^.;,]{1,60}?) (?:(?:consider|considers|deem|deems|judge|judges|regard|regards|think|thinks)(?: to be| as)? (?:suitable|appropriate|acceptable|fit)|(?:has|have) (?:approved|agreed|checked|signed off))\b/;

const governingBody = /\b(governing (body|board)|board of governors|governors|fgb|lgb)\b/;

const judgedPublication: SentencePattern = {
  name: 'the images used are those someone judges fit',
  read: (sentence) => {
    // A web page's inline markup is no part of the words: "We only use <strong>images</strong> that the Principal…".
    const s = { ...sentence, lower: sentence.lower.replace(/<\/?[a-z][a-z0-9]*\b[^<>]*>/g, '').replace(/\s+/g, ' ') };
    const m = judgedFit.exec(s.lower);
    if (!m || /\b(may|might|could|can)\b/.test(s.lower.slice(0, m.index + m[1].length + 1))) return [];
    if (familyOwn.test(s.lower) || /\b(use|uses|publish|publishes|post|posts|share|shares|used|published|posted)\b/.test(s.negated)) return [];
    const judge = m[2];
    const roles: RoleKey[] = rolesIn(singular(judge)).filter((r) => staffRoles.has(r));
    if (governingBody.test(judge) && !roles.includes('governor')) roles.push('governor');
    return roles.length ? [{ setting: 'decisions.photoPublication', value: roles }] : [];
  },
};

/** Families, pupils or visitors sharing their own pictures: not what the school publishes. */
const familyOwn = /^(parents?|carers?|families|visitors?|pupils?|children|students?|you)\b(?!')/;

export const decisionPatterns: SentencePattern[] = [accounts, ...filteringPatterns, publication, judgedPublication];
