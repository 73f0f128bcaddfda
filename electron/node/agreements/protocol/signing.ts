import {
  DidsApi,
  getKmsKeyIdForVerifiacationMethod,
  getPublicJwkFromVerificationMethod,
  Kms,
  TypedArrayEncoder,
  type AgentContext,
} from '@credo-ts/core'
import type { DidCommConnectionRecord } from '@credo-ts/didcomm'

import { agreementSignatureSchema, type AgreementSignature } from '../../../../shared/api'
import { keysOfConnection } from '../../credentials'
import { canonicalJson } from '../../trustLists'

/** What a signature covers: the canonical JSON (RFC 8785 for these values) of what is signed. */
function bytesOf(signed: unknown): Uint8Array {
  return TypedArrayEncoder.fromString(canonicalJson(signed))
}

/**
 * Signs with the key of this side's DID on the connection: the key the other side already knows
 * speaks for us, so it needs no other proof of who signed.
 */
export async function signForConnection(
  agentContext: AgentContext,
  connection: DidCommConnectionRecord,
  signed: unknown,
): Promise<AgreementSignature> {
  if (!connection.did) throw new Error('the connection has no DID of ours to sign with')
  const dids = agentContext.dependencyManager.resolve(DidsApi)
  const { didDocument, keys } = await dids.resolveCreatedDidDocumentWithKeys(connection.did)
  // Credo's did:peer documents embed the signing key in `authentication`.
  const embedded = (didDocument.authentication ?? []).filter((entry) => typeof entry !== 'string')
  const method = [...(didDocument.verificationMethod ?? []), ...embedded].find((candidate) =>
    getPublicJwkFromVerificationMethod(candidate).is(Kms.Ed25519PublicJwk),
  )
  if (!method) throw new Error('our DID on the connection has no Ed25519 key')
  const publicJwk = getPublicJwkFromVerificationMethod(method)
  const keyId = getKmsKeyIdForVerifiacationMethod(method, keys) ?? publicJwk.legacyKeyId
  const kms = agentContext.dependencyManager.resolve(Kms.KeyManagementApi)
  const { signature } = await kms.sign({ keyId, algorithm: 'EdDSA', data: bytesOf(signed) })
  return {
    alg: 'EdDSA',
    signer: publicJwk.fingerprint,
    signed_at: new Date().toISOString(),
    value: TypedArrayEncoder.toBase64URL(signature),
  }
}

/** Whether `signature` is a valid Ed25519 signature over `signed` by the key it names. */
export async function signatureHolds(
  agentContext: AgentContext,
  signed: unknown,
  signature: AgreementSignature,
): Promise<boolean> {
  try {
    const publicJwk = Kms.PublicJwk.fromFingerprint(signature.signer)
    if (!publicJwk.is(Kms.Ed25519PublicJwk)) return false
    const kms = agentContext.dependencyManager.resolve(Kms.KeyManagementApi)
    const result = await kms.verify({
      algorithm: 'EdDSA',
      key: { publicJwk: publicJwk.toJson() },
      data: bytesOf(signed),
      signature: TypedArrayEncoder.fromBase64(signature.value),
    })
    return result.verified
  } catch {
    return false
  }
}

/** Whether `signature` is a valid signature over `signed` by a key that speaks for the connection. */
export async function signedByConnection(
  agentContext: AgentContext,
  connectionId: string,
  signed: unknown,
  signature: unknown,
): Promise<boolean> {
  const parsed = agreementSignatureSchema.safeParse(signature)
  if (!parsed.success) return false
  const keys = await keysOfConnection(agentContext, connectionId)
  return keys.has(parsed.data.signer) && (await signatureHolds(agentContext, signed, parsed.data))
}
