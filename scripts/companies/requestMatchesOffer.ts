import { deepEquality } from '@credo-ts/core'

type Detail = { credential?: { credentialSubject?: unknown }; options?: unknown } | undefined

function withoutSubjectId(detail: NonNullable<Detail>) {
  const subject = { ...(detail.credential?.credentialSubject as Record<string, unknown> | undefined) }
  delete subject.id
  return { ...detail, credential: { ...detail.credential, credentialSubject: subject } }
}

/**
 * RFC 0593 lets the holder's request name the subject; everything else must be what the issuer
 * offered, since the issuer signs the request's credential as it stands.
 */
export function isSameOfferButSubject(offer: unknown, request: unknown): boolean {
  const o = offer as Detail
  const r = request as Detail
  if (!o || !r) return false
  const holder = (r.credential?.credentialSubject as { id?: unknown } | undefined)?.id
  if (typeof holder !== 'string' || !holder.startsWith('did:key:')) return false
  return deepEquality(withoutSubjectId(o), withoutSubjectId(r))
}
