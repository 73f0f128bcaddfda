import { EventEmitter, inject, injectable, type AgentContext } from '@credo-ts/core'
import { DidCommConnectionRepository, type DidCommConnectionRecord } from '@credo-ts/didcomm'

import type { JointApplicationState, JointApplicationView } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { ROLE_TAG, roleOf } from '../connections'
import { JointApplicationEventTypes, type JointApplicationChangedEvent } from './JointApplicationsEvents'
import { JointApplicationRecord, JointApplicationRepository } from './JointApplicationRecord'

export const MEMBER_ROLE = 'household-member'

export const isMember = (connection: DidCommConnectionRecord | null | undefined): boolean =>
  !!connection?.isReady && roleOf(connection) === MEMBER_ROLE

/** The records of this node's joint applications: saved, moved on, told to whoever listens. */
@injectable()
export class JointApplicationStore {
  constructor(
    @inject(JointApplicationRepository) readonly repository: JointApplicationRepository,
    @inject(EventEmitter) private readonly events: EventEmitter,
  ) {}

  async get(agentContext: AgentContext, id: string): Promise<JointApplicationRecord> {
    const record = await this.repository.findById(agentContext, id)
    if (!record) throw new CustosError('NotFound', `No joint application with id ${id}.`)
    return record
  }

  async save(agentContext: AgentContext, record: JointApplicationRecord): Promise<void> {
    await this.repository.save(agentContext, record)
    this.emit(agentContext, record)
  }

  async move(
    agentContext: AgentContext,
    record: JointApplicationRecord,
    state: JointApplicationState,
    changes: Partial<JointApplicationRecord> = {},
  ): Promise<JointApplicationRecord> {
    Object.assign(record, changes, { state })
    await this.repository.update(agentContext, record)
    this.emit(agentContext, record)
    return record
  }

  async connection(agentContext: AgentContext, id: string | undefined): Promise<DidCommConnectionRecord | null> {
    if (!id) return null
    return agentContext.dependencyManager.resolve(DidCommConnectionRepository).findById(agentContext, id)
  }

  async members(agentContext: AgentContext): Promise<DidCommConnectionRecord[]> {
    const repository = agentContext.dependencyManager.resolve(DidCommConnectionRepository)
    return (await repository.findByQuery(agentContext, { [ROLE_TAG]: MEMBER_ROLE })).filter(isMember)
  }

  async view(agentContext: AgentContext, record: JointApplicationRecord): Promise<JointApplicationView> {
    const picking = record.role === 'first' && record.state === 'pick-member'
    return {
      id: record.id,
      applicationId: record.applicationId,
      role: record.role,
      state: record.state,
      lender: record.lender,
      purpose: record.terms.purpose,
      retention: record.terms.retention,
      requestId: record.requestId,
      member: record.memberConnectionId
        ? { connectionId: record.memberConnectionId, label: record.memberLabel }
        : undefined,
      candidates: picking
        ? (await this.members(agentContext)).map((c) => ({ connectionId: c.id, label: c.theirLabel }))
        : [],
      refusal: record.refusal,
      updatedAt: (record.updatedAt ?? record.createdAt).toISOString(),
    }
  }

  private emit(agentContext: AgentContext, record: JointApplicationRecord): void {
    const { id, applicationId, role, state } = record
    this.events.emit<JointApplicationChangedEvent>(agentContext, {
      type: JointApplicationEventTypes.JointApplicationChanged,
      payload: { id, applicationId, role, state },
    })
  }
}
