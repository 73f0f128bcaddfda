import { Field } from './Field'

interface NewPassphraseProps {
  /** What the passphrase is for, as the labels say it: "Passphrase", "New passphrase", "Backup passphrase". */
  label: string
  value: string
  confirm: string
  onChange(value: string): void
  onConfirmChange(value: string): void
  hint: string
}

/** A new passphrase typed twice, so a typo does not lock the person out of what it protects. */
export function NewPassphrase({ label, value, confirm, onChange, onConfirmChange, hint }: NewPassphraseProps) {
  return (
    <>
      <Field
        label={label}
        type="password"
        autoComplete="new-password"
        required
        value={value}
        onChange={onChange}
        hint={hint}
      />
      <Field
        label={`Type the ${label.toLowerCase()} again`}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={onConfirmChange}
      />
    </>
  )
}
