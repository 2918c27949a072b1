/**
 * Target group names from a template such as `Cards - {department} - {officeLocation}`: each
 * `{field}` is replaced by the group's display value for that field.
 */
import type { RuleDiagnostic } from '../scoping/rule-diagnostic'

const PLACEHOLDER = /\{([^{}]*)\}/g

/** The default template: the fields' values joined with " - ". */
export function defaultNameTemplate(fields: readonly string[]): string {
  return fields.map((field) => `{${field}}`).join(' - ')
}

/** Diagnostics for placeholders that name no grouping field (they would print literally otherwise). */
export function validateNameTemplate(template: string, fields: readonly string[]): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = []
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!
    if (!fields.includes(name)) {
      diagnostics.push({
        code: 'UnknownPlaceholder',
        severity: 'error',
        message: `{${name}} in the name template is not one of the grouping fields.`,
        hint: fields.length > 0 ? `Use one of ${fields.map((field) => `{${field}}`).join(', ')}.` : 'Add the field to the grouping first.',
        path: { field: name },
      })
    }
  }
  return diagnostics
}

/** The template with each `{field}` replaced; unknown placeholders stay as written. */
export function renderNameTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole))
}
