import { type ComponentType, lazy } from 'react'

/**
 * A page loaded on first visit (route-level code splitting): its code is a chunk of its own that
 * the browser fetches when the route is opened, so the first page downloads only what it shows.
 * The app shell's <Suspense> shows a spinner meanwhile.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as M[K]
}
