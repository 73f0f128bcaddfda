import { useTranslation } from 'react-i18next'
import { errorText } from '../../../errorText'
import { useId, useState, type ChangeEvent } from 'react'

import { ErrorNote, Progress } from '../../../components/Notice'
import { readQrCode } from './readQrCode'

/** A file picker for a picture of a link's QR code; the link found is handed on for the person to check. */
export function QrFromImage({
  onFound,
  hint,
}: {
  onFound(text: string): void
  /** What kind of code to pick. */ hint?: string
}) {
  const { t } = useTranslation()
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
      setError(errorText(failure))
    } finally {
      setBusy(false)
      // The same file picked again (after fixing nothing) should still be read, and say so again.
      input.value = ''
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{t('connections.qrPicture')}</label>
      <input
        id={id}
        type="file"
        accept="image/*"
        aria-describedby={`${id}-hint`}
        onChange={(event) => void picked(event)}
        disabled={busy}
      />
      <span id={`${id}-hint`} className="hint">
        {hint ?? t('connections.qrPictureHint')}
      </span>
      <Progress busy={busy}>{t('connections.qrLooking')}</Progress>
      <ErrorNote error={error} />
    </div>
  )
}
