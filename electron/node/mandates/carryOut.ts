import type { AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'

import { roleOf, sendOnConnection } from '../connections'
import { gatherFacts } from '../consent'
import { appDatabaseOf } from '../db'
import type { RequestsService } from '../requests'
import { dpvPurposes } from '../vocabulary'
import { askRow, mandateRow, setAskState, toAsk, usedInWindow } from './mandateStore'
import { coverage } from './mandateScope'
import { MEMBER_ROLE } from './members'
import { MandateOutcomeMessage, type MandateDecisionMessage } from './protocol'
import { changed, refuse } from './refusals'

const DECLINED = 'Declined by a member of the household acting for the person under a mandate.'

/**
 * The grantor's node receives a delegate's decision. Who sent it (the mandate's own connection), which
 * mandate and ask it names, whether the ask is still open, and what it approves are checked first; then
 * the mandate's clauses are evaluated again on the request as it is now, and the ask is claimed in the
 * same IMMEDIATE transaction that counts the mandate's answers, so a replay or a second approval racing
 * it cannot take an answer the mandate no longer has. Anything refused shares nothing.
 */
export async function carryOut(
  agentContext: AgentContext,
  requests: RequestsService,
  message: MandateDecisionMessage,
  connection: DidCommConnectionRecord,
): Promise<void> {
  const db = appDatabaseOf(agentContext)
  const thread = message.threadId
  const say = (reason: string) => refuse(agentContext, connection.id, thread, reason)
  const mandate = typeof message.mandate_id === 'string' ? mandateRow(db, message.mandate_id) : undefined
  if (!mandate || mandate.role !== 'grantor') return say('No mandate of this person has that id; nothing was shared.')
  if (mandate.connectionId !== connection.id)
    return say('This decision did not come from the member who holds the mandate; nothing was shared.')
  if (roleOf(connection) !== MEMBER_ROLE)
    return say(
      'The delegate is no longer a member of the household, so the mandate decides nothing; nothing was shared.',
    )
  const ask = askRow(db, thread)
  if (!ask || ask.role !== 'grantor' || ask.mandateId !== mandate.id || !ask.requestId)
    return say('No such request was put to you under this mandate; nothing was shared.')
  if (mandate.status !== 'active')
    return say('The mandate was revoked, so it decides nothing; the request waits for the person.')
  if (ask.state !== 'waiting')
    return say('This request was decided already; a decision counts once, so nothing more was shared.')
  const put = toAsk(ask).items.map((item) => item.descriptorId)
  const named = Array.isArray(message.items) ? message.items : []
  if (typeof message.approve !== 'boolean' || named.length !== put.length || named.some((id) => !put.includes(id)))
    return say('The decision names other data than was put to you; nothing was shared.')

  const requestId = ask.requestId
  if (!message.approve) {
    setAskState(db, ask.id, 'declined', DECLINED)
    await requests.answer(agentContext, requestId, { approve: false, reason: DECLINED })
    return tell(agentContext, connection.id, ask.id, ask.mandateId, 'declined', DECLINED)
  }
  const vocabulary = dpvPurposes()
  const { facts, proposal, summary } = await gatherFacts(agentContext, requestId, vocabulary)
  const check = db.transaction(
    (tx) => {
      const current = askRow(tx, ask.id)
      const row = mandateRow(tx, mandate.id)
      if (current?.state !== 'waiting' || !row) return { replay: true, covered: false, failing: [] }
      const result = coverage(facts, row, usedInWindow(tx, row.id, JSON.parse(row.scope), facts.at), vocabulary)
      if (result.covered) setAskState(tx, ask.id, 'approved')
      return { replay: false, ...result }
    },
    { behavior: 'immediate' },
  )
  if (check.replay) return say('This request was decided already; a decision counts once, so nothing more was shared.')
  if (!check.covered) {
    const reason = `The mandate does not cover this answer now (${check.failing.join('; ')}); nothing was shared, and the request waits for the person.`
    setAskState(db, ask.id, 'refused', reason)
    changed(agentContext, mandate.id, ask.id)
    return say(reason)
  }
  try {
    const choose = Object.fromEntries(facts.items.map((item) => [item.descriptorId, item.credentialId ?? '']))
    await requests.answer(agentContext, requestId, { approve: true, choose }, { proposal, summary })
  } catch (error) {
    const reason = `It could not be carried out: ${(error as Error).message}`
    setAskState(db, ask.id, 'refused', reason)
    changed(agentContext, mandate.id, ask.id)
    return say(reason)
  }
  await tell(agentContext, connection.id, ask.id, ask.mandateId, 'done', 'Shared with the requester as you approved.')
}

async function tell(
  agentContext: AgentContext,
  connectionId: string,
  askId: string,
  mandateId: string,
  state: 'done' | 'declined',
  note: string,
): Promise<void> {
  setAskState(appDatabaseOf(agentContext), askId, state, note)
  changed(agentContext, mandateId, askId)
  await sendOnConnection(agentContext, connectionId, new MandateOutcomeMessage({ askId, state, note }))
}
