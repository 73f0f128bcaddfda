import type { JsonObject } from '@credo-ts/core'
import type { DidCommCredentialExchangeRecord } from '@credo-ts/didcomm'

import type { CompanyAgent } from './companyAgent'
import { CREDENTIAL_CONTEXTS, type Claims } from './credentialTemplates'
import type { Issuer } from './Issuer'
import type { SamplePerson } from './sampleData'

/** Bundled under resources/jsonld; it adds the land registry's terms to Custos's own context. */
export const PROPERTY_CONTEXT = 'https://custos.example/contexts/property/v1'
export const PROPERTY_RECORD = 'PropertyRecordCredential'

export interface SampleProperty {
  parcel: string
  address: SamplePerson['address']
  registeredSince: string
}

/** A generated parcel at a generated address (a sample person's), never a real one. */
export function sampleProperty(seed: number, addressOf: SamplePerson): SampleProperty {
  const city = addressOf.address.city
  return {
    parcel: `${city.slice(0, 4).toUpperCase()} K ${1000 + (seed % 9000)}`,
    address: addressOf.address,
    registeredSince: '2019-05-01',
  }
}

/** The land registry's extract: the parcel, its address, and every owner by name. */
export function propertyRecordClaims(property: SampleProperty, owners: SamplePerson[]): Claims {
  return { ...property, owners: owners.map((owner) => owner.name) }
}

/**
 * Offers the extract as a JSON-LD credential, signed by the registry's did:key. Each owner's node gets its
 * own copy (its own subject DID and signature): the same document, held by each under its own history.
 */
export async function offerPropertyRecord(
  registry: Issuer,
  connectionId: string,
  claims: Claims,
): Promise<DidCommCredentialExchangeRecord> {
  const credential: JsonObject = {
    '@context': [...CREDENTIAL_CONTEXTS, PROPERTY_CONTEXT],
    type: ['VerifiableCredential', PROPERTY_RECORD],
    issuer: registry.did,
    issuanceDate: new Date().toISOString(),
    credentialSubject: claims as JsonObject,
  }
  return registry.agent.didcomm.credentials.offerCredential({
    connectionId,
    protocolVersion: 'v2',
    credentialFormats: {
      jsonld: { credential, options: { proofType: 'Ed25519Signature2018', proofPurpose: 'assertionMethod' } },
    },
  } as Parameters<CompanyAgent['didcomm']['credentials']['offerCredential']>[0])
}
