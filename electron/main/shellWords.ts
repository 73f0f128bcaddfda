import { IntlMessageFormat } from 'intl-messageformat'

import { desktop as de, errors as deErrors, errorsNext as deNext } from '../../renderer/src/i18n/locales/de.json'
import { desktop as en, errors as enErrors, errorsNext as enNext } from '../../renderer/src/i18n/locales/en.json'
import { desktop as nl, errors as nlErrors, errorsNext as nlNext } from '../../renderer/src/i18n/locales/nl.json'

// The shell's own sentences (tray, notifications, the start-up error) come from the renderer's catalogues,
// their "desktop" part: one source of truth, checked for every key in every language by the catalogues
// test. intl-messageformat is the ICU engine i18next-icu uses in the renderer, so the plurals agree.
const catalogues = { de, en, nl }
const errorWords: Record<ShellLanguage, { said: Record<string, string>; next: Record<string, string> }> = {
  de: { said: deErrors, next: deNext },
  en: { said: enErrors, next: enNext },
  nl: { said: nlErrors, next: nlNext },
}

export type ShellLanguage = keyof typeof catalogues
export type ShellWord = keyof typeof en

let current: ShellLanguage = 'en'
const listeners = new Set<() => void>()

export function isShellLanguage(value: unknown): value is ShellLanguage {
  return typeof value === 'string' && Object.hasOwn(catalogues, value)
}

/** The first of the system's languages (BCP 47 tags, best first) that the catalogues have, else English. */
export function languageOf(tags: readonly string[]): ShellLanguage {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0]
    if (isShellLanguage(base)) return base
  }
  return 'en'
}

export function shellLanguage(): ShellLanguage {
  return current
}

/** The person's choice (the renderer says it on start and on every change); what is shown follows it. */
export function setShellLanguage(language: ShellLanguage): void {
  if (language === current) return
  current = language
  for (const listener of listeners) listener()
}

export function onShellLanguage(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** One sentence in the current language, its ICU placeholders filled in. */
export function say(word: ShellWord, values?: Record<string, string | number>): string {
  return String(new IntlMessageFormat(catalogues[current][word], current).format(values))
}

/**
 * A node error as a person reads it in the current language: the catalogue's sentence for its code and
 * what to do next, as the renderer's errorText says it; the node's own sentence only for an error
 * without a code the catalogues know.
 */
export function sayError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const { said, next } = errorWords[current]
  if (typeof code !== 'string' || !Object.hasOwn(said, code))
    return error instanceof Error ? error.message : String(error)
  return Object.hasOwn(next, code) ? `${said[code]} ${next[code]}` : said[code]
}
