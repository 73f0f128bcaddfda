import { useTranslation } from 'react-i18next'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'

import type { DocumentReference } from '../../../../../shared/api'
import { apiClient } from '../../../apiClient'
import { ErrorNote, Progress } from '../../../components/Notice'
import { errorText } from '../../../errorText'
import { PdfPage } from './PdfPage'
import { bytesOf, DocumentUnreadable, openPdf, type PDFDocumentProxy } from './pdfDocument'

/**
 * A document of a held credential, shown inside the app: the node checks the bytes against the digest
 * the issuer signed before handing them over, and pdf.js draws them here, with no other program involved.
 */
export function PdfViewer({
  credentialId,
  document,
  onClose,
}: {
  credentialId: string
  document: DocumentReference
  onClose(): void
}) {
  const { t } = useTranslation()
  const [pdf, setPdf] = useState<PDFDocumentProxy>()
  const [pageNumber, setPageNumber] = useState(1)
  const [error, setError] = useState<string>()
  const heading = useRef<HTMLHeadingElement>(null)
  const name = document.name ?? t('documents.aDocument')

  useEffect(() => {
    let opened: PDFDocumentProxy | undefined
    let cancelled = false
    void (async () => {
      try {
        if (document.mediaType !== 'application/pdf') {
          throw new DocumentUnreadable(`it is a ${document.mediaType} file, and only PDF files are shown here`, false)
        }
        const content = await apiClient()['credentials.getDocument']({
          id: credentialId,
          digestSRI: document.digestSRI,
        })
        opened = await openPdf(bytesOf(content.base64))
        if (cancelled) void opened.loadingTask.destroy()
        else setPdf(opened)
      } catch (failure) {
        if (!cancelled) setError(errorText(failure))
      }
    })()
    heading.current?.focus()
    return () => {
      cancelled = true
      void opened?.loadingTask.destroy()
    }
  }, [credentialId, document.digestSRI, document.mediaType])

  const pages = pdf?.numPages ?? 0
  const go = (to: number) => setPageNumber(Math.min(Math.max(to, 1), Math.max(pages, 1)))

  // The keys a person expects of a document viewer, once focus is anywhere inside it.
  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { PageDown: 1, ArrowRight: 1, PageUp: -1, ArrowLeft: -1 }
    if (event.key === 'Escape') return onClose()
    if (event.key === 'Home') go(1)
    else if (event.key === 'End') go(pages)
    else if (moves[event.key] && (event.target as HTMLElement).tagName !== 'SUMMARY') go(pageNumber + moves[event.key])
    else return
    event.preventDefault()
  }

  return (
    <section className="pdf-viewer" aria-label={t('documents.document', { name })} onKeyDown={onKeyDown}>
      <h4 ref={heading} tabIndex={-1}>
        {name}
      </h4>
      <Progress busy={!pdf && !error}>{t('documents.opening')}</Progress>
      <ErrorNote error={error} />
      {/* aria-disabled, not disabled: a button that turns disabled under the keyboard would drop focus. */}
      <div className="actions">
        {!error && (
          <div className="actions" role="group" aria-label={t('documents.pages')}>
            <button type="button" onClick={() => go(pageNumber - 1)} aria-disabled={!pdf || pageNumber <= 1}>
              {t('documents.previous')}
            </button>
            <span aria-live="polite">{pdf ? t('documents.page', { page: pageNumber, pages }) : ''}</span>
            <button type="button" onClick={() => go(pageNumber + 1)} aria-disabled={!pdf || pageNumber >= pages}>
              {t('documents.next')}
            </button>
          </div>
        )}
        <button type="button" onClick={onClose}>
          {t('documents.close', { name })}
        </button>
      </div>
      {pdf && (
        <PdfPage pdf={pdf} pageNumber={pageNumber} label={t('documents.pageOf', { page: pageNumber, pages, name })} />
      )}
    </section>
  )
}
