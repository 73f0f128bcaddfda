import path from 'node:path'

// Where each part of a node lives inside the data directory the caller chose.
export interface DataDirLayout {
  root: string
  lockFile: string
  storeFile: string
  appDbFile: string
  logFile: string
  credoDir: string
  /** Scratch space (the unlock check's copy of the store); emptied at every open. */
  tmpDir: string
  /** Inbound envelopes kept until processed (still encrypted). */
  spoolDir: string
  /** Preferences that must hold while the store is locked (the auto-lock time); nothing secret. */
  settingsFile: string
}

export function dataDirLayout(root: string): DataDirLayout {
  const abs = path.resolve(root)
  return {
    root: abs,
    lockFile: path.join(abs, 'custos.lock'),
    storeFile: path.join(abs, 'vault', 'askar.sqlite'),
    appDbFile: path.join(abs, 'app', 'custos.db'),
    logFile: path.join(abs, 'logs', 'node.log'),
    credoDir: path.join(abs, 'credo'),
    tmpDir: path.join(abs, 'tmp'),
    spoolDir: path.join(abs, 'spool'),
    settingsFile: path.join(abs, 'settings.json'),
  }
}
