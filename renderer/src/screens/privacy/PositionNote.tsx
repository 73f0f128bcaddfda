import { useTranslation } from 'react-i18next'

import type { AskedItem, Position } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { conflictSentence, counterSentence } from './privacySentences'

/** A waiting DIDComm request against the privacy profile as it is now; nothing when it fits. */
export function DidCommPosition({ requestId, asked }: { requestId: string; asked: readonly AskedItem[] }) {
  const position = useLoad(() => apiClient()['consent.requestPosition']({ requestId }), ['requests'])
  if (position.error) return <ErrorNote error={position.error} />
  return position.data ? <PositionNote position={position.data} asked={asked} /> : null
}

/**
 * Where the request goes beyond the person's limits, each conflict in a sentence, and what the same
 * request would look like within them. Said before anything is answered, so the person can leave out
 * what the counter-offer leaves out.
 */
export function PositionNote({
  position,
  asked,
  of = 'request',
}: {
  position: Position
  asked: readonly AskedItem[]
  /** A request waiting for an answer, or a company's offer of an agreement. */
  of?: 'request' | 'offer'
}) {
  const { t } = useTranslation()
  if (position.fits) return null
  const byId = new Map(asked.map((item) => [item.descriptorId, item]))
  const sentences = [
    ...position.conflicts.map((conflict) => conflictSentence(t, conflict)),
    ...position.items.flatMap((item) =>
      item.conflicts.map((conflict) => conflictSentence(t, conflict, byId.get(item.descriptorId))),
    ),
  ]
  return (
    <section className="note note-warning position" aria-label={t('privacy.position.title')}>
      <h3>{t('privacy.position.title')}</h3>
      <p>{t(of === 'offer' ? 'privacy.position.offerBeyond' : 'privacy.position.waits')}</p>
      <ul>
        {[...new Set(sentences)].map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p>
        <strong>{t('privacy.counter.title')}:</strong> {counterSentence(t, position, asked, of)}
      </p>
    </section>
  )
}
