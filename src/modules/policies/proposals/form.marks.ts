/**
 * A consent form's rows the carer marks (issue 19): "A1. Displays around the school …" then "☐ YES ☐ NO", "3. Photos on
 * the school website ........ YES / NO", "| 4 | Photographs of my child on displays … | ☐ | ☐ |". Each marked row that
 * is about the child's image asks about the uses it names, whatever sentence (if any) asks for consent around it: forms
 * ask in many ways, or only by the marks.
 *
 * Never a guess: two marked rows at least, on a page that asks consent for images (or with a row about them) and states
 * no opt-out; a row under a negation, a row about parents' own photographs, and a use the page runs on another basis (no
 * consent, opt-out) ask about nothing.
 */
import { namedUses } from './consent.uses.ts';
import { otherBases, pageWideOptOut } from './page.opt-out.ts';
import { formRow, images, othersSubject } from './page.words.ts';
import type { StructuralFound } from './structure.ts';
import type { Sentence } from './text.ts';

/** Marks only: "☐ YES ☐ NO", "Yes / No", "[ ] Yes [ ] No", a table's boxes, a Welsh form's "Ydw / Yes ☐ Nac ydw / No ☐". */
// (A form in two languages marks each answer in both, "[ ] Yes / Tak   [ ] No / Nie": a short line of boxes with yes and no.)
const marksOnly = (lower: string) =>
  !lower.replace(/\b(yes|no|ie|na|ydw|nac|oes|y|n|i (do not |don't )?(agree|consent)|(do not |don't )?(agree|disagree|consent))\b|[\s[\]☐□❑|/.…]/g, '') ||
  (/[[☐□❑]/.test(lower) &&
    /\byes\b/.test(lower) &&
    /\bno\b/.test(lower) &&
    // (Not a row short enough to look like one, "On the school website [ ] Yes [ ] No": a word for each answer at most.)
    lower
      .replace(/[[\]☐□❑|/]|\b(yes|no)\b/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean).length <= 2);

/** A box before a task to do, in the imperative: a checklist's line, not a form's question. */
const checklistTask =
  /^\s*(\[ ?[x✓]?\]|[☐□❑])\s*(\d{1,2}[.)]\s*)?(phone|ring|call|tell|email|e-mail|lock|check|send|brief|inform|record|log|write|prepare|update|contact|confirm|notify|remove|hold|make|keep|agree|draft|issue|review|arrange|alert|secure|close|switch|turn|take|save|print|file|book|share|put|set up|post|resume|report|pause|stop|delete|hide|monitor|ask|give|follow|escalate|debrief|decide|meet|speak)\b/;

/**
 * A page whose boxes are mostly tasks to do is a checklist ("[ ] 17. Daily check-in call with the press office"): none of
 * its lines asks a carer anything.
 */
export function checklistPage(sentences: Sentence[]): boolean {
  const boxed = sentences.filter((s) => /^\s*(\[ ?[x✓]?\]|[☐□❑])/.test(s.lower));
  return boxed.length >= 3 && boxed.filter((s) => checklistTask.test(s.lower)).length * 2 >= boxed.length;
}

/** What an incident log's boxes name: "[ ] cyberbullying", "[ ] contact from unknown adult". */
const incidentKind =
  /\b(cyber-?bullying|bullying|unsuitable content|extremist|nude|semi-nude|grooming|(contact|message)s? from (an? )?(unknown|stranger)|viral|self-harm|radicali[sz]\w*|(incident|concern) (type|category))\b/;

/** A first-person line that gives no consent, a task marked done, or a concern checked: no question about a use. */
const pledgeOrCheck = (text: string) =>
  (/^[\s[\]☐□❑|\d.)]*i (have|will|understand|know|am aware|agree to (follow|support|abide))\b/.test(text) &&
    !/\b(consent|permission|happy for|agree (to|that) (my|our) (child|son|daughter)|allow (my|our))\b/.test(text)) ||
  /\b(checked|sent|completed|done|logged|recorded|reported|uploaded) (against|to|on|in|with)\b/.test(text) ||
  // (A checklist's question about a concern, "Any concern about staff conduct today (incl. phones, social media…) [ ]".)
  (/\b(concerns?|incidents?|worr(y|ies))\b/.test(text) && !images.test(text));

