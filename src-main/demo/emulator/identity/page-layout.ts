/**
 * The frame of every sign-in page: Microsoft-like styling, a strict Content-Security-Policy and HTML
 * escaping. The pages work without JavaScript; the only script is the form_post auto-submit, which
 * runs under a per-response nonce.
 */
import { randomBytes } from 'node:crypto'

export interface PageSecurity {
  /** Nonce for the page's one `<style>` and (optionally) one `<script>`. */
  readonly nonce: string
  /** The Content-Security-Policy header value. */
  readonly contentSecurityPolicy: string
}

/**
 * A fresh nonce and the policy that goes with it. `formTargets` are the origins forms may post to
 * besides the page's own (the app's loopback redirect URI).
 */
export function createPageSecurity(formTargets: readonly string[] = []): PageSecurity {
  const nonce = randomBytes(18).toString('base64')
  const formAction = ["'self'", ...formTargets].join(' ')
  return {
    nonce,
    contentSecurityPolicy: [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      'img-src data:',
      `form-action ${formAction}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
  }
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

export interface PageContent {
  readonly title: string
  /** Already-escaped HTML for inside the card. */
  readonly body: string
  /** Already-escaped HTML under the card (e.g. the demo password notice). */
  readonly footer?: string
  /** Script source run under the nonce; omit for script-free pages. */
  readonly script?: string
}

/** Wraps page content in the document, styled after Microsoft's sign-in pages. */
export function renderPage(content: PageContent, security: PageSecurity): string {
  const script = content.script ? `<script nonce="${security.nonce}">${content.script}</script>` : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(content.title)}</title>
<style nonce="${security.nonce}">${STYLES}</style>
</head>
<body>
<main class="card">
<div class="brand"><span class="logo" aria-hidden="true"><i></i><i></i><i></i><i></i></span><span>Headcount demo tenant</span></div>
${content.body}
</main>
<p class="notice">${content.footer ?? 'Emulated Microsoft sign-in running on this computer. Nothing is sent to Microsoft.'}</p>
${script}
</body>
</html>`
}

const STYLES = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;
background:#f2f2f2;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;color:#1b1b1b}
.card{width:440px;max-width:calc(100vw - 24px);background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.2);padding:44px;min-height:300px}
.brand{display:flex;align-items:center;gap:8px;font-size:15px;color:#5e5e5e;margin-bottom:16px}
.logo{display:inline-grid;grid-template-columns:9px 9px;gap:2px}.logo i{display:block;width:9px;height:9px}
.logo i:nth-child(1){background:#f25022}.logo i:nth-child(2){background:#7fba00}.logo i:nth-child(3){background:#00a4ef}.logo i:nth-child(4){background:#ffb900}
h1{font-size:24px;font-weight:600;margin:0 0 12px}
p{font-size:15px;line-height:1.45;margin:0 0 12px}
.identity{font-size:15px;margin-bottom:12px}
label{display:block;font-size:15px;margin:12px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;font-size:15px;padding:6px 0;border:0;border-bottom:1px solid #666;outline:none}
input[type=text]:focus,input[type=email]:focus,input[type=password]:focus{border-bottom-color:#0067b8}
.accounts{list-style:none;padding:0;margin:0 0 16px}
.accounts button{display:block;width:100%;text-align:left;background:none;border:0;border-top:1px solid #e6e6e6;padding:12px 4px;font:inherit;cursor:pointer}
.accounts button:hover{background:#f2f2f2}.accounts small{display:block;color:#5e5e5e}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:24px}
.primary,.secondary{min-width:108px;padding:6px 12px;font:inherit;font-size:15px;border:1px solid transparent;cursor:pointer}
.primary{background:#0067b8;color:#fff}.primary:hover{background:#005da6}
.secondary{background:#ccc;color:#000}.secondary:hover{background:#b3b3b3}
.error{color:#e81123;font-size:15px;margin:8px 0}
.permissions{padding-left:20px;font-size:15px}.permissions li{margin:6px 0}
.checkbox{display:flex;gap:8px;align-items:flex-start;font-size:15px;margin-top:16px}
.hint{background:#f2f8fd;border-left:3px solid #0067b8;padding:8px 12px;font-size:14px}
.notice{font-size:12px;color:#5e5e5e;margin-top:16px}
`
