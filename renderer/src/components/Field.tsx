import { useId, type InputHTMLAttributes } from 'react'

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  label: string
  value: string
  onChange(value: string): void
  /** Shown under the input and read out with it. */
  hint?: string
  multiline?: boolean
}

/** A labelled input (or textarea) whose hint is tied to it with aria-describedby. */
export function Field({ label, value, onChange, hint, multiline, ...rest }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const described = hint ? hintId : undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={3}
          aria-describedby={described}
          required={rest.required}
          readOnly={rest.readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          value={value}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        />
      )}
      {hint && (
        <p id={hintId} className="hint" aria-live="polite">
          {hint}
        </p>
      )}
    </div>
  )
}
