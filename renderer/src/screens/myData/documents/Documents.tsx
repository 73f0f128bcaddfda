import { useTranslation } from 'react-i18next'
import { lazy, Suspense, useState } from 'react'

import type { DocumentReference } from '../../../../../shared/api'
import { Progress } from '../../../components/Notice'

// pdf.js is large: it loads the first time a person opens a document, not with the app.
const PdfViewer = lazy(() => import('./PdfViewer').then((module) => ({ default: module.PdfViewer })))

/** The documents a credential binds (a statement's PDF), each opened inside the app on request. */
export function Documents({ credentialId, documents }: { credentialId: string; documents: DocumentReference[] }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<string>()
  if (documents.length === 0) return null
  const shown = documents.find((document) => document.digestSRI === open)

  return (
    <div className="documents">
      <ul className="inline-list" aria-label={t('documents.label')}>
        {documents.map((document) => (
          <li key={document.digestSRI}>
            <button
              type="button"
              aria-expanded={open === document.digestSRI}
              onClick={() => setOpen(open === document.digestSRI ? undefined : document.digestSRI)}
            >
              {t(open === document.digestSRI ? 'documents.hide' : 'documents.open', {
                name: document.name ?? t('documents.aDocument'),
              })}
            </button>
          </li>
        ))}
      </ul>
      {shown && (
        <Suspense fallback={<Progress busy>{t('documents.loadingViewer')}</Progress>}>
          <PdfViewer credentialId={credentialId} document={shown} onClose={() => setOpen(undefined)} />
        </Suspense>
      )}
    </div>
  )
}
