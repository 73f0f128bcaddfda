// The company agents of tests and the demo: plain Credo 0.5 agents, each on its own Askar store,
// talking DIDComm over HTTP on 127.0.0.1 only.
export { startCompanyAgent, type CompanyAgent, type CompanyAgentOptions } from './companyAgent'
export {
  bankAccountClaims,
  CREDENTIAL_CONTEXTS,
  identityClaims,
  incomeClaims,
  type Claims,
  type CredentialKind,
} from './credentialTemplates'
export { demoPrivateKey } from './demoKeys'
export { eitherPath, fullMortgageRequest, identityRequest } from './identityRequest'
export { Issuer, type OfferOptions } from './Issuer'
export { Lender } from './Lender'
export { judgePresentation, type DisclosedCredential, type PresentationOutcome } from './presentationOutcome'
export { checkDocuments, type ReceivedDocument } from './documentCheck'
export { DocumentAttachingCredentialProtocol, type IssuedDocument } from './DocumentAttachingCredentialProtocol'
export {
  mortgageDefinition,
  mortgageTerms,
  mortgageWithStatements,
  statementDescriptors,
  termsComment,
} from './mortgageRequest'
export { statementAttachmentId, statementClaims, statementDocument, type StatementClaims } from './statementCredential'
export { jointStatement, offerJointStatement, type JointCopy, type OfferedJointStatement } from './jointStatement'
export { homePolicyClaims, INSURER_NAME, offerHomePolicy, policyYearEnd } from './insurancePolicy'
export { statementPdf, type StatementPdfOptions } from './statementPdf'
export { euros, lastMonths, sampleStatement, type SampleStatement, type StatementLine } from './statements'
export { ageOn, samplePerson, type SamplePerson } from './sampleData'
export { newCertificateAuthority, type CertificateAuthority, type ServerCertificate } from './certificateAuthority'
export { DidWebHost } from './didWebHost'
export { didWebDocument, serveOwnDidWeb } from './ownDidWeb'
export { CITIZENSHIP_CONTEXTS, residentCardFor } from './residentCard'
export { accountClaims, DEMO_ACCOUNT_VCT, OpenId4VcBank } from './OpenId4VcBank'
export { LENDER_ASKS, OpenId4VcLender, type OpenId4VcOutcome } from './OpenId4VcLender'
export { homeInsuranceSpecification, policyRecordsSevenYears, withinOfferedValues } from './homeInsuranceSpecification'
export { Tmf644Insurer, TMF644_PATH, type InsurerRule, type PostedAgreement } from './Tmf644Insurer'
