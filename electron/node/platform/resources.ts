import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The node runs from source (vitest, tsx), bundled (electron-vite's out/main) and packaged
// (Electron's process.resourcesPath, where electron-builder copies resources/). Each finds the
// project's resources/ folder from a different place, so all of them are tried in that order.
export function resourceCandidates(relative: string): string[] {
  const roots: string[] = []
  const resourcesPath = markedResourcesPath ?? (process as ElectronProcess).resourcesPath
  if (resourcesPath) roots.push(path.join(resourcesPath, 'resources'))
  // A packaged app uses what it shipped, never a folder that happens to sit where it was started.
  if (isPackagedApp()) return roots.map((root) => path.join(root, relative))
  for (const start of [process.cwd(), moduleDir()]) {
    if (start) for (const dir of ancestors(start)) roots.push(path.join(dir, 'resources'))
  }
  return [...new Set(roots.map((root) => path.join(root, relative)))]
}

/** The first existing `resources/<relative>`; throws naming every path tried when there is none. */
export function findResource(relative: string, hint = 'Is the installation complete?'): string {
  const candidates = resourceCandidates(relative)
  const found = candidates.find((candidate) => fs.existsSync(candidate))
  if (found) return found
  throw new Error(`${relative} not found. Paths tried:\n${candidates.map((c) => `  - ${c}`).join('\n')}\n${hint}`)
}

type ElectronProcess = NodeJS.Process & { resourcesPath?: string; defaultApp?: boolean }

let markedPackaged = false
let markedResourcesPath: string | undefined

/**
 * Called by the shell from app.isPackaged; one way, so nothing later can turn it off. The node host
 * (a child process) is handed main's process.resourcesPath, rather than relying on its own.
 */
export function markPackagedApp(resourcesPath?: string): void {
  markedPackaged = true
  markedResourcesPath ??= resourcesPath
}

/**
 * An installed app rather than `electron .` from a checkout: Electron sets process.defaultApp only for
 * the latter. Read here, without importing electron, so the node decides for itself.
 */
export function isPackagedApp(): boolean {
  if (markedPackaged) return true
  const electron = process as ElectronProcess
  return Boolean(process.versions.electron) && typeof electron.resourcesPath === 'string' && !electron.defaultApp
}

function ancestors(start: string): string[] {
  const dirs: string[] = []
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    dirs.push(dir)
    if (path.dirname(dir) === dir) return dirs
  }
}

function moduleDir(): string | undefined {
  try {
    const url = import.meta.url
    return url?.startsWith('file:') ? path.dirname(fileURLToPath(url)) : undefined
  } catch {
    return undefined
  }
}
