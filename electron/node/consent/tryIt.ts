import type { AgentContext } from '@credo-ts/core'
import type { z } from 'zod'

import type { ConsentEvaluation, sampleRequestSchema } from '../../../shared/api'
import { appDatabaseOf } from '../db'
import { evaluate } from './evaluate'
import { rolesOfConnection } from './gatherFacts'
import { dpvPurposes } from '../vocabulary'
import { withUse } from './takeDecision'

export type SampleRequest = z.output<typeof sampleRequestSchema>

/** Evaluates a made-up request against the policies as they stand: nothing is sent, recorded or counted. */
export async function tryIt(
  agentContext: AgentContext,
  sample: SampleRequest,
): Promise<Omit<ConsentEvaluation, 'requestId'>> {
  const vocabulary = dpvPurposes()
  const at = sample.at ?? new Date().toISOString()
  const facts = {
    connectionId: sample.connectionId,
    roles: await rolesOfConnection(agentContext, sample.connectionId),
    purposes: sample.purposes.map((stated) => vocabulary.lookup(stated) ?? stated),
    retention: sample.retention,
    items: sample.items.map((item, index) => ({ descriptorId: `item-${index + 1}`, ...item, held: true })),
    at,
  }
  return { evaluatedAt: at, ...evaluate(facts, withUse(appDatabaseOf(agentContext), at), vocabulary) }
}
