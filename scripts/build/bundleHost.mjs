// After `electron-vite build`: the node host (out/main/nodeHost.js) and everything it imports from
// node_modules made into one file. Loaded as some 2,000 separate modules, the host spent about half of
// its start finding, reading and wrapping files (a CPU profile: the CommonJS loader, stat and open calls,
// package.json reads); one file halves launch to ready (`npm run bench`, coldStart.*). electron-vite's
// own bundler keeps node_modules external for main and host alike, so this is a step of its own.
// Native addons stay outside (they are loaded from node_modules by path), and so does pg's optional
// native binding, which is never installed.
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
