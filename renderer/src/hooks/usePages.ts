import { useCallback, useEffect, useRef, useState } from 'react'

import { errorText } from '../errorText'
import { subscribeLive, type LiveTopic } from '../live'

export interface Pages<T> {
  items: T[] | undefined
  error: string | undefined
  /** Whether there is a page after the ones shown. */
  more: boolean
  showMore(): void
  reload(): void
}

/**
 * A list the node reads a page at a time and searches itself (`query`): the screen holds only the pages
 * the person asked to see, whatever the store holds. A change the node reports on `topics` reads the
 * first page again; a slower earlier answer never overwrites a newer one.
 */
export function usePages<T>(
  fetchPage: (cursor: string | undefined, query: string | undefined) => Promise<{ items: T[]; next?: string }>,
  query: string,
  topics: readonly LiveTopic[],
): Pages<T> {
  const [items, setItems] = useState<T[]>()
  const [next, setNext] = useState<string>()
  const [error, setError] = useState<string>()
  const latest = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const load = useCallback(
    (cursor?: string) => {
      const ticket = ++latest.current
      fetchRef.current(cursor, query || undefined).then(
        (page) => {
          if (ticket !== latest.current) return
          setItems((shown) => (cursor ? [...(shown ?? []), ...page.items] : page.items))
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

  const topicKey = topics.join(',')
  useEffect(() => {
    load()
    return subscribeLive(topicKey.split(',') as LiveTopic[], () => load())
  }, [load, topicKey])

  return { items, error, more: next !== undefined, showMore: () => load(next), reload: () => load() }
}
