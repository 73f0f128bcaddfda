// The entry Electron's utilityProcess runs. The Askar binding is registered before anything imports
// @credo-ts/askar; in the bundle, static imports of packages are hoisted above any code, so the host
// (which reaches Credo) comes in by a dynamic import after it.
import 'reflect-metadata'

import '../node/askar/register'

await import('./host')
