// What a person reads when a call fails: the node's message, and what to do next when the message
// does not already say it. Matching is on the error's code, never on its text.

const nextSteps: Record<string, string> = {
  WrongPassphrase: 'Check that Caps Lock is off and type it again.',
  NodeLocked: 'Unlock the store, then try again.',
  Unauthorized: 'Open the address with ?token=… that the node printed when it started (the ui: line).',
  Forbidden: 'Open Custos from the address the node printed, not from another site.',
  Unreachable: 'Check that the node is still running (npm run serve -- --ui), then reload this page.',
  BackupPassphraseWrong: 'Type the passphrase you chose when the backup was written.',
  BackupDamaged: 'Copy the backup file again from where you keep it, then try again.',
  RestoreTargetNotEmpty: 'Restore on a device that has no Custos store yet.',
  DeviceKeyUnavailable: 'Unlock with your passphrase and leave “Remember on this device” unticked.',
  DataDirInUse: 'Close the other Custos node that uses this folder, then try again.',
  Internal: 'Try again. If it keeps happening, the node’s log (logs/node.log in its data folder) has the detail.',
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  // The node names the method for developers; a person only needs the part about their input.
  const message = raw.replace(/^Invalid input for [\w.]+\. /, '')
  const next = nextSteps[errorCode(error) ?? '']
  return next && !message.includes(next) ? `${message} ${next}` : message
}
