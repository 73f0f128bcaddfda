import { parseInvitationUrl as decodeInvitationUrl, type DidCommOutOfBandInvitation } from '@credo-ts/didcomm'

import { invitationParam } from '../../../shared/api'
import { InvalidInputError } from '../../../shared/errors'

/** Deep links the desktop app registers; an invitation there reads custos://invite?oob=... */
export const DEEP_LINK_BASE = 'custos://invite'

/**
 * Decodes an invitation URL without network access. Credo's own `oob.parseInvitation` fetches
 * "short" URLs that carry no oob parameter, which would let a pasted link make the node call out.
 */
export function parseInvitationUrl(url: string): DidCommOutOfBandInvitation {
  const trimmed = url.trim()
  if (invitationParam(trimmed) === undefined) {
    throw new InvalidInputError('This is not an invitation link: it needs an oob= or c_i= parameter.')
  }
  try {
    return decodeInvitationUrl(trimmed)
  } catch (error) {
    throw new InvalidInputError(`The invitation in this link cannot be read (${(error as Error).message}).`)
  }
}
