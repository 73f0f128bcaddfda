import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { Done, ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { OpenLink } from '../openid4vc/OpenLink'
import { PresentationCard } from '../openid4vc/PresentationCard'
import { JointApplications } from './JointApplications'
import { RequestCard } from './RequestCard'

/**
 * Requests for the person's data that wait for a decision, whatever protocol the company speaks (DIDComm
 * over a connection, or OpenID4VP from a link); nothing leaves before they decide.
 */
export function Requests({ link, onLinkTaken }: { link?: string; onLinkTaken?(): void } = {}) {
  const { t } = useTranslation()
  const requests = useLoad(() => apiClient()['requests.list'](undefined), ['requests'])
  // Kept in the node's memory only, announced by no event: asked again when a link opened one.
  const fromLinks = useLoad(() => apiClient()['openid4vc.listRequests'](undefined), ['requests'])
  const waiting = requests.data?.filter((request) => request.state === 'request-received')
  const [outcome, setOutcome] = useState<{ text: string; refused: boolean }>()
  const answered = (text: string, refused: boolean) => {
    setOutcome({ text, refused })
    requests.reload()
    fromLinks.reload()
  }
  const count = waiting && fromLinks.data ? waiting.length + fromLinks.data.length : undefined

  return (
    <>
      <ErrorNote error={requests.error ?? fromLinks.error} />
      {outcome?.refused ? <ErrorNote error={outcome.text} /> : <Done text={outcome?.text} />}
      <JointApplications />
      {count === 0 && <p className="card">{t('requests.none')}</p>}
      {count !== undefined && count > 0 && (
        <ul className="rows" aria-label={t('requests.list')}>
          {waiting?.map((request) => (
            <RequestCard key={request.id} request={request} onAnswered={answered} />
          ))}
          {fromLinks.data?.map((request) => (
            <PresentationCard key={request.id} request={request} onAnswered={answered} />
          ))}
        </ul>
      )}
      <OpenLink
        link={link}
        onLinkTaken={onLinkTaken}
        onRequest={() => {
          setOutcome(undefined)
          fromLinks.reload()
        }}
      />
    </>
  )
}
