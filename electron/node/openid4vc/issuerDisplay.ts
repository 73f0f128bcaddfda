import type { CredentialDisplay, LocalizedName } from '../../../shared/api'
import { claimName } from './dcqlProposal'

// Metadata is the issuer's say and arrives unchecked: only strings, cut to a size a screen can show.
const MAX_NAMES = 20
const MAX_CLAIMS = 200
const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined

/** The `display` entries of issuer metadata (OpenID4VCI 1.0 §12.2) as names, dropping anything malformed. */
export function localizedNames(displays: unknown): LocalizedName[] {
  if (!Array.isArray(displays)) return []
  return displays.slice(0, MAX_NAMES).flatMap((display: unknown): LocalizedName[] => {
    const entry = (display ?? {}) as Record<string, unknown>
    const name = text(entry.name, 200)
    if (!name) return []
    const locale = text(entry.locale, 35)
    const description = text(entry.description, 500)
    return [{ name, ...(locale ? { locale } : {}), ...(description ? { description } : {}) }]
  })
}

type Path = (string | number | null)[]

/**
 * Claim names per dotted path. OpenID4VCI 1.0 lists them in `credential_metadata.claims` as
 * `{ path, display }`; draft 15 put that array on the configuration itself, drafts up to 13 an object
 * keyed by claim name. Issuers of each are still about, so all three are read.
 */
function claimNames(claims: unknown): Record<string, LocalizedName[]> {
  const entries: [string, unknown][] = Array.isArray(claims)
    ? claims.flatMap((claim: unknown) => {
        const { path, display } = (claim ?? {}) as { path?: unknown; display?: unknown }
        return Array.isArray(path) ? [[claimName(path as Path), display] as [string, unknown]] : []
      })
    : claims && typeof claims === 'object'
      ? Object.entries(claims as Record<string, { display?: unknown }>).map(([name, claim]) => [name, claim?.display])
      : []
  const named = entries
    .map(([name, display]) => [name, localizedNames(display)] as const)
    .filter(([name, names]) => name && names.length > 0)
    .slice(0, MAX_CLAIMS)
  return Object.fromEntries(named)
}

interface ConfigurationDisplay {
  display?: unknown
  claims?: unknown
  credential_metadata?: { display?: unknown; claims?: unknown }
}

/** What the issuer's metadata says about one credential configuration and about itself, in every language. */
export function credentialDisplay(configuration: ConfigurationDisplay, issuerDisplay: unknown): CredentialDisplay {
  const metadata = configuration.credential_metadata
  return {
    names: localizedNames(metadata?.display ?? configuration.display),
    claims: claimNames(metadata?.claims ?? configuration.claims),
    issuerNames: localizedNames(issuerDisplay),
  }
}
