import {
  BaseRecord,
  Repository,
  EventEmitter,
  InjectionSymbols,
  inject,
  injectable,
  type StorageService,
} from '@credo-ts/core'

import type { JointApplicationRole, JointApplicationState } from '../../../shared/api'

export interface JointApplicationTerms {
  purpose?: string
  retention?: string
  dpvPurpose?: string
  legalBasis?: string
}

type Tags = {
  applicationId: string
  role: JointApplicationRole
  state: JointApplicationState
  memberConnectionId?: string
  requestId?: string
  proposalId?: string
}

/**
 * One application as this node takes part in it. Protocol state the node's own handlers read and write,
 * so an Askar record (docs/ARCHITECTURE.md, "Where data lives"); the lender's invitation is kept only on
 * the first applicant's node, until it is handed to the member the person picked.
 */
export class JointApplicationRecord extends BaseRecord<Tags> {
  applicationId!: string
  role!: JointApplicationRole
  state!: JointApplicationState
  lender?: string
  terms: JointApplicationTerms = {}
  requestId?: string
  lenderConnectionId?: string
  invitationUrl?: string
  memberConnectionId?: string
  memberLabel?: string
  /** The proposal's @id: the thread of the introduction between the two members' nodes. */
  proposalId?: string
  refusal?: string

  static override readonly type = 'CustosJointApplication'
  override readonly type = JointApplicationRecord.type

  constructor(
    props?: Pick<JointApplicationRecord, 'applicationId' | 'role' | 'state'> & Partial<JointApplicationRecord>,
  ) {
    super()
    if (props) {
      Object.assign(this, props)
      this.id = props.id ?? crypto.randomUUID()
      this.createdAt = new Date()
    }
  }

  override getTags(): Tags {
    return {
      ...this._tags,
      applicationId: this.applicationId,
      role: this.role,
      state: this.state,
      memberConnectionId: this.memberConnectionId,
      requestId: this.requestId,
      proposalId: this.proposalId,
    }
  }
}

@injectable()
export class JointApplicationRepository extends Repository<JointApplicationRecord> {
  constructor(
    @inject(InjectionSymbols.StorageService) storageService: StorageService<JointApplicationRecord>,
    @inject(EventEmitter) eventEmitter: EventEmitter,
  ) {
    super(JointApplicationRecord, storageService, eventEmitter)
  }
}
