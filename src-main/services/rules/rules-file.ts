/**
 * A profile's rules as a versioned JSON file (RulesFile, common/rules.ts): written by `exportFile`,
 * read back by `importFile`. A file from a newer Headcount, a file that is not a rules file, or one
 * whose rules are not in shape is refused with plain words (AppError `InvalidRules`).
 */
import { AppError } from '../../common/errors'
import { RULES_FILE_VERSION, type ProfileRules, type RulesFile } from '../../common/rules'
import { profileRulesSchema } from '../../common/contract-schemas'

export const RULES_FILE_FORMAT = 'headcount-rules'

export interface ParsedRulesFile {
  readonly rules: ProfileRules
  readonly profileName: string
  readonly exportedAt: string
}

/** The file's suggested name and pretty-printed text. */
export function writeRulesFile(rules: ProfileRules, profileName: string, exportedAt: Date): { fileName: string; text: string } {
  const file: RulesFile = { format: RULES_FILE_FORMAT, version: RULES_FILE_VERSION, exportedAt: exportedAt.toISOString(), profileName, rules }
  return { fileName: `${safeFileStem(profileName)}-rules.json`, text: `${JSON.stringify(file, null, 2)}\n` }
}

/** Letters, digits, "-" and "_" only (others become "-"), so the name is safe on every file system. */
export function safeFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return stem === '' ? 'profile' : stem
}

/** Reads a rules file's text; throws AppError `InvalidRules` saying what is wrong. */
export function readRulesFile(text: string): ParsedRulesFile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw invalid(`This file is not JSON (${error instanceof Error ? error.message : String(error)}).`, 'Choose a file exported by Headcount’s “Export rules”.')
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as Record<string, unknown>).format !== RULES_FILE_FORMAT) {
    throw invalid('This file is not a Headcount rules file.', 'Choose a file exported by Headcount’s “Export rules”; its “format” is “headcount-rules”.')
  }
  const file = data as Record<string, unknown>
  const version = file.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw invalid('This rules file has no valid format version.', 'Export the rules again with Headcount.')
  }
  if (version > RULES_FILE_VERSION) {
    throw invalid(
      `This rules file was written by a newer version of Headcount (format ${version}; this version reads up to ${RULES_FILE_VERSION}). Update Headcount to import it.`,
      'Update Headcount, or export the rules again from the version that has them.',
    )
  }
  const parsed = profileRulesSchema.safeParse(file.rules)
  if (!parsed.success) {
    const issues = parsed.error.issues
    const first = issues[0]
    const where = first === undefined ? 'rules' : describePath(['rules', ...first.path])
    throw invalid(
      `The rules in this file are not in the expected shape: at ${where}, ${lowerFirst(first?.message ?? 'the value is not valid')}${issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length === 2 ? '' : 's'})` : ''}.`,
      'The file may have been edited by hand; export the rules again with Headcount.',
    )
  }
  return {
    rules: parsed.data,
    profileName: typeof file.profileName === 'string' ? file.profileName : '',
    exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : '',
  }
}

/** `rules → scope → filters → 2 → clauses → 0 → operator`, with list positions counted from 1. */
function describePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `item ${part + 1}` : String(part))).join(' → ')
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text
}

function invalid(message: string, hint: string): AppError {
  return new AppError({ code: 'InvalidRules', message, hint })
}
