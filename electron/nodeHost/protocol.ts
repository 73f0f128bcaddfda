// Messages between Electron main and the node host (the utilityProcess that runs the node).
import type { IpcReply } from '../../shared/ipc'

export type ToHost = { kind: 'call'; id: number; method: string; input: unknown } | { kind: 'close' }

export type FromHost =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; reply: IpcReply }
  | { kind: 'live'; topic: string; data?: object }
  /** The node could not start (its data directory in use, say): said in words, then the host exits. */
  | { kind: 'fatal'; message: string }
  | { kind: 'closed' }

export function isToHost(value: unknown): value is ToHost {
  const kind = (value as { kind?: unknown } | null)?.kind
  return kind === 'close' || (kind === 'call' && typeof (value as { id?: unknown }).id === 'number')
}

export interface NodeHostArgs {
  dataDir: string
  /** An installed app: main's process.resourcesPath, where its resources (the Askar library) are. */
  packagedResources?: string
}

/** The host takes its settings as arguments: `--data-dir DIR [--packaged-resources DIR]`. */
export function hostArgs(args: NodeHostArgs): string[] {
  return [
    '--data-dir',
    args.dataDir,
    ...(args.packagedResources ? ['--packaged-resources', args.packagedResources] : []),
  ]
}
