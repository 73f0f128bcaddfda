import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Where scripts/setup-askar.mjs puts the library, per platform.
const LIBRARY_FILES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'libaries_askar.so',
  darwin: 'libaries_askar.dylib',
  win32: 'aries_askar.dll',
}

export const ASKAR_LIB_ENV = 'CUSTOS_ASKAR_LIB'

export function askarLibraryFileName(platform: NodeJS.Platform = process.platform): string {
  const file = LIBRARY_FILES[platform]
  if (!file) throw new Error(`Askar: unsupported platform ${platform} (linux, darwin and win32 are supported)`)
  return file
}

function platformDir(): string {
  return `${process.platform}-${process.arch}`
}

// The same module runs from source (vitest, tsx) and bundled into out/main/index.js, so its own
// location is only one of the places to start looking from.
function moduleDir(): string | undefined {
  try {
    const url = import.meta.url
    return url?.startsWith('file:') ? path.dirname(fileURLToPath(url)) : undefined
  } catch {
    return undefined
  }
}

function ancestors(start: string): string[] {
  const dirs: string[] = []
  let dir = path.resolve(start)
  for (;;) {
    dirs.push(dir)
    const parent = path.dirname(dir)
    if (parent === dir) return dirs
    dir = parent
  }
}

/** Every path that is tried, in order; the first that exists wins. */
export function askarLibraryCandidates(): string[] {
  const override = process.env[ASKAR_LIB_ENV]
  // An explicit override is exclusive: silently falling back to another copy would hide a typo.
  if (override) return [path.resolve(override)]

  const file = askarLibraryFileName()
  const relative = path.join('native', platformDir(), file)
  const candidates: string[] = []
  // Electron sets resourcesPath; a packaged app carries the library as an extraResource there.
  const { resourcesPath } = process as NodeJS.Process & { resourcesPath?: string }
  if (resourcesPath) candidates.push(path.join(resourcesPath, relative))
  const starts = [process.cwd(), moduleDir()].filter((dir): dir is string => Boolean(dir))
  for (const start of starts) {
    for (const dir of ancestors(start)) candidates.push(path.join(dir, 'resources', relative))
  }
  return [...new Set(candidates)]
}

/** The Askar shared library this process loads; throws naming every path tried when there is none. */
export function askarLibraryPath(): string {
  const candidates = askarLibraryCandidates()
  const found = candidates.find((candidate) => fs.existsSync(candidate))
  if (found) return found
  const source = process.env[ASKAR_LIB_ENV] ? ` (from ${ASKAR_LIB_ENV})` : ''
  throw new Error(
    `Askar native library not found${source}. Paths tried:\n${candidates.map((c) => `  - ${c}`).join('\n')}\n` +
      `Run \`npm run setup:askar\` to put it in place, or set ${ASKAR_LIB_ENV} to the library file.`,
  )
}
