/**
 * The role every Graph caller depends on: "give me a bearer token for Graph". Implementations are by
 * technology (msal-node client credentials, msal-node interactive/silent, a fixed token in tests).
 */
export interface AccessTokenProvider {
  /**
   * Returns a valid access token, from cache when possible. Rejects with an `AppError`
   * (src-main/common/errors.ts) on expected failures: `Unauthorized`, `NetworkError`, `Cancelled` …
   */
  getAccessToken(signal?: AbortSignal): Promise<string>
}
