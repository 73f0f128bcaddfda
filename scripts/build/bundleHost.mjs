// After `electron-vite build`: the node host (out/main/nodeHost.js) and everything it imports from
// node_modules made into one file. Loaded as some 2,000 separate modules, the host spent about half of
// its start finding, reading and wrapping files (a CPU profile: the CommonJS loader, stat and open calls,
// package.json reads); one file halves launch to ready (`npm run bench`, coldStart.*). electron-vite's
// own bundler keeps node_modules external for main and host alike, so this is a step of its own.
// Native addons stay outside (they are loaded from node_modules by path), and so does pg's optional
// native binding, which is never installed.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const entry = path.join(root, 'out', 'main', 'nodeHost.js')

await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'koffi', 'pg-native'],
  // Names kept: Credo and class-transformer read class names; only white space and syntax shrink.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  // Bundled CommonJS modules call require() for Node's own modules; an ES module has none of its own.
  banner: {
    js: "import { createRequire as __custosRequire } from 'node:module'; const require = __custosRequire(import.meta.url);",
  },
  logLevel: 'warning',
})

// V8 keeps a module's source for as long as it lives, in one byte per character if every character is
// Latin-1 and in two otherwise. esbuild writes strings ASCII-only but leaves regular expression literals
// as they are, and a few (validator's alphabets) hold other scripts: the host's 12 MB source then took
// 24 MiB of its heap. \uXXXX means the same character in a string, a template, a regular expression and
// an identifier, so every such character is written that way.
const source = fs.readFileSync(entry, 'utf8')
fs.writeFileSync(
  entry,
  source.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
)
