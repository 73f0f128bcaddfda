import { inject, injectable, type AgentContext } from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'

import type { JointApplicationView } from '../../../shared/api'
import { FirstApplicantService } from './FirstApplicantService'
import { JointApplicationStore } from './JointApplicationStore'
import type { JointResponseMessage } from './protocol'
import { SecondApplicantService } from './SecondApplicantService'

/** The person's view of their joint applications and what they decide on them; each side's steps are its own service's. */
@injectable()
export class JointApplicationsService {
  constructor(
    @inject(JointApplicationStore) private readonly store: JointApplicationStore,
    @inject(FirstApplicantService) readonly first: FirstApplicantService,
    @inject(SecondApplicantService) readonly second: SecondApplicantService,
  ) {}

  async list(agentContext: AgentContext): Promise<JointApplicationView[]> {
    const records = await this.store.repository.getAll(agentContext)
    records.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    return Promise.all(records.map((record) => this.store.view(agentContext, record)))
  }

  async bringIn(agentContext: AgentContext, id: string, memberConnectionId: string): Promise<JointApplicationView> {
    return this.store.view(agentContext, await this.first.bringIn(agentContext, id, memberConnectionId))
  }

  async respond(agentContext: AgentContext, id: string, join: boolean): Promise<JointApplicationView> {
    return this.store.view(agentContext, await this.second.respond(agentContext, id, join))
  }

  /** A response goes to whichever side is waiting on that thread: the first applicant's node, or a refused member. */
  async onResponse(agentContext: AgentContext, message: JointResponseMessage, from: DidCommConnectionRecord) {
    await this.first.onResponse(agentContext, message, from)
    await this.second.onRefusal(agentContext, message, from)
  }
}
