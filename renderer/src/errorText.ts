import { i18next } from './i18n/i18n'

// What a person reads when a call fails. Matching is on the error's code, never on its text. In English
// the node's own sentence is shown (it names the item or field concerned) with what to do next; in other
// languages the catalogue's sentence for the code, so no English is left on a German or Dutch screen.

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  // The node names the method for developers; a person only needs the part about their input.
  const message = raw.replace(/^Invalid input for [\w.]+\. /, '')
  const code = errorCode(error) ?? 'Internal'
  const nextKey = `errorsNext.${code}`
  const next = i18next.exists(nextKey) ? i18next.t(nextKey) : undefined
  if (i18next.language?.startsWith('en') || !errorCode(error)) {
    // No code: a message the renderer itself made (already in the person's language).
    return next && !message.includes(next) ? `${message} ${next}` : message
  }
  const said = i18next.exists(`errors.${code}`) ? i18next.t(`errors.${code}`) : i18next.t('errors.Internal')
  return next ? `${said} ${next}` : said
}
