import { useId } from 'react'

/** What remembering means, said once for the unlock screen and the settings panel alike. */
export const REMEMBER_MEANS =
  'Custos then opens when it starts without asking for your passphrase: this computer’s keychain keeps ' +
  'the store’s key. Anyone who can log in to this account on this computer can open your store. Locking ' +
  'it (by hand or when unused) still asks for the passphrase, and the passphrase keeps working.'

/** The "Remember on this device" checkbox with what it means tied to it. */
export function RememberChoice({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const id = useId()
  return (
    <div className="field check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-means`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id}>Remember on this device</label>
        <p id={`${id}-means`} className="hint">
          {REMEMBER_MEANS}
        </p>
      </div>
    </div>
  )
}
