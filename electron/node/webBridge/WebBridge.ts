import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { CustosError } from '../../../shared/errors'
import { createLiveDispatch } from '../api'
import type { CustosNode } from '../CustosNode'
import { createLimitedServer } from '../platform'
import type { Dispatch } from './apiCall'
import { EventStream } from './EventStream'
import { BridgeGuard } from './guard'
import { createRoute } from './route'
import { BackupScratch } from './uploads'

export interface WebBridgeOptions {
  node: CustosNode
  /** 0 (the default) takes a free port. Always on 127.0.0.1: the bridge is never reachable from outside. */
  port?: number
  /** The built renderer; defaults to out/renderer of this checkout. */
  rendererDir?: string
  /** The largest backup file the page may upload for a restore (MAX_UPLOAD_BYTES unless set). */
  maxUploadBytes?: number
  /** Where unexpected errors go with their detail; the page only gets a plain message. */
  logUnexpected?: (method: string, error: unknown) => void
}

export interface WebBridge {
  origin: string
  /** The address with the token, printed once; opening it signs that page in, once. */
  url: string
  /** A fresh one-time sign-in address, for a person whose page lost its session. */
  newSignInUrl(): string
  close(): Promise<void>
}

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url))

/** The node's API and the renderer on loopback, for headless mode and the browser tests. */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR)
  const indexFile = path.join(rendererDir, 'index.html')
  if (!fs.existsSync(indexFile)) {
    throw new CustosError('Internal', `The web UI is not built (${indexFile} is missing). Run \`npm run build\` first.`)
  }
  const { node } = options
  const events = new EventStream()
  const live = createLiveDispatch(node, (topic, data) => events.publish(topic, data))
  const scratch = new BackupScratch(node.layout.tmpDir)
  const bridged: Dispatch = async (method, input) => {
    const value = await live.dispatch(method, input)
    // A restored upload has done its work; it is not left lying in the data folder.
    if (method === 'vault.restoreBackup') scratch.used((input as { path?: unknown } | undefined)?.path)
    return value
  }

  const server = createLimitedServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const guard = new BridgeGuard((server.address() as AddressInfo).port)
  const logUnexpected = options.logUnexpected ?? ((method, error) => console.error(`custos: ${method} failed`, error))
  const { maxUploadBytes } = options
  server.on(
    'request',
    createRoute({ guard, events, rendererDir, dispatch: bridged, logUnexpected, scratch, maxUploadBytes }),
  )

  return {
    origin: guard.origin,
    url: `${guard.origin}/?token=${guard.signInToken}`,
    newSignInUrl: () => `${guard.origin}/?token=${guard.renewToken()}`,
    close: async () => {
      live.close()
      events.close()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      scratch.close()
    },
  }
}
