/**
 * msal-node's token cache kept in the SecretStore (reference/electron-msal-graph.md §1.5, option B):
 * the serialised cache holds refresh tokens, so it is never written in clear. One key per profile,
 * `profile/<id>/msal-cache`, so deleting a profile's secrets signs it out too.
 */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node'
import { profileSecretPrefix } from '../secrets/profile-secret-keys'
import type { SecretStore } from '../secrets/secret-store'

/** The SecretStore key of a profile's MSAL cache. */
export function msalCacheKey(profileId: string): string {
  return `${profileSecretPrefix(profileId)}msal-cache`
}

/** Loads the cache before MSAL reads it and saves it after MSAL changed it. */
export function createSecretStoreCachePlugin(store: SecretStore, key: string): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const serialised = await store.get(key)
      if (serialised !== null) context.tokenCache.deserialize(serialised)
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (context.cacheHasChanged) await store.set(key, context.tokenCache.serialize())
    },
  }
}
