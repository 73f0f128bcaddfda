// Consent records in the open vocabulary: every agreement, disclosure and refusal as a W3C DPV
// ConsentRecord conforming to the DPV profile of ISO/IEC TS 27560 (docs/consent-records.md), and as a
// Kantara Consent Receipt 1.1 for older consumers.
import { z } from 'zod'

import { idSchema } from './common'
import { method } from './contract'

export const DPV_27560_RECORD = 'https://w3id.org/dpv/schema/iso-27560#record'

/** DPV consent statuses; only ConsentGiven and RenewedConsentGiven permit processing. */
export const dpvConsentStatuses = [
  'dpv:ConsentRequested',
  'dpv:ConsentGiven',
  'dpv:RenewedConsentGiven',
  'dpv:ConsentRefused',
  'dpv:ConsentWithdrawn',
  'dpv:ConsentRevoked',
  'dpv:ConsentExpired',
] as const

const iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i)
const instant = z.string().datetime({ offset: true })
const party = z.object({ '@id': iri, '@type': z.string(), 'foaf:name': z.string().optional() }).passthrough()

/**
 * The shape a record must have: the TS 27560 record's required information (identifier, conformance,
 * timestamps, PII principal, controller, legal basis, purposes, PII, recipients, retention, state) in
 * DPV terms. Every record the node exports is parsed with it in the tests.
 */
export const dpvConsentRecordSchema = z
  .object({
    '@context': z.record(z.string(), z.unknown()),
    '@id': iri,
    '@type': z.literal('dpv:ConsentRecord'),
    'dct:identifier': z.string().min(1),
    'dct:conformsTo': z.literal(DPV_27560_RECORD),
    'dct:created': instant,
    'dct:modified': instant,
    'dpv:hasDataSubject': party,
    'dpv:hasDataController': z.array(party).min(1),
    'dpv:hasLegalBasis': z.string().min(1),
    'dpv:hasProcess': z
      .object({
        '@type': z.literal('dpv:Process'),
        'dpv:hasPurpose': z.array(z.string().regex(/^dpv:[A-Za-z]+$/)).min(1),
        'dpv:hasPersonalData': z.array(z.string().min(1)).min(1),
        'dpv:hasRecipient': z.array(party).min(1),
        'dpv:hasStorageCondition': z
          .array(z.object({ '@type': z.literal('dpv:StorageDuration'), 'dpv:hasDuration': z.string() }).strict())
          .min(1),
      })
      .passthrough(),
    'dpv:hasConsentStatus': z.enum(dpvConsentStatuses),
    'dpv:isIndicatedBy': party,
    'dpv:isIndicatedAtTime': instant,
    /** How the status came to be, oldest first (an extension: DPV names the statuses, not their history). */
    'custos:history': z.array(z.object({ 'custos:status': z.enum(dpvConsentStatuses), 'custos:at': instant }).strict()),
  })
  .passthrough()
export type DpvConsentRecord = z.infer<typeof dpvConsentRecordSchema>

/** Kantara Initiative Consent Receipt Specification 1.1, the fields this node has. */
export interface KantaraReceipt {
  version: 'KI-CR-v1.1.0'
  jurisdiction: string
  consentTimestamp: number
  collectionMethod: string
  consentReceiptID: string
  language: string
  piiPrincipalId: string
  piiControllers: { piiController: string; contact: string; onBehalf: boolean }[]
  policyUrl: string
  services: {
    service: string
    purposes: {
      purpose: string
      purposeCategory: string[]
      consentType: string
      piiCategory: string[]
      primaryPurpose: boolean
      termination: string
      thirdPartyDisclosure: boolean
      thirdPartyName?: string
    }[]
  }[]
  sensitive: boolean
  spiCat: string[]
}

export const consentRecordsContract = {
  /** Every record (agreements, disclosures, refusals), newest first; one when `id` names it. */
  'consentRecords.export': method<DpvConsentRecord[]>()(z.object({ id: idSchema.optional() }).strict()),
  'consentRecords.exportKantara': method<KantaraReceipt[]>()(z.object({ id: idSchema.optional() }).strict()),
}
