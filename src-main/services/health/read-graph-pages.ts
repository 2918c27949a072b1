/**
 * Walks a Graph collection page by page through `@odata.nextLink`
 * (https://learn.microsoft.com/graph/paging: follow the link as given, until there is none).
 */
import { AppError } from '../../common/errors'
import type { GraphPage } from '../graph/graph-types'
import type { GraphGetter } from './graph-getter'

/** Yields each page's items in order. */
export async function* readGraphPages<T>(graph: GraphGetter, firstPath: string, signal?: AbortSignal): AsyncGenerator<readonly T[]> {
  const seen = new Set<string>()
  let path: string | undefined = firstPath
  while (path !== undefined) {
    // A link that comes round again would page for ever: that is a broken answer, not more data.
    if (seen.has(path)) {
      throw new AppError({ code: 'RemoteError', message: 'Microsoft Graph sent the same next page link twice; Headcount stopped reading.' })
    }
    seen.add(path)
    const page: GraphPage<T> = await graph.getJson<GraphPage<T>>(path, signal)
    yield page.value
    path = page['@odata.nextLink']
  }
}
