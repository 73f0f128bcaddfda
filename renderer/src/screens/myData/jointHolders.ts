/**
 * The holders a joint document names besides the one whose copy this is. A joint account's statement lists
 * every holder (`accountHolders`) and, as `accountHolder`, the member it was issued to; a statement of a
 * single holder has no list and is nobody else's.
 */
export function otherHolders(claims: Record<string, unknown>): string[] {
  const all = claims.accountHolders
  if (!Array.isArray(all)) return []
  const own = claims.accountHolder
  return all.filter((holder): holder is string => typeof holder === 'string' && holder !== own)
}
