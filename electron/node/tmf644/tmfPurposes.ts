import { AgreementRefusedError } from '../../../shared/errors'
import type { PurposeVocabulary } from '../vocabulary'

/**
 * TMF644's example usage purposes as W3C DPV purposes of the bundled vocabulary (resources/dpv/purposes.json).
 * The standard names them without defining them; the reading here is ours (docs/tmf644.md): ADMIN is the
 * administration of the customer relationship, INFORMATION telling the customer about the service.
 */
export const TMF_PURPOSES: Record<string, string> = {
  ADMIN: 'dpv:CustomerManagement',
  ADMINISTRATION: 'dpv:CustomerManagement',
  INFORMATION: 'dpv:CustomerCare',
  MARKETING: 'dpv:Marketing',
  RESEARCH: 'dpv:ResearchAndDevelopment',
}

/** A characteristic's usage purpose as a DPV id: one of TMF's four, or a DPV purpose by id or label. */
export function dpvPurposeOf(stated: string | undefined, name: string, vocabulary: PurposeVocabulary): string {
  if (!stated) {
    throw new AgreementRefusedError(`the company's data list does not hold together (${name} names no purpose)`)
  }
  const known = TMF_PURPOSES[stated.trim().toUpperCase()] ?? vocabulary.lookup(stated)
  if (!known) {
    throw new AgreementRefusedError(
      `the purpose "${stated}" of ${name} is neither ADMIN, INFORMATION, MARKETING nor RESEARCH, nor a purpose Custos knows`,
    )
  }
  return known
}

export type PrivacyKind = 'purpose' | 'retention'

/** TMF644's privacy types: Internal or External, Purpose or Retention. External use reaches third parties. */
export function privacyTypeOf(stated: string, name: string): { kind: PrivacyKind; external: boolean } {
  const match = /^(internal|external)[\s_-]*(purpose|retention)$/i.exec(stated.trim())
  if (!match) {
    throw new AgreementRefusedError(
      `the company's data list does not hold together (${name} has the privacy type "${stated}", not Internal or External Purpose or Retention)`,
    )
  }
  return { kind: match[2].toLowerCase() as PrivacyKind, external: match[1].toLowerCase() === 'external' }
}
