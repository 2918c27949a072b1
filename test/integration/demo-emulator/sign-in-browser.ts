/**
 * A tiny "browser" for the emulator's sign-in pages: it reads forms out of the HTML and submits them
 * the way a browser would (hidden inputs, the clicked button's name/value, ticked checkboxes). Tests
 * use it to walk the real pages without JavaScript — which the pages must support anyway.
 */

export interface HtmlForm {
  /** Absolute URL the form posts to. */
  readonly action: string
  readonly id: string | null
  /** Hidden inputs and pre-filled values. */
  readonly fields: Readonly<Record<string, string>>
  /** Names of all inputs (any type). */
  readonly inputNames: readonly string[]
  readonly buttons: readonly { readonly name: string | null; readonly value: string | null; readonly label: string }[]
}

export interface PageResponse {
  readonly status: number
  readonly url: string
  readonly html: string
  readonly headers: Headers
}

export type FetchFunction = typeof globalThis.fetch

/** Decodes the entities our pages produce (`&#NN;`) and the common named ones. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return match?.[1] !== undefined ? decodeEntities(match[1]) : null
}

/** Every `<form>` of the page. */
export function parseForms(html: string, pageUrl: string): HtmlForm[] {
  const forms: HtmlForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, openTag = '', inner = ''] = match
    const fields: Record<string, string> = {}
    const inputNames: string[] = []
    for (const input of inner.matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0]
      const name = attribute(tag, 'name')
      if (!name) continue
      inputNames.push(name)
      const type = attribute(tag, 'type') ?? 'text'
      const value = attribute(tag, 'value')
      if (type !== 'checkbox' && value !== null) fields[name] = value
    }
    const buttons = [...inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)].map((button) => ({
      name: attribute(button[1] ?? '', 'name'),
      value: attribute(button[1] ?? '', 'value'),
      label: decodeEntities((button[2] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()),
    }))
    forms.push({ action: new URL(attribute(openTag, 'action') ?? pageUrl, pageUrl).toString(), id: attribute(openTag, 'id'), fields, inputNames, buttons })
  }
  return forms
}

/** GET a page (no redirects followed, like inspecting the network tab). */
export async function getPage(fetch: FetchFunction, url: string): Promise<PageResponse> {
  const response = await fetch(url, { redirect: 'manual' })
  return { status: response.status, url, html: await response.text(), headers: response.headers }
}

/** Submits `form` with extra values, e.g. a typed password or the clicked button's name/value. */
export async function submitForm(fetch: FetchFunction, form: HtmlForm, values: Readonly<Record<string, string>> = {}): Promise<PageResponse> {
  const response = await fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, ...values }).toString(),
    redirect: 'manual',
  })
  return { status: response.status, url: form.action, html: await response.text(), headers: response.headers }
}

export interface SignInChoices {
  readonly username: string
  readonly password?: string
  /** Tick "Consent on behalf of your organisation" on the consent page. */
  readonly consentForOrganisation?: boolean
  /** What to press on the consent page; default accept. */
  readonly decision?: 'accept' | 'decline'
}

/** Where a sign-in ended: the form_post to the app, or another page (consent refused, error …). */
export type SignInOutcome =
  | { readonly kind: 'form-post'; readonly action: string; readonly fields: Readonly<Record<string, string>>; readonly page: PageResponse }
  | { readonly kind: 'redirect'; readonly location: string; readonly page: PageResponse }
  | { readonly kind: 'page'; readonly page: PageResponse }

/**
 * Walks account picker → password → (consent) → form_post page, pressing what a user would press.
 * Stops at the first page it does not recognise and returns it.
 */
export async function signInThroughPages(fetch: FetchFunction, startUrl: string, choices: SignInChoices): Promise<SignInOutcome> {
  let page = await getPage(fetch, startUrl)
  for (let step = 0; step < 6; step++) {
    if (page.status >= 300 && page.status < 400) return { kind: 'redirect', location: page.headers.get('location') ?? '', page }
    const forms = parseForms(page.html, page.url)
    const formPost = forms.find((form) => form.id === 'form-post')
    if (formPost) return { kind: 'form-post', action: formPost.action, fields: formPost.fields, page }
    const picker = forms.find((form) => form.fields.action === 'choose-account' && form.inputNames.includes('username') && form.buttons.every((button) => button.name !== 'username'))
    const password = forms.find((form) => form.fields.action === 'sign-in')
    const consent = forms.find((form) => form.fields.action === 'consent' && form.buttons.some((button) => button.value === 'accept'))
    if (password) {
      page = await submitForm(fetch, password, { password: choices.password ?? 'demo' })
    } else if (picker) {
      page = await submitForm(fetch, picker, { username: choices.username })
    } else if (consent) {
      const decision = choices.decision ?? 'accept'
      page = await submitForm(fetch, consent, { decision, ...(choices.consentForOrganisation ? { consent_for_organisation: 'on' } : {}) })
    } else {
      return { kind: 'page', page }
    }
  }
  return { kind: 'page', page }
}
