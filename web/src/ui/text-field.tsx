/** A labelled one-line field: the label, then the input, as every account form draws them. */
import type { InputHTMLAttributes } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'aria-invalid'> & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Marks the field for assistive technology; the attribute is left out when false, as screen readers expect. */
  invalid?: boolean | undefined;
};

/** Any other input attribute (type, autoComplete, aria-describedby) is passed on to the input as it is. */
export function TextField({ id, label, value, onChange, invalid, ...input }: TextFieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
      />
    </>
  );
}
