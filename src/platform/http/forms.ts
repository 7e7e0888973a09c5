import { ValidationError, type FieldProblem } from './errors.ts';
import { formErrors } from './render.ts';

export type FormErrors = ReturnType<typeof formErrors>;

/**
 * Runs `action`; when it fails with an error of class `kind` (too many attempts, a link that has
 * expired), `instead` answers with the page for that. Every other error goes on to the error handler.
 */
export async function whenRefused<E extends Error, T>(
  kind: abstract new (...args: never[]) => E,
  action: () => Promise<T>,
  instead: (error: E) => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof kind) return instead(error);
    throw error;
  }
}

/**
 * Runs a form's action; when it is refused as a ValidationError, `reshow` renders the same form
 * again with the GOV.UK error summary and the messages beside each field, with the refusal's own
 * status (400; 403 for a ValidationError that is a refusal of permission, such as a role the person
 * may not give). Every other error goes on to the error handler.
 */
export function submitForm<T>(action: () => Promise<T>, reshow: (errors: FormErrors, problems: FieldProblem[], status: number) => Promise<T>): Promise<T> {
  return whenRefused(ValidationError, action, (error) => reshow(formErrors(error.problems), error.problems, error.statusCode));
}
