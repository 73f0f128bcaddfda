import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { Done, ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { RequestCard } from './RequestCard'

/** Requests for the person's data that wait for a decision; nothing leaves before they decide. */
export function Requests() {
  const { t } = useTranslation()
  const requests = useLoad(() => apiClient()['requests.list'](undefined), ['requests'])
  const waiting = requests.data?.filter((request) => request.state === 'request-received')
  const [outcome, setOutcome] = useState<{ text: string; refused: boolean }>()

  return (
    <>
      <ErrorNote error={requests.error} />
      {outcome?.refused ? <ErrorNote error={outcome.text} /> : <Done text={outcome?.text} />}
      {waiting?.length === 0 && <p className="card">{t('requests.none')}</p>}
      {waiting && waiting.length > 0 && (
        <ul className="rows" aria-label={t('requests.list')}>
          {waiting.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              onAnswered={(text, refused) => {
                setOutcome({ text, refused })
                requests.reload()
              }}
            />
          ))}
        </ul>
      )}
    </>
  )
}
