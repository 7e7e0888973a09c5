import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/**
 * One reader for form bodies, URL-encoded or multipart (when a file may be attached, each field
 * arrives as `{ type: 'field', value }` and repeats as an array). Routes read both the same way.
 */
type Body = Record<string, unknown> | null | undefined;

const isPart = (v: unknown, type: 'field' | 'file'): v is { type: string; value?: unknown } =>
  Boolean(v && typeof v === 'object' && (v as { type?: unknown }).type === type);

/** Every value of a field (checkboxes repeat), as strings; nothing when the field is absent. */
export function formValues(body: unknown, name: string): string[] {
  return [(body as Body)?.[name]].flat().flatMap((v) => {
    if (typeof v === 'string') return [v];
    if (isPart(v, 'field') && typeof v.value === 'string') return [v.value];
    return [];
  });
}

/** The first value of a field, or '' when absent. */
export const formValue = (body: unknown, name: string): string => formValues(body, name)[0] ?? '';

/** A list given as repeated fields or as one comma-separated value (the API's form), without blanks. */
export const formList = (body: unknown, name: string): string[] =>
  formValues(body, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export interface UploadedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** The parser stopped reading at the limit: the file is larger than allowed. */
  truncated: boolean;
}

/**
 * The attached file, or null when none was chosen (an empty file counts as none, unless `keepEmpty`:
 * then a chosen file of no bytes is returned, for a route that says "x.jpg is empty").
 */
export async function formFile(body: unknown, name: string, options: { keepEmpty?: boolean } = {}): Promise<UploadedFile | null> {
  const part = [(body as Body)?.[name]].flat().find((v): v is MultipartFile => isPart(v, 'file'));
  if (!part?.filename) return null;
  const bytes = await part.toBuffer();
  if (bytes.length === 0 && !part.file.truncated && !options.keepEmpty) return null;
  return { fileName: part.filename, contentType: part.mimetype, bytes, truncated: part.file.truncated };
}

/**
 * Multipart parsing for the routes of one plugin, with its own limits. A file over the limit is
 * refused with the "too large" page (413), or, with `tooLarge: 'mark'`, read up to the limit and
 * marked `truncated`, so the route can say so next to the field.
 */
export async function acceptUploads(
  app: FastifyInstance,
  limits: { maxFileBytes: number; fields?: number; files?: number; tooLarge?: 'refuse' | 'mark' },
): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: limits.tooLarge !== 'mark',
    limits: { fileSize: limits.maxFileBytes, files: limits.files ?? 1, fields: limits.fields ?? 200 },
  });
}
