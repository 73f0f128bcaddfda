import {
  ClaimFormat,
  MdocRecord,
  SdJwtVcRecord,
  W3cCredentialRecord,
  W3cJwtVerifiableCredential,
  type AgentContext,
  type DcqlCredentialsForRequest,
} from '@credo-ts/core'

import type { HeldCredential } from '../../../shared/api'
import { mdocElements, sdJwtClaims, toHeld } from '../credentials'

/** A held credential Custos answers a DCQL query with: an SD-JWT VC, an mdoc, or a W3C VC signed as a JWT. */
export type Presentable = SdJwtVcRecord | MdocRecord | W3cCredentialRecord
export type DcqlEntry = DcqlCredentialsForRequest[string][number]

/** Whether Custos presents this record over OpenID4VP (JSON-LD VCs answer DIDComm requests only). */
export function isPresentable(record: unknown): record is Presentable {
  if (record instanceof SdJwtVcRecord || record instanceof MdocRecord) return true
  return record instanceof W3cCredentialRecord && record.firstCredential instanceof W3cJwtVerifiableCredential
}

/**
 * A credential query's claim, named as My data names the held claim: an mdoc's data element by its name
 * (`[namespace, element]`), a W3C VC's claim under its subject (`['credentialSubject', 'employer']`),
 * an SD-JWT VC's by its dotted path. Array steps (`null`, an index) name no claim of their own.
 */
export function claimNameFor(format: string, path: (string | number | null)[]): string {
  const steps = path.filter((step): step is string => typeof step === 'string')
  if (format === 'mso_mdoc') return steps[steps.length - 1] ?? ''
  if ((format === 'jwt_vc_json' || format === 'ldp_vc') && steps[0] === 'credentialSubject') {
    return steps.slice(1).join('.')
  }
  return steps.join('.')
}

/** What one chosen credential would present, read from the entry Credo is given: never what was hoped for. */
export interface Presented {
  held: HeldCredential
  leaving: Record<string, unknown>
  /** Signed whole (a W3C JWT VC): every claim of it leaves whatever the query names. */
  whole: boolean
}

export function presentedBy(agentContext: AgentContext, entry: DcqlEntry): Presented | undefined {
  const record = entry.credentialRecord
  if (!isPresentable(record)) return undefined
  const held = toHeld(agentContext, record)
  if (record instanceof SdJwtVcRecord) {
    return { held, leaving: sdJwtClaims(entry.disclosedPayload as Record<string, unknown>), whole: false }
  }
  // mdoc selective disclosure is by data element: exactly the elements of the disclosed namespaces leave.
  if (record instanceof MdocRecord) {
    return {
      held,
      leaving: mdocElements(entry.disclosedPayload as Record<string, Record<string, unknown>>),
      whole: false,
    }
  }
  return { held, leaving: held.claims, whole: true }
}

/**
 * The entry Credo is given for a held credential and the claim set output that matched it (the same
 * shape Credo's own selection makes): a W3C JWT VC is presented whole, so its payload is the credential.
 */
export function entryFor(record: Presentable, output: Record<string, unknown>): DcqlEntry {
  if (record instanceof MdocRecord) {
    return {
      claimFormat: ClaimFormat.MsoMdoc,
      credentialRecord: record,
      disclosedPayload: output as Extract<DcqlEntry, { claimFormat: ClaimFormat.MsoMdoc }>['disclosedPayload'],
    }
  }
  if (record instanceof SdJwtVcRecord) {
    return {
      claimFormat: ClaimFormat.SdJwtDc,
      credentialRecord: record,
      disclosedPayload: output as Extract<DcqlEntry, { claimFormat: ClaimFormat.SdJwtDc }>['disclosedPayload'],
    }
  }
  const credential = record.firstCredential as W3cJwtVerifiableCredential
  return {
    claimFormat: ClaimFormat.JwtVc,
    credentialRecord: record,
    disclosedPayload: credential.jsonCredential as Extract<
      DcqlEntry,
      { claimFormat: ClaimFormat.JwtVc }
    >['disclosedPayload'],
  }
}
