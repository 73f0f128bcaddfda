import type { DidCommCredentialExchangeRecord } from '@credo-ts/didcomm'

import type { Claims } from './credentialTemplates'
import type { Issuer } from './Issuer'
import type { SamplePerson } from './sampleData'

export const INSURER_NAME = 'Home Insurer'

/**
 * A home-insurance policy as the sample insurer states it: the policy number, the insured address (the
 * policy holder's), who is insured, and until when (a date, also the credential's expiration).
 */
export function homePolicyClaims(holder: SamplePerson, members: SamplePerson[], validUntil: string): Claims {
  return {
    policyNumber: `HI-${holder.iban.slice(-6)}-${validUntil.slice(0, 4)}`,
    insurer: INSURER_NAME,
    policyHolder: holder.name,
    insuredAddress: holder.address,
    insuredMembers: [holder, ...members].map((member) => member.name),
    coveredUntil: validUntil,
  }
}

/** The last day of next year: a policy runs a calendar year and is renewed before it ends. */
export function policyYearEnd(today = new Date()): string {
  return `${today.getUTCFullYear() + 1}-12-31`
}

/** The insurer (a plain Credo agent, the toolkit's Issuer) offers the policy to one member over its connection. */
export async function offerHomePolicy(
  insurer: Issuer,
  connectionId: string,
  holder: SamplePerson,
  members: SamplePerson[] = [],
  validUntil = policyYearEnd(),
): Promise<{ claims: Claims; record: DidCommCredentialExchangeRecord }> {
  const claims = homePolicyClaims(holder, members, validUntil)
  const record = await insurer.offer(connectionId, {
    kind: 'HomeInsurancePolicyCredential',
    claims,
    expirationDate: `${validUntil}T23:59:59Z`,
  })
  return { claims, record }
}
