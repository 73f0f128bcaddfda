import { webBridgeEvents } from './webBridgeClient'

// Live updates: the node says which part changed and the screens ask again. The web bridge sends
// them as Server-Sent Events, the desktop app over the preload's custosLive.

export type LiveTopic =
  | 'vault'
  | 'connections'
  | 'selfDeclared'
  | 'mediation'
  | 'credentials'
  | 'requests'
  | 'decisions'
  | 'node'
  | 'invitation'
  | 'walletLink'

/** Calls `onChange` whenever one of `topics` changes; returns the unsubscribe function. */
export function subscribeLive(topics: readonly LiveTopic[], onChange: (data?: object) => void): () => void {
  const desktop = window.custosLive
  if (desktop) return desktop.subscribe((topic, data) => topics.includes(topic as LiveTopic) && onChange(data))
  if (window.custos || typeof fetch === 'undefined') return () => undefined
  const events = webBridgeEvents()
  const listener = () => onChange()
  for (const topic of topics) events.addEventListener(topic, listener)
  return () => {
    for (const topic of topics) events.removeEventListener(topic, listener)
  }
}