/** The marked rows' uses (a checklist page, checklistPage, is left out by the engine before this is read). */
export function markedForm(sentences: Sentence[]): StructuralFound[] {
  // Each marked row, with the words it marks: its own, or (marks on a line of their own) those since the last row.
  const rows: { text: string; negated: string; at: number; line: number }[] = [];
  let since = -1;
  sentences.forEach((s, i) => {
    if (!formRow.test(s.lower)) return;
    // A checklist's task ("[ ] 2. Phone the press office", "[ ] 6. Lock down academy social media:") is no question a carer answers.
    if (checklistTask.test(s.lower)) return;
    // (A line of marks alone reads as a heading of its own: the words are those before it, back to a heading.)
    const before = sentences.slice(Math.max(since + 1, i - 3), i);
    const fromHeading = before.map((w) => w.isHeading).lastIndexOf(true);
    // (A row whose words end in a full stop reads as two sentences on one line: "| D | On the school website. | Never named |
    // ☐ | ☐ |".)
    const sameLine = before.filter((w) => w.line === s.line);
    const words = marksOnly(s.lower) ? before.slice(fromHeading + 1) : [...sameLine, s];
    since = i;
    if (!words.length) return;
    rows.push({
      text: words.map((w) => w.lower).join(' '),
      negated: words.map((w) => w.negated).join(' '),
      at: words.includes(s) ? i : i - 1,
      line: words[0].line,
    });
  });
  // (The rows need not say "photographs" themselves when the page asks for consent for images: "A1. Displays around the
  // school" on a photograph consent form.)
  const ofImages = rows.some((r) => images.test(r.text)) || sentences.some((s) => images.test(s.lower) && /\b(consent|permission)\b/.test(s.lower));
  // A page whose uses run unless carers object asks about none of them: "Photographs are used unless you tell us".
  // (An opt-out of how long images are kept, "…for up to two years, even if the student has left, unless you ask us to
  // stop", is no basis for using them.)
  const optOut = sentences.some(
    (s) =>
      pageWideOptOut(s) && !/\b(for up to|years?|months?|even if|after (he|she|they|the (student|pupil|child)|your child) (has |have )?left)\b/.test(s.lower),
  );
  // An incident log's boxes ("[ ] cyberbullying  [ ] contact from unknown adult") name what happened: no carer's answer
  // about a use. (Two such rows make the page a log; a filter request's row is left out below, row by row.)
  const incidentBoxes = rows.filter((r) => incidentKind.test(r.text)).length;
  if (rows.length < 2 || !ofImages || optOut || incidentBoxes >= 2) return [];
  const otherBasis = otherBases(sentences);
  const found: StructuralFound[] = [];
  for (const row of rows) {
    // (How the row's pupils are named, "– never named", "no names", is no refusal of the use.)
    const refusal = row.text
      .replace(/\byes\s*\/\s*no\b|\bno\b\s*$/g, '')
      .replace(
        /\b(never|not|no) (be )?(named|names?|surnames?|full names?|the surname)\b|\bnames? (are |is |will be )?(never|not) (used|given|shown)\b|\b(never|does not|do not|will not) (puts?|uses?|gives?|shows?|includes?|prints?|publish(es)?) (any |their |a child's |children's |pupils' )?(names?|surnames?|full names?)\b/g,
        ' ',
      );
    if (othersSubject.test(row.text) || /\b(not|never|nothing|none|no one|do not|don't)\b/.test(refusal)) continue;
    // A pledge or a check ticked off ("[ ] I have been told most social media apps have a minimum age of 13", "Photos for
    // the newsletter: checked against consent list & sent to office [ ]") asks a carer nothing.
    if (pledgeOrCheck(row.text)) continue;
    // A filter request's boxes ("[ ] unblock a site  [ ] block a site") ask about the filter, not a use.
    if (/\b(un)?block (a |the |this )?(web ?site|site|page|url|app)\b/.test(row.text)) continue;
    // (What wink reads as negated there is the naming rule's: "The school never puts names with photos on the website".)
    const negated = /\bno\b|n't\b/.test(refusal) ? row.negated : '';
    for (const key of namedUses(row.text, negated)) {
      if (otherBasis.has(key)) continue;
      found.push({ setting: `consent.purposes.${key}.active`, value: true, quote: sentences[row.at].text, line: row.line, order: row.at });
    }
  }
  return found;
}
