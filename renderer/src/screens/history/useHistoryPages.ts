import { useCallback, useEffect, useRef, useState } from 'react'

import { apiClient } from '../../apiClient'
import { errorText } from '../../errorText'
import { subscribeLive } from '../../live'
import { loadNewest, loadOlder, type FetchPage, type LoadedHistory } from './historyPages'

export interface HistoryPages {
  loaded: LoadedHistory | undefined
  error: string | undefined
  /** Refreshes every row shown (after a revoke, or when the node reports a change). */
  reload(): void
  olderBusy: boolean
  olderError: string | undefined
  /** Loads the next page; resolves to what is shown then (undefined if nothing changed), to move focus. */
  showOlder(): Promise<LoadedHistory | undefined>
}

const fetchPage: FetchPage = (input) => apiClient()['disclosures.page'](input)

/** The history a page at a time, kept up to date without dropping the pages the person has loaded. */
export function useHistoryPages(): HistoryPages {
  const [loaded, setLoaded] = useState<LoadedHistory>()
  const [error, setError] = useState<string>()
  const [olderBusy, setOlderBusy] = useState(false)
  const [olderError, setOlderError] = useState<string>()
  const loadedRef = useRef<LoadedHistory | undefined>(undefined)
  // A slower earlier answer must not overwrite a newer one, nor an older page land on a refreshed list.
  const latest = useRef(0)
  const refreshing = useRef(false)
  const paging = useRef(false)

  const show = useCallback((value: LoadedHistory) => {
    loadedRef.current = value
    setLoaded(value)
  }, [])

  const reload = useCallback(() => {
    const ticket = ++latest.current
    refreshing.current = true
    loadNewest(fetchPage, loadedRef.current?.items).then(
      (value) => {
        if (ticket !== latest.current) return
        refreshing.current = false
        show(value)
        setError(undefined)
      },
      (failure: unknown) => {
        if (ticket !== latest.current) return
        refreshing.current = false
        setError(errorText(failure))
      },
    )
  }, [show])

  const showOlder = useCallback(async () => {
    const from = loadedRef.current
    if (!from?.next || paging.current) return undefined
    paging.current = true
    // A refresh under way counted the rows before this page: it is set aside and asked again after.
    const interrupted = refreshing.current
    const ticket = ++latest.current
    setOlderBusy(true)
    setOlderError(undefined)
    try {
      const value = await loadOlder(fetchPage, from)
      if (ticket !== latest.current) return undefined
      show(value)
      return value
    } catch (failure) {
      setOlderError(errorText(failure))
      return undefined
    } finally {
      paging.current = false
      setOlderBusy(false)
      if (interrupted && ticket === latest.current) reload()
    }
  }, [show, reload])

  useEffect(() => {
    reload()
    return subscribeLive(['requests'], reload)
  }, [reload])

  return { loaded, error, reload, olderBusy, olderError, showOlder }
}
