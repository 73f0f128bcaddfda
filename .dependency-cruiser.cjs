// Which folder may import which (docs/ARCHITECTURE.md, "Layers"). Run by `npm run lint`; type-only
// imports count, since a circle of types is still a circle a reader has to hold in their head.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle means no layer can be read or tested without the others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'renderer-not-electron',
      severity: 'error',
      comment: 'The page reaches the node through shared/ (the contract and the preload globals) only.',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'node-not-shell',
      severity: 'error',
      comment: 'The node runs headless and in plain Node: it never imports the desktop shell.',
      from: { path: '^electron/node/' },
      to: { path: '^electron/(main|preload)/' },
    },
    {
      name: 'kernel-at-the-bottom',
      severity: 'error',
      comment: 'kernel/ is what every module needs; it imports nothing else of the node.',
      from: { path: '^electron/node/kernel/' },
      to: { path: '^electron/node/', pathNot: '^electron/node/kernel/' },
    },
    {
      name: 'modules-below-the-api',
      severity: 'error',
      comment: 'api/ dispatches over every module; a module that imports it reaches back up.',
      from: { path: '^electron/node/', pathNot: '^electron/node/(api|webBridge|headless)/|^electron/node/[^/]+\\.ts$' },
      to: { path: '^electron/node/api/' },
    },
    {
      name: 'shared-below-all',
      severity: 'error',
      comment: 'shared/ is the contract both sides read; it imports neither side.',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist|resources)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
}
