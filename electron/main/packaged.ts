import { app } from 'electron'

import { scrubPackagedEnv } from './launchPolicy'

// Imported by index.ts before the node: ES modules run in import order, so the environment is clean
// before any module of electron/node is evaluated, not only before the node is opened.
export const packaged = app.isPackaged
scrubPackagedEnv(packaged, process.env)
