import type { FastifyReply } from 'fastify';

/** Photographs are only ever sent to signed-in staff: never cached, never sniffed as something else. */
export const privateImage = (reply: FastifyReply, mime: string, bytes: Buffer) =>
  reply.header('cache-control', 'private, no-store').header('content-type', mime).header('x-content-type-options', 'nosniff').send(bytes);
