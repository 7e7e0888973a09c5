import { formValue, formValues, type UploadedFile } from '../../platform/http/form-body.ts';
import { dayFromParts } from '../../platform/text/dates.ts';
import { fromLondonLocal, linesOf, maxEvidenceBytes, toLondonLocal, type EvidenceFile, type ReportInput } from './concerns.input.ts';

/**
 * The attached evidence as the service checks it. A file over the limit was cut short by the
 * parser (`acceptUploads` with `tooLarge: 'mark'`); it stands for more than the limit, so the
 * service refuses it with its own message beside the field.
 */
export function evidenceFrom(upload: UploadedFile | null): EvidenceFile | null {
  if (!upload) return null;
  const { fileName, contentType } = upload;
  return { fileName, contentType, bytes: upload.truncated ? Buffer.alloc(maxEvidenceBytes + 1) : upload.bytes };
}

/**
 * When it happened, from the GOV.UK date input ("occurredAt-day", "-month", "-year") and the time
 * box ("3:05pm", "15:05"), as London time. A single "occurredAt" value ("2026-11-20T18:30", as
 * older forms and scripts send it) is read too.
 */
export function occurredAtFromForm(body: unknown): Date | null {
  const single = formValue(body, 'occurredAt');
  if (single) return fromLondonLocal(single);
  const day = dayFromParts({ day: formValue(body, 'occurredAt-day'), month: formValue(body, 'occurredAt-month'), year: formValue(body, 'occurredAt-year') });
  const time = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(formValue(body, 'occurredAt-time').trim().replace(/\s+/g, ''));
  if (!day || !time) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2] ?? '0');
  const half = time[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return null;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return fromLondonLocal(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

/** The date input and time box filled in with a moment, London time (the form's default is now). */
export function occurredAtFields(at: Date): Record<string, string> {
  const [day, time] = toLondonLocal(at).split('T');
  const [year, month, date] = day.split('-');
  return { 'occurredAt-day': String(Number(date)), 'occurredAt-month': String(Number(month)), 'occurredAt-year': year, 'occurredAt-time': time };
}

export function reportFromForm(body: unknown): ReportInput {
  return {
    type: formValue(body, 'type'),
    summary: formValue(body, 'summary'),
    details: formValue(body, 'details'),
    occurredAt: occurredAtFromForm(body),
    location: formValue(body, 'location'),
    outOfHours: formValue(body, 'outOfHours') === 'yes',
    platform: formValue(body, 'platform') || null,
    pupilIds: formValues(body, 'pupilIds').filter(Boolean),
    staffIds: formValues(body, 'staffIds').filter(Boolean),
    carerIds: formValues(body, 'carerIds').filter(Boolean),
    others: linesOf(formValue(body, 'others')),
    links: linesOf(formValue(body, 'links')),
    involvesNudeImages: formValue(body, 'involvesNudeImages') === 'yes',
  };
}

/** A date field ("2026-12-01") as the end of that day in London: a follow-up is overdue from the next day. */
export function dueFromForm(text: string): Date | null {
  if (!text.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return new Date(NaN);
  return fromLondonLocal(`${text.trim()}T23:59`) ?? new Date(NaN);
}
