import i18next from 'i18next'
import ICU from 'i18next-icu'
import { initReactI18next } from 'react-i18next'

import de from './locales/de.json'
import en from './locales/en.json'
import nl from './locales/nl.json'

export const languages = [
  { code: 'de', name: 'Deutsch' },
  { code: 'en', name: 'English' },
  { code: 'nl', name: 'Nederlands' },
] as const

export type Language = (typeof languages)[number]['code']

const STORAGE_KEY = 'custos.language'

function isLanguage(value: string | null | undefined): value is Language {
  return languages.some((language) => language.code === value)
}

/** The person's choice if they made one, else the first of the system's languages we have, else English. */
export function initialLanguage(): Language {
  const chosen = safeStorage()?.getItem(STORAGE_KEY)
  if (isLanguage(chosen)) return chosen
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0]
    if (isLanguage(base)) return base
  }
  return 'en'
}

// Storage can be refused (a locked-down browser profile); the language then follows the system each start.
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}

export async function chooseLanguage(language: Language): Promise<void> {
  safeStorage()?.setItem(STORAGE_KEY, language)
  await i18next.changeLanguage(language)
}

/**
 * i18next with ICU MessageFormat (i18next-icu): plurals and selects are written in the messages
 * (`{count, plural, one {…} other {…}}`) and follow each language's CLDR rules.
 */
export function setUpI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
    // The desktop shell's tray and notifications follow the same choice (absent in the web mode).
    window.custosLanguage?.tell(language)
  })
  void i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources: { de: { translation: de }, en: { translation: en }, nl: { translation: nl } },
      lng: initialLanguage(),
      fallbackLng: 'en',
      // Keys of labels hold ids such as `dpv:CreditChecking`: no namespaces in keys.
      nsSeparator: false,
      interpolation: { escapeValue: false },
    })
  return i18next
}

export { i18next }
