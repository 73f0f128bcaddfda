// `node --import tsx scripts/jsonld/bundle-contexts.ts`: writes the JSON-LD contexts that issuers in the
// field use into resources/jsonld, each with its SHA-256, from the npm packages that publish them (the
// Digital Bazaar context packages, pinned in devDependencies), from the cache Credo ships, and from the
// copy of the W3C examples context that @digitalbazaar/vc carries. Custos's own context and files already
// there are kept; a URL two sources give differently is an error, so nothing is replaced silently.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

type Document = Record<string, unknown>
const folder = path.resolve(import.meta.dirname, '../../resources/jsonld')
const require = createRequire(import.meta.url)

const PACKAGES = [
  '@digitalbazaar/credentials-context',
  '@digitalbazaar/data-integrity-context',
  '@digitalbazaar/multikey-context',
  '@digitalbazaar/odrl-context',
  '@digitalbazaar/vc-bitstring-status-list-context',
  '@digitalbazaar/vc-status-list-context',
  'citizenship-context',
  'did-context',
  'ed25519-signature-2018-context',
  'ed25519-signature-2020-context',
  'x25519-key-agreement-2020-context',
]

export interface ManifestEntry {
  file: string
  sha256: string
}

function fileName(url: string): string {
  const name = url
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\.jsonld$|\.json$/, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${name}.jsonld`
}

async function fromPackages(): Promise<Map<string, Document>> {
  const found = new Map<string, Document>()
  for (const name of PACKAGES) {
    const module = (await import(name)) as {
      contexts?: Map<string, Document>
      default?: { contexts?: Map<string, Document> }
    }
    const contexts = module.contexts ?? module.default?.contexts
    if (!contexts) throw new Error(`${name} exports no contexts map`)
    for (const [url, document] of contexts) found.set(url, document)
  }
  // Credo's own cache (schema.org, BBS, secp256k1, Open Badges 3, revocation list 2020) and the W3C
  // examples context of VC 1.1, which issuers' samples and ACA-Py's tests use.
  const credo = require('@credo-ts/core/build/modules/vc/data-integrity/libraries/contexts/defaultContexts') as {
    DEFAULT_CONTEXTS: Record<string, Document>
  }
  for (const [url, document] of Object.entries(credo.DEFAULT_CONTEXTS)) if (!found.has(url)) found.set(url, document)
  // Not among the package's exports: read from its folder.
  const vcLib = path.dirname(require.resolve('@digitalbazaar/vc'))
  const { contexts: examples } = (await import(path.join(vcLib, 'contexts', 'index.js'))) as {
    contexts: Record<string, Document>
  }
  for (const [url, document] of Object.entries(examples)) if (!found.has(url)) found.set(url, document)
  return found
}

export function digest(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

async function main(): Promise<void> {
  const manifestPath = path.join(folder, 'contexts.json')
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, string | ManifestEntry>
  const next: Record<string, ManifestEntry> = {}
  for (const [url, entry] of Object.entries(manifest)) {
    const file = typeof entry === 'string' ? entry : entry.file
    next[url] = { file, sha256: digest(fs.readFileSync(path.join(folder, file))) }
  }
  for (const [url, document] of await fromPackages()) {
    const text = `${JSON.stringify(document, null, 2)}\n`
    const known = next[url]
    if (known) {
      const same =
        JSON.stringify(JSON.parse(fs.readFileSync(path.join(folder, known.file), 'utf8'))) === JSON.stringify(document)
      if (!same) console.warn(`kept the bundled ${url} (${known.file}); the package's copy differs`)
      continue
    }
    const file = fileName(url)
    fs.writeFileSync(path.join(folder, file), text)
    next[url] = { file, sha256: digest(text) }
  }
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)))
  fs.writeFileSync(manifestPath, `${JSON.stringify(sorted, null, 2)}\n`)
  console.log(`${Object.keys(sorted).length} contexts in ${path.relative(process.cwd(), manifestPath)}`)
}

await main()
