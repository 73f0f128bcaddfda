import { DidCommMessage, IsValidMessageType, parseMessageType } from '@credo-ts/didcomm'
import { z } from 'zod'

/**
 * Custos joint application 1.0 (docs/joint-applications.md): the first applicant's node brings a member
 * of its household into a lender's application, in the shape of RFC 0028's introduction where the other
 * introducee (the lender) gave its invitation up front. Every message carries `~thread.pthid` = the
 * application id; the response and the invitation are on the proposal's thread.
 */
export const JOINT_APPLICATION_PROTOCOL = 'https://custos.example/joint-application/1.0'

const PROPOSAL = parseMessageType(`${JOINT_APPLICATION_PROTOCOL}/proposal`)
const RESPONSE = parseMessageType(`${JOINT_APPLICATION_PROTOCOL}/response`)
const INVITATION = parseMessageType(`${JOINT_APPLICATION_PROTOCOL}/invitation`)

const text = z.string().trim().min(1).max(500)

/** "Lender X asks us both for this application, for this purpose": what the member decides on. */
export class JointProposalMessage extends DidCommMessage {
  static override readonly type = PROPOSAL
  @IsValidMessageType(PROPOSAL)
  override readonly type = PROPOSAL.messageTypeUri

  // Plain fields, checked with zod by the handler (snake_case as DIDComm writes them).
  to?: { name?: string; description?: string }
  terms?: { purpose?: string; retention?: string; dpv_purpose?: string; legal_basis?: string }

  constructor(options?: {
    applicationId: string
    to: { name?: string; description?: string }
    terms: JointProposalMessage['terms']
  }) {
    super()
    if (options) {
      this.id = this.generateId()
      this.setThread({ parentThreadId: options.applicationId })
      this.to = options.to
      this.terms = options.terms
    }
  }
}

export class JointResponseMessage extends DidCommMessage {
  static override readonly type = RESPONSE
  @IsValidMessageType(RESPONSE)
  override readonly type = RESPONSE.messageTypeUri

  approve?: boolean
  comment?: string

  constructor(options?: { proposalId: string; applicationId: string; approve: boolean; comment?: string }) {
    super()
    if (options) {
      this.id = this.generateId()
      this.setThread({ threadId: options.proposalId, parentThreadId: options.applicationId })
      this.approve = options.approve
      this.comment = options.comment
    }
  }
}

/** The lender's out-of-band invitation, exactly as the lender made it (a URL). */
export class JointInvitationMessage extends DidCommMessage {
  static override readonly type = INVITATION
  @IsValidMessageType(INVITATION)
  override readonly type = INVITATION.messageTypeUri

  invitation?: string

  constructor(options?: { proposalId: string; applicationId: string; invitation: string }) {
    super()
    if (options) {
      this.id = this.generateId()
      this.setThread({ threadId: options.proposalId, parentThreadId: options.applicationId })
      this.invitation = options.invitation
    }
  }
}

const idText = z.string().min(1).max(200)
const proposalBody = z.object({
  applicationId: idText,
  lender: text.optional(),
  purpose: text.optional(),
  retention: text.optional(),
  dpvPurpose: text.optional(),
  legalBasis: text.optional(),
})

export function readProposal(message: JointProposalMessage) {
  const parsed = proposalBody.safeParse({
    applicationId: message.thread?.parentThreadId,
    lender: message.to?.name,
    purpose: message.terms?.purpose ?? message.to?.description,
    retention: message.terms?.retention,
    dpvPurpose: message.terms?.dpv_purpose,
    legalBasis: message.terms?.legal_basis,
  })
  return parsed.success ? parsed.data : undefined
}

export function readResponse(message: JointResponseMessage) {
  const parsed = z
    .object({ proposalId: idText, approve: z.boolean(), comment: text.optional() })
    .safeParse({ proposalId: message.threadId, approve: message.approve, comment: message.comment })
  return parsed.success ? parsed.data : undefined
}

export function readInvitation(message: JointInvitationMessage) {
  const parsed = z
    .object({
      proposalId: idText,
      applicationId: idText,
      invitation: z
        .string()
        .min(1)
        .max(64 * 1024),
    })
    .safeParse({
      proposalId: message.threadId,
      applicationId: message.thread?.parentThreadId,
      invitation: message.invitation,
    })
  return parsed.success ? parsed.data : undefined
}
