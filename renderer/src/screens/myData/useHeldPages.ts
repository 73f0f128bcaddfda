import { useCallback, useEffect, useRef, useState } from 'react'

import type { HeldCredential } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { errorText } from '../../errorText'
import { subscribeLive } from '../../live'

const PAGE = 50

export interface HeldPages {
  items: HeldCredential[] | undefined
  error: string | undefined
  /** Whether there is a page after the ones shown. */
  more: boolean
  showMore(): void
  reload(): void
}

/**
 * The held credentials a page at a time from the node's index, newest first, searched by `query` in the
 * node: the screen holds only the pages the person asked to see, whatever the store holds. A change the
 * node reports reads the first pages again; a slower earlier answer never overwrites a newer one.
 */
export function useHeldPages(query: string): HeldPages {
  const [items, setItems] = useState<HeldCredential[]>()
  const [next, setNext] = useState<string>()
  const [error, setError] = useState<string>()
  const latest = useRef(0)

  const load = useCallback(
    (before?: string) => {
      const ticket = ++latest.current
      apiClient()
        ['credentials.page']({ limit: PAGE, before, query: query || undefined })
        .then(
          (page) => {
            if (ticket !== latest.current) return
            setItems((shown) => (before ? [...(shown ?? []), ...page.items] : page.items))
            setNext(page.next)
            setError(undefined)
          },
          (failure: unknown) => {
            if (ticket === latest.current) setError(errorText(failure))
          },
        )
    },
    [query],
  )

  useEffect(() => {
    load()
    return subscribeLive(['credentials'], () => load())
  }, [load])

  return { items, error, more: next !== undefined, showMore: () => load(next), reload: () => load() }
}
