/**
 * Bytes → text → rows for plain CSV exports, pure. Excel saves "CSV" as Windows-1252, and Node's
 * TextDecoder('windows-1252') follows the WHATWG table only where ICU agrees, so the 0x80–0x9F block
 * (’ “ ” – € …) is decoded here from our own table.
 */

// Windows-1252 0x80–0x9F; the five bytes it leaves undefined stay as the same C1 code point.
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80] : byte);
  return text;
}

/** UTF-8 with or without a byte-order mark; anything that is not valid UTF-8 is read as Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

export type Delimiter = ',' | ';' | '\t';

/** The delimiter used most on the header line (outside quotes): comma, semicolon or tab. */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export interface CsvRecord {
  /** Physical line where the record starts; the header is line 1. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 with the delimiter given: quotes open only at a field's start, "" escapes, CRLF/LF/CR end
 * a record, blank lines are skipped. An unclosed quote is returned as a problem at its line.
 */
export function readCsvRecords(text: string, delimiter: Delimiter): { records: CsvRecord[]; unclosedQuoteLine: number | null } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) return { records, unclosedQuoteLine: start };
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unclosedQuoteLine: null };
}
