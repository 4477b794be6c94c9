/** A new password typed twice, as signing up by invitation and resetting a forgotten password both ask for it. */
import { TextField } from '../ui/text-field.js';

interface NewPasswordFieldsProps {
  /** The fields' ids are `<idPrefix>-password` and `<idPrefix>-again` (the browser tests find them by these). */
  idPrefix: string;
  labels: { password: string; again: string };
  password: string;
  again: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
  /** Whether the server's or the form's refusal names this field. */
  invalid: (field: 'password' | 'again') => boolean | undefined;
}

export function NewPasswordFields({
  idPrefix,
  labels,
  password,
  again,
  onPassword,
  onAgain,
  invalid,
}: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        label={labels.password}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={onPassword}
        invalid={invalid('password')}
      />
      <TextField
        id={`${idPrefix}-again`}
        label={labels.again}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={onAgain}
        invalid={invalid('again')}
      />
    </>
  );
}
