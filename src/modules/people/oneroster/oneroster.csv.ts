import { parse } from 'csv-parse/sync';

/** One problem in one file; `line` is null when it concerns the whole file (for example, the file is missing). */
export interface Problem {
  file: string;
  line: number | null;
  message: string;
}

export interface CsvRow {
  /** Physical line in the file where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  file: string;
  /** Lower-cased header name → column index: exports vary the case of headers. */
  columns: Map<string, number>;
  rows: CsvRow[];
}

/** The files of a package that this module reads, by lower-cased name; everything else (orgs.csv, courses.csv…) is ignored. */
export const rosterFileNames = ['manifest.csv', 'users.csv', 'classes.csv', 'enrollments.csv', 'demographics.csv'] as const;
export type RosterFileName = (typeof rosterFileNames)[number];

/** Maps a path such as `Export/Users.CSV` to `users.csv`, or null for files we ignore (including macOS `__MACOSX/` litter). */
export function rosterFileName(path: string): RosterFileName | null {
  const parts = path.split(/[\\/]/);
  if (parts.includes('__MACOSX')) return null;
  const base = (parts.at(-1) ?? '').toLowerCase();
  return (rosterFileNames as readonly string[]).includes(base) ? (base as RosterFileName) : null;
}

/**
 * Bytes → text. MIS exports are meant to be UTF-8 (often with a byte-order mark, which TextDecoder drops), but a file
 * re-saved from Excel may be Windows-1252; decoding that as UTF-8 would garble names like "Zoë", so fall back to it.
 */
export function decodeText(content: Uint8Array | string): string {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

const QUOTE = 34,
  COMMA = 44,
  CR = 13,
  LF = 10;

/**
 * The physical line on which each non-empty record starts. csv-parse's `info.lines` gives the line where a record
 * ends and counts a CRLF inside a quoted field twice (csv-parse 7.0.3), so we count ourselves, following the same
 * rules as the parser options below: quotes open only at the start of a field, `""` escapes, CRLF/LF/CR end a line.
 */
export function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  const length = text.length;
  let line = 1;
  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    if (first === CR || first === LF) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue; // an empty line is skipped, as skip_empty_lines does
    }
    starts.push(line);
    let atFieldStart = true;
    let quoted = false;
    while (i < length) {
      const ch = text.charCodeAt(i);
      if (quoted) {
        if (ch === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i++;
          else quoted = false;
        } else if (ch === CR || ch === LF) {
          if (ch === CR && text.charCodeAt(i + 1) === LF) i++;
          line++;
        }
        i++;
        continue;
      }
      if (ch === CR || ch === LF) {
        i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        break;
      }
      if (ch === QUOTE && atFieldStart) quoted = true;
      atFieldStart = ch === COMMA;
      i++;
    }
  }
  return starts;
}

/** A short, office-readable reason from a csv-parse error. */
function csvReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed (a " is missing)';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'the line is far too long';
  const message = error instanceof Error ? error.message : String(error);
  return message.split(':')[0] || message; // csv-parse messages start with a title such as "Invalid Closing Quote"
}

/**
 * Reads one CSV file into rows. Problems (unreadable lines, missing or repeated columns) are added to `problems`;
 * returns null when the file cannot be used at all. Never throws on bad input.
 */
export function readCsvTable(file: string, content: Uint8Array | string, requiredColumns: readonly string[], problems: Problem[]): CsvTable | null {
  const text = decodeText(content);
  const starts = recordStartLines(text);
  const records: string[][] = [];
  try {
    parse(text, {
      relax_quotes: true, // a stray quote in an unquoted field (O"Neill) is kept as text, not a reason to refuse
      relax_column_count: true, // we check the count ourselves so one bad line doesn't hide the rest
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Collected here rather than from the return value so the lines before a fatal error are kept.
      on_record: (record: string[]) => {
        records.push(record);
        return null;
      },
    });
  } catch (error) {
    const line = starts[records.length] ?? starts.at(-1) ?? 1;
    problems.push({ file, line, message: `could not read this line: ${csvReason(error)}` });
  }
  if (records.length === 0) {
    if (starts.length === 0) problems.push({ file, line: 1, message: 'the file is empty (it needs a header line)' });
    return null;
  }

  const headerLine = starts[0] ?? 1;
  const header = records[0].map((name) => name.trim().toLowerCase());
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') return; // a trailing comma on the header line
    if (columns.has(name)) problems.push({ file, line: headerLine, message: `column "${records[0][index].trim()}" appears twice` });
    else columns.set(name, index);
  });
  const missing = requiredColumns.filter((name) => !columns.has(name.toLowerCase()));
  for (const name of missing) problems.push({ file, line: headerLine, message: `column "${name}" is missing` });
  if (missing.length > 0) return null;

  const rows: CsvRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const fields = records[index];
    const line = starts[index] ?? headerLine + index;
    // Excel leaves rows of bare commas at the end of a sheet it has touched; they hold nothing, so skip them.
    if (fields.every((field) => field.trim() === '')) continue;
    if (fields.length !== header.length) {
      problems.push({ file, line, message: `could not read this line: expected ${header.length} fields but found ${fields.length}` });
      continue;
    }
    rows.push({ line, fields });
  }
  return { file, columns, rows };
}

/** A trimmed cell by column name, '' when the column is absent or the cell is blank. */
export function cell(table: CsvTable, row: CsvRow, column: string): string {
  const index = table.columns.get(column.toLowerCase());
  return index === undefined ? '' : (row.fields[index] ?? '').trim();
}

/** The first non-blank cell among alternative column names (exports disagree on names for the same thing). */
export function firstCell(table: CsvTable, row: CsvRow, columns: readonly string[]): string {
  for (const column of columns) {
    const value = cell(table, row, column);
    if (value !== '') return value;
  }
  return '';
}
