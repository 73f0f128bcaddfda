import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { DeadLetterPage } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'
import { formatDateTime, formatNumber } from '../../i18n/format'

const PAGE = 20
const kibibytes = (bytes: number) => `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KiB`

/**
 * Messages that arrived and could not be processed: a page at a time, newest first, without their
 * contents, and removable. The node keeps only a bounded number of them and lets old ones expire.
 */
export function DeadLettersPanel() {
  const { t } = useTranslation()
  const [before, setBefore] = useState<number[]>([])
  const cursor = before.at(-1)
  const page = useLoad<DeadLetterPage>(
    () => apiClient()['inbox.listDeadLetters']({ limit: PAGE, before: cursor }),
    ['vault', 'node'],
  )
  const remove = useAction()
  const data = page.data
  const { reload } = page
  // Another page asked for: useLoad reloads on live topics only.
  useEffect(() => reload(), [cursor, reload])

  async function removeAll() {
    const done = await remove.run(() => apiClient()['inbox.deleteDeadLetters']({ all: true }))
    if (done) {
      setBefore([])
      page.reload()
    }
  }

  return (
    <section aria-labelledby="dead-letters-heading" className="card">
      <h2 id="dead-letters-heading">{t('deadLetters.title')}</h2>
      <ErrorNote error={page.error ?? remove.error} />
      {data && data.total === 0 && <p>{t('deadLetters.none')}</p>}
      {data && data.total > 0 && (
        <>
          <p>{t('deadLetters.kept', { count: data.total, size: kibibytes(data.keptBytes) })}</p>
          <ul className="list" data-testid="dead-letters">
            {data.letters.map((letter) => (
              <li key={letter.sequence}>
                {t('deadLetters.item', {
                  remote: letter.remote,
                  at: formatDateTime(letter.receivedAt),
                  reason: letter.reason,
                  size: kibibytes(letter.bytes),
                })}
                {letter.kept ? '' : ` ${t('deadLetters.notKept')}`}
              </li>
            ))}
          </ul>
          {data.next !== undefined && (
            <button type="button" onClick={() => setBefore([...before, data.next as number])}>
              {t('deadLetters.older')}
            </button>
          )}
          {before.length > 0 && (
            <button type="button" onClick={() => setBefore(before.slice(0, -1))}>
              {t('deadLetters.newer')}
            </button>
          )}
          <button type="button" onClick={() => void removeAll()} disabled={remove.busy}>
            {t('deadLetters.removeAll')}
          </button>
        </>
      )}
    </section>
  )
}
