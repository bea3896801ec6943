// What handlers share (`ctx.h`): the replies and the JSON views of one request.
import { replies } from './replies.js'
import type { Replies } from './replies.js'
import type { FakeState } from './state.js'
import { views } from './views.js'
import type { Views } from './views.js'

export type Helpers = Replies & Views

export function helpers(
  state: FakeState,
  base: string,
  path: string,
  query: Record<string, string>
): Helpers {
  const h = {} as Helpers
  return Object.assign(h, replies(h, state, base, path, query), views(h, base))
}
