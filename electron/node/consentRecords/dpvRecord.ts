import fs from 'node:fs'
import path from 'node:path'

import { DPV_27560_RECORD, type DpvConsentRecord } from '../../../shared/api'
import { findResource } from '../platform/resources'

type Status = DpvConsentRecord['dpv:hasConsentStatus']

let context: Record<string, unknown> | undefined

/** The bundled context (resources/dpv/context.jsonld), inlined so a record never needs one fetched. */
function bundledContext(): Record<string, unknown> {
  context ??= (
    JSON.parse(fs.readFileSync(findResource(path.join('dpv', 'context.jsonld')), 'utf8')) as {
      '@context': Record<string, unknown>
    }
  )['@context']
  return context
}

export interface RecordFacts {
  id: string
  principal: string
  controller: { id: string; name?: string }
  /** The stated legal basis in words, or consent when none was stated. */
  legalBasis?: string
  purposes: string[]
  purposeText?: string
  personalData: string[]
  recipients: { id: string; name?: string }[]
  retention?: string
  history: { status: Status; at: string }[]
}

const partyOf = (type: string, who: { id: string; name?: string }) => ({
  '@id': who.id,
  '@type': type,
  ...(who.name ? { 'foaf:name': who.name } : {}),
})

/**
 * A DPV ConsentRecord under the ISO/IEC TS 27560 record profile. The person indicated each status
 * (given, refused, withdrawn) except where the company ended it, which DPV calls revoked.
 */
export function dpvRecord(facts: RecordFacts): DpvConsentRecord {
  const history = [...facts.history].sort((a, b) => a.at.localeCompare(b.at))
  const first = history[0]
  const last = history[history.length - 1]
  return {
    '@context': bundledContext(),
    '@id': `urn:custos:consent-record:${facts.id}`,
    '@type': 'dpv:ConsentRecord',
    'dct:identifier': facts.id,
    'dct:conformsTo': DPV_27560_RECORD,
    'dct:created': first.at,
    'dct:modified': last.at,
    'dpv:hasDataSubject': partyOf('dpv:DataSubject', { id: facts.principal }),
    'dpv:hasDataController': [partyOf('dpv:DataController', facts.controller)],
    'dpv:hasLegalBasis': 'dpv:Consent',
    ...(facts.legalBasis ? { 'custos:statedLegalBasis': facts.legalBasis } : {}),
    'dpv:hasProcess': {
      '@type': 'dpv:Process',
      'dpv:hasPurpose': facts.purposes.length ? facts.purposes : ['dpv:Purpose'],
      ...(facts.purposeText ? { 'dct:description': facts.purposeText } : {}),
      'dpv:hasPersonalData': facts.personalData,
      'dpv:hasRecipient': facts.recipients.map((recipient) => partyOf('dpv:Recipient', recipient)),
      'dpv:hasStorageCondition': [
        { '@type': 'dpv:StorageDuration', 'dpv:hasDuration': facts.retention ?? 'not stated' },
      ],
    },
    'dpv:hasConsentStatus': last.status,
    'dpv:isIndicatedBy': partyOf('dpv:DataSubject', { id: facts.principal }),
    'dpv:isIndicatedAtTime': last.at,
    'custos:history': history.map((entry) => ({ 'custos:status': entry.status, 'custos:at': entry.at })),
  }
}
