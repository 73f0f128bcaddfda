import {
  ProofEventTypes,
  ProofState,
  type DifPresentationExchangeDefinitionV2,
  type ProofStateChangedEvent,
} from '@credo-ts/core'

import { startCompanyAgent, type CompanyAgent, type CompanyAgentOptions } from './companyAgent'
import { mortgageDefinition, mortgageTerms, termsComment } from './mortgageRequest'
import { checkDocuments } from './documentCheck'
import { judgePresentation, type PresentationOutcome } from './presentationOutcome'
import type { RequestTerms } from '../../electron/node/requests'

/**
 * A verifier: asks over present-proof v2 with DIF Presentation Exchange and checks what comes back.
 * Credo verifies the presentation's and every credential's signature on receipt (isVerified).
 */
export class Lender {
  /** Whose word the lender takes, per credential type; a type not listed here is taken from anyone. */
  private readonly trusted = new Map<string, Set<string>>()

  private constructor(
    readonly agent: CompanyAgent,
    readonly endpoint: string,
    readonly stop: () => Promise<void>,
  ) {}

  static async start(options: CompanyAgentOptions): Promise<Lender> {
    const started = await startCompanyAgent(options)
    return new Lender(started.agent, started.endpoint, started.stop)
  }

  trust(credentialType: string, issuerDid: string): void {
    const issuers = this.trusted.get(credentialType) ?? new Set<string>()
    this.trusted.set(credentialType, issuers.add(issuerDid))
  }

  async invitation(): Promise<{ url: string; outOfBandId: string }> {
    const record = await this.agent.oob.createInvitation({ label: this.agent.config.label })
    return { url: record.outOfBandInvitation.toUrl({ domain: this.endpoint }), outOfBandId: record.id }
  }

  async connectionFor(outOfBandId: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const [connection] = await this.agent.connections.findAllByOutOfBandId(outOfBandId)
      if (connection?.isReady) return connection.id
      if (Date.now() > deadline) throw new Error('no connection came of the invitation')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  async ask(
    connectionId: string,
    definition: DifPresentationExchangeDefinitionV2 = mortgageDefinition,
    terms: RequestTerms = mortgageTerms,
  ): Promise<string> {
    const record = await this.agent.proofs.requestProof({
      connectionId,
      protocolVersion: 'v2',
      // The domain is the audience an SD-JWT VC's key binding must name: this lender's endpoint.
      proofFormats: {
        presentationExchange: { presentationDefinition: definition, options: { domain: this.endpoint } },
      },
      comment: termsComment(terms),
    } as Parameters<CompanyAgent['proofs']['requestProof']>[0])
    return record.id
  }

  /** Resolves once the presentation was verified (and acknowledged) or the node refused with a problem report. */
  outcome(proofRecordId: string, timeoutMs = 30_000): Promise<PresentationOutcome> {
    return new Promise((resolve, reject) => {
      const events = this.agent.events
      const timer = setTimeout(() => {
        events.off(ProofEventTypes.ProofStateChanged, listener)
        reject(new Error('no answer to the proof request'))
      }, timeoutMs)
      const finish = (outcome: Promise<PresentationOutcome>) => {
        clearTimeout(timer)
        events.off(ProofEventTypes.ProofStateChanged, listener)
        outcome.then(resolve, reject)
      }
      const listener = ({ payload }: ProofStateChangedEvent) => {
        const record = payload.proofRecord
        if (record.id !== proofRecordId) return
        if (record.state === ProofState.Done || record.state === ProofState.PresentationReceived) {
          if (record.isVerified) finish(this.disclosed(record.id))
          else finish(Promise.resolve({ state: 'refused', reason: record.errorMessage ?? 'not verified' }))
        } else if (record.state === ProofState.Abandoned || record.state === ProofState.Declined) {
          finish(Promise.resolve({ state: 'refused', reason: record.errorMessage ?? record.state }))
        }
      }
      events.on(ProofEventTypes.ProofStateChanged, listener)
    })
  }

  private async disclosed(proofRecordId: string): Promise<PresentationOutcome> {
    const data = await this.agent.proofs.getFormatData(proofRecordId)
    const decode = (compact: string) => this.agent.sdJwtVc.fromCompact(compact).prettyClaims
    const judged = judgePresentation(data.presentation?.presentationExchange, this.trusted, decode)
    if (judged.state !== 'verified') return judged
    const message = await this.agent.proofs.findPresentationMessage(proofRecordId)
    const documents = checkDocuments(judged.credentials, message?.appendedAttachments ?? [])
    if (!documents.ok) return { state: 'refused', reason: documents.reason }
    return { ...judged, documents: documents.documents }
  }
}
