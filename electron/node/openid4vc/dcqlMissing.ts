import type { AgentContext } from '@credo-ts/core'

import type { AskedItem } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { toHeld } from '../credentials'
import { isPresentable } from './dcqlPresented'

interface FailedCredential {
  record: unknown
  meta?: { success: boolean }
}

/**
 * What a held credential of the asked kind lacks for a query it fails (an mDL without the asked
 * `portrait`): the asked claims it does not hold, for the closest one. Undefined when nothing of that kind
 * is held, or when it holds every asked claim and only a value the query demands differs.
 */
export function absentClaims(
  agentContext: AgentContext,
  asked: AskedItem,
  failed: FailedCredential[] | undefined,
): string[] | undefined {
  const lacking = (failed ?? [])
    .filter((credential) => credential.meta?.success !== false)
    .map((credential) => credential.record)
    .filter(isPresentable)
    .map((record) => toHeld(agentContext, record).claims)
    .map((claims) => asked.claims.filter((claim) => !(claim.split('.')[0] in claims)))
  const closest = lacking.sort((a, b) => a.length - b.length)[0]
  return closest && closest.length > 0 ? closest : undefined
}

/** The refusal of a request the held credentials do not answer, naming per query what is not held. */
export function notSatisfiable(missing: AskedItem[], absent: Record<string, string[]> = {}): CustosError {
  const parts = missing.map((item) =>
    absent[item.descriptorId]
      ? `${item.descriptorId}: what you hold has no ${absent[item.descriptorId].join(', ')}`
      : item.claims.join(', ') || item.types.join(', '),
  )
  return new CustosError(
    'RequestNotSatisfiable',
    `Custos holds nothing that answers this request (${parts.join('; ')}); nothing was sent.`,
  )
}
