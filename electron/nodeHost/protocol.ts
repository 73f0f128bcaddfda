// Messages between Electron main and the node host (the utilityProcess that runs the node).
import type { IpcReply } from '../../shared/ipc'

export type ToHost =
  | { kind: 'call'; id: number; method: string; input: unknown }
  | { kind: 'close' }
  /** At launch: the key main's OS keychain kept for this store; the reply says whether it opened it. */
  | { kind: 'openWithDeviceKey'; id: number; key: string }
  /** Main's answer to keepDeviceKey: done, or why the keychain refused. */
  | { kind: 'deviceKeyKept'; id: number; error?: string }

export type FromHost =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; reply: IpcReply }
  | { kind: 'live'; topic: string; data?: object }
  /** The node could not start (its data directory in use, say): said in words, then the host exits. */
  | { kind: 'fatal'; message: string }
  | { kind: 'closed' }
  /** Keep this raw store key in the OS keychain (null: forget it). Never relayed to a window. */
  | { kind: 'keepDeviceKey'; id: number; key: string | null }

export function isToHost(value: unknown): value is ToHost {
  const message = value as { kind?: unknown; id?: unknown; key?: unknown } | null
  if (message?.kind === 'close') return true
  if (typeof message?.id !== 'number') return false
  if (message.kind === 'openWithDeviceKey') return typeof message.key === 'string'
  return message.kind === 'call' || message.kind === 'deviceKeyKept'
}

/** What main's OS keychain can do for the node: nothing (no keyring), or keep a key it holds or not. */
export type KeychainState = 'unavailable' | 'empty' | 'holds'

export interface NodeHostArgs {
  dataDir: string
  /** An installed app: main's process.resourcesPath, where its resources (the Askar library) are. */
  packagedResources?: string
  /** Absent where there is no keychain at all (never in the desktop app). */
  keychain?: KeychainState
}

/**
 * V8's flags for the host. A young generation of 1 MiB semi-spaces instead of 16: the node allocates in
 * short bursts (one request, one answer), so the larger young space only stays resident while idle; this
 * keeps the idle host about 20-30 MiB smaller with no measurable cost to an automatic answer
 * (`npm run bench`: coldStart.rss.idle, autoAnswer.latency.*). `--optimize-for-size` would save another
 * 10 MiB but made answers nearly twice as slow, so it is not used.
 */
export const HOST_V8_FLAGS = ['--max-semi-space-size=1']

/** The host takes its settings as arguments: `--data-dir DIR [--packaged-resources DIR] [--keychain STATE]`. */
export function hostArgs(args: NodeHostArgs): string[] {
  return [
    '--data-dir',
    args.dataDir,
    ...(args.packagedResources ? ['--packaged-resources', args.packagedResources] : []),
    ...(args.keychain ? ['--keychain', args.keychain] : []),
  ]
}
