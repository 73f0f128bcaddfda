import { z } from 'zod'

// The parts of TMF644 Privacy Management resources the node reads, v4 (2019) and v5 field names both.
// TMF resources are extensible (@type, @baseType, @schemaLocation and fields of a subclass), so fields
// the node does not read are let through; every field it reads is typed and bounded.

const text = (max: number) => z.string().trim().min(1).max(max)

const timePeriodSchema = z.object({
  startDateTime: z.iso.datetime({ offset: true }).optional(),
  endDateTime: z.iso.datetime({ offset: true }).optional(),
})
export type TimePeriod = z.infer<typeof timePeriodSchema>

/** One value a characteristic may take (v4 SpecificationCharacteristicValue, v5 CharacteristicValueSpecification). */
const characteristicValueSchema = z.object({
  isDefault: z.boolean().optional(),
  // `Any` in the standard; a privacy choice or a retention is a scalar, anything else is not read.
  value: z.union([z.string().max(200), z.number().finite(), z.boolean()]).optional(),
  valueType: z.string().max(100).optional(),
  unitOfMeasure: z.string().max(50).optional(),
  validFor: timePeriodSchema.optional(),
})
export type CharacteristicValue = z.infer<typeof characteristicValueSchema>

const values = z.array(characteristicValueSchema).max(20)

export const specCharacteristicSchema = z
  .object({
    id: z.string().max(200).optional(),
    name: text(200),
    description: z.string().max(2000).optional(),
    /** Internal Purpose, External Purpose, Internal Retention, External Retention. */
    privacyType: text(100),
    /** ADMIN, INFORMATION, MARKETING, RESEARCH, or a name of the company's own. */
    privacyUsagePurpose: z.string().trim().max(100).optional(),
    criticalityLevel: z.string().max(50).optional(),
    allowedRole: z
      .array(z.object({ name: z.string().max(200).optional() }))
      .max(20)
      .optional(),
    partyPrivacyProfileSpecCharacteristicValue: values.optional(),
    characteristicValueSpecification: values.optional(),
    validFor: timePeriodSchema.optional(),
  })
  .transform(({ partyPrivacyProfileSpecCharacteristicValue, characteristicValueSpecification, ...rest }) => ({
    ...rest,
    values: partyPrivacyProfileSpecCharacteristicValue ?? characteristicValueSpecification ?? [],
  }))
export type SpecCharacteristic = z.output<typeof specCharacteristicSchema>

const characteristics = z.array(specCharacteristicSchema).min(1).max(100)

export const specificationSchema = z
  .object({
    id: text(120),
    href: z.string().max(1000).optional(),
    name: z.string().max(200).optional(),
    version: z.string().max(50).optional(),
    /** v4 `status`, v5 `lifecycleStatus`: In Design, Active, Rejected, Retired. */
    status: z.string().max(50).optional(),
    lifecycleStatus: z.string().max(50).optional(),
    partyPrivacyProfileSpecCharacteristic: characteristics.optional(),
    specCharacteristic: characteristics.optional(),
    validFor: timePeriodSchema.optional(),
  })
  .transform(({ partyPrivacyProfileSpecCharacteristic, specCharacteristic, status, lifecycleStatus, ...rest }) => ({
    ...rest,
    status: status ?? lifecycleStatus,
    characteristics: partyPrivacyProfileSpecCharacteristic ?? specCharacteristic ?? [],
  }))
export type Specification = z.output<typeof specificationSchema>

/** `GET /partyPrivacyProfileSpecification` answers a list; a single resource is taken as a list of one. */
export const specificationListSchema = z.union([z.array(specificationSchema).min(1).max(50), specificationSchema])

/** What a POST answers with 201: the created resource, of which the node reads its id and status. */
export const createdSchema = z.object({
  id: text(200),
  href: z.string().max(1000).optional(),
  status: z.string().max(50).optional(),
})

/** TMF's Error resource, on a 4xx or 5xx. */
export const tmfErrorSchema = z.object({
  code: z.union([z.string(), z.number()]),
  reason: text(500),
  message: z.string().max(1000).optional(),
})
