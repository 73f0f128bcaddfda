export { exportBackup, type ExportedBackup } from './exportBackup'
export { readBackupHeader, readBackupManifest, restoreBackup } from './restoreBackup'
