/**
 * Saving an export (plan or run) as a file through the browser's own download: a Blob URL on an
 * `<a download>`. Works the same in the browser host and in Electron, with no file-system access
 * from the renderer.
 */

export type ExportFormat = 'csv' | 'json'

const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
}

/**
 * A safe file name for a download: main's suggestion without folders or characters Windows refuses,
 * ending in the format's extension; `fallbackStem` (plus the extension) when nothing usable is left.
 */
export function downloadFileName(suggested: string, format: ExportFormat, fallbackStem = 'headcount-export'): string {
  const base = suggested.split(/[\\/]/).pop() ?? ''
  const stem = base
    .replace(/\.(csv|json)$/i, '')
    // Control characters and the ones Windows forbids in file names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"|?*]+/g, '-')
    .replace(/^[-.\s]+|[-.\s]+$/g, '')
  return `${stem === '' ? fallbackStem : stem}.${format}`
}

/** The Blob type of a format; CSV says UTF-8 so Excel reads names with diacritics correctly. */
export function mimeTypeOf(format: ExportFormat): string {
  return MIME_TYPES[format]
}

/** Hands the text to the browser as a download. */
export function downloadFile(fileName: string, text: string, format: ExportFormat): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeTypeOf(format) }))
  const link = document.createElement('a')
  link.href = url
  link.download = downloadFileName(fileName, format)
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next turn: the click has handed the Blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
