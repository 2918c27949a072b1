/**
 * A pull in a process of its own, for the kill -9 spec: reads its settings from the
 * PULL_CHILD_INPUT variable, pulls into the given cache and prints one JSON line per progress
 * report (`{"pages": n, "users": n}`), each after the pages it counts were committed.
 */
import { createClientCredentialsTokenProvider } from '../../../src-main/services/auth/client-credentials-token-provider'
import { GraphClientReader } from '../../../src-main/services/graph/graph-client-reader'
import { createTrustedFetch } from '../../../src-main/services/net/trusted-fetch'
import { pullDirectory } from '../../../src-main/services/pull/pull-directory'
import { openProfileDatabase } from '../../../src-main/services/store/profile-database'

export interface PullChildInput {
  readonly graphBaseUrl: string
  readonly authorityHost: string
  readonly tenantId: string
  readonly caCertificatePem: string
  readonly clientId: string
  readonly clientSecret: string
  readonly dataDir: string
  readonly profileId: string
}

const input = JSON.parse(process.env.PULL_CHILD_INPUT ?? '{}') as PullChildInput
const trusted = createTrustedFetch({ caCertificates: [input.caCertificatePem] })
const tokenProvider = createClientCredentialsTokenProvider({
  tenantId: input.tenantId,
  clientId: input.clientId,
  credential: { kind: 'secret', clientSecret: input.clientSecret },
  authorityHost: input.authorityHost,
  caCertificates: [input.caCertificatePem],
})
const reader = new GraphClientReader({ graphBaseUrl: input.graphBaseUrl, tokenProvider, fetch: trusted.fetch })
const database = openProfileDatabase(input.dataDir, input.profileId)
const finished = await pullDirectory({
  profileId: input.profileId,
  reader,
  database,
  progressIntervalMs: 0,
  onProgress: (progress) => process.stdout.write(`${JSON.stringify({ pages: progress.pages, users: progress.users })}\n`),
})
process.stdout.write(`${JSON.stringify({ finished })}\n`)
database.close()
await tokenProvider.close()
await trusted.close()
