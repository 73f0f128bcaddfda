import fs from 'node:fs'
import path from 'node:path'

import { findResource } from '../platform'

export type JsonLdDocument = Record<string, unknown>

let cache: Map<string, JsonLdDocument> | undefined

/**
 * The JSON-LD contexts shipped under resources/jsonld, by URL (contexts.json maps each URL to its file).
 * Read once: they are part of the installation, not data, and every signature check needs them.
 */
export function bundledContexts(): Map<string, JsonLdDocument> {
  if (cache) return cache
  const folder = findResource('jsonld')
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'contexts.json'), 'utf8')) as Record<string, string>
  const contexts = new Map<string, JsonLdDocument>()
  for (const [url, file] of Object.entries(manifest)) {
    contexts.set(url, JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as JsonLdDocument)
  }
  cache = contexts
  return contexts
}

export function isBundledContext(url: string): boolean {
  return bundledContexts().has(url)
}
