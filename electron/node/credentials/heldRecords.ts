import {
  SdJwtVcRepository,
  SdJwtVcService,
  W3cCredentialRecord,
  W3cCredentialRepository,
  W3cCredentialService,
  W3cJsonLdVerifiableCredential,
  W3cJwtVerifiableCredential,
  type AgentContext,
  type SdJwtVcRecord,
} from '@credo-ts/core'

import type { HeldRecord } from './provenance'

// Credo keeps held credentials in one repository per format; the node's ids are unique across both.
export function w3cRecords(agentContext: AgentContext): W3cCredentialRepository {
  return agentContext.dependencyManager.resolve(W3cCredentialRepository)
}

export function sdJwtRecords(agentContext: AgentContext): SdJwtVcRepository {
  return agentContext.dependencyManager.resolve(SdJwtVcRepository)
}

export async function findHeld(agentContext: AgentContext, id: string): Promise<HeldRecord | null> {
  return (
    (await w3cRecords(agentContext).findById(agentContext, id)) ??
    (await sdJwtRecords(agentContext).findById(agentContext, id))
  )
}

export async function checkSignature(
  agentContext: AgentContext,
  record: HeldRecord,
): Promise<{ isValid: boolean; error?: { message: string } }> {
  if (record instanceof W3cCredentialRecord) {
    const credential = record.firstCredential
    if (!(credential instanceof W3cJsonLdVerifiableCredential) && !(credential instanceof W3cJwtVerifiableCredential)) {
      return { isValid: false, error: { message: 'not a JSON-LD or JWT credential' } }
    }
    const service = agentContext.dependencyManager.resolve(W3cCredentialService)
    return credential instanceof W3cJwtVerifiableCredential
      ? service.verifyCredential(agentContext, { credential })
      : service.verifyCredential(agentContext, { credential })
  }
  const sdJwt: SdJwtVcRecord = record
  const result = await agentContext.dependencyManager
    .resolve(SdJwtVcService)
    .verify(agentContext, { compactSdJwtVc: sdJwt.encoded })
  return result.isValid ? { isValid: true } : { isValid: false, error: result.error }
}
