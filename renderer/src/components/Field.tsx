import { useId, type InputHTMLAttributes } from 'react'

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  label: string
  value: string
  onChange(value: string): void
  /** Shown under the input and read out with it. */
  hint?: string
  /** The app's own message about this field (forms are noValidate: no browser bubbles). */
  error?: string
  multiline?: boolean
}

/** A labelled input (or textarea) whose hint and error are tied to it with aria-describedby. */
export function Field({ label, value, onChange, hint, error, multiline, ...rest }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={3}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          required={rest.required}
          readOnly={rest.readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          value={value}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        />
      )}
      {hint && (
        <p id={hintId} className="hint" aria-live="polite">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
