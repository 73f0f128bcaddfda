import type { FilePurpose } from '../../shared/ipc'

// Present in the desktop app (preload's custosFiles); the web mode has no OS dialog and keeps a path field.
const files = () => window.custosFiles

export const canPickFiles = (): boolean => files() !== undefined

export function pickFile(purpose: FilePurpose): Promise<string | undefined> {
  return files()?.pick(purpose) ?? Promise.resolve(undefined)
}

/** The file's own name, for the screen: the folders it sits in are the person's business. */
export const fileName = (path: string): string => path.split(/[\\/]/).at(-1) ?? path
