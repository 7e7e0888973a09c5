/**
 * How long a carer's answer about images lasts (consent.lapse): asked again each year, at a change of key stage, or
 * once for the child's time at the school. Read from a sentence about consent or its form; a form for something else
 * (trips, medicines, the acceptable use agreement) says nothing of it.
 */
import type { Sentence } from './text.ts';
import type { Found, SentencePattern } from './types.ts';

/**
 * A carer's refusal, where images are used unless they object: "opt out", "request that their child not be photographed".
 * Made again each year, it lasts a year as consent does.
 */
const optOut =
  /\bopt(s|ing)? (your child |their child )?out\b|\b(request|requests|ask|asks)( for| that)?( (your|their|the) (child|son|daughter))? not (to )?be (photographed|filmed|videotaped|video-?recorded|pictured)\b/;
/** How a carer makes the refusal known: "by telling the office", "by writing to the school". */
const optOutVerb = /\b(tell|tells|telling|notif(y|ies|ying)|inform(s|ing)?|writ(e|es|ing)|return(s|ing)?|request(s|ing)?|ask(s|ing)?)\b/;

/** What a lapse sentence is about: consent, or the form that asks for it ("a form … will cover the 7 years…"), or a refusal. */
const consentWord = new RegExp(
  `${optOut.source}|` +
    /\b(consent|permission)s?\b|\b(consent|permission|photo(graph)?|image|media) (forms?|slips?|letters?)\b|\b(photo(graph)?|image|media|model) releases?( forms?)?\b|\b(parents?|carers?|you)\b[^.]*\b(fill(ing)? (out|in)|complet(e|es|ing)|sign(s|ing)?|return(s|ing)?) (a|an|the|their)( [a-z]+)? forms?\b/
      .source,
);
const askVerb =
  /\b(seek|seeks|obtained|gathered|gained|renew(s|ed)?|re-?sought|re-?confirmed|confirmed|re-?checked|asked again|sought again|requested again|refreshed|updated?|collected|sought|requested|requests?|asks? for|asked for|sen[dt]s? (home|out)|sen[dt]s? (the|a|our|your) ([a-z]+ )?(form|slip)s? (home|out)|(hand(s|ed)?|give(s|n)?) out|issued|complete[ds]?|completing|re-?sign(s|ed)?|sign(s|ed)?|fill(s|ed)? (in|out)|return(s|ed)?|checked|check (your|the) (choices|answers|consent)( with you)?|included in|part of|reviewed with (parents|carers|families|you))\b/;
/** A lapse said of something other than images ("trip consent forms are signed each year"): not the consent for images. */
const otherForm =
  /\b(trips?|outings?|visits?|excursions?|residentials?|medical|medicines?|medication|first aid|sun ?cream|internet|computers?|acceptable use|home[- ]school|e-?safety|online safety|ict|swimming|clubs?|lessons|work placements?|work experience)\b/;

/** Asked or completed once, and no more: "only needs to be completed once", "need only be given once", "is signed once only". */
const onlyOnce =
  /\b(only )?(needs?|has|have|is required|are required) (only )?to be (completed|signed|filled (in|out)|returned|given|granted|provided|done|submitted) (only )?once\b(?! (a|per|each|every|in|more|again)\b)|\bneeds? only (to )?be (completed|signed|filled (in|out)|returned|given|granted|provided|submitted) once\b(?! (a|per|each|every|in|more|again)\b)|\b(is|are|will be) (only )?(completed|signed|given|granted|sought|requested|asked for|collected) (only )?once( only)?\b(?! (a|per|each|every|in|more|again)\b)|\b(you|parents?|carers?|families) (will )?only (need to|have to|be asked to) (complete|sign|fill in|return|give)\b[^.]{0,50}\bonce\b(?! (a|per|each|every|in|more|again)\b)|\b(you|parents?|carers?|families) will only be asked (for (your|their) (consent|permission) )?once\b(?! (a|per|each|every|in|more|again)\b)/;

/**
 * The consent is named for its year: "Annual Photo Consent" (a page's title), "the yearly media consent form". Not a
 * yearly photograph ("consent for the annual school photograph" names the occasion, not how long the answer lasts).
 */
const annualConsent = /\b(annual|yearly) ((photo(graph(y|ic)?)?|image|media|video|filming|picture) )?(consent|permission)/;

