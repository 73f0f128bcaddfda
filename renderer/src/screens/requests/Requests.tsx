import { useState } from 'react'

import { apiClient } from '../../apiClient'
import { Done, ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { RequestCard } from './RequestCard'

/** Requests for the person's data that wait for a decision; nothing leaves before they decide. */
export function Requests() {
  const requests = useLoad(() => apiClient()['requests.list'](undefined), ['requests'])
  const waiting = requests.data?.filter((request) => request.state === 'request-received')
  const [outcome, setOutcome] = useState<string>()

  return (
    <>
      <ErrorNote error={requests.error} />
      <Done text={outcome} />
      {waiting?.length === 0 && (
        <p className="card">No requests wait for you. When a company asks for your data, the request shows here.</p>
      )}
      {waiting && waiting.length > 0 && (
        <ul className="rows" aria-label="Waiting requests">
          {waiting.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              onAnswered={(text) => {
                setOutcome(text)
                requests.reload()
              }}
            />
          ))}
        </ul>
      )}
    </>
  )
}
