import type { TFunction } from 'i18next'

import type { RequestAnswer } from '../../../../shared/api'

/** What became of an answer, in words: only what the requester acknowledged is called shared. */
export function answerText(t: TFunction, who: string, answer: RequestAnswer | undefined, keptBack: number): string {
  const kept = keptBack > 0 ? ` ${t('request.keptBack', { count: keptBack })}` : ''
  switch (answer?.outcome) {
    case 'accepted':
      return t('request.accepted', { requester: who }) + kept
    case 'refused':
      return answer.reason
        ? t('request.refusedBecause', { requester: who, reason: answer.reason.replace(/[.!?]$/, '') })
        : t('request.refused', { requester: who })
    case 'declined':
      return t('request.declined', { requester: who })
    default:
      return t('request.unconfirmed', { requester: who }) + kept
  }
}
