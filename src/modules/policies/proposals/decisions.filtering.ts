/**
 * Who decides a request about the web filter (decisions.unblock, decisions.blockedContentRequests): the one who approves
 * opening a blocked site or blocking one, whom the request is passed to for a decision, or who blocks a site reported to
 * them. The deciding words and roles are read as for accounts and photographs (decisions.words.ts).
 */
import { decidedBy, staffNamed, subjectDecides } from './decisions.words.ts';
import { withoutStandIns } from './roles.ts';
import type { SentencePattern } from './types.ts';

/** "…must be made to the ICT Co-ordinator, who will pass it to the Principal for authorisation": who it goes to for the decision. */
const passedForDecision =
  /\b(?:pass(?:es|ed)?|send(?:s)?|sent|refer(?:s|red)?|forward(?:s|ed)?|take(?:s)?)\b[^.;]{0,20}?\bto (?:the )?([a-z' ()-]{1,40}?) for (?:authori[sz]ation|approval|a decision|sign-off|agreement)\b/;

/** An approval the change waits for: "only once the DSL, or a Deputy DSL, has approved it", "unless the Headteacher agrees", "if the Head agrees". */
const approvalCondition =
  /\b((?:only )?(?:once|when|after|if|provided)|unless|until) (the )?([a-z' (),-]{2,60}?),? (has |have )?(approved|agreed|agrees|approves|authori[sz]ed|authori[sz]es|given (their |his or her |her |his )?(approval|agreement|permission)|gives (their |his or her |her |his )?(approval|agreement|permission))\b/;

/**
 * Someone's own approval the opening waits for: "only with the DSL's approval", "The Headteacher must agree before…".
 * (Not an approval on a condition, "…with the DSL's agreement where a request raises a safeguarding concern".)
 */
const ownApprovalWaited =
  /\bwith (?:the )?(?!(?:parents?|carers?|pupils?|students?|user)(?:'s|s')\b)([a-z' ()-]{2,40}?)(?:'s|s') (?:prior |written |express )?(?:approval|agreement|authori[sz]ation|say-so)\b(?![^.;]{0,20}\b(?:where|if|when|unless)\b)|^(?:the )?([a-z' ()-]{2,40}?) (?:must|should|has to|needs to|will) (?:first )?(?:agree|approve|authori[sz]e)(?: it| the request| the change)? (?:before|first)\b/;

const unblock: SentencePattern = {
  name: 'someone decides whether a blocked site is opened, or a site blocked',
  read: (s) => {
    // "…who checks the site and then asks the local authority to unblock it. If the site is anything other than clearly
    // educational, the Headteacher decides.": a second decider for some requests splits the decision, so none is settled.
    // (Not a tie-break: "If the DSL and the member of staff cannot agree, the Headteacher decides" leaves the DSL's say.)
    if (
      /^(if|where|when|unless)\b[^.;]*,\s*(the )?[a-z' ()-]{2,40}? (decides|will decide|makes the (final )?decision)\.?$/.test(s.lower) &&
      !/^(if|where|when)\b[^,;]*\b((cannot|can not|do not|does not|fail to|are unable to|is unable to) (agree|reach agreement)|disagree(s|ment)?)\b/.test(
        s.lower,
      ) &&
      /\bunblock/.test(s.previous ?? '')
    )
      return [{ setting: 'decisions.unblock', value: null }];
    const aboutUnblocking =
      /\bunblock|\b(access|permission) (should|will|may|can|is to) be (granted|given|allowed) to (a |the )?(blocked )?(site|website)|\bblocked (content|sites?|websites?|pages?)\b.*\b(access|opened|released|made available|allowed|unblocked)\b|\b(decision|decide)[a-z ]*(whether )?access (should|will|may) be granted\b|\bdecisions? (on|about) blocked (websites?|sites?|content|pages?)\b|\b(needs?|wants?|asks? for|requests?|access to) (access to )?(a |the )?blocked (sites?|websites?|pages?)\b/;
    // "Any request to unblock or block a website", "Any request to change the filtering": both ways.
    const aboutBlocking =
      /\b(request(s|ed)? to (have )?(a |the )?(site|website|page|content)s? (be )?blocked|requests? to block|(unblock|allow) \(?or block|block \(?or unblock|unblocked \(?or blocked|blocked \(?or unblocked|(sites?|websites?|content)( that| which)? (should|to|ought to) be (added to the block ?list|blocked))\b/;
    const aboutChanges =
      /\b(change|changes|changing|amend|amending|amendments?|alterations?) (to )?(the |the school's |the academy's |our )?(web |internet )?filter(ing)?( settings| rules| system| levels?)?\b|\b(web |internet )?filter(ing)? (changes|amendments|alterations)\b|\b(change|changes) to what (is|gets|pupils can|students can|children can|learners can) (filtered|blocked|access(ed)?|see)\b|\b(decides?|decided|decisions? (about|on|over)|say (over|on|about)) what is (blocked|filtered)( (or|and) (allowed|unblocked|not))?\b/;
    // ("Staff can ask for a site to be unblocked by emailing the DSL. The DSL decides.", "Requests are decided by the
    // Network Manager": the sentence before says what is decided.)
    const bare = !aboutUnblocking.test(s.lower) && !aboutBlocking.test(s.lower) && !aboutChanges.test(s.lower);
    // (Or, for a list's item, its lead: "Unblocking sites:" then its steps, "The Head of School decides"; for a sentence that
    // opens its paragraph, its heading.)
    const says = (text: string | undefined) => !!text && (aboutUnblocking.test(text) || aboutBlocking.test(text) || aboutChanges.test(text));
    // (Its paragraph's earlier sentences, or its heading, when nothing nearer says it: "Requests to unblock a website" over "…pass her recommendation to
    // the Headteacher. The Headteacher decides whether the request goes ahead.")
    const context = says(s.previous) ? s.previous : says(s.lead) ? s.lead : says(s.earlier) ? s.earlier : says(s.heading) ? s.heading : s.previous;
    const about =
      bare &&
      context &&
      /^(the |such |these |this |all |any )?(requests?\b|changes? (can|may|must|will|are|is)( only)? be\b|(final )?decision (rests|lies|is made|is taken) (with|by)\b|[a-z' ()-]{2,60}?( considers (each|every|the) requests? and)? (decides|will decide|makes the (final )?decision)\b)/.test(
        s.lower,
      )
        ? context
        : s.lower;
    const unblocks = aboutUnblocking.test(about) || aboutChanges.test(about);
    const blocks = aboutBlocking.test(about) || aboutChanges.test(about);
    if (!unblocks && !blocks) return [];
    // ("…ask the Deputy Headteacher, who decides…. Requests to block a site go the same way": the decider before.)
    if (
      blocks &&
      !unblocks &&
      s.previous &&
      /\b(go|goes|are (handled|dealt with|made|decided)|follow|follows) (in )?the same (way|route|process)\b/.test(s.lower)
    ) {
      const before = unblock
        .read({ ...s, lower: s.previous, text: s.previous, previous: '', negated: '' })
        .find((f) => f.setting === 'decisions.unblock' && f.value);
      return before ? [{ setting: 'decisions.blockedContentRequests', value: before.value }] : [];
    }
    // ("Requests are checked by the DSL before a site is unblocked": a check the opening waits for.)
    const checkedFirst = /\b(requests?|sites?|websites?) (are|is|will be|must be) checked by [a-z' ()-]{2,40}? before\b[^.;]*\bunblock/.test(s.lower);
    // ("All filtering changes go through the DSL and Head": whom every change passes through, as the sentence's own verb,
    // decides it. Not a desk, a form or an inbox, "Requests to unblock a website go through the IT helpdesk"; not changes
    // that go through someone in a clause of their own, "Filtering changes that go through the technician are logged".)
    const through =
      /^(?:all |any |every )?(?:[a-z]+ ){0,2}(?:changes?|requests?)\b(?:(?!\b(?:that|which|who)\b)[^.;,]){0,40}?\b(?:go|goes) (?:only )?through (?:the )?([a-z' ()-]{2,40}?(?:,? (?:and |or )?(?:the )?[a-z' ()-]{2,40}?)*)\.?$/.exec(
        s.lower,
      );
    const throughWhom =
      through &&
      !/\b(desk|helpdesk|portal|form|system|ticket|log|process|procedure|inbox|e-?mail|mailbox|address|are|is|to|who|which|that|will)s?\b/.test(through[1])
        ? through[1]
        : undefined;
    // ("Any change to the filtering level is a decision for the Principal": the one it is for. Not misconduct, "Unauthorised
    // changes to the filtering are a matter for the Headteacher", nor anyone outside the staff beside them, "…a matter for
    // the police and the Headteacher".)
    const matterFor =
      /\b(?:is|are) (?:a |the )?(?:decision|matter) for (?:the )?([a-z' ()-]{2,40}?)(?=,|\.|$| having\b| after\b| who\b| in consultation\b)/.exec(s.lower);
    const forWhom =
      matterFor &&
      !/\b(unauthori[sz]ed|attempts?|breach(es)?|misuse|disciplin\w*|criminal|illegal|themselves)\b/.test(s.lower) &&
      !/\b(police|trust|authority|council|provider|company|lado|courts?)\b/.test(matterFor[1])
        ? matterFor[1]
        : undefined;
    if (
      !checkedFirst &&
      !throughWhom &&
      !forWhom &&
      !ownApprovalWaited.test(s.lower) &&
      !/\b(decisions?|decides?|decided|approved?|approves|authori[sz](ed|es|ation)|agreed|agrees|approval|agreement)\b/.test(s.lower)
    )
      return [];
    // "…a whole category must also be agreed by the Headteacher": a second approval, for some requests, beside the decider
    // named elsewhere; "…decided by the DSL where there is any safeguarding implication": a decider for some requests only.
    // (So is "Decisions to unblock a site in a safeguarding-related category require the agreement of the DSL", "any request
    // relating to a category blocked for safeguarding reasons must be agreed by the DSL".)
    if (
      /\balso (be )?(approved|agreed|authori[sz]ed|decided|signed off|checked)\b|\b(where|if|when) there (is|are) (any |a |an )?(safeguarding|child protection|wellbeing)\b|\b(safeguarding|child protection)[- ]related categor(y|ies)\b|\bcategor(y|ies) (blocked |filtered )?for (safeguarding|child protection) reasons\b|\b(sites?|websites?) in the [a-z ,/-]{1,60} categor(y|ies)\b|\bcategor(y|ies) themselves\b|\bthe staff (group|profile|filtering profile)\b/.test(
        s.lower,
      )
    )
      return [];
    // ("Requests are made by the ICT Co-ordinator and must be agreed by the Principal": who asks does not decide.)
    const asked = s.lower.replace(
      /\b(requests?|applications?)( [a-z]+){0,3} (are|is|must be|should be|can be) (made|submitted|sent|raised) by [a-z' ()-]+?(?= and\b|,|;|$)/,
      '$1',
    );
    const passed = passedForDecision.exec(s.lower);
    // ("The DSL decides and, if agreed, instructs the IT provider": what the decider does next follows.)
    const alone =
      about === s.lower ? null : /^(?:the )?([a-z' ()-]{2,40}?) (?:decides|will decide|makes the (?:final )?decision)(?:\.?$|,? and\b)/.exec(s.lower);
    // ("The site will be unblocked only once the DSL has approved it", "…will not unblock a site unless the DSL agrees".)
    const condition = approvalCondition.exec(s.lower);
    // ("Changes to filtering are the Principal's decision.")
    // ("The Headteacher makes the final decision on blocked websites.")
    const theirs =
      /\b(?:is|are|remains?) (?:the )?([a-z' ()-]{2,40}?)(?:'s|s') (?:decision|call)\b/.exec(s.lower) ??
      /^(?:the )?([a-z' ()-]{2,40}?) (?:makes|takes|has) (?:the )?(?:final )?(?:decisions?|say) (?:on|about)\b/.exec(s.lower);
    // (Whoever stands in when the decider is away decides nothing: read once, without them.)
    const decidersOnly = withoutStandIns(s.lower);
    // ("Requests … go to IT Services via the HM; the Network Manager decides, referring anything doubtful to the DSL", "…; the
    // DSL approves (or the Headteacher if the DSL is away); WDAT IT make the change": the clause whose subject decides.)
    // ("…; the DSL decides with the Head and asks Group IT": both decide.)
    const clause =
      about === s.lower
        ? /;\s*(?:the )?([a-z' ()-]{2,40}?) (?:decides|approves|will decide|makes the (?:final )?decision)\b(?: with (?!(?:advice|input|guidance|support|help)\b)(?:the )?([a-z' -]{2,40}?)(?= and\b|[,;.]|$))?/.exec(
            decidersOnly,
          )
        : null;
    const roles =
      staffNamed(passed?.[1]) ??
      staffNamed(throughWhom) ??
      staffNamed(forWhom) ??
      staffNamed(theirs?.[1]) ??
      staffNamed(clause ? [clause[1], clause[2]].filter(Boolean).join(' and ') : undefined) ??
      decidedBy(asked) ??
      staffNamed(condition ? withoutStandIns(condition[3]) : undefined) ??
      staffNamed(alone?.[1]) ??
      // ("Only the DSL (or in her absence the Headteacher) can approve a change…": whoever stands in does not decide.)
      subjectDecides(
        decidersOnly,
        about === s.lower ? /access|unblock|block|site|filter|opened/ : /access|unblock|block|site|filter|requests?|whether/,
        true,
      ) ??
      staffNamed(ownApprovalWaited.exec(decidersOnly)?.slice(1).find(Boolean));
    if (!roles || /\b(approv|authori|decid)\w*/.test(s.negated)) return [];
    // Someone else may open some sites ("…the OSCL may unblock a single site for a lesson … but any change to a category must
    // be approved by the DSL"): the decision is split, so neither is settled.
    // (Not a stand-in, nor whoever carries out an approval: "…the IT technician can unblock the site once it has been approved".)
    const alsoMay =
      /(?:^|[;:,]\s*|\bbut\s+)(?:the )?([a-z' ()-]{2,40}?) (?:may|can) (?:also |themselves |quickly )?(?:unblock|approve|authori[sz]e)\b([^.;]*)/.exec(
        decidersOnly,
      );
    const some = !!alsoMay && /\b(single|individual|one|some|specific|a few)\b|\bfor (a|one) lesson\b|\bin an emergency\b/.test(alsoMay[2]);
    const carriesOut = !!alsoMay && /\b(once|after|when|if)\b[^.;]{0,40}\b(approved|agreed|authori[sz]ed)\b/.test(alsoMay[2]);
    const others = alsoMay && some && !carriesOut ? staffNamed(alsoMay[1]) : null;
    const split = unblocks && others?.some((r) => !roles.includes(r));
    return [
      ...(unblocks ? [{ setting: 'decisions.unblock', value: split ? null : roles }] : []),
      ...(blocks ? [{ setting: 'decisions.blockedContentRequests', value: roles }] : []),
    ];
  },
};

/**
 * Who blocks a site reported as unsuitable decides such requests: "…tell the Network Manager, who will block it", "the
 * DSL, who asks the IT provider to block it", "The Network Manager may block a site straight away".
 */
const blocker: SentencePattern = {
  name: 'someone blocks a site reported to them',
  read: (s) => {
    const named =
      /\b([a-z' ()-]{2,60}?),? who (?:will |then |can |may |shall |should )*(?:block|blocks|get it blocked|gets it blocked|add it to the block ?list|adds it to the block ?list|arranges? for (?:it|the site) to be (?:blocked|added to the block ?list)|(?:asks?|contacts?|tells?) [a-z0-9 ]{1,30}? to block (?:it|the site))\b/.exec(
        s.lower,
      ) ??
      /(?:^|\band )(?:the )?([a-z' ()-]{2,60}?) (?:will|can|may|shall) block (?:it|the site|a site|any site)\b/.exec(s.lower) ??
      // ("…tell the Computing Lead straight away and she'll get it blocked".)
      /\b(?:tell|ask|email|contact|report it to) (?:the )?([a-z' ()-]{2,40}?)(?: straight away| immediately| at once)?,? and (?:she|he|they)(?:'ll| will) (?:get|have) (?:it|the site) blocked\b/.exec(
        s.lower,
      );
    if (!named || /\b(not|never|no)\b/.test(s.negated)) return [];
    const roles = staffNamed(named[1].split(/\b(?:to|tell|tells|ask|asks|report it to|send it to|email)\b/).pop());
    return roles ? [{ setting: 'decisions.blockedContentRequests', value: roles }] : [];
  },
};

/**
 * Whoever checks a site asked for and has it unblocked decides: "Requests go to the Computing Leader, who will check the
 * site and ask the IT provider to unblock it", "…they ask Mrs Pearce, who checks the site and, if she is happy with it,
 * asks our broadband provider to unblock it".
 */
const checker: SentencePattern = {
  name: 'someone checks a site asked for and has it unblocked',
  read: (s) => {
    const named =
      /\b([a-z' ()-]{2,60}?),? who (?:will |then |first )*(?:checks?|looks? at|reviews?) (?:the (?:site|website|request|content)|it)\b[^.;]*?\b(?:unblock|unblocks|unblocked|unblocking)\b/.exec(
        s.lower,
      );
    // (Not when someone else's approval comes first: "…who will check the site and, if the Headteacher agrees, ask…".)
    if (!named || /\b(not|never|no)\b/.test(s.negated) || approvalCondition.test(named[0])) return [];
    const roles = staffNamed(named[1].split(/\b(?:to|ask|asks|email|emails|contact|contacts)\b/).pop());
    return roles ? [{ setting: 'decisions.unblock', value: roles }] : [];
  },
};

export const filteringPatterns: SentencePattern[] = [unblock, blocker, checker];
