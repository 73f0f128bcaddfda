import { useTranslation } from 'react-i18next'

import type { PolicyInput } from '../../../../shared/api'
import { policySentences } from '../policies/policySentences'

/** The policy "remember" would save, in sentences, read before anything is sent or saved. */
export function RememberPreview({ policy, requester }: { policy: PolicyInput; requester: string }) {
  const { t } = useTranslation()
  return (
    <section className="note remember-preview" aria-labelledby="remember-preview" data-testid="remember-preview">
      <h3 id="remember-preview">{t('remember.previewTitle')}</h3>
      <ul>
        {policySentences(t, policy, requester).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p className="hint">{t('remember.previewOnlyIfAccepted', { requester })}</p>
    </section>
  )
}
