import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The node runs from source (vitest, tsx), bundled (electron-vite's out/main) and packaged
// (Electron's process.resourcesPath, where electron-builder copies resources/). Each finds the
// project's resources/ folder from a different place, so all of them are tried in that order.
export function resourceCandidates(relative: string): string[] {
  const roots: string[] = []
  const { resourcesPath } = process as NodeJS.Process & { resourcesPath?: string }
  if (resourcesPath) roots.push(path.join(resourcesPath, 'resources'))
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
