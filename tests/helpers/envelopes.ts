import { DidRepository, Kms, type AgentContext } from '@credo-ts/core'
import { DidCommEnvelopeService, type DidCommEncryptedMessage, type DidCommMessage } from '@credo-ts/didcomm'

type Ed25519Key = Kms.PublicJwk<Kms.Ed25519PublicJwk>

/**
 * Packs any plaintext, valid or not, the way Credo packs its messages (Credo 0.6's envelope service takes
 * a message object; the tests' plaintexts are deliberately not valid messages).
 */
export function pack(
  agentContext: AgentContext,
  plaintext: Record<string, unknown>,
  recipientKeys: Ed25519Key[],
  senderKey: Ed25519Key | null,
): Promise<DidCommEncryptedMessage> {
  const payload = { toJSON: () => plaintext } as unknown as DidCommMessage
  return agentContext.dependencyManager
    .resolve(DidCommEnvelopeService)
    .packMessage(agentContext, payload, { recipientKeys, routingKeys: [], senderKey })
}

/** A new Ed25519 key in the agent's key management, addressed by its id. */
export async function freshKey(agentContext: AgentContext): Promise<Ed25519Key> {
  const kms = agentContext.dependencyManager.resolve(Kms.KeyManagementApi)
  const { keyId, publicJwk } = await kms.createKey({ type: { kty: 'OKP', crv: 'Ed25519' } })
  const key = Kms.PublicJwk.fromPublicJwk(publicJwk) as Ed25519Key
  key.keyId = keyId
  return key
}

/** `key` (from one of our DID documents) with the id our key management knows it by, to sign as sender. */
export async function withOurKeyId(agentContext: AgentContext, did: string, key: Ed25519Key): Promise<Ed25519Key> {
  const [record] = await agentContext.dependencyManager.resolve(DidRepository).getCreatedDids(agentContext, { did })
  const kms = agentContext.dependencyManager.resolve(Kms.KeyManagementApi)
  for (const { kmsKeyId } of record?.keys ?? []) {
    const publicJwk = Kms.PublicJwk.fromUnknown(await kms.getPublicKey({ keyId: kmsKeyId }))
    if (publicJwk.fingerprint === key.fingerprint) {
      key.keyId = kmsKeyId
      return key
    }
  }
  throw new Error(`no key of ${did} in the key management service`)
}
