import { useTranslation } from 'react-i18next'

import type { TrustListVoucher } from '../../../../shared/api'
import { formatList, roleLabel } from '../../i18n/format'

/**
 * The card's first line: who asks, and whether a trust list the person imported vouches for them (and
 * which, in which role), or that their name is only what they say about themselves.
 */
export function Requester({ who, vouchedBy }: { who: string; vouchedBy: TrustListVoucher[] }) {
  const { t } = useTranslation()
  const [voucher] = vouchedBy
  return (
    <h2 className="requester" data-testid="requester">
      {who}{' '}
      <span className={voucher ? 'trust trust-ok' : 'trust trust-unknown'}>
        {voucher
          ? t('request.vouched', {
              list: voucher.list,
              roles: formatList(voucher.roles.map(roleLabel)),
              count: vouchedBy.length - 1,
            })
          : t('request.notVerified')}
      </span>
    </h2>
  )
}
