import type { InputHTMLAttributes, Ref } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  /** Shown under the field, and marks it invalid for assistive technology. */
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error tied to it by `aria-describedby`. */
export function Field({ id, label, value, onChange, hint, error, inputRef, className, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`signin-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      />
      {error && (
        <p id={errorId} className="signin-field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="signin-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
