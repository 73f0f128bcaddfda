import { useCallback, useEffect, useRef, useState } from 'react'

import { errorText } from '../errorText'
import { subscribeLive, type LiveTopic } from '../live'

export interface Loaded<T> {
  data: T | undefined
  error: string | undefined
  reload(): void
}

/** Loads once, and again whenever the node reports a change to one of `topics`. */
export function useLoad<T>(load: () => Promise<T>, topics: readonly LiveTopic[]): Loaded<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const loadRef = useRef(load)
  loadRef.current = load
  // A slower earlier answer must not overwrite a newer one.
  const latest = useRef(0)

  const reload = useCallback(() => {
    const ticket = ++latest.current
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return
        setData(value)
        setError(undefined)
      },
      (failure: unknown) => {
        if (ticket === latest.current) setError(errorText(failure))
      },
    )
  }, [])

  const topicKey = topics.join(',')
  useEffect(() => {
    reload()
    return subscribeLive(topicKey.split(',') as LiveTopic[], reload)
  }, [reload, topicKey])

  return { data, error, reload }
}
