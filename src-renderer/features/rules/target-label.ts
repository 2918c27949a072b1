/**
 * A SCIM target path as the pickers show it. Extension attributes carry their schema's URN
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`), which no column fits;
 * the picker shows `enterprise:department` and keeps the full path as the value and tooltip.
 */
export function targetLabel(path: string): string {
  const extension = /^urn:.*:extension:([^:]+):[^:]+:User:(.+)$/i.exec(path)
  return extension === null ? path : `${extension[1] ?? ''}:${extension[2] ?? ''}`
}
