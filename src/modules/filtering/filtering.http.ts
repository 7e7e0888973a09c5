import type { FastifyRequest } from 'fastify';
import { NotFound, Unprocessable, ValidationError } from '../../platform/http/errors.ts';

/**
 * The API routes with a body collect schema problems (`attachValidation`) so the contract's 422
 * names the field; an id in the address that cannot be a record is still a 404.
 */
export function refuseInvalid(request: FastifyRequest): void {
  const invalid = request.validationError;
  if (!invalid) return;
  if (invalid.validationContext === 'params') throw new NotFound();
  const problem = (invalid.validation as { instancePath?: string; message?: string; params?: { missingProperty?: string } }[] | undefined)?.[0];
  const field = problem?.instancePath ? problem.instancePath.slice(1).split('/')[0] : problem?.params?.missingProperty;
  throw new Unprocessable(field ? `${field}: ${problem?.message ?? 'is not valid'}` : 'The body must be a JSON object', field);
}

/** A service's ValidationError, as the API's 422 naming the first field at fault. */
export async function as422<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError) throw new Unprocessable(error.message, error.problems[0]?.field);
    throw error;
  }
}
