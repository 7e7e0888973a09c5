/**
 * Incident tables (concerns.routes.TYPE.notify / .immediate / .deadline): a table of what happened, who is told and how
 * fast, flattened to text as schools' documents come — rows by bars, tabs or wide spaces (a piped row that wraps onto
 * indented lines is one row), or one cell to a line as a .docx's table converted to text.
 */
import { mayBeToldRestricted, passedOver, recipientRoles, restricted } from './concerns.recipients.ts';
import { atOnce, deadlineIn } from './concerns.times.ts';
import { concernKind, oneSortOf } from './concerns.kinds.ts';
import { normalise, sentencesOf } from './text.ts';
import { cleanLine, tableRule, type Line } from './text.lines.ts';
import { tell } from './concerns.tell.ts';
import { rolesIn, unkeyedFirst, withoutStandIns } from './roles.ts';
import type { BlockPattern } from './types.ts';

/** A header's words, without the marks after them: "If… | Tell… | How fast?". */
const headerCell = (cell: string) =>
  normalise(cell)
    .replace(/(?:\s*(?:…|\.{2,}|[?:*]))+$/, '')
    .trim();

/** A header row naming who is told: "Incident | Who to inform | Timescale". */
const whoColumn =
  /^(tell|who|contact|first contact|report|go to|person)$|^(who (to |is |should be |must be )?(inform|tell|told|informed|contact|notify|notified|report to|to report to)|report(ed)? to|reporting to|recipients?|inform|notify|person to inform)\b|^who (you|do you|staff|we) (tell|inform|contact|notify|report to)\b|^(first )?(person|people|role|staff) (to tell|to inform|to contact|to report to|told|informed)\b|^(who (deals|handles|receives|takes) (with )?(it|this|them)|(dealt with|handled) by|contact first)$/;
const whenColumn =
  /^(timescale|timeframe|time ?scale|when|by when|deadline|how (quickly|fast|soon)|response time|timing|time to (act|report|tell))\b|^how ?(\/|and) ?when\b/;

/**
 * An incident table flattened to text: each row's first cell names the kind, the "who" column the roles,
 * a "when" column the time to act. Rows stop at a blank line or a row of another shape.
 */
/**
 * The rows under a table's header, as the reader sees them: a piped row that wraps onto lines indented further than the
 * header ("Disclosure by a student… |" then "    DSL | Immediately…") is one row; a line of another shape in a table
 * set out by spaces (a cell's second line) is passed over. Rows stop at a blank line.
 */
function rowsUnder(lines: Line[], at: number): { cells: string[]; line: number }[] {
  const header = lines[at];
  const piped = /\|/.test(header.raw ?? '');
  const rows: { cells: string[]; line: number; raw: string }[] = [];
  const width = (header.cells ?? []).length;
  const body = lines.slice(at + 1, at + 120);
  for (let i = 0; i < body.length; i++) {
    const row = body[i];
    if (!row.text) {
      // A tabbed table in parts ("B. CONTENT – something the student has seen" between blank lines): the rows go on
      // after the part's label when the next line has the header's cells.
      if (piped) break;
      let next = i + 1;
      while (next < body.length && !body[next].text) next++;
      if (next < body.length && (body[next].cells ?? []).length === 1 && !/\t/.test(body[next].raw ?? '')) {
        next++;
        while (next < body.length && !body[next].text) next++;
      }
      if (next >= body.length || (body[next].cells ?? []).length !== width || !/\t/.test(body[next].raw ?? '')) break;
      i = next - 1;
      continue;
    }
    if (tableRule(row)) continue;
    const last = rows[rows.length - 1];
    if (piped && last && (row.indent ?? 0) > (header.indent ?? 0)) last.raw += ` ${(row.raw ?? '').trim()}`;
    else rows.push({ cells: [], line: row.line, raw: row.raw ?? row.text });
  }
  let odd = 0;
  const out: { cells: string[]; line: number; lines?: number }[] = [];
  const starts = spacedColumns(header.raw ?? '', width);
  for (const row of rows) {
    // (A table set out by spaces whose cells wrap: "Any other safeguarding concern,   DSL via CPOMS   Same day" then
    // "  incl. online (bullying, grooming," under the first column: the line goes on with the cells above it.)
    const last = out[out.length - 1];
    const wrapped = starts && last && last.line === row.line - 1 - (last.lines ?? 0) ? cellsByColumn(row.raw, starts) : null;
    if (wrapped && last) {
      wrapped.forEach((part, k) => part && (last.cells[k] += ` ${part}`));
      last.lines = (last.lines ?? 0) + 1;
      continue;
    }
    const cells = row.raw
      .split(piped ? /\s*\|\s*/ : /\t+|\s*\|\s*|\s{3,}/)
      .map(cleanLine)
      .filter(Boolean);
    if (cells.length !== width) {
      if (piped || ++odd > 3) break;
      continue;
    }
    out.push({ cells, line: row.line });
  }
  return out.map(({ cells, line }) => ({ cells, line }));
}

