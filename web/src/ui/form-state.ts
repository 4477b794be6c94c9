/**
 * What every form does when it is sent, in one place: the last problem is cleared, the form's own check runs
 * before anything is sent, the button is busy while the request runs (and never stays busy), and a refusal
 * becomes a problem the form shows next to the field the server named. Pure (no React, no DOM): the hook that
 * holds the state is use-form-state.ts, and form-state.test.ts checks this in Node.
 */
import { ApiError } from '../api/api-error.js';

/**
 * What the form shows: a message, beside `field` when one is named (the server's field path or the form's own),
 * and `id`, the element it is about when that is not the field's own box (one mark on the body map).
 */
export interface FormProblem {
  message: string;
  field?: string | undefined;
  id?: string | undefined;
}

/** Where the runner writes: the form's state setters (React's, or a test's). */
export interface FormSetters {
  setBusy(busy: boolean): void;
  setError(problem: FormProblem | null): void;
}

export interface SubmitOptions {
  /** The form's own check, before anything is sent: a problem stops the submission and is shown. */
  check?: () => FormProblem | null;
  /**
   * The words for a failure that is not the API's answer (a bug, a lost promise): never the exception's text.
   * useFormState gives ui:form.couldNotSave ("Could not save.") in the person's language when a form names none.
   */
  fallback: string;
  /**
   * The failure in this form's terms (a field name the form uses, a message in its words), given the problem
   * problemOf made and what was thrown; null when the form shows it some other way (then no problem is shown).
   */
  adapt?: (problem: FormProblem, err: unknown) => FormProblem | null;
}

/** The problem a failed request gives: the API's message and field, or `fallback` for anything else. */
export function problemOf(err: unknown, fallback: string): FormProblem {
  if (!(err instanceof ApiError)) return { message: fallback };
  return err.field ? { message: err.message, field: err.field } : { message: err.message };
}

/**
 * Sends a form: clears the problem, runs `check`, then `action` with the form busy. Resolves true when `action`
 * succeeded; false when the check or the request failed (the problem is set).
 */
export async function submitForm(
  set: FormSetters,
  action: () => Promise<unknown>,
  options: SubmitOptions,
): Promise<boolean> {
  set.setError(null);
  const checked = options.check?.() ?? null;
  if (checked) {
    set.setError(checked);
    return false;
  }
  set.setBusy(true);
  try {
    await action();
    return true;
  } catch (err) {
    const problem = problemOf(err, options.fallback);
    set.setError(options.adapt ? options.adapt(problem, err) : problem);
    return false;
  } finally {
    set.setBusy(false);
  }
}
