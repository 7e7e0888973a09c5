import { ValidationError, type FieldProblem } from './errors.ts';
import { formErrors } from './render.ts';

export type FormErrors = ReturnType<typeof formErrors>;

/**
 * Runs a form's action; when it is refused as a ValidationError, `reshow` renders the same form
 * again (status 400) with the GOV.UK error summary and the messages beside each field. Every other
 * error goes on to the error handler.
 */
export async function submitForm<T>(action: () => Promise<T>, reshow: (errors: FormErrors, problems: FieldProblem[]) => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reshow(formErrors(error.problems), error.problems);
  }
}
