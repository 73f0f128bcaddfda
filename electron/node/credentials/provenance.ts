import { JsonTransformer, type W3cCredentialRecord } from '@credo-ts/core'

import type { HeldCredential, SignatureCheck } from '../../../shared/api'
import { issuerOf } from './credentialChecks'
import { boundDocuments, toReference } from './documents'

// Provenance that is not in the credential itself is kept as tags of Credo's W3cCredentialRecord: it
// then lives in Askar with the credential and goes with it, and the two can never disagree.
const TAGS = {
  connectionId: 'custosConnectionId',
  exchangeId: 'custosExchangeId',
  signature: 'custosSignature',
  checkedAt: 'custosCheckedAt',
  error: 'custosSignatureError',
} as const

export function setArrival(record: W3cCredentialRecord, arrival: { connectionId?: string; exchangeId: string }): void {
  if (arrival.connectionId) record.setTag(TAGS.connectionId, arrival.connectionId)
  record.setTag(TAGS.exchangeId, arrival.exchangeId)
}

export function setSignatureCheck(record: W3cCredentialRecord, check: SignatureCheck): void {
  record.setTag(TAGS.signature, check.result)
  record.setTag(TAGS.checkedAt, check.checkedAt)
  record.setTag(TAGS.error, check.error)
}

function tag(record: W3cCredentialRecord, name: string): string | undefined {
  const value = record.getTag(name)
  return typeof value === 'string' ? value : undefined
}

export function toHeldCredential(record: W3cCredentialRecord): HeldCredential {
  const json = JsonTransformer.toJSON(record.credential) as {
    type: string[]
    issuanceDate: string
    expirationDate?: string
    credentialSubject: Record<string, unknown>
  }
  const { id: _subjectId, ...claims } = [json.credentialSubject].flat()[0] ?? {}
  const error = tag(record, TAGS.error)
  const documents = boundDocuments(json).map(toReference)
  return {
    id: record.id,
    types: json.type,
    claims,
    provenance: {
      issuer: issuerOf(json) ?? '',
      connectionId: tag(record, TAGS.connectionId),
      exchangeId: tag(record, TAGS.exchangeId),
      issuedAt: json.issuanceDate,
      expiresAt: json.expirationDate,
      signature: {
        result: tag(record, TAGS.signature) === 'valid' ? 'valid' : 'invalid',
        checkedAt: tag(record, TAGS.checkedAt) ?? record.createdAt.toISOString(),
        ...(error ? { error } : {}),
      },
      format: 'ldp_vc',
    },
    ...(documents.length > 0 ? { documents } : {}),
  }
}
