import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import { DidCommConnectionService } from '@credo-ts/didcomm'

import type { AgreementState, AgreementTerms, DataAgreement } from '../../../shared/api'
import { AgreementRefusedError, CustosError } from '../../../shared/errors'
import { appDatabaseOf } from '../db'
import { sendOnConnection } from '../connections'
import { AgreementEventTypes, type AgreementChangedEvent } from './AgreementsEvents'
import { allAgreements, findAgreement, updateAgreement } from './agreementStore'
import { counterTerms } from './agreementTerms'
import { TMF644_CHANNEL, type DataAgreementRow } from './agreementsTable'
import {
  AgreementAcceptMessage,
  AgreementCounterMessage,
  AgreementRejectMessage,
  AgreementTerminateMessage,
} from './protocol/messages'
import { signForConnection } from './protocol/signing'
import { toAgreement } from './toAgreement'

/**
 * The holder's steps in a data agreement. Each is signed and sent first, then saved: if the company
 * cannot be reached nothing changes here, and the person can try again.
 */
@injectable()
export class AgreementsService {
  constructor(
    @inject(DidCommConnectionService) private readonly connections: DidCommConnectionService,
    @inject(EventEmitter) private readonly events: EventEmitter,
  ) {}

  async list(agentContext: AgentContext): Promise<DataAgreement[]> {
    const rows = allAgreements(appDatabaseOf(agentContext)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    return Promise.all(rows.map((row) => toAgreement(agentContext, row)))
  }

  async get(agentContext: AgentContext, id: string): Promise<DataAgreement> {
    return toAgreement(agentContext, this.row(agentContext, id))
  }

  /** Signs the company's offer as it stands. */
  async accept(agentContext: AgentContext, id: string): Promise<DataAgreement> {
    const row = this.row(agentContext, id, ['offered'])
    const terms = JSON.parse(row.current) as AgreementTerms
    const connection = await this.connections.getById(agentContext, row.connectionId)
    const signature = await signForConnection(agentContext, connection, terms)
    await sendOnConnection(
      agentContext,
      row.connectionId,
      new AgreementAcceptMessage({ threadId: row.threadId, signature }),
    )
    return this.save(agentContext, id, 'agreed', { holderSignature: JSON.stringify(signature) })
  }

  /** Sends what the profile allows of the offer, signed; the company's signature no longer covers it. */
  async counter(agentContext: AgentContext, id: string): Promise<DataAgreement> {
    const row = this.row(agentContext, id, ['offered'])
    const { position, offered } = await toAgreement(agentContext, row)
    if (position.fits) throw new AgreementRefusedError('the offer fits your privacy terms already; accept it instead')
    if (!position.reachable) throw new AgreementRefusedError('nothing of the offer fits your privacy terms; reject it')
    const terms = counterTerms(offered, position)
    const connection = await this.connections.getById(agentContext, row.connectionId)
    const signature = await signForConnection(agentContext, connection, terms)
    const message = new AgreementCounterMessage({ threadId: row.threadId, terms, signature })
    await sendOnConnection(agentContext, row.connectionId, message)
    return this.save(agentContext, id, 'countered', {
      current: JSON.stringify(terms),
      holderSignature: JSON.stringify(signature),
      companySignature: null,
    })
  }

  async reject(agentContext: AgentContext, id: string, reason?: string): Promise<DataAgreement> {
    const row = this.row(agentContext, id, ['offered', 'countered'])
    await sendOnConnection(
      agentContext,
      row.connectionId,
      new AgreementRejectMessage({ threadId: row.threadId, reason }),
    )
    return this.save(agentContext, id, 'rejected', { endedBy: 'holder', reason: reason ?? null })
  }

  /** Ends an agreed agreement; the company is told, signed, and later requests under it are refused. */
  async terminate(agentContext: AgentContext, id: string, reason?: string): Promise<DataAgreement> {
    const row = this.row(agentContext, id, ['agreed'])
    const connection = await this.connections.getById(agentContext, row.connectionId)
    const signature = await signForConnection(agentContext, connection, { agreement_id: id, terminated: true })
    const message = new AgreementTerminateMessage({ threadId: row.threadId, agreementId: id, signature, reason })
    await sendOnConnection(agentContext, row.connectionId, message)
    return this.save(agentContext, id, 'terminated', { endedBy: 'holder', reason: reason ?? null })
  }

  /** Saves a state the other side moved or this side's step, then says so. */
  async save(
    agentContext: AgentContext,
    id: string,
    state: AgreementState,
    change: Partial<DataAgreementRow> = {},
  ): Promise<DataAgreement> {
    updateAgreement(appDatabaseOf(agentContext), id, { ...change, state })
    this.announce(agentContext, id, state)
    return this.get(agentContext, id)
  }

  announce(agentContext: AgentContext, id: string, state: AgreementState): void {
    this.events.emit<AgreementChangedEvent>(agentContext, {
      type: AgreementEventTypes.AgreementChanged,
      payload: { id, state },
    })
  }

  private row(agentContext: AgentContext, id: string, states?: AgreementState[]): DataAgreementRow {
    const row = findAgreement(appDatabaseOf(agentContext), id)
    if (!row) throw new CustosError('NotFound', 'There is no such agreement.')
    // Reached through the company's TMF644 API: its steps are tmf644.agree and tmf644.reject.
    if (states && row.connectionId.startsWith(TMF644_CHANNEL))
      throw new AgreementRefusedError('this agreement was made through the company’s website, not over a connection')
    if (states && !states.includes(row.state)) throw new AgreementRefusedError(`the agreement is ${row.state}`)
    return row
  }
}
