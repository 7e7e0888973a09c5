import { formValue, formValues, type UploadedFile } from '../../platform/http/form-body.ts';
import { fromLondonLocal, linesOf, maxEvidenceBytes, type EvidenceFile, type ReportInput } from './concerns.input.ts';

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

export function reportFromForm(body: unknown): ReportInput {
  return {
    type: formValue(body, 'type'),
    summary: formValue(body, 'summary'),
    details: formValue(body, 'details'),
    occurredAt: fromLondonLocal(formValue(body, 'occurredAt')),
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
