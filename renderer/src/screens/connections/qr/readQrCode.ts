import jsQR from 'jsqr'

/** Pictures larger than this are refused before they are decoded: a photo of a code is far smaller. */
const MAX_FILE_BYTES = 20 * 1024 * 1024
/** Decoding scans every pixel: a phone photo is scaled down to this longest side first. */
const MAX_SIDE = 1600

/** Why a picked image gave no text, in words a person understands. */
export class QrImageError extends Error {
  readonly code = 'QrImageUnreadable'
}

/**
 * The text of the QR code in an image file the person picked (a screenshot or a photo of an invitation).
 * The camera is not used: the app denies every permission request by design, so a file is the way in.
 * The file is read in this page only; nothing is uploaded.
 */
export async function readQrCode(file: Blob): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new QrImageError('This image is larger than 20 MB. Pick a smaller picture.')
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    throw new QrImageError('This file is not an image Custos can read. Pick a PNG or JPEG picture of the QR code.')
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  const width = Math.max(1, Math.round(bitmap.width * scale))
  const height = Math.max(1, Math.round(bitmap.height * scale))
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')
  if (!context) throw new QrImageError('This page cannot read images. Paste the invitation link instead.')
  // A transparent background would read as black: the code's dark modules would vanish into it.
  context.fillStyle = '#fff'
  context.fillRect(0, 0, width, height)
  context.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  const code = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'attemptBoth' })
  if (!code?.data) {
    throw new QrImageError(
      'No QR code was found in this image. Pick a sharper picture in which the whole code is visible.',
    )
  }
  return code.data
}
