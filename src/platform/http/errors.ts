/** Errors that services throw; the HTML and JSON handlers turn them into friendly answers. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used when a person may not know that a record exists (a 404, never a 403 hint). */
export class NotFound extends AppError {
  constructor(message = 'Page not found') {
    super(404, 'not_found', message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You do not have permission to do this') {
    super(403, 'forbidden', message);
  }
}

export class Unauthorised extends AppError {
  constructor(message = 'Sign in to continue') {
    super(401, 'unauthorised', message);
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

export class ValidationError extends AppError {
  constructor(
    readonly problems: FieldProblem[],
    message = problems.map((p) => p.message).join('; '),
  ) {
    super(400, 'invalid', message);
  }
}

/** The API's 422: the request was understood but a value is not acceptable; names the field. */
export class Unprocessable extends AppError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(422, 'invalid', message);
  }
}

export class Conflict extends AppError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class TooManyRequests extends AppError {
  constructor(message = 'Too many attempts. Wait 15 minutes and try again.') {
    super(429, 'rate_limited', message);
  }
}
