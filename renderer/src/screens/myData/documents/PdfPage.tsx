import { useTranslation } from 'react-i18next'
import { useEffect, useRef, useState } from 'react'

import { ErrorNote } from '../../../components/Notice'
import type { PDFDocumentProxy } from './pdfDocument'

/** CSS pixels per PDF point: an A4 page is about 700 px wide, readable in the app's column. */
const SCALE = 1.2

/**
 * One page drawn to a canvas by pdf.js, with its text beside it: the canvas is a picture to a screen
 * reader, so the words on the page are given as text too.
 */
export function PdfPage({ pdf, pageNumber, label }: { pdf: PDFDocumentProxy; pageNumber: number; label: string }) {
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  // Kept with the page it belongs to: until the new page is drawn, the old page's picture and words
  // must not be offered under the new page's name.
  const [drawnPage, setDrawnPage] = useState<{ pdf: PDFDocumentProxy; pageNumber: number; text: string }>()
  const [error, setError] = useState<string>()
  const drawn = drawnPage?.pdf === pdf && drawnPage.pageNumber === pageNumber
  const text = drawn ? drawnPage.text : undefined

  useEffect(() => {
    let cancelled = false
    let cancelRender: (() => void) | undefined
    setError(undefined)
    void (async () => {
      try {
        const page = await pdf.getPage(pageNumber)
        const target = canvas.current
        if (cancelled || !target) return
        // Drawn at the screen's pixel density, shown at CSS size, so text stays sharp on a HiDPI display.
        const ratio = window.devicePixelRatio || 1
        const viewport = page.getViewport({ scale: SCALE })
        target.width = Math.floor(viewport.width * ratio)
        target.height = Math.floor(viewport.height * ratio)
        target.style.width = `${Math.floor(viewport.width)}px`
        target.style.aspectRatio = `${viewport.width} / ${viewport.height}`
        const task = page.render({
          canvas: target,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        })
        cancelRender = () => task.cancel()
        await task.promise
        const content = await page.getTextContent()
        if (cancelled) return
        setDrawnPage({ pdf, pageNumber, text: content.items.map((item) => ('str' in item ? item.str : '')).join(' ') })
      } catch (failure) {
        // A newer page replaced this one: pdf.js cancels the old drawing, which is no failure.
        if (cancelled || (failure as { name?: string }).name === 'RenderingCancelledException') return
        setError(`Page ${pageNumber} cannot be drawn: ${(failure as Error).message}.`)
      }
    })()
    return () => {
      cancelled = true
      cancelRender?.()
    }
  }, [pdf, pageNumber])

  return (
    <div className="pdf-page">
      <canvas ref={canvas} role="img" aria-label={label} data-drawn={drawn ? 'yes' : 'no'} />
      <ErrorNote error={error} />
      {text !== undefined && (
        <details>
          <summary>{t('documents.text', { page: pageNumber })}</summary>
          <p data-testid="pdf-page-text">{text}</p>
        </details>
      )}
    </div>
  )
}
