import type { Disclosure, DisclosurePage } from '../../../../shared/api'

/** What the History screen shows: the newest disclosures loaded so far, and where the next page starts. */
export interface LoadedHistory {
  items: Disclosure[]
  /** The cursor of the page after the last one shown; absent when nothing older is left. */
  next?: string
}

export type FetchPage = (input: { limit: number; before?: string }) => Promise<DisclosurePage>

/** A page is what one "Show older" adds: small enough that a long history stays quick to open. */
export const PAGE_SIZE = 50
// The largest page the node accepts (shared/api/disclosures.ts), so a refresh takes few calls.
const MAX_LIMIT = 200

/**
 * The newest disclosures again, down to the oldest of `shown` (or one page when nothing is shown yet):
 * a live change refreshes every row the person has paged to, so "Show older" is not undone, and rows
 * that arrived meanwhile at the top do not push the oldest shown ones out.
 */
export async function loadNewest(fetchPage: FetchPage, shown: readonly Disclosure[] = []): Promise<LoadedHistory> {
  const oldest = shown.at(-1)
  const items: Disclosure[] = []
  let next: string | undefined
  do {
    const limit = Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, shown.length - items.length))
    const page = await fetchPage({ limit, before: next })
    items.push(...page.items)
    next = page.next
  } while (next && oldest && newer(items.at(-1), oldest))
  return { items, next }
}

// The node's order (disclosed_at, then id, both compared as text): true when `a` comes before `b`.
function newer(a: Disclosure | undefined, b: Disclosure): boolean {
  if (!a) return false
  return a.disclosedAt > b.disclosedAt || (a.disclosedAt === b.disclosedAt && a.id > b.id)
}

/** The next page after `loaded`, appended; a row already shown is not shown twice. */
export async function loadOlder(fetchPage: FetchPage, loaded: LoadedHistory): Promise<LoadedHistory> {
  if (!loaded.next) return loaded
  const page = await fetchPage({ limit: PAGE_SIZE, before: loaded.next })
  const shown = new Set(loaded.items.map((item) => item.id))
  return { items: [...loaded.items, ...page.items.filter((item) => !shown.has(item.id))], next: page.next }
}
