import { type JsonObject } from '@credo-ts/core'
import {
  DidCommCredentialEventTypes,
  DidCommCredentialState,
  type DidCommCredentialExchangeRecord,
  type DidCommCredentialStateChangedEvent,
} from '@credo-ts/didcomm'

import { companyDidKey, recipientKeyOf } from './didKeyRouting'
import { startCompanyAgent, type CompanyAgent, type CompanyAgentOptions } from './companyAgent'
import { CREDENTIAL_CONTEXTS, type Claims, type CredentialKind } from './credentialTemplates'
import { DocumentAttachingCredentialProtocol, type IssuedDocument } from './DocumentAttachingCredentialProtocol'
import { disclosureFrame } from './disclosureFrame'
import { isSameOfferButSubject } from './requestMatchesOffer'

export interface OfferOptions {
  kind: CredentialKind
  claims: Claims
  expirationDate?: string
  /** Defaults to this issuer's did:key; tests set another to play an impostor. */
  issuer?: string
  /** Documents the claims bind by digest; they go with the credential as DIDComm attachments. */
  documents?: IssuedDocument[]
}

/**
 * A company that issues W3C JSON-LD credentials (issue-credential v2, RFC 0593) signed by its did:key
 * with Ed25519Signature2018. Its invitation's recipient key is that same key, which is how a node ties
 * the credentials to the connection they arrive through.
 */
export class Issuer {
  private constructor(
    readonly agent: CompanyAgent,
    readonly did: string,
    readonly endpoint: string,
    readonly stop: () => Promise<void>,
    /** The name it shows in its invitations. */
    readonly name: string,
  ) {}

  static async start(options: CompanyAgentOptions): Promise<Issuer> {
    const started = await startCompanyAgent(options)
    const { agent } = started
    const did = await companyDidKey(agent, options.name)
    const issuer = new Issuer(agent, did, started.endpoint, started.stop, options.name)
    agent.events.on<DidCommCredentialStateChangedEvent>(
      DidCommCredentialEventTypes.DidCommCredentialStateChanged,
      ({ payload }) => {
        if (payload.credentialExchangeRecord.state !== DidCommCredentialState.RequestReceived) return
        issuer.answerRequest(payload.credentialExchangeRecord).catch((error: unknown) => {
          agent.config.logger.error(`${options.name}: answering a credential request failed`, { error })
        })
      },
    )
    return issuer
  }

  /** An out-of-band invitation (DID exchange) whose recipient key is the issuer key. */
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

  /**
   * Offers an SD-JWT VC (Credo's SdJwtVcModule signs it once the holder requests it, bound to the key
   * the holder names). `disclosable` lists the claims, dotted for nested ones, a holder may withhold.
   */
  async offerSdJwt(connectionId: string, vct: string, claims: Claims, disclosable: string[], issuer = this.did) {
    return this.agent.didcomm.credentials.offerCredential({
      connectionId,
      protocolVersion: 'v2',
      credentialFormats: { sdJwtVc: { vct, issuer, claims, disclosureFrame: disclosureFrame(disclosable) } },
    } as Parameters<CompanyAgent['didcomm']['credentials']['offerCredential']>[0])
  }

  /** Offers a credential with no subject id: the holder names its own DID in the request. */
  async offer(connectionId: string, options: OfferOptions): Promise<DidCommCredentialExchangeRecord> {
    const credential: JsonObject = {
      '@context': CREDENTIAL_CONTEXTS,
      type: ['VerifiableCredential', options.kind],
      issuer: options.issuer ?? this.did,
      issuanceDate: new Date().toISOString(),
      credentialSubject: options.claims as JsonObject,
    }
    if (options.expirationDate) credential.expirationDate = options.expirationDate
    const record = await this.agent.didcomm.credentials.offerCredential({
      connectionId,
      protocolVersion: 'v2',
      credentialFormats: {
        jsonld: { credential, options: { proofType: 'Ed25519Signature2018', proofPurpose: 'assertionMethod' } },
      },
    } as Parameters<CompanyAgent['didcomm']['credentials']['offerCredential']>[0])
    if (options.documents) DocumentAttachingCredentialProtocol.of(this.agent).attachTo(record.id, options.documents)
    return record
  }

  /**
   * Offers a JSON-LD credential as given, with RFC 0593 options as a stock ACA-Py issuer sends them
   * (Ed25519Signature2018, no proofPurpose). Its `issuer` may be a DID of the company's other than the
   * connection's key (a did:web); Credo signs with that DID's first Ed25519 key.
   */
  async offerAsIs(connectionId: string, credential: JsonObject): Promise<DidCommCredentialExchangeRecord> {
    return this.agent.didcomm.credentials.offerCredential({
      connectionId,
      protocolVersion: 'v2',
      credentialFormats: { jsonld: { credential, options: { proofType: 'Ed25519Signature2018' } } },
    } as Parameters<CompanyAgent['didcomm']['credentials']['offerCredential']>[0])
  }

  // Signs only what it offered: the request may differ from the offer in the subject's id alone.
  private async answerRequest(record: DidCommCredentialExchangeRecord): Promise<void> {
    const data = await this.agent.didcomm.credentials.getFormatData(record.id)
    // An SD-JWT VC request only names the holder's key (the format service checked it); the claims are the offer's.
    const matches = data.offer?.sdJwtVc ? true : isSameOfferButSubject(data.offer?.jsonld, data.request?.jsonld)
    if (!matches) {
      await this.agent.didcomm.credentials.sendProblemReport({
        credentialExchangeRecordId: record.id,
        description: 'The request does not match the offer.',
      })
      return
    }
    await this.agent.didcomm.credentials.acceptRequest({ credentialExchangeRecordId: record.id })
  }
}
