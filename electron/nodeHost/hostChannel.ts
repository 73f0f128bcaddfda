import type { FromHost, ToHost } from './protocol'

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

/**
 * The host's line to main. In Electron's utilityProcess it is `process.parentPort` (a MessagePort);
 * under plain Node, forked by the tests' stand-in for Electron, it is the fork's IPC channel.
 */
export function hostChannel(onMessage: (message: ToHost | unknown) => void): (message: FromHost) => void {
  const port = (process as { parentPort?: ParentPort }).parentPort
  if (port) {
    port.on('message', (event) => onMessage(event.data))
    return (message) => port.postMessage(message)
  }
  if (!process.send) throw new Error('the node host runs only as a child of the Custos app')
  process.on('message', onMessage)
  return (message) => process.send?.(message)
}
