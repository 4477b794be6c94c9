/**
 * The forms' shared sending rules (form-state.ts), in Node: what is shown, in which order, and that the button is
 * never left busy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api/api-error.js';
import { problemOf, submitForm, type FormProblem } from './form-state.js';

// The words useFormState gives when a form names none (ui:form.couldNotSave in English).
const fallback = 'Could not save.';

/** A form's setters that write down every call, in order. */
function recorder() {
  const calls: Array<['busy', boolean] | ['error', FormProblem | null]> = [];
  return {
    calls,
    set: {
      setBusy: (b: boolean) => {
        calls.push(['busy', b]);
      },
      setError: (p: FormProblem | null) => {
        calls.push(['error', p]);
      },
    },
  };
}

test('A form that is sent and saved: the old problem is cleared, busy while the request runs, then not', async () => {
  const r = recorder();
  let busyDuring: boolean | undefined;
  const ok = await submitForm(
    r.set,
    async () => {
      busyDuring = r.calls.at(-1)?.[1] === true;
    },
    { fallback },
  );
  assert.equal(ok, true);
  assert.equal(busyDuring, true);
  assert.deepEqual(r.calls, [
    ['error', null],
    ['busy', true],
    ['busy', false],
  ]);
});

test("The form's own check fails: its problem is shown and nothing is sent", async () => {
  const r = recorder();
  let sent = false;
  const ok = await submitForm(
    r.set,
    async () => {
      sent = true;
    },
    { fallback, check: () => ({ message: 'Enter your email.', field: 'email' }) },
  );
  assert.equal(ok, false);
  assert.equal(sent, false);
  assert.deepEqual(r.calls, [
    ['error', null],
    ['error', { message: 'Enter your email.', field: 'email' }],
  ]);
});

test('The server refuses: its message is shown beside the field it names, and the button is free again', async () => {
  const r = recorder();
  const ok = await submitForm(
    r.set,
    async () => {
      throw new ApiError(400, 'invalid', 'Steps must be 0 or more.', 'body.steps');
    },
    { fallback },
  );
  assert.equal(ok, false);
  assert.deepEqual(r.calls, [
    ['error', null],
    ['busy', true],
    ['error', { message: 'Steps must be 0 or more.', field: 'body.steps' }],
    ['busy', false],
  ]);
});

test("A failure that is not the API's answer shows the form's own words, never the exception's text", async () => {
  const r = recorder();
  await submitForm(
    r.set,
    async () => {
      throw new TypeError('x is undefined');
    },
    { fallback: 'Could not sign in. Try again.' },
  );
  assert.deepEqual(r.calls[2], ['error', { message: 'Could not sign in. Try again.' }]);
  assert.deepEqual(problemOf(new Error('boom'), fallback), { message: 'Could not save.' });
});

test("adapt puts the server's field in the form's terms, or hides the problem when the form shows it otherwise", async () => {
  const r = recorder();
  await submitForm(
    r.set,
    async () => {
      throw new ApiError(400, 'invalid', 'Too many.', 'body.minutes');
    },
    {
      fallback,
      adapt: (p) => ({ message: p.message, field: p.field?.replace(/^body\./, '') }),
    },
  );
  assert.deepEqual(r.calls[2], ['error', { message: 'Too many.', field: 'minutes' }]);
  const gone = recorder();
  const expired = (p: FormProblem, err: unknown) => (err instanceof ApiError && err.status === 410 ? null : p);
  await submitForm(
    gone.set,
    async () => {
      throw new ApiError(410, 'gone', 'This link has expired.');
    },
    { fallback, adapt: expired },
  );
  assert.deepEqual(gone.calls[2], ['error', null]);
  // adapt sees any failure, a bug too, as the fallback problem.
  const bug = recorder();
  await submitForm(
    bug.set,
    async () => {
      throw new Error('bug');
    },
    { fallback, adapt: expired },
  );
  assert.deepEqual(bug.calls[2], ['error', { message: 'Could not save.' }]);
});

test('An offline failure reads as the client words it, with no field', () => {
  assert.deepEqual(problemOf(new ApiError(0, 'offline', 'Could not reach Footing.'), fallback), {
    message: 'Could not reach Footing.',
  });
});
