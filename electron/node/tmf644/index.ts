// TMF644 Privacy Management: a company's data list read from its API, the person's answer posted back.
export { Tmf644Api } from './Tmf644Api'
export { Tmf644Module } from './Tmf644Module'
export { Tmf644Service } from './Tmf644Service'
export { readSpecification, type ReadSpecification } from './readSpecification'
export { TMF_PURPOSES } from './tmfPurposes'
