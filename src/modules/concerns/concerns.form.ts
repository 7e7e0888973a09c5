import type { MultipartFile } from '@fastify/multipart';
import { fromLondonLocal, linesOf, maxEvidenceBytes, type EvidenceFile, type ReportInput } from './concerns.input.ts';

/**
 * Form bodies arrive URL-encoded, or as multipart when a file may be attached (then each field
 * is `{ value }`); these read both the same way.
 */
type Body = Record<string, unknown> | undefined;

export function values(body: Body, name: string): string[] {
  return [body?.[name]].flat().flatMap((v) => {
    if (typeof v === 'string') return [v];
    if (v && typeof v === 'object' && (v as { type?: string }).type === 'field') return [String((v as { value: unknown }).value)];
    return [];
  });
}
export const value = (body: Body, name: string): string => values(body, name)[0] ?? '';

/** The attached file, or null when none was chosen. A file over the limit is cut short by the parser and refused here. */
export async function fileOf(body: Body, name: string): Promise<EvidenceFile | null> {
  const part = [body?.[name]].flat().find((v): v is MultipartFile => Boolean(v && typeof v === 'object' && (v as { type?: string }).type === 'file'));
  if (!part || !part.filename) return null;
  const bytes = await part.toBuffer();
  if (part.file.truncated) return { fileName: part.filename, contentType: part.mimetype, bytes: Buffer.alloc(maxEvidenceBytes + 1) };
  if (bytes.length === 0) return null;
  return { fileName: part.filename, contentType: part.mimetype, bytes };
}

export function reportFromForm(body: Body): ReportInput {
  return {
    type: value(body, 'type'),
    summary: value(body, 'summary'),
    details: value(body, 'details'),
    occurredAt: fromLondonLocal(value(body, 'occurredAt')),
    location: value(body, 'location'),
    outOfHours: value(body, 'outOfHours') === 'yes',
    platform: value(body, 'platform') || null,
    pupilIds: values(body, 'pupilIds').filter(Boolean),
    staffIds: values(body, 'staffIds').filter(Boolean),
    carerIds: values(body, 'carerIds').filter(Boolean),
    others: linesOf(value(body, 'others')),
    links: linesOf(value(body, 'links')),
    involvesNudeImages: value(body, 'involvesNudeImages') === 'yes',
  };
}

/** A date field ("2026-12-01") as the end of that day in London: a follow-up is overdue from the next day. */
export function dueFromForm(text: string): Date | null {
  if (!text.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return new Date(NaN);
  return fromLondonLocal(`${text.trim()}T23:59`) ?? new Date(NaN);
}
