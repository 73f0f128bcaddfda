import { X509Certificate, type AgentContext, type Mdoc, type MdocRecord } from '@credo-ts/core'

import type { HeldCredential } from '../../../shared/api'
import { arrivalOf, signatureOf } from './provenance'
import { issuerDisplayOf } from './sdJwt/issuerDisplayMetadata'

/** A value an mdoc holds, as the screens show it: dates as ISO text, bytes (a portrait) by their size only. */
function shown(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return `(${value.length} bytes)`
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, inner]) => [String(key), shown(inner)]))
  if (Array.isArray(value)) return value.map(shown)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shown(inner)]))
  }
  return value
}

/** The mdoc's data elements by name, over its namespaces (ISO 18013-5 names are unique across them in practice). */
export function mdocClaims(mdoc: Mdoc): Record<string, unknown> {
  return mdocElements(mdoc.issuerSignedNamespaces)
}

/** Data elements of mdoc namespaces (`{ namespace: { element: value } }`) by name, as the screens show them. */
export function mdocElements(namespaces: Record<string, Record<string, unknown>>): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  for (const elements of Object.values(namespaces)) {
    for (const [name, value] of Object.entries(elements)) if (!(name in claims)) claims[name] = shown(value)
  }
  return claims
}

/**
 * The trust an mdoc's issuer signature is checked under: its own chain's last certificate, taken as
 * given (no trust list of Custos names X.509 issuers yet); the person is told that no list names it.
 */
export function ownChainRoot(mdoc: Mdoc): string {
  const chain = mdoc.issuerSignedCertificateChain
  return X509Certificate.fromRawCertificate(chain[chain.length - 1]).toString('base64')
}

export async function checkMdocSignature(agentContext: AgentContext, record: MdocRecord) {
  const mdoc = record.firstCredential
  const result = await mdoc.verify(agentContext, { trustedCertificates: [ownChainRoot(mdoc)] })
  return result.isValid ? { isValid: true } : { isValid: false, error: { message: String(result.error) } }
}

export function toHeldMdoc(record: MdocRecord): HeldCredential {
  const mdoc = record.firstCredential
  const display = issuerDisplayOf(record)
  const { validityInfo } = mdoc
  return {
    id: record.id,
    types: [mdoc.docType],
    claims: mdocClaims(mdoc),
    provenance: {
      issuer: X509Certificate.fromRawCertificate(mdoc.signingCertificate).subject,
      ...arrivalOf(record),
      issuedAt: (validityInfo.signed ?? record.createdAt).toISOString(),
      expiresAt: validityInfo.validUntil?.toISOString(),
      signature: signatureOf(record),
      format: 'mso_mdoc',
    },
    ...(display ? { display } : {}),
  }
}
