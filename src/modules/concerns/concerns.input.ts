import type { FieldProblem } from '../../platform/http/errors.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';

/** What a report says, whether it came from the form or the API. Field names are the API's. */
export interface ReportInput {
  type: string;
  summary: string;
  details: string;
  occurredAt: Date | null;
  location: string;
  outOfHours: boolean;
  platform: string | null;
  pupilIds: string[];
  staffIds: string[];
  carerIds: string[];
  others: string[];
  links: string[];
  involvesNudeImages: boolean;
}

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export const maxEvidenceBytes = 10 * 1024 * 1024;
export const evidenceTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];
import { isUuid } from '../../platform/http/ids.ts';

/** Checks a report against the school's settings; problems name the field, in the order of the form. */
export function reportProblems(input: ReportInput, settings: PolicySettings, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!settings.concerns.routes.some((r) => r.type === input.type)) problems.push({ field: 'type', message: 'Choose what kind of concern it is' });
  if (!input.summary.trim()) problems.push({ field: 'summary', message: 'Say in a few words what happened' });
  else if (input.summary.length > 200) problems.push({ field: 'summary', message: 'The summary must be 200 characters or fewer' });
  if (!input.details.trim()) problems.push({ field: 'details', message: 'Describe what happened, what you saw or were told' });
  else if (input.details.length > 20_000) problems.push({ field: 'details', message: 'The description must be 20,000 characters or fewer' });
  if (!input.occurredAt || Number.isNaN(input.occurredAt.getTime()))
    problems.push({ field: 'occurredAt', message: 'Enter when it happened, as a date and time' });
  else if (input.occurredAt.getTime() > now.getTime() + 5 * 60_000) problems.push({ field: 'occurredAt', message: 'When it happened must be in the past' });
  if (input.location !== 'in-school' && input.location !== 'out-of-school')
    problems.push({ field: 'location', message: 'Say whether it happened in school or out of school' });
  if ((input.platform ?? '').length > 100) problems.push({ field: 'platform', message: 'The platform must be 100 characters or fewer' });
  for (const [field, ids] of [
    ['pupilIds', input.pupilIds],
    ['staffIds', input.staffIds],
    ['carerIds', input.carerIds],
  ] as const) {
    if (ids.some((id) => !isUuid(id))) problems.push({ field, message: 'Choose people from the list' });
  }
  if (input.others.some((name) => name.length > 200)) problems.push({ field: 'others', message: 'Each name must be 200 characters or fewer' });
  if (input.links.some((link) => !/^https?:\/\/\S+$/i.test(link) || link.length > 2000))
    problems.push({ field: 'links', message: 'Enter each link as a web address starting with http:// or https://, one on each line' });
  return problems;
}

export function evidenceFileProblem(file: EvidenceFile): string | null {
  if (file.bytes.length === 0) return `${file.fileName} is empty`;
  if (file.bytes.length > maxEvidenceBytes) return `${file.fileName} is larger than 10 MB`;
  if (!evidenceTypes.includes(file.contentType) || !looksLike(file)) return `${file.fileName} must be a picture (PNG, JPEG, GIF or WebP) or a PDF`;
  return null;
}

/** The first bytes must match the declared type, so a renamed file is not stored as a picture. */
function looksLike(file: EvidenceFile): boolean {
  const b = file.bytes;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  switch (file.contentType) {
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/gif':
      return starts(0x47, 0x49, 0x46);
    case 'image/webp':
      return starts(0x52, 0x49, 0x46, 0x46) && b.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46);
    default:
      return false;
  }
}

/** Lines of a textarea, trimmed, without blanks. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A `datetime-local` value ("2026-11-23T14:05") read as London time, as the school's staff mean it.
 */
export function fromLondonLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  const offset = (at: number) => {
    const name =
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
        .formatToParts(new Date(at))
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const o = /GMT([+-]\d+)?/.exec(name);
    return (o?.[1] ? Number(o[1]) : 0) * 3_600_000;
  };
  return new Date(asUtc - offset(asUtc - offset(asUtc)));
}

/** The reverse, for the form's default value ("now"). */
export function toLondonLocal(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
