import { webBridgeEvents } from './webBridgeClient'

// Live updates: the node says which part changed and the screens ask again. The web bridge sends
// them as Server-Sent Events; the desktop transport has none yet, so there screens refresh after
// their own calls only.

export type LiveTopic = 'vault' | 'connections' | 'selfDeclared' | 'mediation' | 'credentials' | 'requests'

/** Calls `onChange` whenever one of `topics` changes; returns the unsubscribe function. */
export function subscribeLive(topics: readonly LiveTopic[], onChange: () => void): () => void {
  if (window.custos || typeof EventSource === 'undefined') return () => undefined
  const events = webBridgeEvents()
  for (const topic of topics) events.addEventListener(topic, onChange)
  return () => {
    for (const topic of topics) events.removeEventListener(topic, onChange)
  }
}
