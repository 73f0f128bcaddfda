import { EventEmitter } from 'node:events'
import fs from 'node:fs/promises'
import path from 'node:path'

import { CredoError, type AgentDependencies, type FileSystem } from '@credo-ts/core'
import { WebSocket } from 'ws'

/**
 * Credo's files (caches, scratch) in one folder of the node's data directory. Ours rather than
 * @credo-ts/node's: that package exists for the 0.6 line only as an alpha pinned to other versions, and
 * the node downloads nothing at run time, so `downloadToFile` refuses instead of fetching.
 */
export class DataDirFileSystem implements FileSystem {
  readonly dataPath: string
  readonly cachePath: string
  readonly tempPath: string

  constructor(root: string) {
    this.dataPath = path.join(root, 'data')
    this.cachePath = path.join(root, 'cache')
    this.tempPath = path.join(root, 'tmp')
  }

  async exists(file: string): Promise<boolean> {
    return fs.access(file).then(
      () => true,
      () => false,
    )
  }

  async createDirectory(file: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true })
  }

  async copyFile(source: string, destination: string): Promise<void> {
    await fs.copyFile(source, destination)
  }

  async write(file: string, data: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, data, { encoding: 'utf8', mode: 0o600 })
  }

  read(file: string): Promise<string> {
    return fs.readFile(file, { encoding: 'utf8' })
  }

  async delete(file: string): Promise<void> {
    await fs.rm(file, { recursive: true, force: true })
  }

  downloadToFile(url: string): Promise<void> {
    return Promise.reject(new CredoError(`The node downloads nothing at run time (asked for ${url}).`))
  }
}

/** What Credo takes from its platform, on Node: files under `credoDir`, fetch, events and `ws`. */
export function nodeDependencies(credoDir: string): AgentDependencies {
  return {
    FileSystem: class extends DataDirFileSystem {
      constructor() {
        super(credoDir)
      }
    },
    fetch,
    EventEmitterClass: EventEmitter,
    WebSocketClass: WebSocket as unknown as AgentDependencies['WebSocketClass'],
  }
}
