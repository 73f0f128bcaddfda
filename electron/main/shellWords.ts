import { IntlMessageFormat } from 'intl-messageformat'

import { desktop as de } from '../../renderer/src/i18n/locales/de.json'
import { desktop as en } from '../../renderer/src/i18n/locales/en.json'
import { desktop as nl } from '../../renderer/src/i18n/locales/nl.json'

// The shell's own sentences (tray, notifications, the start-up error) come from the renderer's catalogues,
// their "desktop" part: one source of truth, checked for every key in every language by the catalogues
// test. intl-messageformat is the ICU engine i18next-icu uses in the renderer, so the plurals agree.
const catalogues = { de, en, nl }

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
