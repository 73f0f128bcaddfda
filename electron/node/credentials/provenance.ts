import {
  JsonTransformer,
  W3cJwtVerifiableCredential,
  type BaseRecord,
  type MdocRecord,
  type SdJwtVcRecord,
  type W3cCredentialRecord,
} from '@credo-ts/core'

import type { HeldCredential, IssuerStanding, Provenance, SignatureCheck } from '../../../shared/api'
import { issuerOf } from './credentialChecks'
import { boundDocuments, toReference } from './documents'
import { issuerDisplayOf } from './sdJwt/issuerDisplayMetadata'

// Provenance that is not in the credential itself is kept as tags of Credo's W3cCredentialRecord: it
// then lives in Askar with the credential and goes with it, and the two can never disagree.
const TAGS = {
  connectionId: 'custosConnectionId',
  exchangeId: 'custosExchangeId',
  signature: 'custosSignature',
  checkedAt: 'custosCheckedAt',
  error: 'custosSignatureError',
  deliveredBy: 'custosDeliveredBy',
  standing: 'custosIssuerStanding',
} as const

/** A held credential as Credo stores it, in either format. */
export type HeldRecord = W3cCredentialRecord | SdJwtVcRecord

/** Any record the node keeps provenance on: the held records above, and mdocs (taken over OpenID4VCI only). */
export type TaggedRecord = HeldRecord | MdocRecord

// Our tags are free-form strings; Credo 0.6 types each record's custom tags narrowly.
function taggable(record: TaggedRecord): BaseRecord {
  return record as unknown as BaseRecord
}

export function setArrival(
  record: TaggedRecord,
  arrival: { connectionId?: string; exchangeId: string; deliveredBy?: string },
): void {
  if (arrival.connectionId) taggable(record).setTag(TAGS.connectionId, arrival.connectionId)
  taggable(record).setTag(TAGS.exchangeId, arrival.exchangeId)
  if (arrival.deliveredBy) taggable(record).setTag(TAGS.deliveredBy, arrival.deliveredBy)
}

/** Who issued it as it stood on arrival (trust lists may change later; this says what the person saw). */
export function setStanding(record: TaggedRecord, standing: IssuerStanding): void {
  taggable(record).setTag(TAGS.standing, JSON.stringify(standing))
}

function standingOf(tag: TagReader): IssuerStanding | undefined {
  const json = tag(TAGS.standing)
  return json ? (JSON.parse(json) as IssuerStanding) : undefined
}

export function setSignatureCheck(record: TaggedRecord, check: SignatureCheck): void {
  taggable(record).setTag(TAGS.signature, check.result)
  taggable(record).setTag(TAGS.checkedAt, check.checkedAt)
  taggable(record).setTag(TAGS.error, check.error)
}

type TagReader = (name: string) => string | undefined

// One read of the record's tags for all of ours: Credo's getTag builds every tag, the computed ones of a
// W3C credential (its expanded types, claim format, …) included, on each call.
function tagsOf(record: TaggedRecord): TagReader {
  const tags = taggable(record).getTags()
  return (name) => {
    const value = tags[name]
    return typeof value === 'string' ? value : undefined
  }
}

export function signatureOf(record: TaggedRecord, tag = tagsOf(record)): HeldCredential['provenance']['signature'] {
  const error = tag(TAGS.error)
  return {
    result: tag(TAGS.signature) === 'valid' ? 'valid' : 'invalid',
    checkedAt: tag(TAGS.checkedAt) ?? record.createdAt.toISOString(),
    ...(error ? { error } : {}),
  }
}

export function arrivalOf(
  record: TaggedRecord,
  tag = tagsOf(record),
): Pick<Provenance, 'connectionId' | 'exchangeId' | 'deliveredBy' | 'standing'> {
  const deliveredBy = tag(TAGS.deliveredBy)
  const standing = standingOf(tag)
  return {
    connectionId: tag(TAGS.connectionId),
    exchangeId: tag(TAGS.exchangeId),
    ...(deliveredBy ? { deliveredBy } : {}),
    ...(standing ? { standing } : {}),
  }
}

export function toHeldCredential(record: W3cCredentialRecord): HeldCredential {
  // A JWT VC (taken over OpenID4VCI) carries the same W3C data model inside its JWT.
  const credential = record.firstCredential
  const jwt = credential instanceof W3cJwtVerifiableCredential
  const display = issuerDisplayOf(record)
  const json = JsonTransformer.toJSON(jwt ? credential.credential : credential) as {
    type: string[]
    issuanceDate: string
    expirationDate?: string
    credentialSubject: Record<string, unknown>
  }
  const { id: _subjectId, ...claims } = [json.credentialSubject].flat()[0] ?? {}
  const documents = boundDocuments(json).map(toReference)
  const tag = tagsOf(record)
  return {
    id: record.id,
    types: json.type,
    claims,
    provenance: {
      issuer: issuerOf(json) ?? '',
      ...arrivalOf(record, tag),
      issuedAt: json.issuanceDate,
      expiresAt: json.expirationDate,
      signature: signatureOf(record, tag),
      format: jwt ? 'jwt_vc_json' : 'ldp_vc',
    },
    ...(documents.length > 0 ? { documents } : {}),
    ...(display ? { display } : {}),
  }
}
