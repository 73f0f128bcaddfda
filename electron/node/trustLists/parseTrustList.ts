import { trustListSchema, type TrustListDocument } from '../../../shared/api'
import { TrustListRefusedError } from '../../../shared/errors'
import { ownMessages } from '../platform/zodMessages'
import { verifyTrustList } from './trustListSignature'
import { checkX509Anchors } from './x509Anchors'

/** The list in `text`, once it is JSON of the documented form and its publisher's signature holds. */
export function parseTrustList(text: string): TrustListDocument {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new TrustListRefusedError('it is not JSON')
  }
  const parsed = trustListSchema.safeParse(json, { error: ownMessages })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new TrustListRefusedError(`it is not a trust list (${issue.path.join('.') || 'document'}: ${issue.message})`)
  }
  verifyTrustList(parsed.data)
  checkX509Anchors(parsed.data)
  return parsed.data
}