/**
 * Where each column of a header set out by wide spaces starts ("   WHAT      WHO      HOW / WHEN"): null for a header
 * with tabs or bars, or of another width.
 */
function spacedColumns(raw: string, width: number): number[] | null {
  if (/[\t|]/.test(raw)) return null;
  const starts = [...raw.matchAll(/(?:^|\s{3,})(?=\S)/g)].map((m) => m.index + m[0].length);
  return starts.length === width ? starts : null;
}

/**
 * A line that wraps a spaced row's cells: each of its pieces starts at a column's start (within two characters) and
 * the line has fewer pieces than columns; its pieces by column, or null for a line of another shape.
 */
function cellsByColumn(raw: string, starts: number[]): string[] | null {
  const pieces = [...raw.matchAll(/(?:^|\s{3,})(?=\S)/g)].map((m, k, all) => {
    const at = m.index + m[0].length;
    const end = k + 1 < all.length ? all[k + 1].index : raw.length;
    return { at, text: cleanLine(raw.slice(at, end)) };
  });
  if (!pieces.length || pieces.length >= starts.length) return null;
  const parts = starts.map(() => '');
  for (const piece of pieces) {
    const column = starts.findIndex((start) => Math.abs(start - piece.at) <= 2);
    if (column < 0) return null;
    parts[column] = piece.text;
  }
  return parts;
}

const incidentTable: BlockPattern = {
  name: 'a table of incidents, who is told and when',
  read: (lines) => {
    const out: ReturnType<BlockPattern['read']> = [];
    lines.forEach((header, i) => {
      const cells = (header.cells ?? []).map(headerCell);
      if (cells.length < 2) return;
      const who = cells.findIndex((c) => whoColumn.test(c));
      if (who <= 0) return;
      // A table of sanctions ("Behaviour | Usual response | Who deals with it"): who disciplines, not who is told.
      if (cells.some((c) => behaviourColumn.test(c))) return;
      const when = cells.findIndex((c) => whenColumn.test(c));
      for (const row of rowsUnder(lines, i)) out.push(...readIncidentRow(row.cells, row.line, who, when));
    });
    return out;
  },
};

/** The columns of a table of sanctions. */
const behaviourColumn = /^(behaviou?rs?|sanctions?|usual (response|sanction)|consequences?|first (time|offence|occasion)|repeated|repeat (offence|behaviour))$/;

/** Other columns an incident table may have. */
const otherColumn = /^(what happens next|further action|actions?|next steps?|notes?|how|record|where to record|follow[- ]?up|then)\b/;

/** The first column's header of an incident table: what happened. */
const whatColumn =
  /^(concerns?|type of concern|nature of (the )?concern|incidents?|type of incident|what happened|what has happened|issue|situation|scenario|if)\b/;

/**
 * A table converted with one cell to a line (a .docx's table as text): "Concern", "Who to tell", "When" on lines of
 * their own, then each row's cells on as many lines, rows apart by blank lines or one after another. A cell that wraps
 * goes on in lower case ("…or that something has" then "happened to them online").
 */
