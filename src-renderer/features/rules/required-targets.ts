/**
 * Which target attributes the application requires (issue 4: "mandatory target attributes are
 * locked … and configurable per target"). The set lives in `MappingSet.mandatoryTargets`; each
 * mapping row's `isMandatory` mirrors it so the row is locked. Both are changed together here.
 */
import type { MappingSet } from '../../../src-main/common'

/** The mapping with exactly `required` as its mandatory targets, rows flagged to match. */
export function withRequiredTargets(mapping: MappingSet, required: readonly string[]): MappingSet {
  const keys = new Set(required.map(pathKey))
  return {
    mandatoryTargets: [...new Set(required)],
    mappings: mapping.mappings.map((row) => {
      const isMandatory = keys.has(pathKey(row.targetPath))
      return row.isMandatory === isMandatory ? row : { ...row, isMandatory }
    }),
  }
}

/** The mapped target paths an admin can mark as required, in the mapping's order, without repeats. */
export function requirableTargets(mapping: MappingSet): readonly string[] {
  const seen = new Set<string>()
  const paths: string[] = []
  for (const row of mapping.mappings) {
    const key = pathKey(row.targetPath)
    if (row.targetPath.trim() === '' || seen.has(key)) continue
    seen.add(key)
    paths.push(row.targetPath)
  }
  return paths
}

/** Whether `path` is among the mandatory targets, in any spelling of letter case. */
export function isRequiredTarget(mapping: MappingSet, path: string): boolean {
  const key = pathKey(path)
  return mapping.mandatoryTargets.some((target) => pathKey(target) === key)
}

// SCIM attribute names and schema URNs are case-insensitive (RFC 7643 §2.1); spaces are not meaningful.
function pathKey(path: string): string {
  return path.replace(/\s+/g, ' ').trim().toLowerCase()
}
