import { inject, injectable, type AgentContext } from '@credo-ts/core'
import { DidCommProofsApi, type DidCommConnectionRecord, type DidCommProofExchangeRecord } from '@credo-ts/didcomm'

import { InvalidInputError } from '../../../shared/errors'
import { sendOnConnection } from '../connections'
import { parseRequestTerms } from '../requests'
import { invitationProblem, jointTermsOf } from './applicationTerms'
import { JointApplicationRecord } from './JointApplicationRecord'
import { isMember, JointApplicationStore } from './JointApplicationStore'
import { JointInvitationMessage, JointProposalMessage, JointResponseMessage, readResponse } from './protocol'

export const NOT_A_MEMBER_ANY_MORE =
  'The member is no longer in your household, so the lender’s invitation was not handed on.'

/**
 * The first applicant's side: a lender's joint request becomes an application waiting for the person to
 * pick a member; the member's node gets a proposal, and only after its yes the lender's invitation.
 * The first applicant's own answer goes the usual way (consent, RequestsService), untouched by this.
 */
@injectable()
export class FirstApplicantService {
  constructor(@inject(JointApplicationStore) private readonly store: JointApplicationStore) {}

  /** Requests being read now: the arrival event and the sweep at unlock may meet on the same one. */
  private readonly reading = new Set<string>()

  /** A proof request arrived: if it is a joint application, this node keeps track of it. */
  async noticeRequest(agentContext: AgentContext, proof: DidCommProofExchangeRecord): Promise<void> {
    if (this.reading.has(proof.id)) return
    this.reading.add(proof.id)
    try {
      await this.read(agentContext, proof)
    } finally {
      this.reading.delete(proof.id)
    }
  }

  private async read(agentContext: AgentContext, proof: DidCommProofExchangeRecord): Promise<void> {
    const message = await agentContext.dependencyManager.resolve(DidCommProofsApi).findRequestMessage(proof.id)
    const comment = (message as { comment?: string } | null)?.comment
    const joint = jointTermsOf(comment, proof.parentThreadId)
    if (!joint || !proof.connectionId) return
    const repository = this.store.repository
    const known = await repository.findByQuery(agentContext, { applicationId: joint.application.id })
    if (joint.application.role === 'second') {
      // The lender asks on the connection this node made from the invitation it was handed for this application.
      const joined = known.find((r) => r.role === 'second' && r.lenderConnectionId === proof.connectionId)
      if (joined && !joined.requestId)
        await this.store.move(agentContext, joined, joined.state, { requestId: proof.id })
      return
    }
    const first = known.find((r) => r.role === 'first')
    if (first) {
      if (first.requestId === proof.id) return
      agentContext.config.logger.warn('joint application: a second request for a known application ignored')
      return
    }
    const terms = parseRequestTerms(comment)
    const connection = await this.store.connection(agentContext, proof.connectionId)
    const problem = invitationProblem(joint.secondApplicantInvitation, joint.application.id)
    const record = new JointApplicationRecord({
      applicationId: joint.application.id,
      role: 'first',
      state: problem ? 'refused' : 'pick-member',
      refusal: problem,
      lender: connection?.theirLabel,
      terms: {
        purpose: terms.purpose,
        retention: terms.retention,
        dpvPurpose: terms.dpvPurpose,
        legalBasis: terms.legalBasis,
      },
      requestId: proof.id,
      lenderConnectionId: proof.connectionId,
      invitationUrl: problem ? undefined : joint.secondApplicantInvitation,
    })
    await this.store.save(agentContext, record)
  }

  async bringIn(agentContext: AgentContext, id: string, memberConnectionId: string): Promise<JointApplicationRecord> {
    const record = await this.store.get(agentContext, id)
    if (record.role !== 'first' || record.state !== 'pick-member') {
      throw new InvalidInputError('A member can be brought in only while the application waits for one.')
    }
    const member = await this.store.connection(agentContext, memberConnectionId)
    if (!member || !isMember(member)) {
      throw new InvalidInputError('Only a member of your household can be brought into a joint application.')
    }
    const proposal = new JointProposalMessage({
      applicationId: record.applicationId,
      to: { name: record.lender, description: record.terms.purpose },
      terms: {
        purpose: record.terms.purpose,
        retention: record.terms.retention,
        dpv_purpose: record.terms.dpvPurpose,
        legal_basis: record.terms.legalBasis,
      },
    })
    // Saved before it is sent, so an answer that comes back at once finds the application waiting for it.
    await this.store.move(agentContext, record, 'proposed', {
      memberConnectionId,
      memberLabel: member.theirLabel,
      proposalId: proposal.id,
    })
    await sendOnConnection(agentContext, memberConnectionId, proposal)
    return record
  }

  /** The member's node said yes or no; a yes gets the lender's invitation if the member still is one. */
  async onResponse(agentContext: AgentContext, message: JointResponseMessage, from: DidCommConnectionRecord) {
    const response = readResponse(message)
    if (!response) return
    const [record] = await this.store.repository.findByQuery(agentContext, {
      proposalId: response.proposalId,
      role: 'first',
    })
    if (!record || record.state !== 'proposed' || record.memberConnectionId !== from.id) return
    if (!response.approve) {
      await this.store.move(agentContext, record, 'declined', { refusal: response.comment })
      return
    }
    const applicationId = record.applicationId
    if (!isMember(from) || !record.invitationUrl) {
      await this.store.move(agentContext, record, 'refused', { refusal: NOT_A_MEMBER_ANY_MORE })
      const no = new JointResponseMessage({
        proposalId: response.proposalId,
        applicationId,
        approve: false,
        comment: NOT_A_MEMBER_ANY_MORE,
      })
      await sendOnConnection(agentContext, from.id, no)
      return
    }
    const invitation = new JointInvitationMessage({
      proposalId: response.proposalId,
      applicationId,
      invitation: record.invitationUrl,
    })
    await sendOnConnection(agentContext, from.id, invitation)
    // Handed on once: the invitation is a bearer capability and no longer kept here.
    await this.store.move(agentContext, record, 'introduced', { invitationUrl: undefined })
  }
}