function cellPerLineRows(lines: Line[], at: number): { header: string[]; rows: { cells: string[]; line: number }[] } | null {
  const header: string[] = [];
  for (const l of lines.slice(at, at + 6)) {
    const cell = normalise(l.text);
    if (!cell || cell.split(' ').length > 5 || /[.:;]$/.test(cell)) break;
    if (!(whatColumn.test(cell) || whoColumn.test(cell) || whenColumn.test(cell) || otherColumn.test(cell))) break;
    header.push(cell);
  }
  if (header.length < 3 || !whatColumn.test(header[0]) || !header.some((h, i) => i > 0 && whoColumn.test(h))) return null;
  const width = header.length;
  const rows: { cells: string[]; line: number }[] = [];
  let row: { cells: string[]; line: number } | null = null;
  const body = lines.slice(at + width, at + width + 200);
  const apart = !body[0]?.text;
  for (const l of body) {
    if (!l.text) {
      if (!apart) break;
      if (row) {
        if (row.cells.length !== width) break;
        rows.push(row);
        row = null;
      }
      continue;
    }
    // (A row already full, in a table whose rows stand apart, goes on in its last cell: "…and the police." then "Keep the
    // device; do not delete anything.")
    if (row && row.cells.length && (/^[a-z(]/.test(l.text) || (apart && row.cells.length === width))) row.cells[row.cells.length - 1] += ` ${l.text}`;
    else {
      row ??= { cells: [], line: l.line };
      row.cells.push(l.text);
    }
    if (!apart && row.cells.length === width) {
      rows.push(row);
      row = null;
    }
  }
  if (row && row.cells.length === width) rows.push(row);
  return { header, rows };
}

/** One row of an incident table: its kind, who is told first (not a stand-in) and how fast. */
function readIncidentRow(cells: string[], line: number, who: number, when: number): ReturnType<BlockPattern['read']> {
  const out: ReturnType<BlockPattern['read']> = [];
  const rowCells = cells.map(normalise);
  const kind = concernKind(rowCells[0]);
  if (!kind) return out;
  const quote = cells.join(' | ');
  // ("Child Protection Co-ordinator; if unavailable, Head Teacher or a Depute": the stand-in is no one told first.)
  // (Nor is someone told on a condition: "Class teacher; DSL as well if there is any risk of harm".)
  // (Nor whom the one told tells in turn: "Class teacher, who logs it and tells the DSL", "DSL (she tells Fenbridge IT)".)
  // (Nor someone passed over: "Headteacher (not DSL)".)
  const told = withoutStandIns(passedOver(rowCells[who]))
    .replace(/(?:[;(]|\.\s)[^;().]*\b(?:if|where|when|unless)\b[^;().]*\)?/g, ' ')
    .replace(/,\s*who\b[^;()]*|\((?:she|he|they|who)\b[^()]*\)/g, ' ');
  // (A post no key names first among those told, "Head of Year and Network Manager": the list cannot be written.)
  const roles = unkeyedFirst(told) ? [] : rolesIn(told).filter((r) => recipientRoles.has(r));
  if (roles.length) {
    const poisoned = restricted.has(kind) && roles.some((r) => !mayBeToldRestricted.includes(r));
    out.push({ setting: `concerns.routes.${kind}.notify`, value: poisoned ? null : roles, combine: 'union', line, quote });
  }
  // (A row for one sort of safeguarding concern, "Nudes, semi-nudes or image-based abuse", gives that sort's haste, not the
  // route's: as narrowSafeguarding in concerns.table.ts.)
  // (Not one named among examples: "A pupil may be at risk of harm online (grooming, radicalisation, sextortion)".)
  // (Nor a row about safeguarding as a whole: "Online safeguarding concern about a pupil (incl. nudes, …".)
  const narrow = kind === 'safeguarding' && oneSortOf(rowCells[0]) && !/\b(safeguarding|child protection)\b/.test(rowCells[0]);
  // Those outside the staff a row's other cells say are told: "DSL informs parents/carers", "Parents informed the same day"
  // (a cell's shorthand for "are informed"), each read as a sentence about the row's concern, a cell's parts apart ("DSL
  // informs parents; referral to police/CEOP where indicated").
  for (const [k, cell] of cells.entries()) {
    if (k === 0 || k === who || k === when) continue;
    for (const said of cell.split(/(?<=[.!?])\s+(?=[A-Z])|;\s+/)) {
      const shorthand = said.replace(/^((?:parents|carers|families)(?: ?(?:\/|and|or) ?carers)?) (?=informed|told|contacted|notified)/i, '$1 are ');
      // ("For …": a row that opens with "Pupil…" or "Parent…" is no advice to families.)
      for (const s of sentencesOf(`For ${cells[0].replace(/[.:;]+\s*$/, '')}: ${shorthand}`))
        for (const f of tell.read(s)) if (f.setting.startsWith(`concerns.routes.${kind}.`)) out.push({ ...f, line, quote });
    }
  }
  if (when > 0 && !narrow) {
    const cell = rowCells[when];
    // (On no condition in the part of the cell that says so: not "Immediately if the child is at risk", but "Immediately; the
    // Headteacher will contact the LADO … if the threshold is met" is.)
    const atOnceSaid = cell.split(/;\s|\.\s/).find((part) => atOnce.test(part));
    if (atOnceSaid && !/\b(may|might|could|if)\b/.test(atOnceSaid)) out.push({ setting: `concerns.routes.${kind}.immediate`, value: true, line, quote });
    // ("Immediately. Head/Chair contact the LADO within 1 working day": the later time is the outsider's.)
    // (Nor is a time to record it: "Immediately, and record it on CPOMS before you go home".)
    const by = deadlineIn(
      cell
        .split(/\.\s|;\s|,? and (?=record|log|write)/)
        .filter((part) => !/\b(lado|police|social care|parents?|carers?)\b|^(then )?(record|log|write)\b/.test(part.trim()))
        .join('. '),
      true,
    );
    if (by) out.push({ setting: `concerns.routes.${kind}.deadline`, value: by, line, quote });
  }
  return out;
}

const cellPerLineTable: BlockPattern = {
  name: 'a table of incidents with one cell to a line',
  read: (lines) =>
    lines.flatMap((_, i) => {
      const table = cellPerLineRows(lines, i);
      if (!table) return [];
      const who = table.header.findIndex((h, k) => k > 0 && whoColumn.test(h));
      const when = table.header.findIndex((h) => whenColumn.test(h));
      return table.rows.flatMap((row) => readIncidentRow(row.cells, row.line, who, when));
    }),
};

export const concernBlocks: BlockPattern[] = [incidentTable, cellPerLineTable];
