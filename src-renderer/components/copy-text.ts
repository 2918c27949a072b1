/** Copying text to the clipboard, in the Electron window and in a browser tab alike. */

/**
 * Copies `text`; resolves false when neither the Clipboard API (which needs a secure context or
 * permission) nor the older `execCommand('copy')` fallback worked, so the caller can say
 * "press Ctrl+C" instead.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // http://127.0.0.1 is a secure context, but a denied permission still lands here.
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  // Fixed at the top left: left at its natural place below the window, focusing it would scroll
  // the page even though the body does not scroll.
  area.style.position = 'fixed'
  area.style.top = '0'
  area.style.left = '0'
  area.style.opacity = '0'
  document.body.append(area)
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null
  area.select()
  try {
    // Deprecated, but still the only synchronous way in every Chromium; a fallback only.
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
    focused?.focus()
  }
}
