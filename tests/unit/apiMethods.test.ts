import { describe, expect, it } from 'vitest'

import { apiInputSchemas } from '../../shared/api'
import { apiMethodNames } from '../../shared/apiMethods'

describe('API method list', () => {
  it('names exactly the methods the contract has schemas for', () => {
    expect([...apiMethodNames].sort()).toEqual(Object.keys(apiInputSchemas).sort())
  })
})
