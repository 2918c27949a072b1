/**
 * The role the health check needs from Microsoft Graph: "GET this and give me the JSON". Small on
 * purpose, so tests can answer with a fake and the API area stays free of HTTP.
 */
export interface GraphGetter {
  /**
   * GETs `path` — relative to the Graph service root with its version (`/servicePrincipals?$select=…`)
   * or an absolute `@odata.nextLink` from an earlier answer — and returns the parsed body.
   * Rejects with an `AppError` (src-main/common/errors.ts) on expected failures: `Forbidden` naming
   * the missing permission, `Unauthorized`, `NotFound`, `TooManyRequests`, `NetworkError`, `Cancelled` …
   */
  getJson<T>(path: string, signal?: AbortSignal): Promise<T>
}
