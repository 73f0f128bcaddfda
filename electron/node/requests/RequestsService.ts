import {
  EventEmitter,
  inject,
  injectable,
  SdJwtVcRepository,
  W3cCredentialRepository,
  type AgentContext,
  type SubmissionEntryCredential,
} from '@credo-ts/core'
import { DidCommProofState, type DidCommProofExchangeRecord } from '@credo-ts/didcomm'

import type { AnswerItem, ProofRequestSummary, ProposedAnswer } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import type { HeldRecord } from '../credentials'
import { withPeerErrors } from '../platform'
import { ANSWER_RECORDER, type AnswerRecorder } from './AnswerRecorder'
import { checkOmitClaims, chosenClaims, type OmitClaims } from './claimChoice'
import { proofsOf, requestOf } from './proofsApi'
import { proposeAnswer } from './proposeAnswer'
import { declineReason, keptItems } from './subset'
import { CustosRequestEventTypes, type RequestAnsweredEvent } from './RequestsEvents'
import { submissionEntry } from './submissionEntry'
import { toRequestSummary } from './summaries'

/** What a caller already read of the request it answers. */
export interface KnownRequest {
  proposal?: ProposedAnswer
  summary?: ProofRequestSummary
}

export type Decision =
  | { approve: true; choose?: Record<string, string>; omit?: string[]; omitClaims?: OmitClaims }
  | { approve: false; reason?: string }

/**
 * Proof requests: the list (Credo's proof exchanges in request-received, in Askar), the proposed answer,
 * and answering. `propose` and `answer` are what a consent policy calls as well as the person.
 */
@injectable()
export class RequestsService {
  constructor(
    @inject(ANSWER_RECORDER) private readonly history: AnswerRecorder,
    @inject(EventEmitter) private readonly events: EventEmitter,
    @inject(W3cCredentialRepository) private readonly w3c: W3cCredentialRepository,
    @inject(SdJwtVcRepository) private readonly sdJwt: SdJwtVcRepository,
  ) {}

  async list(agentContext: AgentContext): Promise<ProofRequestSummary[]> {
    const records = await proofsOf(agentContext).findAllByQuery({ state: DidCommProofState.RequestReceived })
    const summaries = await Promise.all(records.map((record) => toRequestSummary(agentContext, record)))
    return summaries.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
  }

  async get(agentContext: AgentContext, id: string): Promise<ProofRequestSummary> {
    const record = await proofsOf(agentContext).findById(id)
    if (!record) throw new CustosError('NotFound', `No proof request with id ${id}.`)
    return toRequestSummary(agentContext, record)
  }

  async propose(agentContext: AgentContext, id: string): Promise<ProposedAnswer> {
    await this.getOpen(agentContext, id)
    return proposeAnswer(agentContext, id)
  }

  /**
   * Answers a waiting request. `known` is what the caller just read of it (a policy decided on its
   * proposal and summary), so an automatic answer neither matches nor describes the request twice; without
   * it, both are made here. Returns nothing: the caller that shows the request reads it again (`get`).
   */
  async answer(agentContext: AgentContext, id: string, decision: Decision, known: KnownRequest = {}): Promise<void> {
    const open = await this.getOpen(agentContext, id)
    const proposal = known.proposal?.requestId === id ? known.proposal : await proposeAnswer(agentContext, id)
    let sent: Record<string, string[]> = {}
    if (decision.approve) {
      sent = await this.present(
        agentContext,
        open,
        proposal,
        decision,
        known.summary?.id === id ? known.summary : undefined,
      )
    } else {
      await proofsOf(agentContext).declineRequest({
        proofExchangeRecordId: id,
        sendProblemReport: true,
        problemReportDescription: decision.reason ?? declineReason(proposal.missing),
      })
    }
    this.events.emit<RequestAnsweredEvent>(agentContext, {
      type: CustosRequestEventTypes.RequestAnswered,
      payload: {
        requestId: id,
        decision: decision.approve ? 'approved' : 'declined',
        credentialIds: Object.keys(sent),
        claimsLeft: sent,
      },
    })
  }

  private async present(
    agentContext: AgentContext,
    record: DidCommProofExchangeRecord,
    proposal: ProposedAnswer,
    { choose = {}, omit = [], omitClaims = {} }: Extract<Decision, { approve: true }>,
    summary?: ProofRequestSummary,
  ): Promise<Record<string, string[]>> {
    const { presentation_definition: definition } = await requestOf(agentContext, proposal.requestId)
    const kept = keptItems(proposal, omit, definition)
    checkOmitClaims(kept, omitClaims)
    const selection: Record<string, SubmissionEntryCredential[]> = {}
    const sent: Record<string, string[]> = {}
    for (const item of kept) {
      const credentialId = choose[item.descriptorId] ?? item.credentialId
      const descriptor = definition.input_descriptors.find((candidate) => candidate.id === item.descriptorId)
      if (!credentialId || !item.candidates.includes(credentialId) || !descriptor) {
        throw new InvalidInputError(`Credential ${credentialId} does not answer "${item.name ?? item.descriptorId}".`)
      }
      const held = await this.heldRecord(agentContext, credentialId)
      const leaving = chosenClaims(item, descriptor, held, omitClaims[item.descriptorId] ?? [])
      selection[item.descriptorId] = [submissionEntry(held, leaving)]
      // The proposal says what leaves of its own choice; another JSON-LD candidate's claims are read when recorded.
      sent[credentialId] = Object.keys(leaving ?? (credentialId === item.credentialId ? item.claimsLeaving : {}))
    }
    // The answer path: the history entry first, then the answer, then the entry says whether it left.
    const entry = await this.history.beforeSending(agentContext, record.id, sent, summary)
    try {
      await withPeerErrors('requester', 'The request cannot be answered', () =>
        proofsOf(agentContext).acceptRequest({
          proofExchangeRecordId: record.id,
          proofFormats: { presentationExchange: { credentials: selection } },
        }),
      )
    } catch (error) {
      this.history.notSent(agentContext, entry, error instanceof Error ? error.message : String(error))
      throw error
    }
    this.history.sent(agentContext, entry)
    return sent
  }

  /** What of `proposal` would leave with `omit` left out, if the request allows that answer (subset.ts). */
  async keep(agentContext: AgentContext, proposal: ProposedAnswer, omit: readonly string[]): Promise<AnswerItem[]> {
    const request = await requestOf(agentContext, proposal.requestId)
    return keptItems(proposal, omit, request.presentation_definition)
  }

  /** A held credential as Credo keeps it, in whichever format. */
  private async heldRecord(agentContext: AgentContext, id: string): Promise<HeldRecord> {
    return (await this.w3c.findById(agentContext, id)) ?? (await this.sdJwt.getById(agentContext, id))
  }

  private async getOpen(agentContext: AgentContext, id: string): Promise<DidCommProofExchangeRecord> {
    const record = await proofsOf(agentContext).findById(id)
    if (!record || record.state !== DidCommProofState.RequestReceived) {
      throw new CustosError('NotFound', `No open proof request with id ${id}.`)
    }
    return record
  }
}
