/**
 * Why a user is in a target group, as data and in plain words.
 */
export type GroupingReason =
  | { readonly kind: 'allInOne'; readonly groupKey: string; readonly groupName: string }
  /** `values[i].text` is the user's own (tidied) value, null when the field has none. */
  | {
      readonly kind: 'byFields'
      readonly groupKey: string
      readonly displayName: string
      readonly values: readonly { readonly field: string; readonly text: string | null }[]
    }
  | { readonly kind: 'filterMatched'; readonly groupKey: string; readonly groupName: string; readonly filterName: string; readonly missedGroupNames: readonly string[] }
  | { readonly kind: 'otherwise'; readonly groupKey: string; readonly groupName: string; readonly missedGroupNames: readonly string[] }
  | { readonly kind: 'noGroupMatched'; readonly missedGroupNames: readonly string[] }

/** e.g. `department is “Sales” and officeLocation has no value → group “Cards - Sales - (no value)”`. */
export function describeGroupingReason(reason: GroupingReason): string {
  switch (reason.kind) {
    case 'allInOne':
      return `Everyone is in one group, “${reason.groupName}”.`
    case 'byFields': {
      const values = reason.values.map(({ field, text }) => (text === null ? `${field} has no value` : `${field} is “${text}”`))
      return `${values.join(' and ')} → group “${reason.displayName}”.`
    }
    case 'filterMatched':
      return `Matches filter “${reason.filterName}” of group “${reason.groupName}”${reason.missedGroupNames.length > 0 ? `, checked after ${quoted(reason.missedGroupNames)}` : ''}.`
    case 'otherwise':
      return `Matches none of the group filters${tried(reason.missedGroupNames)}, so goes to “${reason.groupName}”.`
    case 'noGroupMatched':
      return `Matches none of the group filters${tried(reason.missedGroupNames)} and there is no “otherwise” group, so is in no group.`
  }
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join(', ')
}

function tried(names: readonly string[]): string {
  return names.length === 0 ? '' : ` (${quoted(names)})`
}
