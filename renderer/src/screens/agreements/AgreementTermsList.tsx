import { useTranslation } from 'react-i18next'

import type { AgreementTerms } from '../../../../shared/api'
import { formatDuration, formatList, purposeLabel, typeLabel } from '../../i18n/format'

/** The terms in the person's words: why, how long, what (optional items marked), who else gets it. */
export function AgreementTermsList({ terms }: { terms: AgreementTerms }) {
  const { t } = useTranslation()
  const items = terms.items.map((item) => {
    const name = item.name ?? typeLabel(item.types)
    return item.required ? name : t('agreements.optionalItem', { item: name })
  })
  return (
    <dl className="claims terms">
      <div>
        <dt>{t('agreements.why')}</dt>
        <dd>{formatList(terms.purposes.map(purposeLabel))}</dd>
      </div>
      <div>
        <dt>{t('agreements.howLong')}</dt>
        <dd>{formatDuration(terms.retention)}</dd>
      </div>
      <div>
        <dt>{t('agreements.what')}</dt>
        <dd>{formatList(items)}</dd>
      </div>
      <div>
        <dt>{t('agreements.passedOn')}</dt>
        <dd>{terms.third_parties.length ? formatList(terms.third_parties) : t('agreements.nobody')}</dd>
      </div>
    </dl>
  )
}
