import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { chooseLanguage, languages, type Language } from '../../i18n/i18n'

/** The language of every screen: from the system at first start, the person's choice from then on. */
export function LanguageChoice() {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <div className="field inline language-choice">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select id={id} value={i18n.language} onChange={(event) => void chooseLanguage(event.target.value as Language)}>
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  )
}
