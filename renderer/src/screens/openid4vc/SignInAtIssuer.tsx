import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { CredentialOfferSummary, SignInStart } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { errorText } from '../../errorText'
import { useAction } from '../../hooks/useAction'

const POLL_MS = 1000

/**
 * An offer whose issuer wants the person to sign in first (OpenID4VCI's authorization code flow): the
 * node starts the sign-in, the issuer's page opens in the person's own browser (the shell opens https
 * addresses there, never inside Custos), and the node takes the credentials itself when the browser comes
 * back. The card asks the node how it stands until it has ended.
 */
export function SignInAtIssuer(props: { offer: CredentialOfferSummary; issuer: string; onDone(text: string): void }) {
  const { offer, issuer, onDone } = props
  const { t } = useTranslation()
  const action = useAction()
  const [started, setStarted] = useState<SignInStart>()
  const [failed, setFailed] = useState<string>()

  useEffect(() => {
    if (!started) return
    let stop = false
    const timer = setInterval(() => {
      void apiClient()
        ['openid4vc.signInStatus']({ id: started.id })
        .then((status) => {
          if (stop || status.state === 'waiting') return
          stop = true
          clearInterval(timer)
          setStarted(undefined)
          if (status.state === 'taken') onDone(t('openid4vc.taken', { count: status.credentials?.length ?? 0, issuer }))
          else setFailed(errorText(Object.assign(new Error(status.error?.message), { code: status.error?.code })))
        })
        .catch((error: unknown) => setFailed(errorText(error)))
    }, POLL_MS)
    return () => {
      stop = true
      clearInterval(timer)
    }
  }, [started, issuer, onDone, t])

  async function signIn() {
    setFailed(undefined)
    const start = await action.run(() => apiClient()['openid4vc.startSignIn']({ offer: offer.offer }))
    if (!start) return
    setStarted(start)
    window.open(start.authorizationUrl, '_blank', 'noopener')
  }

  return (
    <>
      <p className="hint">{t('openid4vc.signInWhy', { issuer })}</p>
      <div className="actions">
        <button type="button" disabled={action.busy || !!started} onClick={() => void signIn()}>
          {t('openid4vc.signIn')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(t('openid4vc.left', { issuer }))}>
          {t('openid4vc.leave')}
        </button>
      </div>
      <Progress busy={!!started}>{t('openid4vc.signingIn', { issuer })}</Progress>
      {started && (
        <p className="hint">
          {t('openid4vc.signInLink')} <code>{started.authorizationUrl}</code>
        </p>
      )}
      <ErrorNote error={action.error ?? failed} />
    </>
  )
}
