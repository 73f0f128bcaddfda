import { inject, injectable, type AgentContext } from '@credo-ts/core'
import { DidCommOutOfBandApi, DidCommProofsApi, type DidCommConnectionRecord } from '@credo-ts/didcomm'

import { InvalidInputError } from '../../../shared/errors'
import { nodeLabel, parseInvitationUrl, sendOnConnection } from '../connections'
import { invitationProblem } from './applicationTerms'
import { JointApplicationRecord } from './JointApplicationRecord'
import { isMember, JointApplicationStore } from './JointApplicationStore'
import {
  JointResponseMessage,
  readInvitation,
  readProposal,
  readResponse,
  type JointInvitationMessage,
  type JointProposalMessage,
} from './protocol'

export const ONLY_MEMBERS = 'Only members of your household can bring you into a joint application.'
const NO_CONNECTION = 'The lender’s invitation did not lead to a connection.'
const NO_LONGER_MEMBER = 'The member who asked is no longer in your household, so nothing was shared.'

/**
 * The second applicant's side: a member's proposal becomes a request to join, decided by the person.
 * On yes, the lender's invitation (handed on by the member's node) is checked and used; the lender's
 * request then comes on the new connection and is answered under this person's own consent.
 */
@injectable()
export class SecondApplicantService {
  constructor(@inject(JointApplicationStore) private readonly store: JointApplicationStore) {}

  async onProposal(agentContext: AgentContext, message: JointProposalMessage, from: DidCommConnectionRecord) {
    const proposal = readProposal(message)
    if (!proposal) return
    if (!isMember(from)) {
      const no = new JointResponseMessage({
        proposalId: message.id,
        applicationId: proposal.applicationId,
        approve: false,
        comment: ONLY_MEMBERS,
      })
      await sendOnConnection(agentContext, from.id, no)
      return
    }
    const known = await this.store.repository.findByQuery(agentContext, { applicationId: proposal.applicationId })
    if (known.length > 0) {
      agentContext.config.logger.warn('joint application: a replayed proposal ignored', { proposal: message.id })
      return
    }
    const { applicationId, lender, purpose, retention, dpvPurpose, legalBasis } = proposal
    await this.store.save(
      agentContext,
      new JointApplicationRecord({
        applicationId,
        role: 'second',
        state: 'asked',
        lender,
        terms: { purpose, retention, dpvPurpose, legalBasis },
        memberConnectionId: from.id,
        memberLabel: from.theirLabel,
        proposalId: message.id,
      }),
    )
  }

  async respond(agentContext: AgentContext, id: string, join: boolean): Promise<JointApplicationRecord> {
    const record = await this.store.get(agentContext, id)
    if (record.role !== 'second' || record.state !== 'asked') {
      throw new InvalidInputError('This request to join a joint application is no longer open.')
    }
    const member = await this.store.connection(agentContext, record.memberConnectionId)
    if (!member) throw new InvalidInputError(NO_LONGER_MEMBER)
    const still = isMember(member)
    const approve = join && still
    const comment = still ? undefined : NO_LONGER_MEMBER
    await this.store.move(agentContext, record, approve ? 'joining' : still ? 'declined' : 'refused', {
      refusal: comment,
    })
    const response = new JointResponseMessage({
      proposalId: record.proposalId!,
      applicationId: record.applicationId,
      approve,
      comment,
    })
    await sendOnConnection(agentContext, member.id, response)
    return record
  }

  /** The first applicant's node refused after a yes (this node was no longer its member): nothing happens. */
  async onRefusal(agentContext: AgentContext, message: JointResponseMessage, from: DidCommConnectionRecord) {
    const response = readResponse(message)
    if (!response || response.approve) return
    const [record] = await this.store.repository.findByQuery(agentContext, {
      proposalId: response.proposalId,
      role: 'second',
    })
    if (!record || record.memberConnectionId !== from.id || record.state !== 'joining') return
    await this.store.move(agentContext, record, 'refused', { refusal: response.comment ?? NO_LONGER_MEMBER })
  }

  async onInvitation(agentContext: AgentContext, message: JointInvitationMessage, from: DidCommConnectionRecord) {
    const handed = readInvitation(message)
    if (!handed) return
    const [record] = await this.store.repository.findByQuery(agentContext, {
      proposalId: handed.proposalId,
      role: 'second',
    })
    if (!record || record.memberConnectionId !== from.id || record.state !== 'joining') return
    if (!isMember(from))
      return void (await this.store.move(agentContext, record, 'refused', { refusal: NO_LONGER_MEMBER }))
    const problem =
      handed.applicationId === record.applicationId
        ? invitationProblem(handed.invitation, record.applicationId)
        : 'The invitation is not the one the lender made for this application, so it was not used.'
    if (problem) return void (await this.store.move(agentContext, record, 'refused', { refusal: problem }))
    // A connection of its own for this application, even if this node knows the lender already: the lender
    // knows which application a connection belongs to by the invitation it was made from.
    const { connectionRecord } = await agentContext.dependencyManager
      .resolve(DidCommOutOfBandApi)
      .receiveInvitation(parseInvitationUrl(handed.invitation), {
        label: nodeLabel(agentContext),
        autoAcceptInvitation: true,
        autoAcceptConnection: true,
        reuseConnection: false,
      })
    if (!connectionRecord)
      return void (await this.store.move(agentContext, record, 'refused', { refusal: NO_CONNECTION }))
    await this.store.move(agentContext, record, 'joined', { lenderConnectionId: connectionRecord.id })
    // The lender may have asked before this record said which connection is the application's.
    const [asked] = await agentContext.dependencyManager
      .resolve(DidCommProofsApi)
      .getByParentThreadAndConnectionId(record.applicationId, connectionRecord.id)
    if (asked && !record.requestId) await this.store.move(agentContext, record, 'joined', { requestId: asked.id })
  }
}
