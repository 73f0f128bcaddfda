import fs from 'node:fs'
import path from 'node:path'

import { isPackagedApp, resourceCandidates } from '../platform/resources'

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

/** Every path that is tried, in order; the first that exists wins. */
export function askarLibraryCandidates(): string[] {
  // A packaged app loads the library it shipped; an environment variable must not swap in another.
  const override = isPackagedApp() ? undefined : process.env[ASKAR_LIB_ENV]
  // An explicit override is exclusive: silently falling back to another copy would hide a typo.
  if (override) return [path.resolve(override)]

  return resourceCandidates(path.join('native', `${process.platform}-${process.arch}`, askarLibraryFileName()))
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
