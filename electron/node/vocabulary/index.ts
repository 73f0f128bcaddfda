// Reference data the node reads and never writes: W3C DPV purposes and personal-data categories, and
// ISO 8601 durations. Below consent and the privacy profile, which both speak of it.
export { categoriesOf, shortTypeName } from './dataCategories'
export { durationDays, instantBefore } from './durations'
export { dpvPurposes, PurposeVocabulary } from './purposes'
