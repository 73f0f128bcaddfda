import { ClaimFormat, SdJwtVcRecord, type JsonObject, type SubmissionEntryCredential } from '@credo-ts/core'

import type { HeldRecord } from '../credentials'

/**
 * A held credential as Credo 0.6's Presentation Exchange takes it. For an SD-JWT VC, `leaving` is what
 * the person chose to disclose, by dotted claim name (requests/claimChoice); presentation/
 * createMixedPresentation discloses exactly that, after checking it against the request. Without it
 * (a policy's answer), every claim the request asks leaves.
 */
export function submissionEntry(record: HeldRecord, leaving: Record<string, unknown> = {}): SubmissionEntryCredential {
  if (record instanceof SdJwtVcRecord) {
    return { claimFormat: ClaimFormat.SdJwtDc, credentialRecord: record, disclosedPayload: leaving as JsonObject }
  }
  return { claimFormat: ClaimFormat.LdpVc, credentialRecord: record }
}
