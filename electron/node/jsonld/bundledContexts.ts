import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { findResource } from '../platform'

export type JsonLdDocument = Record<string, unknown>

/** contexts.json: each context URL, the file that holds it and that file's SHA-256 (hex). */
export type ContextManifest = Record<string, { file: string; sha256: string }>

/** A bundled context whose bytes are not the ones listed: the installation was altered or damaged. */
export class ContextDigestError extends Error {
  constructor(
    readonly url: string,
    readonly file: string,
  ) {
    super(`The bundled JSON-LD context ${url} (${file}) is not the one Custos shipped; reinstall Custos.`)
    this.name = 'ContextDigestError'
  }
}

const byFolder = new Map<string, Map<string, JsonLdDocument>>()
const bytesByFolder = new Map<string, Map<string, Buffer>>()

/**
 * The JSON-LD contexts shipped under resources/jsonld, by URL (`scripts/jsonld/bundle-contexts.ts` writes
 * them with their digests). Each is checked against its digest as it is read, once: a context decides
 * what a signed credential means, so a changed file must not change it silently.
 */
export function bundledContexts(folder = findResource('jsonld')): Map<string, JsonLdDocument> {
  const cached = byFolder.get(folder)
  if (cached) return cached
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'contexts.json'), 'utf8')) as ContextManifest
  const contexts = new Map<string, JsonLdDocument>()
  const allBytes = new Map<string, Buffer>()
  for (const [url, { file, sha256 }] of Object.entries(manifest)) {
    const bytes = fs.readFileSync(path.join(folder, file))
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new ContextDigestError(url, file)
    contexts.set(url, JSON.parse(bytes.toString('utf8')) as JsonLdDocument)
    allBytes.set(url, bytes)
  }
  byFolder.set(folder, contexts)
  bytesByFolder.set(folder, allBytes)
  return contexts
}

export function isBundledContext(url: string): boolean {
  return bundledContexts().has(url)
}

/** The bytes of a bundled context as shipped (checked against its digest), for a credential that names its digest. */
export function bundledContextBytes(url: string, folder = findResource('jsonld')): Buffer | undefined {
  bundledContexts(folder)
  return bytesByFolder.get(folder)?.get(url)
}
