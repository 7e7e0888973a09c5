import type { Multipart } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';

/** With attachFieldsToBody each field arrives as { value } (an array when repeated, as checkboxes are). */
type Body = Record<string, Multipart | Multipart[] | undefined> | undefined;

export function fieldValues(body: unknown, name: string): string[] {
  const entry = (body as Body)?.[name];
  return [entry ?? []].flat().flatMap((part) => (part.type === 'field' && typeof part.value === 'string' ? [part.value] : []));
}

export const fieldValue = (body: unknown, name: string) => fieldValues(body, name)[0] ?? '';

/** A list given as repeated fields or as one comma-separated value (the API's form). */
export const listValues = (body: unknown, name: string) => fieldValues(body, name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

export async function uploadedFile(body: unknown): Promise<{ name: string; bytes: Buffer } | null> {
  const entry = [(body as Body)?.file ?? []].flat()[0];
  if (!entry || entry.type !== 'file' || !entry.filename) return null;
  return { name: entry.filename, bytes: await entry.toBuffer() };
}

/** Photographs are only ever sent to signed-in staff: never cached, never sniffed as something else. */
export const privateImage = (reply: FastifyReply, mime: string, bytes: Buffer) =>
  reply.header('cache-control', 'private, no-store').header('content-type', mime).header('x-content-type-options', 'nosniff').send(bytes);
