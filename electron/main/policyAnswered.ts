import { Notification } from 'electron'

import type { PolicyDecision } from '../../shared/api'
import type { NodeHostClient } from './nodeHostClient'
import { say } from './shellWords'

/** What the notification says: who asked and why, and which policy answered how; never which data. */
export function policyNotice(decision: PolicyDecision): { title: string; body: string } {
  const values = {
    who: decision.requester ?? say('someone'),
    hasPurpose: decision.purpose ? 'yes' : 'no',
    purpose: decision.purpose ?? '',
    named: decision.policyName ? 'yes' : 'no',
    policy: decision.policyName ?? '',
  }
  return decision.outcome === 'shared'
    ? { title: say('policySharedTitle'), body: say('policySharedBody', values) }
    : { title: say('policyRefusedTitle'), body: say('policyRefusedBody', values) }
}

/**
 * Notifies when a standing policy answered a request without the person. What was decided before this
 * watch began (or before the last unlock) is taken as known, so an unlock does not replay old answers.
 */
export function watchPolicyAnswers(host: NodeHostClient, show: () => void): (topic: string) => void {
  let seen: Set<string> | undefined

  async function check(notify: boolean): Promise<void> {
    const reply = await host.call('consent.decisions', { limit: 20 })
    if (!reply.ok) {
      seen = undefined
      return
    }
    const decisions = reply.value as PolicyDecision[]
    const fresh = seen && notify ? decisions.filter((decision) => !seen?.has(decision.requestId)) : []
    seen = new Set([...(seen ?? []), ...decisions.map((decision) => decision.requestId)])
    if (!Notification.isSupported()) return
    for (const decision of fresh.reverse()) {
      const notice = new Notification(policyNotice(decision))
      notice.on('click', show)
      notice.show()
    }
  }

  void check(false)
  return (topic: string) => {
    if (topic === 'vault') {
      seen = undefined
      void check(false)
    } else if (topic === 'decisions') void check(true)
  }
}
