/**
 * Which kind of concern a text is about (concerns.routes.TYPE), by the words schools use. A sentence that takes its kind
 * from the sentences around it ("the incident", "it", an instruction under a scenario's opening) is read in
 * concerns.context.ts.
 */
import { memoised } from './memo.ts';

/** Kinds of concern by the words schools use; a sentence naming two kinds settles neither. */
export const concernKinds: [string, RegExp][] = [
  [
    'contact-attempt',
    /(friend(ship)?|follow|connection)( or (friend|follow|connection))? requests?|(pupils?|students?|parents?) (tries|try|attempts?) to (contact|message|friend|follow) (me|staff|a member of staff|them|you)\b[^.]*\b(social media|online|personal (accounts?|phones?|email))|(messages?|contact) [a-z ]{0,20}from (a |any )?(current )?(pupil|student|learner|parent)s?\b[^.]{0,30}\b(personal|private) (accounts?|social media|profiles?)|\breport any contact from (a |any )?(current )?(pupil|student|learner)s?\b|(messages?|contact) [a-z ]{0,20}from (a |any )?(current )?(pupil|student|parent)s? (on|via|through|over) (social media|social networking|facebook|instagram|snapchat|twitter|whatsapp|tiktok)\b|"?friend"? or otherwise contact|attempts? to "?friend|attempts? to contact (members of )?staff|\b(pupils?|students?|parents?|carers?|child(ren)?)\b[^.]{0,30}\b(sought|seeks?|tries|tried|try|attempts?|attempted|asks?|asked|wants?|wanted) to (become|be) (your|a|their|my|the) (friends?|followers?|contacts?)\b|\bbefriend(ing)? (of |with )?(a |any )?(staff member|member of staff|members of staff|teachers?|staff)\b|\b(pupils?|children|child|students?) (requests?|asks?|tries|try|attempts?) to befriend\b|contact (members of )?staff through social media|\b(pupils?|students?|parents?|child(ren)?)( or (a )?(pupils?|parents?|students?|carers?))? (contacts?|messages?|befriends?|follows?|adds?) (you|staff|a member of staff|a staff member|members of staff|them)\b[^.;]{0,20}\b(on|via|through) (your |their |an? )?(personal|private|own|social media|social networking|facebook|instagram|snapchat|whatsapp|tiktok)\b|staff (attempt|try) to "?friend|\b(pupils?|students?|child(ren)?|learners?|parents?)\b[^.;]{0,20}\b(attempts?|attempted|tries|tried|try|seeks?|sought|asks?|asked|requests?|requested) to (join|add|access|view|follow|connect with|link with|befriend|message|contact) (a |any )?(staff member|member of staff|teacher|employee|staff members|members of staff)(?:'s|s'|')? (personal |private |own )?(areas?|pages?|profiles?|accounts?|networks?|sites?|spaces?)\b[^.;]{0,30}\b(networking|social media|online|facebook|instagram|snapchat|tiktok)|\b(pupils?|students?|child(ren)?|learners?|parents?)\b[^.;]{0,20}\b(makes?|made|tries to make|attempts? to make) contact with (a |any )?(member of staff|staff member|teacher|members of staff|staff)\b[^.;]{0,40}\b(social media|personal|online|facebook|instagram|snapchat|whatsapp)|\b(staff|members? of staff|teachers?|employees?|you)\b[^.;]{0,20}\b(is|are|who are|who is|being|get|gets) contacted (on|via|through|over) (social media|social networking|facebook|instagram|snapchat|whatsapp|tiktok|a personal account|their personal accounts?) by (a |any )?(current )?(pupil|student|child|learner|parent)s?\b|\b(staff|members? of staff|teachers?|employees?|you)\b[^.;]{0,20}\b(is|are|who are|who is|being|get|gets) contacted by (a |any )?(current )?(pupil|student|child|learner|parent)s?\b[^.;]{0,30}\b(social media|personal (accounts?|social media|profiles?|email|mobile|number)|facebook|instagram|snapchat|whatsapp|tiktok)/,
  ],
  [
    // (The keying guide's other contact: someone a pupil does not know contacting them online.)
    'contact-attempt',
    /\b(someone|somebody|an? (adult|person|stranger)|adults|people|strangers)( unknown)?( (they|he|she|the (pupil|child|student)|your (child|son|daughter)) ((do|does|did) not know|(has|have|had) never met)| unknown to (them|the (pupil|child|student))| (they |he |she )?met (on|at|during) (a |an |the )?(school )?(trips?|visits?|residentials?|outings?|events?|camps?|courses?|holidays?))?( online)? (has |have |had )?(been )?(contacts?|contacted|contacting|messages?|messaged|messaging|approach(es|ed|ing)?|(tries|tried|try|attempts?|attempted|is trying|are trying) to (contact|message|befriend)) (them|him|her|a (pupil|child|student)|pupils|children|students)\b[^.;]{0,20}\b(online|on social media|through (a )?(game|app)s?|on (a )?(game|app)s?)\b|\b(being|been|is|are) contacted (online )?by (someone|somebody|an? (adult|person|stranger)|adults|people|strangers)( (they|he|she) (do|does|did) not know| unknown to them)\b|\bcontact(ed)? (online )?(from|by) (an? )?(unknown adults?|(adult )?strangers?|adults? (they|he|she) (do|does|did) not know)\b|\ba stranger (making|makes|made) contact\b|\b(an? )?(adult|person|stranger) or (an? )?(adult|person|stranger)\b[^.;]{0,20}\bcontact(s|ed|ing)? (them|him|her|a (pupil|child|student)|pupils|children|students)\b|\b(someone|somebody|an? (adult|person)) (you|they|he|she) (do|does|did) not know (is |has |have )?(been )?(contacting|messaging|contacted|messaged|contacts|messages) (you|them|him|her)\b|\b(an? )?(adult|person) (who is )?not known to (the (school|academy)|them|the (pupil|child|student))\b[^.;]{0,20}\b(tries|try|attempts?) to (contact|message)\b|\b(contacted|messaged) (online )?by an? (unknown|strange) (adult|person)\b|\bstrangers? messaging (them|him|her|a (pupil|child))\b|\b(pupils?|students?|child(ren)?|learners?)( is| are| being| has been| have been| was)? contacted (online )?by (an? )?(unknown )?(adults?|strangers?|someone|somebody|person|people)\b|\bgroom(ed|ing)\b|\bin contact with (someone|somebody|an? (adult|person|stranger)|adults|people|strangers) (who|that) (may|might|could|wants? to|intends? to) (harm|hurt|exploit|groom|abuse)\b|\b(an? )?(adult|person|stranger|someone|somebody)\b[^.;?]{0,40}\b(who|that) (the|a|your) (child|pupil|student) (does|do|did) not know\b[^.;?]{0,20}\b(contacted|contacts|messaged|messages|approached|approaches)( them| him| her)?\b[^.;?]{0,30}\b(online|apps?|games?|messages?|social media|internet)\b/,
  ],
  [
    'safeguarding',
    /safeguarding|child protection|\b(online|e-?) ?safety (concerns?|worries)\b|at risk of (significant )?harm|(child|pupil|children|pupils)( is| are| may be| might be| could be)? at risk\b|(welfare|safety) of (a|the|any) (child|pupil)|(child|pupil|student|learner|young person)'s (online )?(welfare|safety)|\b(children's|pupils'|students'|learners') (online )?(welfare|safety)\b|\bonline[- ]safety (incidents?|concerns?) (involving|about|concerning|affecting) (a|any|the) (child|pupil|student|learner)\b|\b(child|pupil|student|young person|children|pupils|students|young people)\b[^.]{0,30}\b(at risk|being harmed)\b|\b(pupil|child|student|young person) (tells|shows|tells or shows|says)\b[^.]{0,40}\b(they are|he is|she is) being harmed\b|\b(suggests?|suggesting|indicates?|means?) (that )?(they|he|she|a child|a pupil|the child|the pupil) (are|is|may be|might be|have|has)( being| been)? harmed\b|\b(worried|concerned|worries (you|them|staff)|think|suspect|believe)( that)? (they|he|she|a child|a pupil|the child|the pupil) (are|is|may be|might be|could be|have been|has been)( being)? (harmed|abused)\b|(welfare|safety) of (a|the|any) student\b|\b(pupil|child|student)s?\b[^.]{0,60}\b(worr(y|ies)|concern(s|ed)?)\b[^.]{0,40}\b(their|his|her) (safety|welfare)\b|\b(concerns?|worried|worries|worry) (them |you |him |her )?(about|regarding|for) (a|the|any|this|that) (child|pupil|student|young person)\b|\b(worried|concerned|(a|any) concerns?) (about|by) (something|anything) (a|the|any|my|your|their|this) (child|pupil|student|young person|learner) (says|does|said|did|has said|has done|writes|wrote|draws|drew|shares|shared|(has )?(seen|said|done|heard)(,? (or |and )?(has )?(seen|said|done|heard)){1,2})\b|\b(worries|worried|concerns|concerned) (them |you |us |me )?about (a|the|any) (child|pupil|student|learner)\b|\bmakes? (us|you|them|staff|me) (feel )?(worried|concerned|think)( that)? (about (them|him|her|a child|the child|a pupil|the pupil)|(a|the) (child|pupil|student) (might|may|could) be at risk)\b|\b(an? |any )(image|photo(graph)?|picture|video)s?( or (an? )?(image|photo(graph)?|picture|video)s?)? of (a |any |the )?(pupil|child|student|learner)\b[^.;]{0,50}\b(has been|have been|is being|are being|was|were) (taken|shared|published|misused|posted|used)\b[^.;]{0,40}\b(inappropriately|without (permission|consent)|in a way|in circumstances)|\b(an? |any )(image|photo(graph)?|picture|video)s? of (a |any |the )?(pupil|child|student|learner)( online)? (that|which) (worries|concerns|gives rise to)\b|^(any )?(concerns?|worr(y|ies)) about (an? |any )(image|photo(graph)?|picture|video) (of a (pupil|child|student)\s*)?(?=[-–—(,])|\bdisclos(ure|ures|es|ed) (of )?(online |sexual |physical )?(abuse|harm)\b|\b(child|pupil|student|young person)s? (discloses?|disclosed|makes? a disclosure)\b|\bsexting\b|\b(youth|self)[- ]produced (sexual )?(imagery|images)\b|\bsexual imagery\b|\bsemi-nudes?\b|\b(child|sexual|physical|emotional|suspected) abuse\b|\babuse (of|towards) (a |any )?(child|pupil|student|children|pupils|students)\b|\bsigns of abuse\b|\b(aware of|know of|knows of|suspect|suspects|suspicion of|suspicions of|witness|witnesses|witnessed) (any )?(abuse|neglect)\b(?! of (the )?(system|network|equipment|ict|internet|technology|computers?|devices?))|\binappropriate contact with (a |any )?(child|children|pupils?|students?|young people)\b|\babuse (or|and) neglect\b|sexual (images|abuse)|\bnudes?\b|radicali[sz]|\b(you|a friend|your friend|a child|a pupil|a student|they)( or (a|your) friend)? (is|are|may be|might be|could be) in danger\b(?! (right )?now)/,
  ],
  [
    'staff-misuse',
    /\b(worried|concerned|concerns?|worr(y|ies)) about (how|what|the way) (a |an |any |another )?(member of staff|colleague|adult from school|teacher|staff member)\b|\b(worried|concerned|concerns?|worr(y|ies)) about (a |an |any )?(member of staff|staff member|colleague)(?=\s*(?:[-,:;.(]|$))|\b(a |an |any )?(colleague|member of staff|staff member)'s (online )?(conduct|behaviour|posts?|messages?)\b|\ballegations? that (a |an |any )?(member of ([a-z]+ )?staff|staff member|colleague|teacher|employee|volunteer)\b|(misuse|inappropriate use|misconduct|breach(es)? of this policy)( of [a-z ]+)?,? (?:(?:either|whether) )?by (a |an |any )?(member of |members of )?(staff|employees?|governors?|the governing body|teachers?|adults|(a )?colleagues?)|allegations? (against|about) (a )?(member of )?staff|\ballegations? (is |are |has been |have been )?(made |raised )(against|about) (a |an |any )?(member of staff|staff member|colleague|teacher|employee|volunteer)\b|\ballegations? (against|about) (a )?colleagues?\b|(staff|employee)('s|s')? (misuse|misconduct)|colleagues? (is |are |has been |have been )?(using|misusing|posting|taking (photos|photographs|pictures|images)|sharing|messaging|contacting|following)\b|\b(images?|photo(graph)?s?|pictures?) of (children|pupils|students)\b[^.;]{0,30}\bon (someone's|a colleague's|a member of staff's|an adult's|a staff member's|another adult's) (own |personal |private )?(devices?|phones?|mobiles?|cameras?)\b|\b(another )?adult (in|at|from) (school|the school|the academy)\b[^.;]{0,20}\b(messag|contact|follow|tak|post|shar)\w*|\b(worried|concerned|concerns?|worr(y|ies)) about (something|anything|what) (a |an |another )?(colleague|member of staff|staff member)\b[^.;]{0,60}\b(has|have|is|are) (done|posted|said|sent|shared|doing|posting|saying|sending|sharing)\b|\b(concern(ed|s)?|worried) about (a |any |the |another )?(colleague|member of staff|teacher|adult)('s)? (use|misuse|conduct|behaviour|posts?|online|messages?|contact)\b|allegations? (that|against|about) (an? |any )?(adult|member of staff|teacher|colleague|employee|volunteer)|(adult|member of staff|colleague|teacher|employee)s?,? [a-z ,]{0,40}(behaved|acted|behaving|acting) inappropriately|(conduct|behaviour) of (a |any )?(member of staff|members of staff|colleague|teacher|employee)s?\b|\b(concerns?|worr(y|ies)|complaints?) (is |are )?(about|regarding|involving|relating to) (a |an |any |the |another )?(member of staff|members of staff|staff member|colleague|employee)\b(?!'s? (own )?(child|children|son|daughter))|(?<!low[- ]level )\b(concerns?|worr(y|ies)|complaints?) (is |are )?(about|regarding|relating to) (staff|staff members'?|colleagues'?)('s?)? (online )?(behaviour|conduct|misconduct)\b|\b(concerns?|worr(y|ies)|allegations?) that (a |an |any |the )?(member of staff|staff member|colleague|teacher|employee|volunteer|supply (worker|teacher))\b[^.;]{0,60}\b(behaved|acted|harmed|has harmed|may harm|posted|contacted|misused)\b|\b(concerns?|concerned|worried|worr(y|ies)|allegations?|suspicions?|suspects?|suspected)( is| are)? that (a |an |any |another |the )?(member of staff|staff member|colleague|teacher|employee|volunteer|adult)\b[^.;]{0,40}\b(has|have|had|may have|might have|is|was) (taken|shared|kept|accessed|made|used|sent|misused|behaved|acted|posted|contacted|been)\b|\b(concern(ed|s)?|worried|worries) about the (behaviour|conduct|actions?|online conduct) of (a |an |any |another )?(member of staff|colleague|adult|teacher|employee)\b|\b(concern|worry) is about (something )?(a |an )?(member of staff|colleague|teacher|adult (in|at|who works))\b|\b(incidents?|concerns?|allegations?|worr(y|ies)|complaints?) (involves?|involving|relates? to|relating to) (a |an |any |the )?(member of staff|staff member|colleague|teacher|employee)\b(?!'s? (own )?(child|children|son|daughter))|\b(concerns?|worr(y|ies)|allegations?|complaints?|anything|something) (is |are )?(about|regarding|against) (a |an |any |the )?adults? (who works?|working) (at|in|for|with)\b|\b(an? )?adult's (online )?(behaviour|conduct) (towards|with|to) (a |any )?(child|pupil|student)\b|\b(monitoring |filtering )?alerts? (about|concerning|involving|relating to) (a |an |any )?(member of staff|staff member|colleague|employee)\b|\b(a |any )?(member of staff|staff member|teacher|adult (at|from|in) (the )?(school|academy))\b[^.;|]{0,20}\b(has )?(contacted|messaged|followed|friended) (you|a pupil|a student|a child|them)\b[^.;|]{0,20}\b(privately|personally|on (a |their |your )?(personal|private) (accounts?|phones?|social media))|\b(concerns?|worr(y|ies)) about an? adult's (online )?(conduct|behaviour)\b|\b(a |an |any )?(member of staff|staff member|colleague|teacher|employee|volunteer) (has|have|had|may have|might have) (harmed|hurt|abused|assaulted) (a |any |the )?(child|pupil|student|children|pupils|students)\b|\b(if|where|when) (a |an |any )?(member of staff|staff member|colleague|teacher|employee|volunteer)\b[^.;]{0,40}\b(is|are|has been|have been) (thought|believed|suspected|alleged|reported|said) to (have )?(taken|shared|kept|accessed|used|misused|sent|behaved|acted|posted|contacted|harmed|photographed)\b|^(\d+(\.\d+)* )?(concerns?|worr(y|ies)|allegations?) (about|against|regarding|involving) staff\b(?!'s\b| (well-?being|welfare|workload|training|absence|illness|(mental )?health|safety|pay)\b)|^(if (it'?s|it is|the (concern|worry) is) )?about (a|an|any) (member of staff|staff member|colleague|adult (working|who works) (in|at|for) [a-z ]+)\s*[:,]|^(\d+(\.\d+)*\.? |[a-z]\d+\.? )?what (if|when|happens if) (it'?s|it is|the (concern|worry) is) about (a|an|any) (member of staff|staff member|colleague|adult (working|who works) (in|at|for) [a-z ]+)\b(?!'s? (own )?(child|children|son|daughter))|\b(worried|concerned|concerns?|worr(y|ies)) about (what |how |the way )?(an|another|any) adult( in school| at school| in the (school|academy)| who works (here|at|in)|\s*[—–:(-]+\s*(a |any )?(colleague|member of staff|staff))|\b(a |an |any )?(member of staff|staff member|colleague|teacher|volunteer) (is |has been )?(has|have|taking|takes|took|has taken|keeps?|keeping|stores?|storing) (photos?|photographs?|images?|pictures?|videos?) of (pupils|children|students|a (pupil|child|student))\b[^.;:]{0,30}\b(personal|own|private) (devices?|phones?|mobiles?|cameras?|laptops?)\b/,
  ],
  [
    // (A phone or camera used against the policy, where no pupil is the one using it: "sees a personal phone or smart watch
    // being used in the rooms", "worried about the way a phone, camera, tablet or Tapestry is being used", "anyone using a
    // phone or camera in a way that breaks this policy": how an adult uses a device.)
    'staff-misuse',
    // (Not one a pupil, a parent or a visitor uses: "…being used by a pupil", "a parent's phone".)
    /^(?!.*\b(pupils?|students?|child(ren)?|learners?|young people)\b[^.;]{0,20}\b(use|uses|using|used)\b)(?!.*\bby (a |an |the |any )?(pupil|student|child|learner|parent|carer|visitor)s?\b)(?!.*\b(parent|carer|visitor)(s'|'s|s)? (own )?(phones?|cameras?|devices?|tablets?)\b).*(\b(personal )?(phones?|cameras?|tablets?|smart ?watch(es)?)\b[^.;]{0,40}\bbeing used (inappropriately|in the rooms|in (a|any) way)|\bthe way (a|the) (personal )?(phones?|cameras?|tablets?|devices?)\b[^.;]{0,40}\b(is|are) being used\b|\busing a (personal )?(phone|camera|device)( or (a )?(camera|phone|tablet))? in a way that (breaks|goes against|is against|breaches)\b)/,
  ],
  [
    'inappropriate-content',
    /inappropriate (website |online )?content|unsuitable (content|material|websites?|sites?)|\b(unsuitable|inappropriate|harmful|upsetting) (or|and) (unsuitable|inappropriate|harmful|upsetting|distressing|offensive|violent|sexual) (content|material|images|websites?|sites?)\b|\b(sees?|saw|seen|is shown|are shown|accesses|accessed) (something )?(unsuitable|inappropriate)\b(?! (behaviour|contact|messages?|relationships?))|\b(content|something|anything|material|a (site|website|page|video|image)) that should (have been |be )(blocked|filtered)\b|\b(exposed to|sees?|saw|seen|view(s|ed)?) (harmful|upsetting|distressing|violent|sexual|disturbing) (content|material|images|videos?)\b|\b(sees?|seen|saw|seeing|finds?|found|finding|comes? across|came across|coming across|encounters?|encountered|views?|viewed) (something|anything|material|content|a (website|site|page|picture|image|video))( online)? ((upsetting|unsuitable|inappropriate|harmful|distressing|disturbing|frightening|scary|rude|nasty|unpleasant)\b|(they|he|she|you|pupils|children|students) (shouldn't|should not|ought not to)(?=\s*($|[.,;:!?)]|(on|in) (a|an|the|their|school)( [a-z-]+)? (device|ipad|laptop|computer|chromebook|tablet|screen)s?\b|online\b|(see|have seen|view|access|be (on|looking at|watching|seeing))\b)))|\b(sees?|seen|saw|finds?|found|comes? across|came across) (something|anything)( online)? that ((has |have )?(upset|upsets|frightens?|frightened|scares?|scared|disturbs?|disturbed)|makes (them|you|me|him|her) (feel )?(upset|uncomfortable|worried|scared|unsafe))\b(?! (them |you |him |her |us )?about (a|the|any) (child|pupil|student|learner))|(offensive|harmful|upsetting|inappropriate) (material|websites?|sites?)|(?<!\b(take|takes|taking|took|taken|make|makes|making|made|record|recording|recorded) )(offensive|harmful|upsetting|inappropriate) images|\b(obscene|objectionable|pornographic|distressing|disturbing) (material|content|images|websites?|sites?)|\b(accidental(ly)?|inadvertent(ly)?) (access(ing|es|ed)?|view(ing|s|ed)?|visit(ing|s|ed)?|(comes?|came|coming) across|(finds?|found|finding))\b|\b(has )?(seen|sees|saw) something (violent|sexual|upsetting|frightening|disturbing|inappropriate|unsuitable)\b|\bfilter(ing)? failures?\b|\b(sites?|websites?|pages?|content|material) (that|which) should (have been |be )?(blocked|filtered)\b|^harmful content$|\b(something|anything|content|material|a (video|picture|image|site|website|page|pop-up|advert)|an? (unsuitable|inappropriate) [a-z]+)( [a-z]+)? (gets?|got|getting|slips?|slipped|slipping|comes?|came) (through|past) (the )?(school's |web |internet )?(filter|filtering)\b/,
  ],
  [
    'disparaging-content',
    /disparag|reflects? poorly on|\b(something|anything|content|material|comments?) (posted|written|said|shared) about the (school|academy)\b|\b(offensive|negative|abusive|derogatory|upsetting|malicious|unkind|defamatory|threatening) (comments?|posts?|content|messages?|remarks?) about (the )?(school|academy|staff|members? of staff|teachers?|a member of staff|a teacher|colleagues?)\b|\b(pupils?|students?|parents?|carers?|somebody|someone|anyone|a member of the public)\b[^.;]{0,20}\bpost(s|ed|ing)? (something|anything|content|comments?|material|messages?)( [a-z]+){0,2} about (them|you|staff|a member of staff|members of staff|teachers?|a teacher|the school)\b|\b(staff|members? of staff|teachers?|employees?|colleagues?)\b[^.;]{0,30}\b(the subject of|targeted by|victims? of) (online )?(abuse|harassment|trolling)\b|\b(staff|members? of staff|teachers?|employees?)\b[^.;]{0,30}\b(targeted|abused|harassed|trolled) online\b|(negative|derogatory) (comments?|posts?|content) about the school|\b(inappropriate|offensive|negative|abusive|derogatory|upsetting) (content|comments?|posts?|material) about the school\b|\b(a|any|the) ((negative|offensive|inaccurate|abusive|critical|untrue|hostile|unkind|derogatory|defamatory),? (or )?)*((social media|online) )?(posts?|comments?)( or (comments?|posts?|accounts?))?( (online|on social media))? (about|criticising|critical of) (the |our |an? )?(school|academy|nursery|setting|trust|service|college|centre)\b|\b(anything|something|content)( (they|you|staff) (see|find))? (posted|written|said|shared)( online| on social media)? about (the |our )?(school|academy|nursery|setting|trust|service|college|centre)\b|\bposts? (appears? )?(online )?(that|which) (names?|criticises|is critical of|mentions?)( or (is critical of|criticises|names?))? (the )?(school|academy)\b|\b(posts?|comments?|pages?|content)\b[^.;]{0,60}?\b(about|concerns|concerning|criticis(e|es|ing)|critical of) (the |our |an |its |themselves or the )?(school|academy|nursery|setting|college|staff|members? of staff|a member of staff|colleagues?)\b[^.;]{0,80}?\b(offensive|untrue|false|abusive|threatening|defamatory|derogatory|inaccurate|malicious|harmful|critical|negative|damag(e|ing)|worr(y|ies)|concerns? (them|you))\b|\b(offensive|untrue|false|abusive|threatening|defamatory|derogatory|inaccurate|malicious|negative|critical)( or [a-z]+)? (posts?|comments?|content) about (the |our )?(school|academy|staff|a member of staff)\b|\bonline (abuse|harassment|trolling) of (staff|members? of staff|teachers?|colleagues?)\b|\b(posts?|comments?|content|material)\b[^.;]{0,20}\babout (them|themselves|you|yourself)\b[^.;]{0,50}\b(colleagues?|school|academy)\b[^.;]{0,10}\b(that|which) (are|is) (abusive|threatening|offensive|defamatory|derogatory|malicious)\b|\bposts? (that|which) (criticise|criticises)( or identify)? (staff|the school|a member of staff)\b|\b(abus(e|ive)|threatening|offensive|harass(ment|ing)?)\b[^.;]{0,30}\b(posts?|comments?|messages?)\b[^.;]{0,10}\bby (a |any )?(parents?|carers?|members? of the public)\b|\babuse of (staff|teachers?|members? of staff) by (parents?|carers?|pupils?|students?)\b|\b(parents?|carers?) post(s|ing)? about the (school|academy|staff)\b|\bpretends? to be (us|the (school|academy))\b|\b(online |social media )?comments? (about|on) (the |an? )?(school|academy|trust|staff|a member of staff)\b[^.;]{0,60}\bposted by (parents|carers|others|members of the public)\b|\bonline comments? about (the |our )?(school|academy|trust|staff)\b(?=[^.]*\b(complain\w*|negative|critical|criticis\w*|abusive|offensive|hostile|untrue|defamatory|upsetting)\b)|\bcomments? by (parents|carers) on social media about (the |our )?(school|academy|trust)\b|\bcriticism of (the |our )?(school|academy|trust|staff)\b[^.;]{0,30}\b(online|on social media)\b|\b(members? of staff|staff members?|staff|teachers?|colleagues?|employees?)\b[^.;]{0,40}\bthe (subject|target) of (abusive|upsetting|offensive|threatening|defamatory|hostile)( or [a-z]+)? (comments?|posts?|messages?)\b|\bposts? (that|which) (are|is) (defamatory|abusive|offensive|threatening|untrue|malicious) about (the |our )?(school|academy|trust|staff)\b|\b(being |is )?(unkind|rude|nasty|abusive|offensive) (online |on social media )?about (the |our )?(school|academy|staff|members? of staff|a member of staff|teachers?|a teacher)\b|\b(staff|members? of staff|teachers?|colleagues?|employees?)\b[^.;]{0,40}\b(targets?|victims?) of (online )?(abuse|harassment|trolling) (online )?by (students?|pupils?|parents?|carers?)\b|\bposts? (criticising|critical of) (a |the |our )?(named )?(members? of staff|staff|teachers?|school|academy)\b|\b(posts?|comments?)\b[^.;]{0,30}\b(that|which) (are|is) (defamatory|abusive)\b[^.;]{0,40}\b(staff|school|academy)\b/,
  ],
  [
    'media-enquiry',
    /contacted (by [a-z ]+ )?for (a )?comments?|\brequests? from (the )?(local |national )?(press|media|newspapers?|journalists?|tv|television|radio)\b|\b(journalists?|reporters?|the press|the media|newspapers?)( or (a |the )?(journalists?|reporters?|press|media|newspapers?))? (contacts?|approach(es)?|calls?|phones?|rings?|asks?)\b|(press|(?<!social[- ])media|journalist)s?('s)? (enquir|inquir|request)|\bapproach(es)? from (the |a )?(press|media|journalists?|newspapers?|reporters?)\b|\bcontacted by (a |the |any )?(journalists?|reporters?|newspapers?|press|media)\b|(enquir|inquir)(y|ies) from (the )?(press|media|journalists?)|approached by (the )?(press|media|a journalist)|contact (from|by) (the )?(press|media|journalists?)|\b(enquir|inquir)(y|ies) from (a|an|any|the) (local |national )?(journalists?|reporters?|newspapers?|broadcasters?|radio station|tv company)\b|\b(calls?|approach(es)?) from (a |an |any |the )?(local )?(newspaper|journalist|reporter|tv company|television company|radio station)s?\b|\b(a|any) (journalist|reporter|newspaper)(, [a-z ]{1,30})*,? or [a-z ]{1,30} (contacts?|approach(es)?|calls?|phones?|rings?)\b|\b(enquir(y|ies)|inquir(y|ies)|requests?|calls?|emails?|visits?|contact|approach(es)?) from (a |an |any |the )?(local |national )?(newspapers?|journalists?|reporters?|broadcasters?|radio( stations?)?|television|tv( companies| company)?)\b|\b(journalists?|reporters?|newspapers?)\b[a-z ,]{0,40}\b(who (contact|approach|call|phone)|gets? in touch|(contacts?|approach(es)?) (a |any )?(member of staff|staff|the school))\b/,
  ],
  [
    'cyber-bullying',
    /cyber[- ]?bull(ying|ied)|online bullying|bullying online|bullied online|\bbull(y|ied|ying)( or bull(y|ied|ying)( others)?)?,? online\b|\b(being )?(unkind|nasty|mean) (to (them|you|him|her|others|other (pupils|children|students)) )?,?(online|on social media|in (a |the )?(group )?chats?)\b|\bunkind (messages?|comments?|posts?)( or (images|pictures|photos))? (are |is )?(sent|shared|posted)\b|\bbull(y|ying|ied) (via|by|on|through|using|over) (a )?(phones?|mobiles?|texts?|social media|messages?|messaging|apps?|gaming|games?|group chats?)\b|\bunkind (messages|posts)( or [a-z]+)? between (pupils|students|children)\b|\b(unkind|hurtful|nasty|mean|cruel)( or (unkind|hurtful|nasty|mean|cruel|upsetting))? (behaviour|messages|comments|posts)( or [a-z]+)? (between|among|amongst) (pupils|students|children)\b[^.;?]{0,40}\b(online|apps?|online games?|gaming|group chats?|social media|messaging)\b|\b(pupils?|children|child|students?|learners?)\b[^.;]{0,30}?\b(unkind|nasty|mean|cruel) to (another|each other|one another)( (child|pupil|student|learner|person))?,? (online|on social media|in (a |the )?(group )?chats?|in (online )?games|while gaming)\b/,
  ],
  [
    'community-post',
    /\b(parents?|carers?|families|family members|community members?|members? of the (public|community)|visitors?)\b[^.;]{0,20}\b(posts?|posted|posting|shares?|shared|sharing|uploads?|uploaded|uploading|puts?|putting) (a |any )?(photo(graph)?s?|images?|pictures?|videos?|footage)\b[^.;]{0,40}\b(other (children|pupils|students)|children|pupils|students)\b|\b(posts?|comments?|photo(graph)?s?|images?) (about|of) (a |the |our )?(pupils?|child(ren)?|students?)\b[^.;]{0,30}\b(community|local|parents'?|village|class) (facebook |whatsapp )?(groups?|pages?|chats?)\b|\bpost about (a |the )?(pupil|child|student)\b[^.;]{0,40}\b(community|local|parents'?) (facebook |whatsapp )?(groups?|pages?)\b|\b(parents?|carers?)\b[^.;]{0,10}\bpost(s|ed|ing)? (photos?|pics|pictures|images|videos?|footage)( or (photos?|pics|pictures|images|videos?|footage))? (of|from) (a |the )?school (events?|trips?|performances?|plays?|concerts?|assembl(y|ies)|sports days?)\b|\bphoto(graph)?s? of (a |any |one of our )?(pupils?|child(ren)?|students?)\b[^.;]{0,20}\b(posted|appears?|appeared|uploaded|shared)\b[^.;]{0,30}\b(online|on (a |any )?(public )?(websites?|social media|facebook))\b(e\.g\.|[^.;]){0,40}\bparents?('s|s'|')? (own )?(facebook|pages?|accounts?|groups?|whatsapp|instagram|tiktok|social media|posts?)\b|\b(find|see|finds|sees|found|saw) (a |any )?photo(graph)?s? of (a |any |one of our )?(pupils?|child(ren)?|students?) on (a |any )?(public )?(websites?|social media|facebook)\b(e\.g\.|[^.;]){0,40}\bparents?('s|s'|')? (own )?(facebook|pages?|accounts?|groups?|whatsapp|instagram|tiktok|social media|posts?)\b/,
  ],
  [
    // A worry a parent brings, as staff route it: "Where a parent or carer raises a concern about images, it should be passed
    // to the Vice Principal", "Concerns about the welfare of a student raised by a parent or carer are passed to…". (A page
    // telling families whom to speak to is advice, which keyers mostly leave unkeyed: 17 of 29 such sentences in sessions
    // 15 and 16.)
    'raised-by-carer',
    /\b(a |any )?(parents?|carers?)( or (a )?carers?)? (raises?|raised|brings?|has|have) (a |any )?(concerns?|worr(y|ies)|complaints?)\b|\b(concerns?|worr(y|ies)|complaints?)\b[^.;]{0,60}\b(raised|brought) by (a |any )?(parents?|carers?)( or (a )?carers?)?\b|\b(a )?(parents?|carers?) complains?\b|\b(a |any )?(parents?|carers?)( or (a )?carers?)? (rings?|phones?|calls?|emails?|contacts?|tells?) (the )?(school|office|us|reception|a member of staff|staff|you)\b[^.;]{0,20}\b(to say|about|with a|because|that)\b/,
  ],
  [
    'filter-circumvention',
    /(circumvent\w*|bypass\w*|(get|gets|got|getting) (round|around)) [a-z' ]*(filter|firewall)|\b(filter\w*|firewall)\b[^.;]{0,120}\b(attempted|attempts? (to|at)|any|suspected) (bypass\w*|circumvent\w*|get(ting)? (round|around) (it|them)\b)/,
  ],
];

/** "Designated Safeguarding Lead" names a person, and "the Safeguarding Policy" a document, not a safeguarding concern. */
function personsAndPolicies(text: string): string {
  return (
    text
      .replace(
        /designated safeguarding (lead|leader|officer|person|teacher)s?|child protection (lead|officer|co-?ordinator)s?|safeguarding (lead|team)s?/g,
        'dsl',
      )
      // "Link governor for safeguarding", "safeguarding training": a post and a course, not the concern. (Not "record it on
      // the safeguarding log": where a concern is recorded says what kind it is, 2 of 3 times in the keyed sets.)
      .replace(
        /\b(safeguarding|child protection) (training|audits?|governors?|trustees?)\b|\b(governors?|trustees?|lead|leads|responsibility|responsible) for (safeguarding|child protection)\b/g,
        'the other record',
      )
      // "In line with the Safeguarding Policy" names a document, not the concern.
      .replace(/(safeguarding|child protection)( and (safeguarding|child protection))? (polic(y|ies)|procedures?)/g, 'the other policy')
  );
}

/** The one kind a sentence is about, or null (none or several). */
export const concernKind = memoised(kindOfText);

function kindOfText(text: string): string | null {
  // ("…tell the Computing Lead straight away, then tell the DSL if there is any safeguarding side to it": a kind on a
  // condition after the telling is not what the sentence is about.)
  // ("Online bullying with no wider safeguarding worry": the kind said not to be there is taken out first.)
  const lower = personsAndPolicies(text)
    .replace(noSafeguarding, ' ')
    .replace(
      /(\b(?:tell|tells|inform|informs|report|reports|let|lets)\b[^.;]*?)\b(?:if|where|unless) there (?:is|are|may be) (?:any|a|an|some)\b[^,;.]*/g,
      '$1',
    );
  // ("Inappropriate (but not illegal) content": an aside inside the words that name the kind.)
  const named = kindsIn(lower);
  const kinds = named.length || !lower.includes('(') ? named : kindsIn(lower.replace(/\s*\([^()]{1,30}\)/g, ''));
  // "If a parent contacts you through your personal Facebook about school, … pass it on to me": a parent's message about
  // school is school business sent to the wrong place, not a pupil's attempt at contact (keyers left it unkeyed). (A parent
  // who tries to friend or message a member of staff, with no business named, still is.)
  if (
    kinds.includes('contact-attempt') &&
    /\babout (the )?(school|academy|nursery)\b(?! (accounts?|pages?|business)| or\b)/.test(lower) &&
    !/\bwhether about\b/.test(lower) &&
    /\b(parents?|carers?|families)\b[^.;]{0,20}\b(contacts?|contacted|messages?|messaged|tries|try|attempts?)\b[^.;]{0,20}\b(you|staff|a member of staff|a staff member|me)\b/.test(
      lower,
    ) &&
    !/\b(pupils?|students?|child(ren)?|learners?|young (people|person)|someone|somebody|strangers?|adults?)\b/.test(lower)
  )
    return null;
  // "Any illegal, inappropriate or harmful material or incident": material and any incident, several kinds at once.
  if (
    /\b(material|content|images?)( or (any )?(incidents?|behaviour|concerns?|messages?))\b/.test(lower) &&
    kinds.length === 1 &&
    kinds[0] === 'inappropriate-content'
  )
    return null;
  // "Inappropriate content about the school": what it is about makes it disparaging, not unsuitable material a pupil met.
  if (kinds.length === 2 && kinds.includes('disparaging-content') && kinds.includes('inappropriate-content') && /\babout the school\b/.test(lower))
    return 'disparaging-content';
  // "Someone is being unkind online about the school": unkind about the school, not to a pupil.
  if (
    kinds.length === 2 &&
    kinds.includes('disparaging-content') &&
    kinds.includes('cyber-bullying') &&
    /\b(unkind|rude|nasty|abusive|offensive) (online |on social media )?about (the |our )?(school|academy)\b/.test(lower)
  )
    return 'disparaging-content';
  if (kinds.length > 1) {
    // "Any safeguarding concern, including a disclosure, a pupil contacted by an unknown adult online, or a pupil exposed to
    // harmful content, must be reported to the DSL": a safeguarding concern, with its examples (exampleKinds). So is a
    // bracket's list after it, "If there is any safeguarding element (nudes, threats of self-harm, grooming…), the DSL
    // must be told".
    const safeguardingWithout = (examples: RegExp) => {
      const left = kindsIn(lower.replace(examples, ' '));
      return left.length === 1 && left[0] === 'safeguarding';
    };
    if (safeguardingWithout(exampleSpan) || safeguardingWithout(/\s*\([^()]*\)/g)) return 'safeguarding';
  }
  if (kinds.length > 1) {
    // The kind the sentence is about, not one named in an example or on a condition: "Concerns about a member of staff's use
    // of social media are reported to the Headteacher … and, if a child may be at risk, with the LADO"; "an online safety
    // concern about a pupil (for example, seeing a post about a pupil on a community Facebook group)".
    const main = withoutAsides(lower);
    if (main !== lower) {
      const left = kindsIn(main);
      if (left.length === 1) return left[0];
    }
  }
  // "Concerns about how an adult who works at our school behaves towards children (messages, friend requests…)": friend
  // requests as an example of a member of staff's conduct are that conduct, not a pupil's attempt at contact.
  if (kinds.length === 1 && kinds[0] === 'contact-attempt') {
    const main = withoutAsides(lower);
    if (main !== lower && !kindsIn(main).length && staffSubject.test(main)) return /\blow[- ]level\b/.test(main) ? null : 'staff-misuse';
  }
  // "…someone they do not know has contacted them online: this is a safeguarding matter and goes to the DSL": the concern
  // is the contact; "a safeguarding matter" says how it is handled.
  if (kinds.length === 2 && kinds.includes('safeguarding')) {
    const left = kindsIn(lower.replace(classedAsSafeguarding, ' '));
    if (left.length === 1 && left[0] !== 'safeguarding') return left[0];
  }
  // "…that a member of staff, volunteer or visitor has shared images of pupils": adults working in the school first, the
  // visitor beside them; not a parent's post in the community.
  if (
    kinds.length === 2 &&
    kinds.includes('staff-misuse') &&
    kinds.includes('community-post') &&
    /\b(members? of staff|staff members?|colleagues?|employees?),? (a |any )?(volunteers?,? )?(or |and )?(a |any )?(visitors?|volunteers?)\b/.test(lower)
  )
    return 'staff-misuse';
  // "Concerns about the welfare of a student raised by a parent or carer": the route is the one for a parent's worry.
  // ("A parent raises a concern about the behaviour of a member of staff": the concern's own kind.)
  if (kinds.length === 2 && kinds.includes('raised-by-carer')) {
    const other = kinds.find((k) => k !== 'raised-by-carer')!;
    return other === 'safeguarding' || other === 'inappropriate-content' ? 'raised-by-carer' : other;
  }
  return kinds.length === 1 ? kinds[0] : null;
}

/**
 * Examples a sentence lists: "…concern, including a, b, or c, must be…", "(this includes things like a stranger messaging
 * them, …)", "- for example being contacted by an adult they do not know, … -". Up to the bracket or dash that closes
 * them, else the verb that follows.
 */
const exampleSpan =
  /(?:,\s*|\s[-–—]\s*|\s?\(\s*)(?:(?:including|for example|for instance|such as|this includes(?: things like)?)\b|e\.g\.)[^()]*?(?=\)|\s[-–—]\s|,? (?:must|should|will|shall|needs? to)\b|, (?:is|are|this is|they must|staff must|you must|report|tell)\b|$)/g;

/**
 * The kinds a safeguarding sentence gives as its examples, which keyers give the same route: "Any safeguarding concern,
 * including … contacted by an unknown adult online … or exposed to harmful content, must be reported to the DSL" routes
 * contact from strangers and harmful content to the DSL too. Only when the sentence without its examples is about
 * safeguarding alone.
 */
export function exampleKinds(text: string): string[] {
  const lower = personsAndPolicies(text);
  const examples = lower.match(exampleSpan);
  if (!examples) return [];
  const left = kindsIn(lower.replace(exampleSpan, ' '));
  if (left.length !== 1 || left[0] !== 'safeguarding') return [];
  // ("…(including grooming, …, or serious cyberbullying)": the worst of a kind is the safeguarding sort of it, not its route.)
  return kindsIn(
    examples
      .join(' ')
      .replace(/\bgroom(ed|ing)\b/g, ' ')
      .replace(/\b(serious|severe|extreme|persistent|sustained) (cyber-? ?bullying|online bullying|bullying online|bullying)\b/g, ' '),
  ).filter((k) => k !== 'safeguarding' && k !== 'raised-by-carer');
}

/** "Online bullying with no wider safeguarding worry", "Phone misuse (not safeguarding)": a kind said not to be there. */
const noSafeguarding =
  /\b(?:is|are) not (?:usually |normally |in itself |of itself )?(?:a |an )?(?:safeguarding|child protection) (?:concerns?|matters?|issues?)\b|\b(?:with |where there is |there is )?no (?:wider |other |obvious |further )?(?:safeguarding|child protection) (?:worry|worries|element|concerns?|side|issues?|aspects?|risks?|dimension)\b|\(not (?:a )?(?:safeguarding|child protection)(?: concern| matter| issue)?\)|\bwithout (?:any )?(?:safeguarding|child protection) (?:worry|worries|element|concerns?|side|issues?|aspects?|risks?)\b|\b(?:do|does|did|will|would) not (?:raise|involve|amount to|indicate|reach) (?:a |an |any )?(?:safeguarding|child protection)(?: (?:concerns?|worr(?:y|ies)|matters?|issues?|threshold|element))?\b/g;

/**
 * A sentence without its asides: brackets, examples ("for example …", "e.g. …", "including …") and conditions of their
 * own ("if there is any safeguarding side to it"), and a kind said not to be there ("which does not raise a child
 * protection concern").
 */
function withoutAsides(lower: string): string {
  return (
    lower
      .replace(/\([^()]*\)/g, ' ')
      .replace(/[,;]\s*(?:and |or |but )?(?:(?:if|where|when|unless|including|for example|such as)\b|e\.g\.)[^,;]*(?=[,;]|$)/g, ' ')
      // (Not the sentence's own subject: "Where there is a concern that a member of staff has…".)
      .replace(
        /\b(?:if|where|unless) there (?:is|are|may be) (?:any|a|an|some)\b(?! (?:concerns?|worry|worries|allegations?|suspicions?) (?:that|about)\b)[^,;.]*/g,
        ' ',
      )
      .replace(/\s*[-–—]\s*(?:(?:including|for example|such as)\b|e\.g\.)[^-–—|]*(?:[-–—|]|$)/g, ' ')
      .replace(/\b(?:which |that |who )?(?:do|does|did|will|would) not (?:raise|involve|suggest|amount to|meet|indicate|reach)\b[^,;.]*/g, ' ')
  );
}

/** A member of staff or another adult working in the school as what a sentence is about. */
const staffSubject = /\b(members? of staff|staff|volunteers?|colleagues?|employees?|adults? who (works?|volunteers?))\b/;

/** Whether the text names any kind of concern. */
export const namesAKind = memoised((text: string) => concernKinds.some(([, pattern]) => pattern.test(text)));

/** Each kind whose words the (normalised) text has, once. */
const kindsIn = (lower: string) => [...new Set(concernKinds.filter(([, pattern]) => pattern.test(lower)).map(([kind]) => kind))];

/** "…is treated as a safeguarding concern", "…counts as a child protection matter": how a concern is handled. */
export const classedAs = (handled: string) =>
  String.raw`(is|are|will be|must be|should be|counts as|count as)( always| then)? ?(${handled})? ?(as )?(a |an )?(safeguarding|child protection) (concerns?|matters?|issues?|incidents?)\b`;

const classedAsSafeguarding = new RegExp(
  // ("…this is reported to the DSL as a safeguarding concern": how the concern is handled too.)
  String.raw`\b(this|it|which|these|they)? ?${classedAs('treated|dealt with|handled|managed|regarded|recorded')}|\b(is|are|will be|must be|should be) (reported|passed|referred)( to (the )?[a-z ]{1,30}?)? as (a |an )?(safeguarding|child protection) (concerns?|matters?|issues?)\b`,
  'g',
);

/** Sorts of safeguarding concern that a school may route faster than the kind as a whole. */
const narrowSort =
  /\b(semi-?nudes?|nudes?|nude (or semi-nude )?(images?|pictures?|photos?)|sexting|intimate images?|indecent images?|child abuse images?|radicali[sz]\w*|extremis\w*)\b/;
/**
 * One sort of safeguarding concern (nudes, radicalisation) as what a text is about, not the kind as a whole nor one
 * example among others: "(grooming, nudes)", ", including …" and "– for example …" are taken out first.
 */
export function oneSortOf(text: string): boolean {
  const own = text.replace(/\([^()]*\)/g, ' ').replace(/[,;–—-]\s*((including|for example|such as|for instance)\b|e\.g\.)[^;–—]*/g, ' ');
  return (
    narrowSort.test(own) &&
    !/\b(any|all|other) (other )?(safeguarding|child protection) (concerns?|matters?|issues?)\b/.test(own) &&
    // ("Alerts that suggest a risk to a student's safety or of radicalisation": the kind as a whole, with one sort beside it.)
    !/\b(a |any )?risks? to (a |the |any )?(child|pupil|student|learner|young person)('s|s')? (safety|welfare)\b/.test(own)
  );
}
