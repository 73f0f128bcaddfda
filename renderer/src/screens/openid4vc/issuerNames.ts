import type { CredentialDisplay, HeldCredential, LocalizedName, OfferedCredential } from '../../../../shared/api'
import { claimLabel, kindOf, typeLabel } from '../../i18n/format'
import { i18next } from '../../i18n/i18n'

/** The issuer's name in this language: the exact tag (de-AT), else the same language (de), else none. */
export function inLanguage(names: LocalizedName[] | undefined, language: string): string | undefined {
  if (!names?.length) return undefined
  const wanted = language.toLowerCase()
  const base = wanted.split('-')[0]
  const tagOf = (name: LocalizedName) => name.locale?.toLowerCase()
  return (names.find((name) => tagOf(name) === wanted) ?? names.find((name) => tagOf(name)?.split('-')[0] === base))
    ?.name
}

/** A name given without a language: the issuer's only name, when it gave no catalogue a chance. */
const unlocalized = (names: LocalizedName[] | undefined) => names?.find((name) => !name.locale)?.name

const language = () => i18next.language || 'en'

/**
 * What a credential is called: the issuer's name in the person's language, else the catalogue's label,
 * else a name the issuer gave without a language, else a readable form of its type.
 */
export function credentialName(types: readonly string[], display: CredentialDisplay | undefined): string {
  const kind = kindOf(types)
  return (
    inLanguage(display?.names, language()) ??
    (i18next.exists(`labels.types.${kind}`) ? typeLabel(kind) : undefined) ??
    unlocalized(display?.names) ??
    typeLabel(kind)
  )
}

/** A claim by the same order: the issuer's name in the person's language, the catalogue, a readable form. */
export function claimName(claim: string, display: CredentialDisplay | undefined): string {
  const names = display?.claims[claim]
  return (
    inLanguage(names, language()) ??
    (i18next.exists(`labels.claims.${claim}`) ? claimLabel(claim) : undefined) ??
    unlocalized(names) ??
    claimLabel(claim)
  )
}

export const heldName = (credential: HeldCredential) => credentialName(credential.types, credential.display)

/** An offered credential: the issuer's name for it, else its type in the person's words, else its id. */
export function offeredName(credential: OfferedCredential): string {
  if (credential.type) return credentialName([credential.type], credential.display)
  return inLanguage(credential.display?.names, language()) ?? credential.name ?? credential.configurationId
}

/** The issuer's name in the person's language, else the one it gave in English or without one, else its host. */
export function issuerNameOf(issuer: { url: string; name?: string; names?: LocalizedName[] }): string {
  return inLanguage(issuer.names, language()) ?? issuer.name ?? new URL(issuer.url).host
}
