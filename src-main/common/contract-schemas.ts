/**
 * Argument schemas for every contract method. Both hosts (Electron IPC and the browser bridge)
 * validate with these before anything reaches the API implementation.
 */
import { z } from 'zod'
import type { AreaName } from './contract'
import { USER_COLUMNS } from './directory'

const empty = z.object({}).strict()
const profileId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'a profile id is letters, digits, - and _')
const byProfile = z.object({ profileId }).strict()

export const CONTRACT_SCHEMAS = {
  app: { info: empty },
  profiles: { list: empty, openDemo: empty },
  pull: { start: byProfile, cancel: byProfile, status: byProfile },
  directory: {
    summary: byProfile,
    queryUsers: z
      .object({
        profileId,
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1000),
        sortBy: z.enum(USER_COLUMNS as unknown as [string, ...string[]]).optional(),
        sortDirection: z.enum(['asc', 'desc']).optional(),
      })
      .strict(),
    getUser: z.object({ profileId, userId: z.string().min(1).max(200) }).strict(),
  },
} as const satisfies { [A in AreaName]: Record<string, z.ZodType> }
