import { SdJwtVcRecord, type DifPresentationExchangeDefinition } from '@credo-ts/core'

import type { AnswerItem } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { sdJwtClaims, type HeldRecord } from '../credentials'
import { sdJwtDisclosure } from './presentation/sdJwtDisclosure'

/** Statements the person left out of a document, by descriptor id. */
export type OmitClaims = Readonly<Record<string, readonly string[]>>

/** Left-out statements must belong to an item that is being sent: else the person chose something else. */
export function checkOmitClaims(kept: readonly AnswerItem[], omitClaims: OmitClaims): void {
  const stray = Object.keys(omitClaims).filter(
    (id) => omitClaims[id].length > 0 && !kept.some((item) => item.descriptorId === id),
  )
  if (stray.length > 0) throw new InvalidInputError(`Nothing of ${stray.join(', ')} is being sent to leave out.`)
}

/**
 * The claims that leave of one held credential for one item, after the person left out `withhold`:
 * undefined for a JSON-LD credential (its signature covers it whole, so it leaves whole), the SD-JWT VC's
 * disclosure otherwise. A statement the request requires, or leaving out every one, is refused in words
 * before anything leaves: the requester would refuse that answer.
 */
export function chosenClaims(
  item: AnswerItem,
  descriptor: DifPresentationExchangeDefinition['input_descriptors'][number],
  held: HeldRecord,
  withhold: readonly string[],
): Record<string, unknown> | undefined {
  const name = item.name ?? item.descriptorId
  if (!(held instanceof SdJwtVcRecord)) {
    if (withhold.length > 0) {
      throw new InvalidInputError(`“${name}” is signed as a whole: share it whole or leave it out.`)
    }
    return undefined
  }
  const claims = sdJwtClaims(held.firstCredential.prettyClaims as Record<string, unknown>)
  const asked = sdJwtDisclosure(descriptor, claims)
  const required = withhold.filter((claim) => !asked.optional.includes(claim))
  if (required.length > 0) {
    throw new CustosError(
      'SubsetNotAllowed',
      `Nothing was sent. The request needs ${required.join(', ')} of “${name}”; it cannot be left out.`,
    )
  }
  const leaving = sdJwtDisclosure(descriptor, claims, withhold).claims
  if (withhold.length > 0 && Object.keys(leaving).length === 0) {
    throw new InvalidInputError(`Every statement of “${name}” was left out: leave the document out instead.`)
  }
  return leaving
}
