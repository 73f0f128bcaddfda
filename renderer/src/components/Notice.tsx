// Feedback lines: errors are announced at once (role=alert); progress and success politely (role=status).

export function ErrorNote({ error }: { error: string | undefined }) {
  if (!error) return null
  return (
    <p role="alert" className="note note-error">
      {error}
    </p>
  )
}

export function Progress({ busy, children }: { busy: boolean; children: string }) {
  if (!busy) return null
  return (
    <p role="status" className="note note-progress">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  )
}

export function Done({ text }: { text: string | undefined }) {
  if (!text) return null
  return (
    <p role="status" className="note note-done">
      {text}
    </p>
  )
}
