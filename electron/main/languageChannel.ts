import { ipcMain, type IpcMainEvent } from 'electron'

import { LANGUAGE_CHANNEL } from '../../shared/ipc'
import { isShellLanguage, setShellLanguage } from './shellWords'

/**
 * The renderer keeps the person's language (Settings); it tells main here so that the tray and the
 * notifications speak it too. Only our own top-level renderer is heard, and only a language we have.
 */
export function registerLanguageChannel(isTrustedUrl: (url: string) => boolean): () => void {
  const listener = (event: IpcMainEvent, language: unknown): void => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!event.senderFrame || event.senderFrame.parent !== null || !isTrustedUrl(frameUrl)) return
    if (isShellLanguage(language)) setShellLanguage(language)
  }
  ipcMain.on(LANGUAGE_CHANNEL, listener)
  return () => ipcMain.removeListener(LANGUAGE_CHANNEL, listener)
}
