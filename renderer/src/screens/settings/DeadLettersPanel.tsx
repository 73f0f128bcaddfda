import { useEffect, useState } from 'react'

import type { DeadLetterPage } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'

const PAGE = 20
const kibibytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KiB`

/**
 * Messages that arrived and could not be processed: a page at a time, newest first, without their
 * contents, and removable. The node keeps only a bounded number of them and lets old ones expire.
 */
export function DeadLettersPanel() {
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
      <h2 id="dead-letters-heading">Messages that could not be read</h2>
      <ErrorNote error={page.error ?? remove.error} />
      {data && data.total === 0 && <p>None.</p>}
      {data && data.total > 0 && (
        <>
          <p>
            {data.total} kept ({kibibytes(data.keptBytes)} of contents). Old ones are removed by themselves.
          </p>
          <ul className="list" data-testid="dead-letters">
            {data.letters.map((letter) => (
              <li key={letter.sequence}>
                From <code>{letter.remote}</code> at {new Date(letter.receivedAt).toLocaleString()}: {letter.reason},{' '}
                {kibibytes(letter.bytes)}
                {letter.kept ? '' : ' (contents not kept)'}
              </li>
            ))}
          </ul>
          {data.next !== undefined && (
            <button type="button" onClick={() => setBefore([...before, data.next as number])}>
              Older
            </button>
          )}
          {before.length > 0 && (
            <button type="button" onClick={() => setBefore(before.slice(0, -1))}>
              Newer
            </button>
          )}
          <button type="button" onClick={removeAll} disabled={remove.busy}>
            Remove all
          </button>
        </>
      )}
    </section>
  )
}
