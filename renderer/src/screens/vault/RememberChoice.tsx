import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** The "Remember on this device" checkbox with what it means tied to it (`remember.means`). */
export function RememberChoice({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-means`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id}>{t('remember.label')}</label>
        <p id={`${id}-means`} className="hint">
          {t('remember.means')}
        </p>
      </div>
    </div>
  )
}
