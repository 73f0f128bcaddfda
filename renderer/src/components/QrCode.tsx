import { useTranslation } from 'react-i18next'
import { create } from 'qrcode'
import { useMemo } from 'react'

/**
 * The QR code as SVG built from the module matrix: no data: URL and no injected markup, so it
 * renders under the strict Content-Security-Policy of both the desktop window and the web bridge.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation()
  const drawn = useMemo(() => {
    try {
      const { modules } = create(text, { errorCorrectionLevel: 'L' })
      let path = ''
      for (let row = 0; row < modules.size; row++) {
        for (let col = 0; col < modules.size; col++) {
          if (modules.data[row * modules.size + col]) path += `M${col + 4} ${row + 4}h1v1h-1z`
        }
      }
      return { size: modules.size + 8, path }
    } catch {
      return undefined
    }
  }, [text])

  if (!drawn) return <p className="hint">{t('connections.qrTooLong')}</p>
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={drawn.size} height={drawn.size} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  )
}
