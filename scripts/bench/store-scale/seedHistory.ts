import { randomUUID } from 'node:crypto'

import type { AgentContext } from '@credo-ts/core'

import { appDatabaseOf } from '../../../electron/node/db'
import { consentEvaluations } from '../../../electron/node/consent/consentTables'
import { insertPolicy } from '../../../electron/node/consent/policyStore'
import { disclosures } from '../../../electron/node/disclosures/disclosureTables'
import type { PolicyInput } from '../../../shared/api'
import { mortgagePolicy } from '../../../tests/helpers/consent'

const ROWS_PER_INSERT = 500
const DAY_MS = 86_400_000

/**
 * 500 policies straight into the policy tables (through ConsentService each would need a live connection
 * of its own): one names `connectionId`, the others connections the node does not have; every other one
 * has a frequency limit, so evaluation counts its answers in the window. Returns the policy ids.
 */
export function seedPolicies(agentContext: AgentContext, connectionId: string, count = 500): string[] {
  const db = appDatabaseOf(agentContext)
  const ids = Array.from({ length: count }, () => randomUUID())
  db.transaction((tx) => {
    ids.forEach((id, i) => {
      const limit = i % 4 === 0 ? 10 : 1_000
      const when: PolicyInput['when'] = i % 2 === 0 ? { maxAnswers: limit, period: 'P30D' } : {}
      const who = i === count - 1 ? connectionId : `connection-${i}`
      insertPolicy(tx, id, { ...mortgagePolicy(who, when), name: `Policy ${i}` }, new Date(i).toISOString())
    })
  })
  return ids
}

/**
 * History entries `from`..`to`: a disclosure and the evaluation that decided it, spread over the policies
 * and all within the last 30 days (the worst case for the frequency counts: every one is in the window), written in bulk (going over DIDComm, 100,000 would take days here).
 */
export function seedHistory(agentContext: AgentContext, policyIds: string[], from: number, to: number): void {
  const db = appDatabaseOf(agentContext)
  const now = Date.now()
  for (let start = from; start < to; start += ROWS_PER_INSERT) {
    const rows = Array.from({ length: Math.min(ROWS_PER_INSERT, to - start) }, (_, i) => {
      const n = start + i
      const policyId = policyIds[n % policyIds.length]
      const at = new Date(now - ((n * 7919) % (30 * DAY_MS))).toISOString()
      return { n, policyId, at, requestId: randomUUID() }
    })
    db.transaction((tx) => {
      tx.insert(disclosures)
        .values(
          rows.map(({ n, policyId, at, requestId }) => ({
            id: randomUUID(),
            requestId,
            threadId: randomUUID(),
            connectionId: `connection-${n % policyIds.length}`,
            recipient: `Lender ${n % 50}`,
            credentials: JSON.stringify([
              {
                credentialId: `c${n}`,
                types: ['IdentityCredential'],
                issuer: 'did:key:z',
                claims: ['name', 'address'],
              },
            ]),
            purpose: 'mortgage application',
            purposeIds: JSON.stringify(['dpv:CreditChecking']),
            retention: 'P7Y',
            legalBasis: 'contract',
            decidedBy: 'policy' as const,
            policyId,
            policyVersion: 1,
            disclosedAt: at,
          })),
        )
        .run()
      tx.insert(consentEvaluations)
        .values(
          rows.map(({ policyId, at, requestId }) => ({
            id: randomUUID(),
            requestId,
            evaluatedAt: at,
            outcome: 'share' as const,
            policyId,
            policyVersion: 1,
            taken: true,
            trace: '{"considered":[],"reason":"seeded"}',
          })),
        )
        .run()
    })
  }
}
