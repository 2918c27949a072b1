/**
 * Entra's provisioning service, without the `aadOptscim062020` flag, sends booleans in PATCH as
 * strings (`{"op":"Replace","path":"active","value":"False"}`), which SCIMMY rightly rejects as a
 * type error. A demo target is meant to accept what real clients send, so string booleans for
 * `active` are turned into booleans before SCIMMY sees the message. Source: Microsoft Learn,
 * "Known issues and resolutions with SCIM 2.0 protocol compliance" (application-provisioning-config-problem-scim-compatibility).
 */

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const lower = value.toLowerCase()
  return lower === 'true' ? true : lower === 'false' ? false : value
}

/** Returns the PatchOp message with `active` string booleans replaced; other bodies are returned as they are. */
export function normaliseEntraPatch(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || !Array.isArray((body as { Operations?: unknown }).Operations)) return body
  const message = body as { Operations: unknown[] }
  return {
    ...message,
    Operations: message.Operations.map((operation) => {
      if (operation === null || typeof operation !== 'object') return operation
      const { path, value } = operation as { path?: unknown; value?: unknown }
      if (typeof path === 'string' && path.toLowerCase() === 'active') return { ...operation, value: toBoolean(value) }
      if (path === undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) =>
          [key, key.toLowerCase() === 'active' ? toBoolean(inner) : inner] as const)
        return { ...operation, value: Object.fromEntries(entries) }
      }
      return operation
    }),
  }
}
