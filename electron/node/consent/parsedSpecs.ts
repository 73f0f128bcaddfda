import type { PolicyInput } from '../../../shared/api'

// Enough for every current version of a few thousand policies; past it the cache starts over.
const MAX_ENTRIES = 5_000

const parsed = new Map<string, PolicyInput>()

/**
 * A policy version's stored text, parsed once (parsing 500 texts was a sixth of an evaluation). Keyed by
 * the text itself rather than by id and version, so an entry can never be stale: an edit writes a new
 * version with new text, pause and revoke live in the policy row (read each time, never cached), and two
 * databases in one process (tests, a restored backup) cannot mix their policies up. Frozen, because
 * every policy built from the same text shares it.
 */
export function parsedSpec(text: string): PolicyInput {
  const known = parsed.get(text)
  if (known) return known
  if (parsed.size >= MAX_ENTRIES) parsed.clear()
  const spec = deepFreeze(JSON.parse(text) as PolicyInput)
  parsed.set(text, spec)
  return spec
}

/** How many texts are held; for tests. */
export function parsedSpecCount(): number {
  return parsed.size
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
