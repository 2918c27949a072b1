/**
 * Saves text as a file through the browser's own download: a Blob URL on an `<a download>`. Works the
 * same in the browser host and in Electron (which shows its save dialog for downloads), with no
 * extra API method and no access to the file system from the renderer.
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next turn: the click has handed the Blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