/**
 * The carer's answer is what the school follows for one school year: "the media consent selection parents make at
 * registration is the directive the school must follow throughout the year", "your choice applies for the whole school
 * year". The answer is the subject (consent, a choice, a selection), not the photographs ("we take photographs
 * throughout the year").
 */
const forTheYear =
  /\b(consent|permission|choices?|selections?|answers?|preferences?)\b[^.;]*\b(applies|apply|is valid|are valid|remains? (valid|in (force|place|effect))|stands?|(must|will|shall|is to|are to) (be )?(follow(ed)?|honou?red|respected|used)|(is|are) (followed|honou?red|respected)|(stays?|remains?) in place) (for|throughout) the (whole |entire |full |rest of the )?(of the )?(current )?(academic |school )?year\b/;

/**
 * Given once, changed only when the carer writes: "This consent, once given, will be amended or revoked only upon
 * receipt of written notification from the parent", "once given, permission stands until you tell us in writing".
 */
const onceGivenUntilRevoked =
  /\b(consent|permission)s?,? once (given|granted|signed),? (will|shall|is to|can|may)? ?(only )?(be )?(amended|revoked|withdrawn|changed|cancell?ed|altered)\b[^.;]*\bonly (up)?on\b|\b(consent|permission)s?,? once (given|granted|signed),? (will )?(remains?|stands?|continues?|lasts?|(is|will be) valid)\b[^.;]*\buntil\b[^.;]*\b(revoked|withdrawn|withdraws?|cancell?ed|writes|in writing|written|notif(y|ies|ication)|tells? us)\b/;

