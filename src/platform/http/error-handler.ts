import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, Unprocessable, ValidationError, type FieldProblem } from './errors.ts';
import { render } from './render.ts';
import type { ApiError as ApiErrorBody } from './schemas.ts';
import { isApiRequest } from './request-context.ts';

const csrfCodes = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);

/** The field a schema validation error is about: `/classId` → `classId`, or the missing property. */
function validationField(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const missing = (first.params as { missingProperty?: unknown } | undefined)?.missingProperty;
  if (typeof missing === 'string') return missing;
  return first.instancePath.replace(/^\//, '').split('/')[0] || undefined;
}

function describe(error: FastifyError): { status: number; code: string; message: string; field?: string } {
  if (error instanceof Unprocessable) return { status: error.statusCode, code: error.code, message: error.message, field: error.field };
  if (error instanceof ValidationError) return { status: error.statusCode, code: error.code, message: error.message, field: error.problems[0]?.field };
  if (error instanceof AppError) return { status: error.statusCode, code: error.code, message: error.message };
  // An id in the address that cannot be a record (not a UUID): the page does not exist.
  if (error.validation && error.validationContext === 'params') return { status: 404, code: 'not_found', message: 'Page not found' };
  if (csrfCodes.has(error.code))
    return { status: 403, code: 'csrf', message: 'This form has expired or did not come from this site. Go back, reload the page and try again.' };
  if (error.validation) return { status: 400, code: 'invalid', message: error.message, field: validationField(error) };
  if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) return { status: 413, code: 'too_large', message: 'The file is too large' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { status: error.statusCode, code: 'bad_request', message: error.message };
  return { status: 500, code: 'internal', message: 'Sorry, something went wrong on our side. It has been logged; try again in a few minutes.' };
}

const titles: Record<number, string> = {
  400: 'There is a problem with what was sent',
  401: 'Sign in to continue',
  403: 'You cannot do this',
  404: 'Page not found',
  413: 'The file is too large',
  429: 'Too many attempts',
  500: 'Sorry, there is a problem with the service',
};

/** The one shape of every API error (ApiError in schemas.ts): field and problems only when there is something to say. */
function apiError(code: string, message: string, field?: string, problems?: FieldProblem[]): ApiErrorBody {
  return { error: code, message, ...(field ? { field } : {}), ...(problems ? { problems } : {}) };
}

/** One handler per surface: JSON for the API, a friendly page for people. Never a stack trace. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, code, message, field } = describe(error);
    if (status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    if (isApiRequest(request)) {
      const problems = error instanceof ValidationError && error.problems.length > 1 ? error.problems : undefined;
      return reply.code(status).send(apiError(code, message, field, problems));
    }
    return render(
      request,
      reply,
      'error.njk',
      { title: titles[status] ?? 'There is a problem', message, requestId: status >= 500 ? request.id : null },
      status,
    );
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiRequest(request)) return reply.code(404).send(apiError('not_found', 'There is nothing at this address'));
    return render(
      request,
      reply,
      'error.njk',
      { title: 'Page not found', message: 'If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.' },
      404,
    );
  });
}
