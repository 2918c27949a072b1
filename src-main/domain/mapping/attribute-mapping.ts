/**
 * The attribute-mapping model, after Entra's (customize-application-attributes): per SCIM target
 * attribute one mapping of type Direct, Constant, Expression or None, with an optional "default value
 * if null", "apply this mapping" (Always / Only during creation) and "match objects using this
 * attribute" with a precedence. Plus the default mapping of PRODUCT.md ("Attribute sync").
 */
import { ENTERPRISE_USER_SCHEMA } from './target-path'

/** Entra's four mapping types. */
export type MappingType = 'direct' | 'constant' | 'expression' | 'none'

/**
 * When a mapping flows. 'always' and 'creationOnly' are Entra's two choices. 'updateOnly' is
 * Headcount's own third value: PRODUCT.md's target takes `country` on update only (it rejects it in
 * the create request), which Entra cannot express and admins there work around by hand.
 */
export type ApplyOn = 'always' | 'creationOnly' | 'updateOnly'

export interface AttributeMapping {
  /** A SCIM target path (target-path.ts), e.g. `emails[type eq "work"].value`. */
  readonly targetPath: string
  readonly type: MappingType
  /** Direct: the source attribute name; constant: the text; expression: the expression; none: unused. */
  readonly source?: string
  /** Entra's "default value if null": sent when the mapping yields no value, on create only. */
  readonly defaultValue?: string | null
  readonly applyOn: ApplyOn
  /** "Match objects using this attribute"; lower precedence numbers are tried first. */
  readonly matching?: { readonly precedence: number } | null
  /** Locked in the editor: cannot be removed (mirrors `MappingSet.mandatoryTargets`). */
  readonly isMandatory: boolean
}

export interface MappingSet {
  readonly mappings: readonly AttributeMapping[]
  /** Target paths that must be mapped and must have a value on create; configurable per target. */
  readonly mandatoryTargets: readonly string[]
}

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