export const lapse: SentencePattern = {
  name: 'consent is asked again each year, or lasts',
  read: (s) => {
    // "The county model recommends that schools renew consent every year": someone else's advice, not the school's rule.
    if (
      /^(the |our )?([a-z']+ ){0,3}(model|guidance|template|council|authority|ico|dfe|department for education|trust)( [a-z']+){0,3} (recommends?|suggests?|advises?)\b/.test(
        s.lower,
      )
    )
      return [];
    // Negation only where it reaches the lapse: "valid while your child attends, and not used once they have left" lasts.
    // "This form is valid for…" on a page about consent for images: the form is the consent form.
    // (So are "the choices you make" and "your choices", said of the answers on such a page.)
    const consentForm =
      /\b(this|the|our|each) (form|slip|letter)s?\b|\b(a|an) (new|fresh|further) (form|slip)\b|\b(your|the) ((photo(graph)?|image|media|video) )?(choices?|answers?|preferences?)( you (make|made|give|gave|have made))?\b|\bwhat you (say|tell us|choose|decide)\b|\byour (reply |consent |permission )?(slip|form)\b|^answers\b/.test(
        s.lower,
      ) &&
      // (Said under words about consent or images, or under the question it answers: "How long does my consent last?" over
      // "Your choices stay in place…".)
      (/\b(consent|permission|photo(graph)?s?|images?|videos?)\b/.test(
        `${s.heading ?? ''} ${s.title ?? ''} ${s.earlier ?? ''} ${s.lead ?? ''} ${s.question ?? ''}`,
      ) ||
        // (Or a heading, or the question the sentence answers, that asks how long the answer lasts: "How long your answer
        // lasts", "Part 6 – How long your answers last", "How long does my answer last?".)
        [s.heading ?? '', s.question ?? ''].some((asked) =>
          /(^|[-–—:] )how long (does |do |will )?(your|my|the|our) (answers?|choices?|permissions?|consents?)( last| lasts| stands?| apply| applies)?\b/.test(
            asked,
          ),
        ) ||
        // ("How long does this last?" over "Your answers last for as long as your child is with the PRU": the form's own
        // question, when nothing around names another form, "Free school meals", "Home-school agreement".)
        ([s.heading ?? '', s.question ?? ''].some((asked) =>
          /(^|[-–—:] )how long (does |do |will )?(this|it) (last|apply|stand)\b|(^|[-–—:] )how long (this|it) (lasts|applies|stands)\b/.test(asked),
        ) &&
          !otherForm.test(`${s.heading ?? ''} ${s.title ?? ''} ${s.lead ?? ''} ${s.earlier ?? ''} ${s.question ?? ''}`) &&
          !/\b(meals?|dinners?|lunch(es)?|breakfast|uniform|transport|bus|wraparound|after-school|agreements?)\b/.test(
            `${s.heading ?? ''} ${s.title ?? ''} ${s.lead ?? ''} ${s.question ?? ''}`,
          )));
    // "This only needs to be completed once" after "Please complete this form" (on a page or under a heading of consent or
    // images), "Consent need only be given once", "you will only be asked for permission once": one answer for the child's time.
    const formBefore =
      /^(this|it)\b/.test(s.lower) &&
      /\b(form|slip)s?\b/.test(s.previous ?? '') &&
      /\b(consent|permission|photo(graph)?s?|images?|videos?|multimedia|media)\b/.test(`${s.heading ?? ''} ${s.title ?? ''} ${s.previous ?? ''}`);
    if (
      (consentWord.test(s.lower) || consentForm || formBefore) &&
      onlyOnce.test(s.lower) &&
      !/\b(not|never|no longer)\b/.test(s.lower) &&
      !/\b(once|only|need|needs|needed|required)\b/.test(s.negated) &&
      !(otherForm.test(`${s.lower} ${formBefore ? (s.previous ?? '') : ''}`) && !/\b(photo(graph)?s?|images?|videos?|media)\b/.test(s.lower))
    )
      return [{ setting: 'consent.lapse', value: 'never' }];
    if (
      // ("Consent is asked when a child joins. It lasts for the whole time…": "it" is the consent the sentence before names.)
      // (Or "…you fill it in once, and it lasts until your child leaves": the form the sentence before asks consent with.)
      !(
        consentWord.test(s.lower) ||
        consentForm ||
        ((/^(it|this)\b/.test(s.lower) || /\bit (lasts|stays|remains|is valid|stands)\b/.test(s.lower)) && consentWord.test(s.previous ?? ''))
      ) ||
      /\b(valid|force|place|lasts?|stands?|held|cover|covers|apply|applies|renewed|sought|requested|asked|issued|sent|collected|signed|obtained|gathered|gained|consent|permission)\b/.test(
        s.negated,
      )
    )
      return [];
    // "We will not ask you to fill in a new form every year", "every time, not once a year": no yearly asking. A register
    // or a form kept up to date ("the consent list (updated each September…)", "this form … is reviewed each year by the
    // Data Protection Lead", "arranges the annual consent check") renews no carer's answer (keyers: 0 of 6 keyed).
    // Nor does a report to governors that counts withdrawals ("…shall report annually to the Full Governing Body, as part of
    // the safeguarding report, … including the number of consent withdrawals"): the clause is left out and the rest read.
    const report =
      /[^.;,]*\breports? (annually |each year |every year |yearly |once a year )?to (the )?([a-z&]+ ){0,3}(governing (body|board)|governors|board|trustees|committee)\b[^.;]*/;
    if (report.test(s.lower)) {
      const rest = s.lower.replace(report, ' ');
      return /[a-z]{3}/.test(rest) ? lapse.read({ ...s, lower: rest, text: rest }) : [];
    }
    if (
      /\b(not|never|no need to) (ask|be asked|need|have|fill|complete|send|sign|renew|be required|require)\b[^.;]{0,50}\b(every|each|once a) (year|september|academic year|school year)\b|\bnot once a year\b/.test(
        s.lower,
      ) ||
      /\b(consent|permissions?) (list|register|record|log|spreadsheet)s?\b[^.;]{0,40}\b(updated|checked|reviewed|kept up to date)\b|\b(form|policy|procedure)\b[^.;]{0,80}\b(is|are) reviewed (each|every) year\b|\bannual (consent |permission )?checks?\b/.test(
        s.lower,
      )
    )
      return [];
    // What was done before ("(Before 2018 consent was collected each year.)") and what a guidance note says schools may do
    // ("Schools may wish to ask parents to renew consent each year") are not this school's cycle.
    if (
      /^\(?before (19|20)\d\d\b|\b(used to be|was previously|were previously)\b|\b(schools|academies|settings) (may|might|could) (wish|want|choose|decide|like) to\b/.test(
        s.lower,
      )
    )
      return [];
    // "At the start of each academic year permission letters are issued", "consent is requested on an annual basis".
    // In Scotland the school year is the "session": "permission is gathered at the start of each session".
    // "Parents sign a new consent form every year", "a form signed at the beginning of the school year", "a yearly form".
    const yearly =
      /\bannual (data|registration|update|admissions?|check|collection)\b|\b(each|every) (new )?(september|academic year|school year|year)\b|\bon an annual basis\b|\bannually\b|\byearly\b|\bonce a year\b|\b(at|from) the (start|beginning|commencement) of (each|every|the|the new) (new )?(academic |school )?year\b|\b(at|from) the (start|beginning) of (each|every) (new )?(academic |school )?session\b|\b(each|every) (new )?(academic|school) session\b/;
    // Named in the sentence itself: "Consent for trips is valid for one year" on a page of photographs is the trips'.
    if (otherForm.test(s.lower) && !/\b(photo(graph)?s?|photography|images?|pictures?|videos?|media|filming)\b/.test(s.lower)) return [];
    // The yearly word and the asking in the same clause ("Parents sign a home-school agreement each year; photo consent is asked on entry" is no lapse).
    // A yearly photograph is an occasion ("opt out of the yearly class photograph by telling the office"), not a yearly answer.
    const clauses = s.lower
      .replace(/\b(yearly|annual) (school |class |team |individual )?(photo(graph)?s?|pictures?|portraits?|photo day)\b/g, 'the photograph')
      .split(/;|: | but | whereas /);
    if (
      clauses.some(
        (c) =>
          (askVerb.test(c) || /\b(yearly|annual) (consent |permission |photo(graph)? |image )?forms?\b/.test(c) || (optOut.test(c) && optOutVerb.test(c))) &&
          yearly.test(c) &&
          // A yearly reminder to check one's choices ("We will send a reminder each September asking you to check your
          // choices") asks nothing again: the answer stands until changed.
          // (Nor does asking carers to check the answers they gave, "We will ask you to check your choices each September, when
          // we send home the data collection sheet", nor sending them their current choices and asking for changes.)
          // (Nor a sheet that shows the choices held, "…the annual data check sheet, which shows your current choices", a
          // slip sent "with what we hold for your child", or a re-check: the answers stand unless changed.)
          !/\breminders?\b|\bremind(s|ed)?\b|\bso (that )?(you|parents|carers|families|they) can check\b|\b(shows?|showing|lists?|listing) (you )?(your|their|the) (current|existing) (choices|answers|consents?)\b|\bwhat we (already )?(hold|have on record)\b|\bre-?check(s|ed|ing)?\b|\b(ask|asks|asked|invite|invites) (you|parents|carers|families|them) to check (your|their|the) (choices|answers)\b|\b(current|existing) (consent )?(choices|answers)\b[^.;]*\b(asks?|asking) for (any )?changes\b/.test(
            c,
          ) &&
          (consentWord.test(c) || consentForm),
      ) ||
      annualConsent.test(s.lower)
    )
      return [{ setting: 'consent.lapse', value: 'each-september' }];
    // "Photo consent is valid for one academic year", "consent expires at the end of each school year".
    if (
      /\b(valid|in force|lasts?|applies|apply) (for )?(one|a|1|the current|that|each) (academic |school )?(year|session)( only)?\b|\b(expires?|lapses?|ends?) at the end of (each|every|the) (academic |school )?year\b/.test(
        s.lower,
      ) &&
      !/\b(valid|force|lasts?|applies|apply|expires?|lapses?|ends?)\b/.test(s.negated) &&
      // (A session is the Scottish school year, not "a filming session".)
      !/\b(filming|photo(graph(y|ic))?|photo shoot|training|coaching|swimming|class|lesson|video|recording|taster|club) sessions?\b/.test(s.lower)
    )
      return [{ setting: 'consent.lapse', value: 'each-september' }];
    // "The choice you make at registration is followed throughout the school year", "your answer applies for the whole
    // academic year": the answer holds for one school year, so it is asked again the next.
    if (forTheYear.test(s.lower) && !/\b(follow(ed)?|honou?red|respected|valid|applies|apply|stands?)\b/.test(s.negated))
      return [{ setting: 'consent.lapse', value: 'each-september' }];
    // "…remain in force until the beginning of the next academic year".
    if (
      /\b(valid|in force|in place|lasts?|stands?|applies|apply)\b[^.]*\buntil the (beginning|start|end) of the (next|following|current) (academic |school )?year\b/.test(
        s.lower,
      )
    )
      return [{ setting: 'consent.lapse', value: 'each-september' }];
    // "…renewed when a pupil starts Year 7", "reissued at the start of Reception, Year 3, Year 7 and Year 10": asked again
    // as the child moves up a phase.
    const atPhases =
      /\b(renewed|reissued|re-?issued|re-?sought|asked (for )?again|sought again|requested again|sent (out )?again|re-?send|re-?sends|re-?sent|re-?confirmed|re-?collected|re-?check(s|ed)?|refreshed|check (your |their )?(choices|answers|consent|permissions?) again)\b[^.;]{0,40}\b(when (a |the |your |their )?(child|pupil|student)s? (starts?|moves? (up )?(to|into)|enters?|joins?|transfers? to) (year \d+|reception|(primary|p) ?\d+|the (junior|senior|upper|secondary|middle) (school|phase|department))|at the (start|beginning) of (reception|year \d+)(, (year \d+|reception))*(,? and (year \d+))?|on transfer between (phases|key stages))\b/;
    if (
      atPhases.test(s.lower) ||
      // (Not a reminder to check one's choices, nor a sixth former's own form: "When your daughter joins Year 12, we will ask
      // her to complete this form for herself".)
      (askedAtStage.test(s.lower.replace(/\byear 1[23]\b/g, ' ')) && againVerb.test(s.lower) && !/\bremind(s|ed|er|ers)?\b/.test(s.lower)) ||
      /\b(each|every|at the start of (a|each) new|when (a )?(child|pupil)s? (moves?|starts?) (to|in) a new) key stage\b/.test(s.lower) ||
      // "Parents will be asked to complete a new consent form when their child moves from Key Stage 1 to Key Stage 2".
      /\b(new|fresh|another|further) ((consent|permission|photo(graph)?) )?(form|slip)s?\b[^.;]{0,60}\bwhen (a |the |your |their )?(child|pupil|student)s? (moves?|transfers?|goes|progresses?) (up )?(from (key stage|ks) ?\d+ )?(to|into) (key stage|ks) ?\d+\b/.test(
        s.lower,
      ) ||
      /\bagain when (they|your child|the child|pupils?|children) (move|moves|transfer|transfers|go|goes) (up )?(to|into) (the )?(junior|upper) (school|phase|department)\b/.test(
        s.lower,
      )
    )
      return [{ setting: 'consent.lapse', value: 'key-stage-change' }];
    // "This consent, once given, will be changed or revoked only on written notice from the parent": it stands until then.
    if (onceGivenUntilRevoked.test(s.lower) && !/\b(only|revoked|withdrawn|changed|amended|valid|remains?)\b/.test(s.negated))
      return [{ setting: 'consent.lapse', value: 'never' }];
    // "This form is valid indefinitely from the date you sign it", "consent remains in place until you withdraw it": no lapse.
    if (
      /\b(valid|remains? (valid|in (force|place|effect))|lasts?|stands?|applies|apply|continues?( to apply)?) (indefinitely|until (it is |they are |you |parents? |carers? |the parent |a parent )?(withdrawn|withdraws?|revoked|revokes?|cancell?ed|cancels?|tells? us otherwise|informs? us otherwise|notif(y|ies) us otherwise))\b/.test(
        s.lower,
      )
    )
      return [{ setting: 'consent.lapse', value: 'never' }];
    // "…valid for the duration of your child's time at the school".
    if (
      /\b(valid|in force|in place|lasts?|stands?|applies|apply|(is|are) held|will (cover|apply|last)|covers)\b[^.]*\b(for )?the (whole |entire |full )?(duration|length|period) of (your|the|their) (child|son|daughter|pupil|student)'s (time|stay|attendance|education|school (life|career))\b/.test(
        s.lower,
      ) &&
      !/\b(valid|force|place|lasts?|stands?|applies|apply|held|cover|covers)\b/.test(s.negated)
    )
      return [{ setting: 'consent.lapse', value: 'never' }];
    // "…is held for the time that the pupil attends", "…will cover the 7 years that the child is in school".
    if (
      /\b(valid|remains? in (force|place)|stays? in (force|place)|lasts?|runs?|stands?|(is|are) (held|given)|will (normally |usually )?(cover|apply|last|be used)|covers|applies|apply|continues)\b[^.]*\b(for the (duration|length) of (the|their|your) (current )?(course|programme|placement)|until (your (child|son|daughter)|the child|they|he or she|she|he|the pupil|the student) leaves?|(whole|entire) time (at|in) (the )?(school|academy)|(for )?the (whole |entire )?(time|period( of time)?|duration) (that )?(the|your|their) (child|pupil|student) (attends|is at|is in|is a (pupil|student) (at|in)|is with us|is here|remains)|throughout (their|the child's|your child's) time|(for )?as long as (your|the|their|a) (child|pupil|student|learner) (attends|is at|is in|is with|remains at|is a (pupil|student) at|is enrolled (at|in)|is registered (at|with))|(for )?the (whole|entire) of (their|your (child|son|daughter)'s|the child's|his or her|the pupil's) time\b(?! in (years?|key stages?|ks) ?\d)|the (whole|entire) time (you are|you're) (a (pupil|student|learner) )?(here|at|with us|in)\b|\b(your|the|their) (child|son|daughter|pupil|student)'s (whole|entire) time (at|in|with)\b|while (your|the|their) (child|pupil|student) (is (at|in|with)|remains|attends)|the (\w+ )?years? (that )?(the|your|their) (child|pupil|student) (is|spends|attends) (at|in)? ?(the )?(school|academy)?|\b(your|the|their) (child|pupil|student)'s (lifetime|whole time|time|school life) (with us|at (the )?(school|academy|nursery)|here))/.test(
        s.lower,
      ) &&
      // ("…for as long as your child is at Glenmorven, except that…", "…as long as your child is in the same phase": not the child's whole time.)
      !/\bexcept\b|\b(in|within) the same (phase|key stage|department|section)\b/.test(s.lower)
    )
      return [{ setting: 'consent.lapse', value: 'never' }];
    // "Consent remains valid for the whole of a pupil's time at the school unless it is withdrawn", "…lasts until you leave
    // the College", "…will be assumed to continue through the student's time at the academy".
    if (staysForTheirTime.test(s.lower) && !/\b(valid|force|place|effect|lasts?|stands?|continues?|applies)\b/.test(s.negated))
      return [{ setting: 'consent.lapse', value: 'never' }];
    return [];
  },
};

