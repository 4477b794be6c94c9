/**
 * What a clinician's screen of one patient does first: load that patient's data, and when that fails say why,
 * a 404 being "not (or no longer) your patient" (the care link ended, or the patient deleted their account).
 * Used by the patient page (clinician-patient.tsx) and the conversation (messages/clinician-messages.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { PathLink } from '../ui/path-link.js';
import { FieldError, ScreenTitle } from '../ui/common.js';

/**
 * Loads with `fetch` when it changes (wrap it in useCallback with what it reads); `reload` loads again. On a
 * failure the data is dropped, so a screen never shows a patient it may no longer see.
 */
export function usePatientData<T>(fetch: () => Promise<T>): {
  data: T | null;
  error: Error | null;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const reload = useCallback(
    () =>
      fetch().then(
        (d) => {
          setData(d);
          setError(null);
        },
        (e: unknown) => {
          setError(e instanceof Error ? e : new Error(String(e)));
          setData(null);
        },
      ),
    [fetch],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

/** The screen when the patient's data could not be loaded: its title and why, and the way back to the list. */
export function PatientLoadError({
  error,
  title,
  goneTitle,
  goneMessage,
  back,
}: {
  error: Error;
  title: string;
  goneTitle: string;
  goneMessage: string;
  back: string;
}) {
  const gone = error instanceof ApiError && error.status === 404;
  return (
    <section className="screen">
      <ScreenTitle>{gone ? goneTitle : title}</ScreenTitle>
      <FieldError message={gone ? goneMessage : error.message} />
      <p>
        <PathLink to="/">{back}</PathLink>
      </p>
    </section>
  );
}
