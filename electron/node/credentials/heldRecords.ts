import {
  MdocRecord,
  MdocRepository,
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

import type { HeldCredential } from '../../../shared/api'
import { checkMdocSignature, toHeldMdoc } from './heldMdoc'
import { toHeldCredential, type HeldRecord, type TaggedRecord } from './provenance'
import { toHeldSdJwtVc } from './sdJwt/heldSdJwtVc'

// Credo keeps held credentials in one repository per format; the node's ids are unique across both.
export function w3cRecords(agentContext: AgentContext): W3cCredentialRepository {
  return agentContext.dependencyManager.resolve(W3cCredentialRepository)
}

export function sdJwtRecords(agentContext: AgentContext): SdJwtVcRepository {
  return agentContext.dependencyManager.resolve(SdJwtVcRepository)
}

/** mdocs (ISO 18013-5) arrive over OpenID4VCI only. */
export function mdocRecords(agentContext: AgentContext): MdocRepository {
  return agentContext.dependencyManager.resolve(MdocRepository)
}

export async function findHeld(agentContext: AgentContext, id: string): Promise<HeldRecord | null> {
  return (
    (await w3cRecords(agentContext).findById(agentContext, id)) ??
    (await sdJwtRecords(agentContext).findById(agentContext, id))
  )
}

/** For My data: any held record, mdocs too (requests answer with the formats `findHeld` returns). */
export async function findAnyHeld(agentContext: AgentContext, id: string): Promise<TaggedRecord | null> {
  return (await findHeld(agentContext, id)) ?? (await mdocRecords(agentContext).findById(agentContext, id))
}

export async function checkSignature(
  agentContext: AgentContext,
  record: TaggedRecord,
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
  if (record instanceof MdocRecord) return checkMdocSignature(agentContext, record)
  const sdJwt: SdJwtVcRecord = record
  const result = await agentContext.dependencyManager
    .resolve(SdJwtVcService)
    .verify(agentContext, { compactSdJwtVc: sdJwt.encoded })
  return result.isValid ? { isValid: true } : { isValid: false, error: result.error }
}

/** Any held record as My data shows it. */
export function toHeld(agentContext: AgentContext, record: TaggedRecord): HeldCredential {
  if (record instanceof W3cCredentialRecord) return toHeldCredential(record)
  if (record instanceof MdocRecord) return toHeldMdoc(record)
  return toHeldSdJwtVc(agentContext, record)
}

/** Writes back a held record's tags after a check, in its own repository. */
export async function updateHeld(agentContext: AgentContext, record: TaggedRecord): Promise<void> {
  if (record instanceof W3cCredentialRecord) await w3cRecords(agentContext).update(agentContext, record)
  else if (record instanceof MdocRecord) await mdocRecords(agentContext).update(agentContext, record)
  else await sdJwtRecords(agentContext).update(agentContext, record)
}
