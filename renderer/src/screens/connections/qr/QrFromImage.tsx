import { useId, useState, type ChangeEvent } from 'react'

import { ErrorNote, Progress } from '../../../components/Notice'
import { readQrCode } from './readQrCode'

/** A file picker for a picture of an invitation's QR code; the link found is handed on for the person to check. */
export function QrFromImage({ onFound }: { onFound(text: string): void }) {
  const id = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  async function picked(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    setBusy(true)
    setError(undefined)
    try {
      onFound(await readQrCode(file))
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
      // The same file picked again (after fixing nothing) should still be read, and say so again.
      input.value = ''
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>Or read a QR code from a picture</label>
      <input
        id={id}
        type="file"
        accept="image/*"
        aria-describedby={`${id}-hint`}
        onChange={(event) => void picked(event)}
        disabled={busy}
      />
      <span id={`${id}-hint`} className="hint">
        A screenshot or photo of the invitation’s QR code. It is read on this device only.
      </span>
      <Progress busy={busy}>Looking for a QR code…</Progress>
      <ErrorNote error={error} />
    </div>
  )
}
