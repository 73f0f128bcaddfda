import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'

import { FILE_CHANNEL, type FilePurpose } from '../../shared/ipc'
import { say } from './shellWords'

// The filter's name is read in the dialog: in the person's language.
const backupFilters = () => [{ name: say('backupFiles'), extensions: ['custos-backup'] }]

/**
 * The OS file dialog for backup and restore, so a person picks a file instead of typing its path. Only
 * our own top-level renderer may open it; the answer is the chosen path or undefined (cancelled).
 */
export function registerFilePicker(isTrustedUrl: (url: string) => boolean): () => void {
  const handler = async (event: IpcMainInvokeEvent, purpose: unknown): Promise<string | undefined> => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!event.senderFrame || event.senderFrame.parent !== null || !isTrustedUrl(frameUrl)) return undefined
    const window = BrowserWindow.fromWebContents(event.sender)
    if (!window) return undefined
    if ((purpose as FilePurpose) === 'backup-save') {
      const chosen = await dialog.showSaveDialog(window, {
        defaultPath: 'custos.custos-backup',
        filters: backupFilters(),
      })
      return chosen.canceled ? undefined : chosen.filePath
    }
    if ((purpose as FilePurpose) === 'backup-open') {
      const chosen = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: backupFilters() })
      return chosen.canceled ? undefined : chosen.filePaths[0]
    }
    return undefined
  }
  ipcMain.handle(FILE_CHANNEL, handler)
  return () => ipcMain.removeHandler(FILE_CHANNEL)
}
