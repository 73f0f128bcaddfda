import { describe, expect, it } from 'vitest'

import { loadNewest, loadOlder, type FetchPage } from '../../renderer/src/screens/history/historyPages'
import type { Disclosure } from '../../shared/api'

// The History screen's paging without a browser: a fake node that pages a list the way disclosures.page
// does (newest first, `next` is the id of the last row given), and counts the calls it answers.
function fakeNode(count: number) {
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString()
  const disclosure = (n: number) => ({ id: `d${String(n).padStart(4, '0')}`, disclosedAt: at(n) }) as Disclosure
  const history = Array.from({ length: count }, (_, n) => disclosure(count - n))
  const calls: Array<{ limit: number; before?: string }> = []
  const fetchPage: FetchPage = async ({ limit, before }) => {
    calls.push({ limit, before })
    const start = before ? history.findIndex((item) => item.id === before) + 1 : 0
    const items = history.slice(start, start + limit)
    return start + limit < history.length ? { items, next: items.at(-1)?.id } : { items }
  }
  return { history, calls, fetchPage, disclosure }
}

describe('the History screen, a page at a time', () => {
  it('opens on the newest page and pages older until it says there is no more', async () => {
    const node = fakeNode(123)
    let shown = await loadNewest(node.fetchPage)
    expect(shown.items.map((item) => item.id).slice(0, 2)).toEqual(['d0123', 'd0122'])
    expect(shown.items).toHaveLength(50)
    shown = await loadOlder(node.fetchPage, shown)
    shown = await loadOlder(node.fetchPage, shown)
    expect(shown.items).toEqual(node.history)
    expect(shown.next).toBeUndefined()
    expect(node.calls.map((call) => call.limit)).toEqual([50, 50, 50])
  })

  it('refreshes every row already paged to after a live change, in few calls, keeping the new one', async () => {
    const node = fakeNode(400)
    let shown = await loadNewest(node.fetchPage)
    for (let page = 0; page < 5; page++) shown = await loadOlder(node.fetchPage, shown)
    expect(shown.items).toHaveLength(300)
    node.history.unshift(node.disclosure(401))
    node.calls.length = 0
    const refreshed = await loadNewest(node.fetchPage, shown.items)
    expect(refreshed.items[0].id).toBe('d0401')
    expect(refreshed.items.slice(1, 301)).toEqual(shown.items)
    expect(node.calls.map((call) => call.limit)).toEqual([200, 100, 50])
    // Paging on from the refreshed list neither repeats nor skips a row.
    const older = await loadOlder(node.fetchPage, refreshed)
    expect(new Set(older.items.map((item) => item.id)).size).toBe(older.items.length)
    expect(older.items.slice(0, 351)).toEqual(node.history.slice(0, 351))
  })

  it('gives an empty history as one empty page', async () => {
    const node = fakeNode(0)
    expect(await loadNewest(node.fetchPage)).toEqual({ items: [] })
  })
})
