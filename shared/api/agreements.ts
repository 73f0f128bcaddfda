// Data agreements: a company's data list (what it needs, why, how long, who else gets it) negotiated with
// the person's privacy profile until both sides sign the same terms (docs/data-agreements.md). Later
// requests name the agreement; the node refuses what goes beyond it.
import { z } from 'zod'

import { idSchema, isoDurationSchema, noInput } from './common'
import { method } from './contract'
import type { Position } from './privacyProfile'

const text = (max: number) => z.string().trim().min(1).max(max)

export const agreementItemSchema = z
  .object({
    id: text(200),
    name: text(200).optional(),
    /** Credential types that would answer it (short names or type URIs). */
    types: z.array(text(300)).min(1).max(10),
    claims: z.array(text(200)).min(1).max(100),
    required: z.boolean(),
  })
  .strict()

/** The terms both sides sign: snake_case, as they travel in DIDComm messages. */
export const agreementTermsSchema = z
  .object({
    id: text(200),
    /** Each proposal on the thread (offer, counter, a new offer) counts up. */
    revision: z.number().int().min(1).max(1000),
    purposes: z
      .array(z.string().regex(/^dpv:[A-Za-z]+$/))
      .min(1)
      .max(10),
    legal_basis: text(500).optional(),
    retention: isoDurationSchema,
    third_parties: z.array(text(200)).max(20),
    profiling: z.boolean(),
    items: z.array(agreementItemSchema).min(1).max(50),
  })
  .strict()
  .superRefine((terms, context) => {
    const ids = terms.items.map((item) => item.id)
    const twice = ids.filter((id, index) => ids.indexOf(id) !== index)
    if (twice.length) context.addIssue({ code: 'custom', message: `item ${twice[0]} is listed twice` })
    if (new Set(terms.purposes).size !== terms.purposes.length)
      context.addIssue({ code: 'custom', message: 'a purpose is listed twice' })
    if (terms.items.every((item) => !item.required))
      context.addIssue({ code: 'custom', message: 'every item is optional, so the list asks for nothing' })
  })
export type AgreementTerms = z.infer<typeof agreementTermsSchema>

/** An Ed25519 signature over the terms' canonical JSON by a key that speaks for the signer's connection. */
export const agreementSignatureSchema = z
  .object({
    alg: z.literal('EdDSA'),
    /** The signing key's multibase fingerprint (z6Mk…). */
    signer: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]{40,60}$/),
    signed_at: z.string().datetime({ offset: true }),
    value: z
      .string()
      .regex(/^[A-Za-z0-9_-]{80,100}$/)
      .max(100),
  })
  .strict()
export type AgreementSignature = z.infer<typeof agreementSignatureSchema>

export type AgreementState = 'offered' | 'countered' | 'agreed' | 'rejected' | 'terminated'

export interface DataAgreement {
  id: string
  connectionId: string
  /** The label the company gave itself. */
  company?: string
  state: AgreementState
  /** What the company offered last. */
  offered: AgreementTerms
  /** What is on the table now: the company's offer, the node's counter, or the signed terms. */
  current: AgreementTerms
  /** The company's offer against the privacy profile as it is now. */
  position: Position
  companySignature?: AgreementSignature
  holderSignature?: AgreementSignature
  /** Who ended it, and their words. */
  endedBy?: 'company' | 'holder'
  reason?: string
  /** Requests that named it after it was terminated (the company kept using it). */
  usedAfterEnd: number
  createdAt: string
  updatedAt: string
}

const idInput = z.object({ id: idSchema }).strict()

export const agreementsContract = {
  'agreements.list': method<DataAgreement[]>()(noInput),
  'agreements.get': method<DataAgreement>()(idInput),
  /** Signs the company's offer as it stands and tells the company. */
  'agreements.accept': method<DataAgreement>()(idInput),
  /** Sends, signed, what the privacy profile allows of the offer (the position's counter-offer). */
  'agreements.counter': method<DataAgreement>()(idInput),
  'agreements.reject': method<DataAgreement>()(z.object({ id: idSchema, reason: text(300).optional() }).strict()),
  /** Ends an agreed agreement for both sides; later requests under it are refused. */
  'agreements.terminate': method<DataAgreement>()(z.object({ id: idSchema, reason: text(300).optional() }).strict()),
}
