import { type DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'
import {
  DidCommAutoAcceptProof,
  DidCommProofEventTypes,
  DidCommProofState,
  type DidCommProofStateChangedEvent,
  DidCommMessageHandlerRegistry,
} from '@credo-ts/didcomm'

import { companyDidKey, recipientKeyOf } from './didKeyRouting'
import { startCompanyAgent, type CompanyAgent, type CompanyAgentOptions } from './companyAgent'
import { mortgageDefinition, mortgageTerms, termsComment } from './mortgageRequest'
import { checkDocuments } from './documentCheck'
import { judgePresentation, type PresentationOutcome } from './presentationOutcome'
import { sendOnConnection } from '../../electron/node/connections'
import { signedByConnection, signForConnection } from '../../electron/node/agreements'
import {
  DataNoticeMessage,
  deletionRequestSigned,
  DeletionRequestHandler,
  noticeSigned,
  readDeletionRequest,
  type DeletionRequestMessage,
} from '../../electron/node/disclosures'
import type { RequestTerms } from '../../electron/node/requests'

/**
 * A verifier: asks over present-proof v2 with DIF Presentation Exchange and checks what comes back.
 * Credo verifies the presentation's and every credential's signature on receipt (isVerified).
 */
export class Lender {
  /** Whose word the lender takes, per credential type; a type not listed here is taken from anyone. */
  private readonly trusted = new Map<string, Set<string>>()
  /** Threads of the presentations the lender deleted because the holder asked it to. */
  readonly deleted: string[] = []
  /** Every deletion request heard: the grant, the agreement it names, whether the holder's signature held. */
  readonly deletionRequests: { grantThreadId: string; agreementId?: string; signedByHolder: boolean }[] = []
  /** A company that keeps what it was asked to delete, for tests of overdue deletions. */
  ignoresDeletionRequests = false
  /** Requests whose answer the lender judges (signatures, then whose word it takes) before it acknowledges. */
  private readonly judgedBeforeAck = new Set<string>()

  private constructor(
    readonly agent: CompanyAgent,
    /** The lender's did:key; its invitations use this key, so a node knows the connection by it. */
    readonly did: string,
    readonly endpoint: string,
    readonly stop: () => Promise<void>,
    /** The name it shows in its invitations. */
    readonly name: string,
  ) {}

  /** `privateKey` fixes the did:key (the demo trust list lists the demo lender's); random otherwise. */
  static async start(options: CompanyAgentOptions & { privateKey?: Uint8Array }): Promise<Lender> {
    const started = await startCompanyAgent(options)
    const { agent } = started
    const did = await companyDidKey(agent, options.name, options.privateKey)
    const lender = new Lender(agent, did, started.endpoint, started.stop, options.name)
    agent.dependencyManager
      .resolve(DidCommMessageHandlerRegistry)
      .registerMessageHandlers([
        new DeletionRequestHandler(async (message, connection) => lender.deleteOnRequest(message, connection.id)),
      ])
    agent.events.on<DidCommProofStateChangedEvent>(DidCommProofEventTypes.ProofStateChanged, ({ payload }) => {
      const record = payload.proofRecord
      if (record.state !== DidCommProofState.PresentationReceived || !lender.judgedBeforeAck.delete(record.id)) return
      // Credo refused what does not verify on its own (a problem report); the rest the lender judges.
      if (record.isVerified) void lender.ackOrRefuse(record.id)
    })
    return lender
  }

  trust(credentialType: string, issuerDid: string): void {
    const issuers = this.trusted.get(credentialType) ?? new Set<string>()
    this.trusted.set(credentialType, issuers.add(issuerDid))
  }

  async invitation(): Promise<{ url: string; outOfBandId: string }> {
    const record = await this.agent.didcomm.oob.createInvitation({
      label: this.name,
      multiUseInvitation: false,
      routing: {
        endpoints: [this.endpoint],
        recipientKey: await recipientKeyOf(this.agent, this.did),
        routingKeys: [],
      },
    })
    return { url: record.outOfBandInvitation.toUrl({ domain: this.endpoint }), outOfBandId: record.id }
  }

  async connectionFor(outOfBandId: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const [connection] = await this.agent.didcomm.connections.findAllByOutOfBandId(outOfBandId)
      if (connection?.isReady) return connection.id
      if (Date.now() > deadline) throw new Error('no connection came of the invitation')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  async ask(
    connectionId: string,
    definition: DifPresentationExchangeDefinitionV2 = mortgageDefinition,
    terms: RequestTerms = mortgageTerms,
    /** Acknowledge only an answer whose issuers it trusts (see `trust`), refuse the rest with a problem report. */
    options: { ackOnlyTrusted?: boolean } = {},
  ): Promise<string> {
    const record = await this.agent.didcomm.proofs.requestProof({
      connectionId,
      protocolVersion: 'v2',
      autoAcceptProof: options.ackOnlyTrusted ? DidCommAutoAcceptProof.Never : undefined,
      // The domain is the audience an SD-JWT VC's key binding must name: this lender's endpoint.
      proofFormats: {
        presentationExchange: { presentationDefinition: definition, options: { domain: this.endpoint } },
      },
      comment: termsComment(terms),
    } as Parameters<CompanyAgent['didcomm']['proofs']['requestProof']>[0])
    if (options.ackOnlyTrusted) this.judgedBeforeAck.add(record.id)
    return record.id
  }

  private async ackOrRefuse(proofRecordId: string): Promise<void> {
    const judged = await this.disclosed(proofRecordId).catch((error: Error) => ({
      state: 'refused',
      reason: error.message,
    }))
    if (judged.state === 'verified')
      await this.agent.didcomm.proofs.acceptPresentation({ proofExchangeRecordId: proofRecordId })
    else if ('reason' in judged)
      await this.agent.didcomm.proofs.sendProblemReport({
        proofExchangeRecordId: proofRecordId,
        description: judged.reason,
      })
  }

  /** Resolves once the presentation was verified (and acknowledged) or the node refused with a problem report. */
  outcome(proofExchangeRecordId: string, timeoutMs = 30_000): Promise<PresentationOutcome> {
    return new Promise((resolve, reject) => {
      const events = this.agent.events
      const timer = setTimeout(() => {
        events.off(DidCommProofEventTypes.ProofStateChanged, listener)
        reject(new Error('no answer to the proof request'))
      }, timeoutMs)
      const finish = (outcome: Promise<PresentationOutcome>) => {
        clearTimeout(timer)
        events.off(DidCommProofEventTypes.ProofStateChanged, listener)
        outcome.then(resolve, reject)
      }
      const listener = ({ payload }: DidCommProofStateChangedEvent) => {
        const record = payload.proofRecord
        if (record.id !== proofExchangeRecordId) return
        if (record.state === DidCommProofState.Done || record.state === DidCommProofState.PresentationReceived) {
          if (record.isVerified) finish(this.disclosed(record.id))
          else finish(Promise.resolve({ state: 'refused', reason: record.errorMessage ?? 'not verified' }))
        } else if (record.state === DidCommProofState.Abandoned || record.state === DidCommProofState.Declined) {
          finish(Promise.resolve({ state: 'refused', reason: record.errorMessage ?? record.state }))
        }
      }
      events.on(DidCommProofEventTypes.ProofStateChanged, listener)
    })
  }

  /** Tells the holder the data of one presentation was used (data-notices 1.0). */
  async notifyUsed(proofExchangeRecordId: string, note = 'Used to assess the mortgage application.'): Promise<void> {
    const record = await this.agent.didcomm.proofs.getById(proofExchangeRecordId)
    if (!record.connectionId) throw new Error('the presentation came over no connection')
    const notice = new DataNoticeMessage({ grantThreadId: record.threadId, kind: 'used', note })
    await sendOnConnection(this.agent.context, record.connectionId, notice)
  }

  // Deletes what it received on that thread over that connection only, then says so, signed.
  private async deleteOnRequest(message: DeletionRequestMessage, connectionId: string) {
    const asked = readDeletionRequest(message)
    if (!asked) return
    const signed = await signedByConnection(
      this.agent.context,
      connectionId,
      deletionRequestSigned(message),
      message.signature,
    )
    this.deletionRequests.push({ ...asked, agreementId: message.agreement_id, signedByHolder: signed })
    if (this.ignoresDeletionRequests) return
    const records = await this.agent.didcomm.proofs.findAllByQuery({ threadId: asked.grantThreadId, connectionId })
    for (const record of records) await this.agent.didcomm.proofs.deleteById(record.id)
    this.deleted.push(asked.grantThreadId)
    const notice = new DataNoticeMessage({
      grantThreadId: asked.grantThreadId,
      kind: 'deleted',
      note: records.length > 0 ? 'The presentation and its record are deleted.' : 'Nothing was held on that thread.',
    })
    const connection = await this.agent.didcomm.connections.getById(connectionId)
    notice.signature = await signForConnection(this.agent.context, connection, noticeSigned(notice))
    await sendOnConnection(this.agent.context, connectionId, notice)
  }

  private async disclosed(proofExchangeRecordId: string): Promise<PresentationOutcome> {
    const data = await this.agent.didcomm.proofs.getFormatData(proofExchangeRecordId)
    const decode = (compact: string) => this.agent.sdJwtVc.fromCompact(compact).prettyClaims
    const judged = judgePresentation(data.presentation?.presentationExchange, this.trusted, decode)
    if (judged.state !== 'verified') return judged
    const message = await this.agent.didcomm.proofs.findPresentationMessage(proofExchangeRecordId)
    const documents = checkDocuments(judged.credentials, message?.appendedAttachments ?? [])
    if (!documents.ok) return { state: 'refused', reason: documents.reason }
    return { ...judged, documents: documents.documents }
  }
}
