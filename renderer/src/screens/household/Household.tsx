import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { MediatorPanel } from '../settings/MediatorPanel'
import { InvitePanel } from './InvitePanel'
import { LeavePanel } from './LeavePanel'
import { Mandates } from './Mandates'
import { MemberRow } from './MemberRow'

// A member's node coming or going is a live event ('mediation'); when it was last heard from is not, and
// is asked again this often.
const REFRESH_MS = 30_000

/**
 * The household: on its always-on node, the members' nodes, which are reachable and what waits for each;
 * on a member's node, the household node it belongs to and leaving it; on any other node, joining one.
 */
export function Household() {
  const { t } = useTranslation()
  const view = useLoad(() => apiClient()['household.members'](undefined), ['mediation', 'connections'])
  const { reload } = view
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])
  const data = view.data

  return (
    <>
      <p>{t('household.intro')}</p>
      <ErrorNote error={view.error} />
      {data?.isHouseholdNode && (
        <>
          <section aria-labelledby="members-heading" className="card">
            <h2 id="members-heading">{t('household.members')}</h2>
            {data.members.length === 0 && <p>{t('household.noMembers')}</p>}
            {data.members.length > 0 && (
              <ul className="rows" aria-label={t('household.memberList')}>
                {data.members.map((member) => (
                  <MemberRow key={member.connectionId} member={member} onRemoved={reload} />
                ))}
              </ul>
            )}
          </section>
          <InvitePanel />
        </>
      )}
      {data?.householdNode && <LeavePanel node={data.householdNode} onLeft={reload} />}
      {data && !data.isHouseholdNode && <Mandates />}
      {data && !data.isHouseholdNode && !data.householdNode && (
        <>
          <p>{t('household.noneJoin')}</p>
          <MediatorPanel />
        </>
      )}
    </>
  )
}
