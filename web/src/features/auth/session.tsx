import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError, onUnauthenticated } from '../../shared/api/client.ts'
import {
  completeSecondFactor,
  fetchSession,
  type SecondFactorAnswer,
  type Session,
  signIn as signInRequest,
  signOut as signOutRequest,
  type SessionUser,
} from './api.ts'

type SessionState =
  | { status: 'loading'; user: null; error: null }
  // signedOut: the user just signed out here (so sign-in should not offer to return anywhere)
  // providerLogoutUrl: the organization's identity provider offers signing out there too
  | {
      status: 'ready'
      user: SessionUser | null
      error: null
      signedOut?: boolean
      providerLogoutUrl?: string | null
    }
  | { status: 'error'; user: null; error: ApiError }

export type SessionValue = SessionState & {
  /** The password step; answers the session (with `secondFactor` when the second step is due). */
  signIn: (email: string, password: string) => Promise<Session>
  secondFactor: (answer: SecondFactorAnswer) => Promise<void>
  signOut: () => Promise<void>
  retry: () => void
}

const SessionContext = createContext<SessionValue | null>(null)

/** Who is signed in, loaded once at start and kept in step with sign-in, sign-out and expiry. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading', user: null, error: null })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    fetchSession(controller.signal).then(
      (session) => setState({ status: 'ready', user: session.user, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error))
        setState({ status: 'error', user: null, error: apiError })
      },
    )
    return () => controller.abort()
  }, [attempt])

  // a request still in flight when the user signs out answers 401 afterwards: it must not wipe the
  // signed-out state (and with it the offer to sign out at the organization's provider)
  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((current) =>
          current.status === 'ready' && current.user === null
            ? current
            : { status: 'ready', user: null, error: null },
        ),
      ),
    [],
  )

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await signInRequest(email, password)
    if (session.user) setState({ status: 'ready', user: session.user, error: null })
    return session
  }, [])

  const secondFactor = useCallback(async (answer: SecondFactorAnswer) => {
    const session = await completeSecondFactor(answer)
    setState({ status: 'ready', user: session.user, error: null })
  }, [])

  const signOut = useCallback(async () => {
    let providerLogoutUrl: string | null = null
    try {
      providerLogoutUrl = await signOutRequest()
    } finally {
      setState({ status: 'ready', user: null, error: null, signedOut: true, providerLogoutUrl })
    }
  }, [])

  const retry = useCallback(() => {
    setState({ status: 'loading', user: null, error: null })
    setAttempt((n) => n + 1)
  }, [])

  const value = useMemo<SessionValue>(
    () => ({ ...state, signIn, secondFactor, signOut, retry }),
    [state, signIn, secondFactor, signOut, retry],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession needs a <SessionProvider> above it')
  return value
}

/** The signed-in user, for components rendered only behind <RequireSession>. */
export function useSignedInUser(): SessionUser {
  const { user } = useSession()
  if (!user) throw new Error('useSignedInUser used outside <RequireSession>')
  return user
}

/** Where to go after signing in: a path inside the portal, never another origin. */
export function safeReturnPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (next === '/signin' || next.startsWith('/signin?')) return '/'
  return next
}

/**
 * A `returnTo` target outside the portal's routes (the authority's /authorize, the device-code
 * page): a same-origin relative path only — anything else (another origin, `//host`, a scheme)
 * is refused and answers null, so sign-in falls back to `next`.
 */
export function safeReturnTo(returnTo: string | null): string | null {
  if (!returnTo || returnTo.length > 4096) return null
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return null
  if (returnTo.includes('\\') || [...returnTo].some((c) => c.charCodeAt(0) < 0x20)) return null
  try {
    const url = new URL(returnTo, window.location.origin)
    return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : null
  } catch {
    return null
  }
}
