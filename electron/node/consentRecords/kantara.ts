import type { DpvConsentRecord, KantaraReceipt } from '../../../shared/api'

/**
 * A DPV record as a Kantara Consent Receipt 1.1, for consumers that read only that: one service, one
 * purpose per DPV purpose, the record's personal data as PII categories. Kantara has no place for the
 * record's history; `termination` says how it ends.
 */
export function kantaraReceipt(record: DpvConsentRecord): KantaraReceipt {
  const process = record['dpv:hasProcess']
  const [controller] = record['dpv:hasDataController']
  const recipients = process['dpv:hasRecipient'].filter((recipient) => recipient['@id'] !== controller['@id'])
  const retention = process['dpv:hasStorageCondition'][0]['dpv:hasDuration']
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'EU',
    consentTimestamp: Math.floor(Date.parse(record['dpv:isIndicatedAtTime']) / 1000),
    collectionMethod: 'Custos personal data node (DIDComm or OpenID4VP)',
    consentReceiptID: record['dct:identifier'],
    language: 'en',
    piiPrincipalId: record['dpv:hasDataSubject']['@id'],
    piiControllers: [
      { piiController: controller['foaf:name'] ?? controller['@id'], contact: controller['@id'], onBehalf: false },
    ],
    policyUrl: record['dct:conformsTo'],
    services: [
      {
        service: String(process['dct:description'] ?? process['dpv:hasPurpose'].join(', ')),
        purposes: process['dpv:hasPurpose'].map((purpose, index) => ({
          purpose,
          purposeCategory: [purpose],
          consentType:
            record['dpv:hasConsentStatus'] === 'dpv:ConsentGiven' ? 'EXPLICIT' : record['dpv:hasConsentStatus'],
          piiCategory: process['dpv:hasPersonalData'],
          primaryPurpose: index === 0,
          termination: `Kept for ${retention}; withdrawn in Custos at any time.`,
          thirdPartyDisclosure: recipients.length > 0,
          ...(recipients.length
            ? { thirdPartyName: recipients.map((r) => r['foaf:name'] ?? r['@id']).join(', ') }
            : {}),
        })),
      },
    ],
    sensitive: false,
    spiCat: [],
  }
}
