import { Type, type Static } from 'typebox';

/**
 * Route schemas every module shares. A route that declares `params: IdParams` gets `id` typed as
 * a string that is a UUID: anything else never reaches the handler (the error handler answers 404,
 * as for a record that does not exist).
 */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type IdParams = Static<typeof IdParams>;

/** The body of a form that is only a button (sign out, withdraw): its CSRF token, nothing else. */
export const ButtonBody = Type.Object({ _csrf: Type.Optional(Type.String()) });

/** The one shape of every API error: a code to branch on, words for a person, the field at fault. */
export const ApiError = Type.Object({
  error: Type.String({ description: 'A stable code, like not_found or invalid' }),
  message: Type.String({ description: 'What went wrong, in plain words' }),
  field: Type.Optional(Type.String({ description: 'The request field at fault, when there is one (the first, when several are)' })),
  problems: Type.Optional(
    Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), { description: 'Every field at fault, when there are several' }),
  ),
});
export type ApiError = Static<typeof ApiError>;

/** Responses to list in an API route's schema, so the OpenAPI document shows the error shape. */
export const apiErrors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 422: ApiError } as const;
