import { useEffect, useState, type FormEvent } from 'react'

import type { VaultStatus } from '../../shared/api'
import { apiClient } from './apiClient'

// Until the UI issue lands, the window shows the store's state and lets a person create, unlock
// and lock it; every other screen comes with that issue.
export function App() {
  const [status, setStatus] = useState<VaultStatus>()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string>()

  useEffect(() => {
    apiClient()
      ['vault.status'](undefined)
      .then(setStatus, (e: Error) => setError(e.message))
  }, [])

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    try {
      const api = apiClient()
      const next =
        status?.state === 'no-store'
          ? await api['vault.create']({ passphrase })
          : await api['vault.unlock']({ passphrase })
      setStatus(next)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setPassphrase('')
    }
  }

  if (!status) return <main>{error ?? 'Starting…'}</main>
  return (
    <main>
      <h1>Custos</h1>
      <p>Store: {status.state}</p>
      {status.state === 'unlocked' ? (
        <button onClick={() => apiClient()['vault.lock'](undefined).then(setStatus)}>Lock</button>
      ) : (
        <form onSubmit={submit}>
          <label>
            Passphrase <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <button type="submit">{status.state === 'no-store' ? 'Create store' : 'Unlock'}</button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </main>
  )
}
