import { W3cCredentialsModule, type JsonObject } from '@credo-ts/core'
import {
  DidCommAutoAcceptCredential,
  DidCommCredentialEventTypes,
  DidCommCredentialState,
  DidCommCredentialV2Protocol,
  DidCommJsonLdCredentialFormatService,
  type DidCommCredentialStateChangedEvent,
} from '@credo-ts/didcomm'

import type { CustosNode } from '../../electron/node'
import { offlineDocumentLoader } from '../../electron/node/jsonld'
import { companyDidKey, recipientKeyOf } from '../../scripts/companies/didKeyRouting'
import { startCredoAgent, stopCredoAgent, type CredoAgent } from './credoAgent'
import { eventually } from './companies'
import { freePort } from './freePort'
import { apiOf, startNode } from './nodes'

/** Contexts as issuers in the field use them: W3C VC 1.1 and citizenship v1 (both bundled). */
export const CITIZENSHIP_CONTEXTS = ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/citizenship/v1']

export const ED25519_2020 = 'https://w3id.org/security/suites/ed25519-2020/v1'

export function residentCard(issuer: string, extraContexts: string[] = [], extra: JsonObject = {}): JsonObject {
  return {
    ...extra,
    '@context': [...CITIZENSHIP_CONTEXTS, ...extraContexts],
    type: ['VerifiableCredential', 'PermanentResidentCard'],
    issuer,
    issuanceDate: '2026-01-01T00:00:00Z',
    credentialSubject: {
      type: ['PermanentResident', 'Person'],
      givenName: 'ALICE',
      familyName: 'SMITH',
      birthCountry: 'Bahamas',
      birthDate: '1958-07-17',
    },
  }
}

function fieldModules() {
  // Stock Credo: its own JSON-LD format and suites. Only the loader is offline, as no test may reach the web.
  return {
    w3cCredentials: new W3cCredentialsModule({ documentLoader: offlineDocumentLoader }),
  }
}

export type FieldAgent = CredoAgent<ReturnType<typeof fieldModules>>

/**
 * A plain Credo 0.6.3 issuer as the field runs one: stock JSON-LD format service, a did:key of its own,
 * and it signs each request with the verification method it chooses (did:key#fingerprint by default).
 */
export class FieldIssuer {
  /** The verification method the next requests are signed with; undefined lets Credo derive it. */
  verificationMethod: string | undefined
  private constructor(
    readonly agent: FieldAgent,
    /** The key the connection speaks with: the invitation's recipient key. */
    readonly connectionDid: string,
  ) {}

  static async start(dir: string, label = 'Field registry'): Promise<FieldIssuer> {
    const agent = await startCredoAgent({
      dir,
      label,
      inbound: ['http'],
      modules: fieldModules(),
      didcomm: {
        mediator: false,
        mediationRecipient: false,
        messagePickup: false,
        credentials: {
          autoAcceptCredentials: DidCommAutoAcceptCredential.Never,
          credentialProtocols: [
            new DidCommCredentialV2Protocol({ credentialFormats: [new DidCommJsonLdCredentialFormatService()] }),
          ],
        },
      },
    })
    const issuer = new FieldIssuer(agent, await companyDidKey(agent, label))
    agent.events.on<DidCommCredentialStateChangedEvent>(
      DidCommCredentialEventTypes.DidCommCredentialStateChanged,
      ({ payload }) => {
        if (payload.credentialExchangeRecord.state !== DidCommCredentialState.RequestReceived) return
        const verificationMethod = issuer.verificationMethod
        void agent.didcomm.credentials
          .acceptRequest({
            credentialExchangeRecordId: payload.credentialExchangeRecord.id,
            ...(verificationMethod ? { credentialFormats: { jsonld: { verificationMethod } } } : {}),
          })
          .catch(() => undefined)
      },
    )
    return issuer
  }

  /** A did:key of its own, other than the connection's, as a registry's signing key would be. */
  async newDidKey(): Promise<string> {
    const created = await this.agent.dids.create({
      method: 'key',
      options: { createKey: { type: { kty: 'OKP', crv: 'Ed25519' } } },
    })
    if (!created.didState.did) throw new Error('no did:key')
    return created.didState.did
  }

  /** A did:jwk of its own (Ed25519), as issuers on OpenID stacks have one. */
  async newDidJwk(): Promise<string> {
    const created = await this.agent.dids.create({
      method: 'jwk',
      options: { createKey: { type: { kty: 'OKP', crv: 'Ed25519' } } },
    })
    if (!created.didState.did) throw new Error('no did:jwk')
    return created.didState.did
  }

  /** Connects the node through an invitation whose recipient key is `connectionDid`; the issuer's connection id. */
  async connect(node: CustosNode): Promise<string> {
    const endpoint = this.agent.didcomm.config.endpoints[0]
    const record = await this.agent.didcomm.oob.createInvitation({
      label: 'Field registry',
      routing: {
        endpoints: [endpoint],
        recipientKey: await recipientKeyOf(this.agent, this.connectionDid),
        routingKeys: [],
      },
    })
    const url = record.outOfBandInvitation.toUrl({ domain: endpoint })
    const accepted = await apiOf(node)['connections.acceptInvitation']({ url })
    await node.agent.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    return eventually(async () => {
      const [connection] = await this.agent.didcomm.connections.findAllByOutOfBandId(record.id)
      return connection?.isReady ? connection.id : undefined
    })
  }

  /** Offers `credential` with RFC 0593 options exactly as given (a missing proofPurpose stays missing). */
  async offer(connectionId: string, credential: JsonObject, options: JsonObject) {
    return this.agent.didcomm.credentials.offerCredential({
      connectionId,
      protocolVersion: 'v2',
      credentialFormats: { jsonld: { credential, options } },
    } as Parameters<FieldAgent['didcomm']['credentials']['offerCredential']>[0])
  }

  async stateOf(exchangeId: string) {
    return this.agent.didcomm.credentials.getById(exchangeId)
  }

  stop(): Promise<void> {
    return stopCredoAgent(this.agent)
  }
}

/** A field issuer connected to a fresh node, both in `dir`; `stop` closes both. */
export async function fieldIssuerBesideNode(dir: string) {
  const issuer = await FieldIssuer.start(`${dir}/issuer`)
  const node = await startNode(`${dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
  const connectionId = await issuer.connect(node)
  const stop = async () => {
    await node.close().catch(() => undefined)
    await issuer.stop().catch(() => undefined)
  }
  return { issuer, node, connectionId, stop }
}

/** The first offer waiting at the node. */
export function waitingOffer(node: CustosNode) {
  return eventually(async () => (await apiOf(node)['credentials.listOffers'](undefined))[0])
}

/** What the node keeps of issued credentials: the held ones (as stored) and the waiting offers. */
export async function heldAndOffered(node: CustosNode) {
  return {
    held: (await node.agent.w3cCredentials.getAll()).map((record) => record.toJSON()),
    offers: await apiOf(node)['credentials.listOffers'](undefined),
  }
}
