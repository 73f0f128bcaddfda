import { ClaimFormat, SdJwtVcRecord, type SubmissionEntryCredential } from '@credo-ts/core'

import type { HeldRecord } from '../credentials'

/**
 * A held credential as Credo 0.6's Presentation Exchange takes it. What an SD-JWT VC discloses is
 * decided later, per request, by presentation/createMixedPresentation; the payload here is not used.
 */
export function submissionEntry(record: HeldRecord): SubmissionEntryCredential {
  if (record instanceof SdJwtVcRecord) {
    return { claimFormat: ClaimFormat.SdJwtDc, credentialRecord: record, disclosedPayload: {} }
  }
  return { claimFormat: ClaimFormat.LdpVc, credentialRecord: record }
}
