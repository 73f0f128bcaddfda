import { inject, injectable, type AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'

import type { AgreementTerms } from '../../../shared/api'
import { AgreementRefusedError } from '../../../shared/errors'
import { sendOnConnection } from '../connections'
import { appDatabaseOf } from '../db'
import { agreementOnThread, saveOffer } from './agreementStore'
import { AgreementsService } from './AgreementsService'
import { assertSignedByConnection, readSigned, readSignature } from './inboundSteps'
import {
  AgreementAcceptMessage,
  AgreementCounterMessage,
  AgreementOfferMessage,
  AgreementRejectMessage,
  AgreementTerminateMessage,
  type AnyAgreementMessage,
} from './protocol/messages'

/**
 * What a company sends the holder. Each message is checked whole (shape, signature, the thread's state)
 * and saved before the handler returns, so what the transport acknowledged is kept; a message that does
 * not hold is answered with a reject naming why, and nothing is stored.
 */
@injectable()
export class AgreementInbox {
  constructor(@inject(AgreementsService) private readonly agreements: AgreementsService) {}

  async receive(agentContext: AgentContext, message: AnyAgreementMessage, connection: DidCommConnectionRecord) {
    const threadId = message.threadId
    try {
      if (message instanceof AgreementOfferMessage || message instanceof AgreementCounterMessage) {
        await this.proposal(agentContext, message, connection, threadId)
      } else {
        await this.step(agentContext, message, connection, threadId)
      }
    } catch (error) {
      if (!(error instanceof AgreementRefusedError)) throw error
      agentContext.config.logger.warn(`agreements: refused a ${message.type}: ${error.message}`)
      // Telling the company why is all the holder owes it; a reject of a reject would never end.
      if (message instanceof AgreementRejectMessage) return
      const reason = error.message
      await sendOnConnection(agentContext, connection.id, new AgreementRejectMessage({ threadId, reason }))
    }
  }

  // An offer, or the company's new revision on the thread: signed by the company, replacing what was on the table.
  private async proposal(
    agentContext: AgentContext,
    message: AnyAgreementMessage,
    connection: DidCommConnectionRecord,
    threadId: string,
  ) {
    const { terms, signature } = readSigned(message.terms, message.signature)
    const db = appDatabaseOf(agentContext)
    const earlier = agreementOnThread(db, threadId)
    if (earlier && (earlier.connectionId !== connection.id || earlier.id !== terms.id))
      throw new AgreementRefusedError('it names another agreement than its thread')
    if (earlier && ['agreed', 'terminated'].includes(earlier.state))
      throw new AgreementRefusedError(`the agreement is ${earlier.state} already`)
    await assertSignedByConnection(agentContext, connection, terms, signature)
    saveOffer(db, { connectionId: connection.id, threadId, terms, signature }, new Date().toISOString())
    this.agreements.announce(agentContext, terms.id, 'offered')
  }

  private async step(
    agentContext: AgentContext,
    message: AnyAgreementMessage,
    connection: DidCommConnectionRecord,
    threadId: string,
  ) {
    const row = agreementOnThread(appDatabaseOf(agentContext), threadId)
    if (!row || row.connectionId !== connection.id)
      throw new AgreementRefusedError('it names no agreement of this company')
    const reason = typeof message.reason === 'string' ? message.reason.slice(0, 300) : null
    if (message instanceof AgreementAcceptMessage) {
      if (row.state !== 'countered') throw new AgreementRefusedError(`the agreement is ${row.state}, not countered`)
      const signature = readSignature(message.signature)
      await assertSignedByConnection(agentContext, connection, JSON.parse(row.current) as AgreementTerms, signature)
      await this.agreements.save(agentContext, row.id, 'agreed', { companySignature: JSON.stringify(signature) })
    } else if (message instanceof AgreementRejectMessage) {
      if (!['offered', 'countered'].includes(row.state)) return
      await this.agreements.save(agentContext, row.id, 'rejected', { endedBy: 'company', reason })
    } else if (message instanceof AgreementTerminateMessage) {
      if (row.state !== 'agreed') throw new AgreementRefusedError(`the agreement is ${row.state}, not agreed`)
      const signature = readSignature(message.signature)
      await assertSignedByConnection(agentContext, connection, { agreement_id: row.id, terminated: true }, signature)
      await this.agreements.save(agentContext, row.id, 'terminated', { endedBy: 'company', reason })
    }
  }
}
