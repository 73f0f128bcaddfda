// The method names of the API contract, kept free of zod so the sandboxed preload can bundle them
// cheaply. tests/unit/apiMethods.test.ts checks they match the contract's schemas one to one.
export const apiMethodNames = [
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'selfDeclared.list',
  'selfDeclared.put',
  'selfDeclared.remove',
  'connections.createInvitation',
  'connections.acceptInvitation',
  'connections.list',
  'connections.setRole',
  'connections.remove',
  'mediation.status',
  'mediation.useMediator',
  'mediation.listRecipients',
  'mediation.removeRecipient',
] as const
