import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The node runs from source (vitest, tsx), bundled (electron-vite's out/main) and packaged
// (Electron's process.resourcesPath). Each finds the project's resources/ folder differently.
export function resourcesDir(): string {
  const candidates: string[] = []
  if (process.env.CUSTOS_RESOURCES_DIR) candidates.push(process.env.CUSTOS_RESOURCES_DIR)
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  if (packaged) candidates.push(path.join(packaged, 'resources'))
  for (const start of [process.cwd(), moduleDir()]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      candidates.push(path.join(dir, 'resources'))
      if (path.dirname(dir) === dir) break
    }
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'db', 'migrations')))
  if (!found) throw new Error(`Custos resources folder not found; looked in ${candidates.slice(0, 4).join(', ')}`)
  return found
}

function moduleDir(): string {
  try {
    return path.dirname(fileURLToPath(import.meta.url))
  } catch {
    return process.cwd()
  }
}
