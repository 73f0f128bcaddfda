import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorNote } from '../../components/Notice'
import type { HistoryPages } from './useHistoryPages'

/**
 * "Show older" under the list, and what is shown so far. When the last page arrives the button goes,
 * so focus moves to the sentence that replaces it instead of falling back to the top of the page.
 */
export function OlderPages({ history }: { history: HistoryPages }) {
  const { t } = useTranslation()
  const [reachedEnd, setReachedEnd] = useState(false)
  const endRef = useRef<HTMLParagraphElement>(null)
  const count = history.loaded?.items.length ?? 0
  const more = Boolean(history.loaded?.next)

  useEffect(() => {
    if (reachedEnd && !more) endRef.current?.focus()
  }, [reachedEnd, more])

  async function showOlder() {
    const shown = await history.showOlder()
    if (shown && !shown.next) setReachedEnd(true)
  }

  if (!more) {
    return (
      <p ref={endRef} tabIndex={-1} className="hint" role="status">
        {t('history.whole', { count })}
      </p>
    )
  }
  return (
    <div>
      <p className="hint" role="status">
        {t('history.newest', { count })}
      </p>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus while the page loads. */}
      <button type="button" onClick={() => void showOlder()} aria-disabled={history.olderBusy}>
        {history.olderBusy ? t('history.loadingOlder') : t('history.showOlder')}
      </button>
      <ErrorNote error={history.olderError} />
    </div>
  )
}
