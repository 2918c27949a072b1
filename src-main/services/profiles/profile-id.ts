/**
 * Profile ids are readable and safe as folder names: a slug of the name plus a short random suffix
 * (`contoso-sales-3f9a1c`), matching the contract's profile id rule (letters, digits, `-`, `_`).
 * The suffix keeps two profiles of the same name apart and makes a deleted id unlikely to come back.
 */

const MAXIMUM_SLUG_LENGTH = 40

/** Lower-case ASCII words of `name` joined by `-`; accents folded, anything else dropped. */
export function slugOfProfileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAXIMUM_SLUG_LENGTH)
    .replace(/-+$/, '')
  return slug.length > 0 ? slug : 'profile'
}

/** `<slug>-<suffix>`; `suffix` is a few random letters or digits from the caller's id source. */
export function createProfileId(name: string, suffix: string): string {
  return `${slugOfProfileName(name)}-${suffix.toLowerCase().replace(/[^a-z0-9]/g, '')}`
}
