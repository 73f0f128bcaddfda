// The names an issuer gives its credentials, their claims and itself (OpenID4VCI display metadata).

/** A name an issuer gives in one language (a BCP 47 tag), or in none it named. */
export interface LocalizedName {
  name: string
  locale?: string
  description?: string
}

/**
 * The issuer's own names for a credential, its claims and itself, from its OpenID4VCI metadata, in every
 * language it gave. Kept with a credential taken over OpenID4VCI, so screens name it in the person's language.
 */
export interface CredentialDisplay {
  names: LocalizedName[]
  /** Per claim by dotted name (`address.city`). */
  claims: Record<string, LocalizedName[]>
  issuerNames: LocalizedName[]
}
