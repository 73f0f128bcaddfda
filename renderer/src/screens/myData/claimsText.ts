// Claims as a person reads them: nested values (an address) on one line, keys as written by the issuer.
export function claimText(value: unknown): string {
  if (value === null || value === undefined) return '—'
  // A list (a joint account's holders, the people a policy insures) reads as one: "Anna, Ben".
  if (Array.isArray(value)) return value.map(claimText).join(', ')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${claimText(inner)}`)
      .join(', ')
  }
  return String(value)
}

/** The most specific type of a credential (the last one that is not the generic VerifiableCredential). */
export function kindOf(types: readonly string[]): string {
  return types.filter((type) => type !== 'VerifiableCredential').at(-1) ?? 'Credential'
}

export function shortDid(did: string): string {
  return did.length > 32 ? `${did.slice(0, 20)}…${did.slice(-6)}` : did
}
