/**
 * Examples given of a safeguarding concern, in the sentence that routes it, the sentence after it or the list under its
 * lead: the route reaches the kinds they name (concerns.table.ts gives the routes).
 */
import type { Found, SentencePattern } from './types.ts';
import { concernKind, exampleKinds, oneSortOf } from './concerns.kinds.ts';
import { madeAware, tellVerb } from './concerns.recipients.ts';

/**
 * A safeguarding route reaches the kinds the sentence gives as its examples ("Any safeguarding concern, including … contact
 * from an unknown adult online …, must be reported to the DSL immediately"): keyers route them alike.
 */
export const withExamples = (pattern: SentencePattern): SentencePattern => ({
  ...pattern,
  read: (s) => {
    const found = pattern.read(s);
    // (Or, for the YES answer, the flowchart's question it answers: "Is a child at risk, or is there a safeguarding concern? (e.g. … a stranger
    // making contact …)" then "YES -> Report to the DSL at once".)
    const own = exampleKinds(s.lower);
    const asked = !own.length && s.question && /^(?:if )?yes\b/.test(s.lower) ? exampleKinds(s.question) : [];
    return [...found, ...routedAlike(found, own.length ? own : asked)];
  },
});

/** The safeguarding route found (not a conflict), given again for each kind its examples name. */
const routedAlike = (found: Found[], kinds: string[]): Found[] =>
  found
    .filter((f) => f.setting.startsWith('concerns.routes.safeguarding.') && f.value !== null)
    .flatMap((f) => kinds.map((k) => ({ ...f, setting: f.setting.replace('.safeguarding.', `.${k}.`) })));

/**
 * Examples given in the sentence after the route: "Any online safety concern about a pupil must be reported to the DSL
 * straight away. This includes cyberbullying, contact from strangers, exposure to upsetting content…": the route the
 * sentence before gives reaches the kinds this one names, as examples in the same sentence do (withExamples).
 */
export const examplesAfter = (routes: SentencePattern[]): SentencePattern => ({
  name: 'a safeguarding route reaches the examples the next sentence gives',
  read: (s) => {
    const m =
      /^(?:this|these|that|it|they|such concerns?)( can| could| may| might| will)? (?:includes?|covers?|cover|covering|means|could be|can be) (?:things like |for example |e\.g\.? |such as )?/.exec(
        s.lower,
      );
    if (!m || !s.previous || /\b(not|never)\b/.test(s.lower.slice(0, m[0].length))) return [];
    const previous = { ...s, text: s.previous, lower: s.previous, previous: '', item: false };
    const joined = `${s.previous.replace(/\.$/, '')} (including ${s.lower.slice(m[0].length).replace(/\.$/, '')})`;
    const examples = exampleKinds(joined);
    return examples.length
      ? routedAlike(
          routes.flatMap((pattern) => pattern.read(previous)),
          examples,
        )
      : [];
  },
});

/**
 * A lead that routes safeguarding concerns over a list of what they are ("Safeguarding concerns – report to the DSL straight
 * away (same day…):" then "- a pupil has been contacted online by someone they do not know"): the route reaches the kind
 * each item names, as examples in one sentence do (withExamples). Not an item with a route of its own.
 */
export const examplesListed = (routes: SentencePattern[]): SentencePattern => ({
  name: 'a safeguarding route reaches the kinds its list names',
  read: (s) => {
    if (!s.item || !s.lead) return [];
    const kind = concernKind(s.lower);
    if (!kind || kind === 'safeguarding' || concernKind(s.lead) !== 'safeguarding' || oneSortOf(s.lead)) return [];
    if (tellVerb.test(s.lower) || madeAware.test(s.lower)) return [];
    // (Nor an item that is only the graver part of its kind: "online bullying that is serious or persistent".)
    if (/\b(serious|severe|persistent|repeated|extreme)\b/.test(s.lower)) return [];
    const lead = { ...s, text: s.lead, lower: s.lead, previous: '', item: false, lead: undefined };
    return routedAlike(
      routes.flatMap((pattern) => pattern.read(lead)),
      [kind],
    );
  },
});
