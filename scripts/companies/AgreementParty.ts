import { DidCommConnectionService, DidCommMessageHandlerRegistry } from '@credo-ts/didcomm'

import {
  AgreementAcceptMessage,
  AgreementCounterMessage,
  AgreementMessageHandler,
  AgreementOfferMessage,
  AgreementRejectMessage,
  AgreementTerminateMessage,
  signedByConnection,
  signForConnection,
  type AnyAgreementMessage,
} from '../../electron/node/agreements'
import { sendOnConnection } from '../../electron/node/connections'
import { agreementTermsSchema, type AgreementTerms } from '../../shared/api'
import type { CompanyAgent } from './companyAgent'

export interface CompanySideAgreement {
  threadId: string
  connectionId: string
  state: 'offered' | 'countered' | 'agreed' | 'rejected' | 'terminated'
  terms: AgreementTerms
  /** The holder's signature over `terms`, once it signed them (in a counter or an accept). */
  holderSigned: boolean
  reason?: string
}

/**
 * A company's side of data agreements 1.0, on a plain Credo agent: it offers its data list signed with
 * its connection key, checks the holder's signatures against the holder's keys, and accepts or rejects a
 * counter-offer by its own rule.
 */
export class AgreementParty {
  readonly agreements = new Map<string, CompanySideAgreement>()

  constructor(
    private readonly agent: CompanyAgent,
    /** Whether the company takes the holder's counter-offer (returns a reason to refuse it, or nothing). */
    private readonly judgeCounter: (offered: AgreementTerms, counter: AgreementTerms) => string | undefined,
  ) {
    agent.dependencyManager
      .resolve(DidCommMessageHandlerRegistry)
      .registerMessageHandlers([
        new AgreementMessageHandler((context) => this.receive(context.message, context.assertReadyConnection().id)),
      ])
  }

  /** Sends the data list, signed; the thread is the offer's id. */
  async offer(connectionId: string, terms: AgreementTerms): Promise<string> {
    const signature = await this.sign(connectionId, terms)
    const message = new AgreementOfferMessage({ terms, signature })
    this.agreements.set(message.id, {
      threadId: message.id,
      connectionId,
      state: 'offered',
      terms,
      holderSigned: false,
    })
    await sendOnConnection(this.agent.context, connectionId, message)
    return message.id
  }

  async terminate(threadId: string, reason: string): Promise<void> {
    const agreement = this.get(threadId)
    const signature = await this.sign(agreement.connectionId, { agreement_id: agreement.terms.id, terminated: true })
    const message = new AgreementTerminateMessage({ threadId, agreementId: agreement.terms.id, signature, reason })
    await sendOnConnection(this.agent.context, agreement.connectionId, message)
    agreement.state = 'terminated'
  }

  get(threadId: string): CompanySideAgreement {
    const agreement = this.agreements.get(threadId)
    if (!agreement) throw new Error(`no agreement on thread ${threadId}`)
    return agreement
  }

  private async receive(message: AnyAgreementMessage, connectionId: string): Promise<void> {
    const agreement = this.agreements.get(message.threadId)
    if (!agreement || agreement.connectionId !== connectionId) return
    if (message instanceof AgreementRejectMessage) {
      agreement.state = 'rejected'
      agreement.reason = typeof message.reason === 'string' ? message.reason : undefined
    } else if (message instanceof AgreementAcceptMessage && agreement.state === 'offered') {
      if (await this.signedByHolder(connectionId, agreement.terms, message.signature)) {
        agreement.state = 'agreed'
        agreement.holderSigned = true
      }
    } else if (message instanceof AgreementCounterMessage && agreement.state === 'offered') {
      const counter = agreementTermsSchema.safeParse(message.terms)
      if (!counter.success || !(await this.signedByHolder(connectionId, counter.data, message.signature))) return
      const refusal = this.judgeCounter(agreement.terms, counter.data)
      // Kept before it is sent: the holder may act on the answer before this side's send returns.
      if (refusal) {
        Object.assign(agreement, { state: 'rejected', reason: refusal })
        const reject = new AgreementRejectMessage({ threadId: agreement.threadId, reason: refusal })
        await sendOnConnection(this.agent.context, connectionId, reject)
        return
      }
      const signature = await this.sign(connectionId, counter.data)
      Object.assign(agreement, { state: 'agreed', terms: counter.data, holderSigned: true })
      const accept = new AgreementAcceptMessage({ threadId: agreement.threadId, signature })
      await sendOnConnection(this.agent.context, connectionId, accept)
    } else if (message instanceof AgreementTerminateMessage && agreement.state === 'agreed') {
      const signed = { agreement_id: agreement.terms.id, terminated: true }
      if (await this.signedByHolder(connectionId, signed, message.signature)) agreement.state = 'terminated'
    }
  }

  private async sign(connectionId: string, signed: unknown) {
    const connection = await this.agent.dependencyManager
      .resolve(DidCommConnectionService)
      .getById(this.agent.context, connectionId)
    return signForConnection(this.agent.context, connection, signed)
  }

  private signedByHolder(connectionId: string, signed: unknown, signature: unknown): Promise<boolean> {
    return signedByConnection(this.agent.context, connectionId, signed, signature)
  }
}
