import { useCallback, useRef, useState } from 'react'

import { errorText } from '../errorText'

export interface Action {
  /** True while the call runs, so the screen can say so and keep the button from being pressed twice. */
  busy: boolean
  /** The last failure in words, with what to do next; cleared when the next call starts. */
  error: string | undefined
  run<T>(call: () => Promise<T>): Promise<T | undefined>
  clearError(): void
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const running = useRef(false)

  const run = useCallback(async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined
    running.current = true
    setBusy(true)
    setError(undefined)
    try {
      return await call()
    } catch (failure) {
      setError(errorText(failure))
      return undefined
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])

  return { busy, error, run, clearError: useCallback(() => setError(undefined), []) }
}