/**
 * A stage of school the answers are asked for or checked again at: "at the start of Year 7", "when they start Reception",
 * "on transfer from the Junior School to the Senior School", "when learners reach the sixth form".
 */
const askedAtStage =
  /\b(at|from) the (start|beginning) of (nursery|reception|year \d+|p\d|primary \d|key stage \d|ks\d)\b|\b(move|moves|moving|transfer|transfers|transferring|progress|progresses)( up)?( from (year \d+|key stage \d|ks\d|reception))? (in)?to (key stage \d|ks\d|year \d+|reception|the senior school|the upper school)\b|\bwhen (they|your child|the child|a child|pupils?|learners?|students?|your (son|daughter)) (start|starts|reach|reaches|enter|enters|join|joins|move|moves|go|goes)( up)?( in)?( to| into)? (reception|year \d+|key stage \d|ks\d|the senior school|the upper school)\b|\bon (transfer|entry|entering)( from the (junior|infant|primary|prep) (school|phase|department))? (in)?to (the )?(senior school|year \d+|upper school)\b|\bon transfer from the (junior|infant|primary|prep) (school|phase|department)\b/;
/** Asked again, checked or a new form given: "we send home the choices and ask parents to confirm or update them". */
const againVerb =
  /\b(ask|asks|asked|send|sends|sent|re-?confirm|re-?confirms|confirm (or (update|change)|your)|reviewed|review|new (consent |permission )?form|fresh (consent |permission )?form|fill in a new|check (your |their )?(choices|answers|consent))\b/;

const whose = String.raw`(?:a|the|their|your|each) (?:child|pupil|student|learner|young person)'s`;
const staysForTheirTime = new RegExp(
  String.raw`\b(valid|remains? (valid|in (force|place|effect)|the same|unchanged)|stays? (valid|in place|the same|unchanged)|lasts?|stands?|covers?|(be assumed to )?continues?|applies)\b[^.;]*\b(until (you|the (pupil|student|learner|child)|your child|they) (leave|leaves)\b|(for|through|throughout) (the (whole|entire) of )?${whose} (time|education) (at|in|with)\b|the (whole|entire) of ${whose} time\b|(for )?the (whole|entire) time (that )?(your|the|their|a) (child|pupil|student|learner) (is|attends|remains)\b)`,
);

/** How long an answer lasts, read from "This form is valid…" on a page that asks carers for consent for images (page.ts knows the page). */
export const formLapse = (s: Sentence): Found[] =>
  /\b(this|the|our) (form|slip)s?\b/.test(s.lower) ? lapse.read({ ...s, earlier: `${s.earlier ?? ''} (consent form for images)` }) : [];
