import type { ConsentReceipt, DataAgreement, DpvConsentRecord } from '../../../shared/api'
import { dpvRecord } from './dpvRecord'

const controllerOf = (connectionId: string, name?: string) => ({ id: `urn:custos:connection:${connectionId}`, name })

/** A disclosure, from the receipt the node already gives (custos-consent-receipt/1 carried over). */
export function recordOfDisclosure(receipt: ConsentReceipt): DpvConsentRecord {
  const [purpose] = receipt.purposes
  const [controller] = receipt.controllers
  const who = controllerOf(controller.connection_id, controller.name)
  const history: { status: DpvConsentRecord['dpv:hasConsentStatus']; at: string }[] = []
  for (const event of receipt.events) {
    if (event.type === 'given') history.push({ status: 'dpv:ConsentGiven', at: event.timestamp })
    if (event.type === 'withdrawn') history.push({ status: 'dpv:ConsentWithdrawn', at: event.timestamp })
  }
  return dpvRecord({
    id: `disclosure-${receipt.record_id}`,
    principal: receipt.pii_principal.id,
    controller: who,
    legalBasis: purpose.legal_basis ?? undefined,
    purposes: purpose.purpose_ids,
    purposeText: purpose.purpose,
    personalData: purpose.pii_categories.length ? purpose.pii_categories : ['dpv:PersonalData'],
    recipients: [who],
    retention: purpose.retention_period ?? undefined,
    history,
  })
}

/** An agreement: given when both signed; refused, withdrawn by the person, or revoked by the company. */
export function recordOfAgreement(agreement: DataAgreement, principal: string): DpvConsentRecord {
  const terms = agreement.current
  const history: { status: DpvConsentRecord['dpv:hasConsentStatus']; at: string }[] = [
    { status: 'dpv:ConsentRequested', at: agreement.createdAt },
  ]
  if (agreement.state === 'agreed' || agreement.state === 'terminated') {
    const signed = agreement.holderSignature?.signed_at ?? agreement.updatedAt
    history.push({ status: 'dpv:ConsentGiven', at: signed })
  }
  if (agreement.state === 'rejected') history.push({ status: 'dpv:ConsentRefused', at: agreement.updatedAt })
  if (agreement.state === 'terminated') {
    const status = agreement.endedBy === 'company' ? 'dpv:ConsentRevoked' : 'dpv:ConsentWithdrawn'
    history.push({ status, at: agreement.updatedAt })
  }
  const company = controllerOf(agreement.connectionId, agreement.company)
  return dpvRecord({
    id: `agreement-${agreement.id}-r${terms.revision}`,
    principal,
    controller: company,
    legalBasis: terms.legal_basis,
    purposes: terms.purposes,
    personalData: [...new Set(terms.items.flatMap((item) => item.claims))],
    recipients: [
      company,
      ...terms.third_parties.map((name) => ({ id: `urn:custos:third-party:${encodeURIComponent(name)}`, name })),
    ],
    retention: terms.retention,
    history,
  })
}

/** A request the node refused on the person's behalf (a policy, an agreement): consent refused. */
export function recordOfRefusal(
  refusal: {
    requestId: string
    at: string
    connectionId?: string
    requester?: string
    purposes: string[]
    claims: string[]
    retention?: string
  },
  principal: string,
): DpvConsentRecord {
  const requester = refusal.connectionId
    ? controllerOf(refusal.connectionId, refusal.requester)
    : { id: `urn:custos:request:${refusal.requestId}`, name: refusal.requester }
  return dpvRecord({
    id: `refusal-${refusal.requestId}`,
    principal,
    controller: requester,
    purposes: refusal.purposes,
    personalData: refusal.claims.length ? refusal.claims : ['dpv:PersonalData'],
    recipients: [requester],
    retention: refusal.retention,
    history: [
      { status: 'dpv:ConsentRequested', at: refusal.at },
      { status: 'dpv:ConsentRefused', at: refusal.at },
    ],
  })
}
