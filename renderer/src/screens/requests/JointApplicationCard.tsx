import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { JointApplicationView } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDuration } from '../../i18n/format'

/** One joint application, in the words of where it stands for this person. */
export function JointApplicationCard({
  application,
  onChanged,
}: {
  application: JointApplicationView
  onChanged(): void
}) {
  const { t } = useTranslation()
  const action = useAction()
  const [picked, setPicked] = useState(application.candidates[0]?.connectionId ?? '')
  const lender = application.lender ?? t('common.aConnection')
  const member = application.member?.label ?? t('joint.aMember')
  const purpose = application.purpose ?? t('joint.noPurpose')
  const words = { lender, member, purpose }

  async function run(call: () => Promise<unknown>) {
    if (await action.run(call)) onChanged()
  }
  const bringIn = () =>
    run(() => apiClient()['jointApplications.bringIn']({ id: application.id, memberConnectionId: picked }))
  const respond = (join: boolean) => run(() => apiClient()['jointApplications.respond']({ id: application.id, join }))

  return (
    <li className="card" data-testid="joint-application">
      <p>{t(`joint.${application.role}.${application.state}`, words)}</p>
      {application.role === 'second' && application.retention && application.state === 'asked' && (
        <p>{t('joint.retention', { lender, retention: formatDuration(application.retention) })}</p>
      )}
      {application.state === 'pick-member' && application.candidates.length === 0 && <p>{t('joint.noMembers')}</p>}
      {application.state === 'pick-member' && application.candidates.length > 0 && (
        <fieldset>
          <legend>{t('joint.pickMember')}</legend>
          {application.candidates.map((candidate) => (
            <label key={candidate.connectionId}>
              <input
                type="radio"
                name={`joint-member-${application.id}`}
                value={candidate.connectionId}
                checked={picked === candidate.connectionId}
                onChange={() => setPicked(candidate.connectionId)}
              />
              {candidate.label ?? t('joint.aMember')}
            </label>
          ))}
        </fieldset>
      )}
      {application.state === 'pick-member' && application.candidates.length > 0 && (
        <div className="actions">
          <button type="button" onClick={() => void bringIn()} disabled={action.busy || !picked}>
            {t('joint.ask')}
          </button>
        </div>
      )}
      {application.role === 'second' && application.state === 'asked' && (
        <div className="actions">
          <button type="button" onClick={() => void respond(true)} disabled={action.busy}>
            {t('joint.join')}
          </button>
          <button type="button" className="secondary" onClick={() => void respond(false)} disabled={action.busy}>
            {t('joint.decline')}
          </button>
        </div>
      )}
      {application.refusal && (
        <details>
          <summary>{t('joint.details')}</summary>
          <p>{application.refusal}</p>
          <p>{t('joint.applicationId', { id: application.applicationId })}</p>
        </details>
      )}
      <Progress busy={action.busy}>{t('joint.working')}</Progress>
      <ErrorNote error={action.error} />
    </li>
  )
}
