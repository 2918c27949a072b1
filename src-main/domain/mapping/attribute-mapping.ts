/**
 * The attribute-mapping model, after Entra's (customize-application-attributes): per SCIM target
 * attribute one mapping of type Direct, Constant, Expression or None, with an optional "default value
 * if null", "apply this mapping" (Always / Only during creation) and "match objects using this
 * attribute" with a precedence. Plus the default mapping of PRODUCT.md ("Attribute sync").
 */
import { ENTERPRISE_USER_SCHEMA } from './target-path'

import type { AttributeMapping, MappingSet, MappingType } from '../../common/rules'

// The shapes cross the contract (the renderer edits them), so they live in common/rules.ts.
export type { ApplyOn, AttributeMapping, MappingSet, MappingType } from '../../common/rules'

/** The target attributes PRODUCT.md locks: user name, first name, last name, active and e-mail. */
export const DEFAULT_MANDATORY_TARGETS: readonly string[] = ['userName', 'name.givenName', 'name.familyName', 'active', 'emails[type eq "work"].value']

/** The expression Headcount uses for `active` (PRODUCT.md: "Not(IsSoftDeleted) → active"). */
export const ACTIVE_EXPRESSION = 'Not([IsSoftDeleted])'

/**
 * The default mapping, exactly PRODUCT.md's table. `userName` is the matching attribute (Entra's
 * default for SCIM apps). `manager` flows the Entra object id of the manager; turning it into the
 * target's id is the planner's job (the manager must be provisioned first).
 */
export function defaultMappingSet(): MappingSet {
  const mandatory = new Set(DEFAULT_MANDATORY_TARGETS)
  const mapping = (targetPath: string, type: MappingType, source: string, extra: Partial<AttributeMapping> = {}): AttributeMapping => ({
    targetPath,
    type,
    source,
    applyOn: 'always',
    matching: null,
    isMandatory: mandatory.has(targetPath),
    ...extra,
  })
  return {
    mappings: [
      mapping('userName', 'direct', 'userPrincipalName', { matching: { precedence: 1 } }),
      mapping('emails[type eq "work"].value', 'direct', 'userPrincipalName'),
      mapping('name.givenName', 'direct', 'givenName'),
      mapping('name.familyName', 'direct', 'surname'),
      mapping('title', 'direct', 'jobTitle'),
      mapping(`${ENTERPRISE_USER_SCHEMA}:department`, 'direct', 'department'),
      mapping(`${ENTERPRISE_USER_SCHEMA}:manager`, 'direct', 'manager'),
      mapping('active', 'expression', ACTIVE_EXPRESSION),
      mapping('phoneNumbers[type eq "mobile"].value', 'direct', 'mobile'),
      mapping('phoneNumbers[type eq "work"].value', 'direct', 'telephoneNumber'),
      mapping('addresses[type eq "work"].country', 'direct', 'country', { applyOn: 'updateOnly' }),
    ],
    mandatoryTargets: DEFAULT_MANDATORY_TARGETS,
  }
}
