import { PDFDocument, StandardFonts } from 'pdf-lib'

import { euros, type SampleStatement } from './statements'

export interface StatementPdfOptions {
  bank: string
  /** Extra bytes embedded as a file attachment of the PDF: tests use it to make a large document. */
  appendix?: Uint8Array
}

/** A real PDF of a statement, with its lines as text (pdf-lib, standard Helvetica, A4). */
export async function statementPdf(statement: SampleStatement, options: StatementPdfOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(`${options.bank} statement ${statement.period}`)
  pdf.setProducer('Custos sample bank')
  // Fixed dates keep the same statement the same bytes, so its digest is stable.
  const date = new Date(`${statement.period}-28T12:00:00Z`)
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const page = pdf.addPage([595, 842])
  let y = 790
  const write = (text: string, size = 10, face = font) => {
    page.drawText(text, { x: 50, y, size, font: face })
    y -= size + 8
  }
  write(`${options.bank} - account statement ${statement.period}`, 16, bold)
  if (statement.accountHolders) write(`Account holders: ${statement.accountHolders.join(', ')}`)
  else write(`Account holder: ${statement.accountHolder}`)
  write(`IBAN: ${statement.iban}`)
  write(`Opening balance: ${euros(statement.openingBalance)}`)
  y -= 8
  for (const line of statement.lines) write(`${line.date}   ${line.description.padEnd(40)} ${euros(line.amount)}`)
  y -= 8
  write(`Closing balance: ${euros(statement.closingBalance)}`, 11, bold)
  write('Sample data generated for the Custos demo; not a real account.', 8)
  if (options.appendix) {
    await pdf.attach(options.appendix, 'appendix.bin', { mimeType: 'application/octet-stream', creationDate: date })
  }
  return pdf.save()
}
