// The app database's tables, gathered from the capabilities that own them (drizzle-kit reads this file
// to generate migrations). The file is encrypted as a whole (SQLite3 Multiple Ciphers) with a key kept
// in the Askar store, so columns hold plaintext here.
export { selfDeclaredItems } from '../selfDeclared/selfDeclaredTable'
export { documents } from '../credentials/documents/documentsTable'
export { mediationQueue, mediationQueueRecipients } from '../mediation/mediator/queue/queueTable'
export { consentEvaluations, consentPolicies, consentPolicyVersions } from '../consent/consentTables'
export { disclosureNotices, disclosures } from '../disclosures/disclosureTables'
export { trustListEntries, trustLists } from '../trustLists/trustListTables'
export { heldCredentials } from '../credentials/heldIndex/heldIndexTable'
export { answeredNonces } from '../openid4vc/answeredNoncesTable'
export { privacyProfileVersions } from '../privacyProfile/privacyProfileTable'
export { dataAgreements } from '../agreements/agreementsTable'
export { mandateAsks, mandates } from '../mandates/mandateTables'
