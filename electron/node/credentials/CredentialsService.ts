import { injectable, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionRepository,
  DidCommCredentialsApi,
  DidCommCredentialState,
  type DidCommCredentialExchangeRecord,
  type DidCommJsonLdCredentialFormatService,
  type DidCommCredentialV2Protocol,
} from '@credo-ts/didcomm'

import type { CredentialOffer, DocumentContent, HeldCredential } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { withPeerErrors } from '../platform'
import { awaitIssued } from './awaitIssued'
import { contextsNotHeld } from './contextChecks'
import { fetchOfferContexts } from './fetchContexts'
import { DocumentsService } from './documents'
import { checkSignature, findAnyHeld, mdocRecords, sdJwtRecords, toHeld, updateHeld, w3cRecords } from './heldRecords'
import { issuerStanding } from './issuerStanding'
import { toCredentialOffer } from './offers'
import { setSignatureCheck, toHeldCredential } from './provenance'
import { toHeldSdJwtVc, type SdJwtVcCredentialFormatService } from './sdJwt'

const ISSUE_TIMEOUT_MS = 30_000

/**
 * Offers and held credentials. Offers are Credo's credential exchanges in state offer-received (in
 * Askar, so they survive a restart); held credentials are Credo's W3cCredentialRecords.
 */
@injectable()
export class CredentialsService {
  async listOffers(agentContext: AgentContext): Promise<CredentialOffer[]> {
    const records = await credentials(agentContext).findAllByQuery({ state: DidCommCredentialState.OfferReceived })
    const offers = await Promise.all(records.map((record) => this.describeOffer(agentContext, record)))
    return offers.filter((offer) => offer !== undefined).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
  }

  async acceptOffer(agentContext: AgentContext, id: string): Promise<HeldCredential> {
    const offer = await this.describeOffer(agentContext, await this.getOffer(agentContext, id))
    if (offer?.unknownContexts?.length) {
      throw new CustosError(
        'CredentialRefused',
        `The offer names the JSON-LD context ${offer.unknownContexts.join(', ')}, which Custos does not have: fetch it from the issuer's host first, or decline.`,
      )
    }
    const { issued, cancel } = awaitIssued(agentContext, id, ISSUE_TIMEOUT_MS)
    try {
      await withPeerErrors('issuer', 'The offer cannot be accepted', () =>
        credentials(agentContext).acceptOffer({ credentialExchangeRecordId: id }),
      )
    } catch (error) {
      cancel()
      throw error
    }
    return issued
  }

  async declineOffer(agentContext: AgentContext, id: string, reason?: string): Promise<void> {
    await this.getOffer(agentContext, id)
    await credentials(agentContext).declineOffer({
      credentialExchangeRecordId: id,
      sendProblemReport: true,
      problemReportDescription: reason ?? 'The person declined the offer.',
    })
  }

  async list(agentContext: AgentContext): Promise<HeldCredential[]> {
    const w3c = (await w3cRecords(agentContext).getAll(agentContext)).map(toHeldCredential)
    const sdJwt = (await sdJwtRecords(agentContext).getAll(agentContext)).map((r) => toHeldSdJwtVc(agentContext, r))
    const mdoc = (await mdocRecords(agentContext).getAll(agentContext)).map((r) => toHeld(agentContext, r))
    return [...w3c, ...sdJwt, ...mdoc].sort((a, b) => a.provenance.issuedAt.localeCompare(b.provenance.issuedAt))
  }

  async get(agentContext: AgentContext, id: string): Promise<HeldCredential> {
    const record = await findAnyHeld(agentContext, id)
    if (!record) throw new CustosError('NotFound', `No held credential with id ${id}.`)
    return toHeld(agentContext, record)
  }

  /** A document one of the held credential's lists, checked against its digest as it is read. */
  async getDocument(agentContext: AgentContext, id: string, digestSRI: string): Promise<DocumentContent> {
    const held = await this.get(agentContext, id)
    if (!held.documents?.some((document) => document.digestSRI === digestSRI)) {
      throw new CustosError('NotFound', `Credential ${id} has no document with digest ${digestSRI}.`)
    }
    return agentContext.dependencyManager.resolve(DocumentsService).load(agentContext, digestSRI)
  }

  /** Verifies the signature again (with the bundled contexts only) and records when and with what result. */
  async verify(agentContext: AgentContext, id: string): Promise<HeldCredential> {
    const record = await findAnyHeld(agentContext, id)
    if (!record) throw new CustosError('NotFound', `No held credential with id ${id}.`)
    const result = await checkSignature(agentContext, record)
    const checkedAt = new Date().toISOString()
    setSignatureCheck(
      record,
      result.isValid
        ? { result: 'valid', checkedAt }
        : {
            result: 'invalid',
            checkedAt,
            error: result.error?.message ?? 'invalid',
          },
    )
    await updateHeld(agentContext, record)
    return this.get(agentContext, id)
  }

  /** The person lets the node fetch the offer's unknown contexts once from the issuer's own host. */
  async fetchContexts(agentContext: AgentContext, id: string): Promise<CredentialOffer> {
    const record = await this.getOffer(agentContext, id)
    const credential = (await credentials(agentContext).getFormatData(id)).offer?.jsonld?.credential
    if (credential) await fetchOfferContexts(agentContext, credential)
    const offer = await this.describeOffer(agentContext, record)
    if (!offer) throw new CustosError('NotFound', `No open credential offer with id ${id}.`)
    return offer
  }

  private async getOffer(agentContext: AgentContext, id: string): Promise<DidCommCredentialExchangeRecord> {
    const record = await credentials(agentContext).findById(id)
    if (!record || record.state !== DidCommCredentialState.OfferReceived) {
      throw new CustosError('NotFound', `No open credential offer with id ${id}.`)
    }
    return record
  }

  private async describeOffer(agentContext: AgentContext, record: DidCommCredentialExchangeRecord) {
    const data = await credentials(agentContext).getFormatData(record.id)
    const connection = record.connectionId
      ? await agentContext.dependencyManager
          .resolve(DidCommConnectionRepository)
          .findById(agentContext, record.connectionId)
      : null
    const offer = toCredentialOffer(record, data, connection?.theirLabel)
    const credential = data.offer?.jsonld?.credential
    if (offer && credential && record.connectionId) {
      // Checked when the offer came (an issuer that does not resolve never reaches the list); trust lists
      // may have been imported since, so the standing is read afresh.
      offer.standing = await issuerStanding(agentContext, offer.issuer, credential, record.connectionId).catch(
        () => undefined,
      )
      const unknownContexts = await contextsNotHeld(agentContext, credential).catch(() => [])
      if (unknownContexts.length > 0) offer.unknownContexts = unknownContexts
    }
    return offer
  }
}

// Credo's Apis are scoped to the context they were resolved from, so they are looked up per call.
export type NodeCredentialsApi = DidCommCredentialsApi<
  [DidCommCredentialV2Protocol<[DidCommJsonLdCredentialFormatService, SdJwtVcCredentialFormatService]>]
>

function credentials(agentContext: AgentContext): NodeCredentialsApi {
  return agentContext.dependencyManager.resolve(DidCommCredentialsApi) as NodeCredentialsApi
}
