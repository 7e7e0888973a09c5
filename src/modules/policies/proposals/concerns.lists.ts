/**
 * A telling whose condition lists several kinds of concern (concerns.routes.TYPE.*), read item by item by the patterns of
 * concerns.table.ts.
 */
import { kindOf } from './concerns.context.ts';
import { concernKind, oneSortOf } from './concerns.kinds.ts';
import type { SentencePattern } from './types.ts';

/**
 * Several kinds listed as the condition of one telling: "If you are worried that a child is being contacted by someone they
 * do not know, is being bullied through messages, or …, tell the DSL the same day": keyers give each kind listed the
 * route. Each item is read with the telling as a sentence of its own; only items that name one kind each, two kinds or
 * more in all, and only when the sentence as a whole settles no kind.
 */
export const eachKindListed = (pattern: SentencePattern): SentencePattern => ({
  ...pattern,
  read: (s) => {
    const found = pattern.read(s);
    if (found.length || kindOf(s)) return found;
    const m =
      /^((?:[0-9.]+ )?(?:if|where|when|whenever)\b )(.+?), (?:then |please )?((?:(?:the member of staff|staff|you|they|the adult|the teacher) (?:must|should|will) )?(?:tell|report it to|report this to|report them to|inform|speak to|talk to|contact|let|pass it to|pass it on to|refer it to|alert|notify)\b.*)$/.exec(
        s.lower,
      );
    if (!m) return found;
    const items = m[2].split(/,\s*(?:or |and )?|\s+or\s+(?=(?:is|are|has|have|was|were|if|they|someone|somebody|a|an|any)\b)/).map((item) => item.trim());
    if (items.length < 2) return found;
    // (An item that is one sort of safeguarding concern, "nude or semi-nude images", sets no route of its own: as
    // narrowSafeguarding in concerns.table.ts.)
    const kinds = items.map((item) => {
      const kind = concernKind(item);
      return kind === 'safeguarding' && oneSortOf(item) && !/\b(safeguarding|child protection)\b/.test(item) ? null : kind;
    });
    const named = [...new Set(kinds.filter((k): k is string => k !== null))];
    if (named.length < 2) return found;
    return items.flatMap((item, i) => {
      const kind = kinds[i];
      if (!kind) return [];
      const lower = `${m[1]}${item}, ${m[3]}`;
      return pattern.read({ ...s, lower, text: lower }).filter((f) => f.setting.startsWith(`concerns.routes.${kind}.`));
    });
  },
});
