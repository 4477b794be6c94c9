/**
 * A form's state while it is filled in and sent: its problem (shown beside the field it names) and whether it is
 * busy sending. `submit` is submitForm (form-state.ts) on this state.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitForm, type FormProblem, type SubmitOptions } from './form-state.js';

export function useFormState() {
  const [error, setError] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('ui');
  const submit = useCallback(
    (action: () => Promise<unknown>, options?: Partial<SubmitOptions>) =>
      submitForm({ setBusy, setError }, action, { ...options, fallback: options?.fallback ?? t('form.couldNotSave') }),
    [t],
  );
  return { error, setError, busy, submit };
}
