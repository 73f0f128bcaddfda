import type { HeldCredential } from '../../../../shared/api'

/**
 * The words a search finds a credential by: its types, issuer, who delivered it, and every claim's name
 * and value (nested ones too), lower-cased. Document bytes and signatures are not words a person searches.
 */
export function heldText(held: HeldCredential): string {
  const words: string[] = [...held.types, held.provenance.issuer]
  if (held.provenance.standing?.issuerName) words.push(held.provenance.standing.issuerName)
  if (held.provenance.deliveredBy) words.push(held.provenance.deliveredBy)
  const walk = (value: unknown, name?: string) => {
    if (name) words.push(name)
    if (value === null || value === undefined) return
    if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) walk(inner, key)
    } else words.push(String(value))
  }
  walk(held.claims)
  return words.join(' ').toLowerCase()
}
