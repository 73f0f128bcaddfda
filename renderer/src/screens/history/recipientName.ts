// An OpenID4VP disclosure's recipient is recorded as the verifier's stated name and, in brackets, the client
// id its request proved (`Example Lender (decentralized_identifier:did:key:…)`), so the receipt names both.
// The screen shows the name and folds the identifier away; a label that merely has brackets
// ("Bank (Berlin)") holds no `prefix:value` identifier and is shown whole.
const TRAILING_ID = /^(.+?) \(([A-Za-z_]+:[^\s()]+)\)$/

export function recipientName(recipient: string): { name: string; technicalId?: string } {
  const match = TRAILING_ID.exec(recipient)
  return match ? { name: match[1], technicalId: match[2] } : { name: recipient }
}
