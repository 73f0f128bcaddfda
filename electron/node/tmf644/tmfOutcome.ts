import type { AgreementTerms, Position } from '../../../shared/api'
import { AgreementRefusedError } from '../../../shared/errors'
import { counterTerms } from '../agreements'
import { allows } from './postedResources'
import type { ReadSpecification } from './readSpecification'
import { createdSchema, tmfErrorSchema } from './tmf644Schemas'
import type { TmfAnswer } from './tmf644Http'

/**
 * The counter-offer as TMF644 carries it: the position's counter, and an optional datum that no allowed
 * use is left for (the e-mail address that was only for marketing) left out as well.
 */
export function counterThroughTmf(read: ReadSpecification, offered: AgreementTerms, position: Position) {
  const counter = counterTerms(offered, position)
  const items = counter.items.filter(
    (item) => item.required || read.uses.some((use) => use.itemId === item.id && allows(counter, use)),
  )
  return { ...counter, items }
}

export type Outcome =
  { kind: 'created'; id: string; href?: string; status?: string } | { kind: 'refused'; reason: string }

/**
 * A POST's answer: 201 (or 200) with the created resource, or the company's refusal (a 4xx with TMF's
 * Error resource, whose reason is the company's own words). Anything else does not parse.
 */
export function outcomeOf(answer: TmfAnswer, what: string): Outcome {
  if (answer.status === 200 || answer.status === 201) {
    const created = createdSchema.safeParse(answer.body)
    if (!created.success) throw new AgreementRefusedError(`the company’s answer to the ${what} names no resource`)
    return { kind: 'created', ...created.data }
  }
  if (answer.status >= 400 && answer.status < 500) {
    const error = tmfErrorSchema.safeParse(answer.body)
    const words = error.success ? [error.data.reason, error.data.message].filter(Boolean).join(': ') : undefined
    return { kind: 'refused', reason: (words ?? `the company answered ${answer.status}`).slice(0, 300) }
  }
  throw new AgreementRefusedError(`the company answered the ${what} with ${answer.status}`)
}

/** What the company's PartyPrivacyAgreement status says: TMF's typical values are in process, approved, rejected. */
export function agreementState(status: string | undefined): 'agreed' | 'rejected' | 'countered' {
  const word = (status ?? '').toLowerCase()
  if (/approved|agreed|accepted|active/.test(word)) return 'agreed'
  if (/rejected|refused|cancel/.test(word)) return 'rejected'
  return 'countered'
}
