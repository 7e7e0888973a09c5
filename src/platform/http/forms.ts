import { ValidationError, type FieldProblem } from './errors.ts';
import { formErrors } from './render.ts';

export type FormErrors = ReturnType<typeof formErrors>;

/**
 * Runs a form's action; when it is refused as a ValidationError, `reshow` renders the same form
 * again with the GOV.UK error summary and the messages beside each field, with the refusal's own
 * status (400; 403 for a ValidationError that is a refusal of permission, such as a role the person
 * may not give). Every other error goes on to the error handler.
 */
export async function submitForm<T>(action: () => Promise<T>, reshow: (errors: FormErrors, problems: FieldProblem[], status: number) => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reshow(formErrors(error.problems), error.problems, error.statusCode);
  }
}
