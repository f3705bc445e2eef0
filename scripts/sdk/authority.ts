/**
 * `npm run sdk:authority`: Tramite as the authority of the official clients, unmodified, over HTTPS.
 * Each step prints one JSON line; SDK_STEPS (comma-separated) picks them:
 * - identity-graph: @azure/identity ClientSecretCredential (authorityHost = Tramite) + the Graph
 *   client lists the partner's GDAP relationships (TENANT_ID, CLIENT_ID, CLIENT_SECRET).
 * - msal-confidential: @azure/msal-node acquireTokenByClientCredential with the secret, twice:
 *   trusting the host through knownAuthorities, and through Tramite's own instance discovery.
 * - msal-certificate: the same with a certificate (CERT_PEM, KEY_PEM).
 * - msal-interactive: a public client (PUBLIC_CLIENT_ID) signs in with auth code + PKCE: prints
 *   {"step":"authUrl"} for a browser to follow; then, with the refresh token, a token in Rossi's
 *   tenant (ROSSI_TENANT_ID) with which @azure/arm-support files a ticket (ROSSI_SUBSCRIPTION);
 *   then waits for a line on stdin (the relationship ended) and asks again: refused, with a reason.
 * - msal-device: the device code flow (prints {"step":"deviceCode"}, waits for a person to approve).
 *
 * Start the server with TRAMITE_TLS=dev, then: NODE_EXTRA_CA_CERTS=data/tls/cert.pem npm run sdk:authority
 */
import { createInterface } from 'node:readline'
import { X509Certificate } from 'node:crypto'
import { ClientSecretCredential } from '@azure/identity'
import { MicrosoftSupport } from '@azure/arm-support'
import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AuthenticationResult,
} from '@azure/msal-node'
import { Client } from '@microsoft/microsoft-graph-client'
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js'

const url = new URL(process.env.TRAMITE_URL ?? 'https://localhost:3443')
const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}
const log = (step: string, data: Record<string, unknown>) => console.log(JSON.stringify({ step, ...data }))
const claims = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>
const stdin = createInterface({ input: process.stdin })
const nextLine = () => new Promise<string>((resolve) => stdin.once('line', resolve))
const steps = (process.env.SDK_STEPS ?? 'identity-graph,msal-confidential').split(',')

if (steps.includes('identity-graph')) {
  const credential = new ClientSecretCredential(env('TENANT_ID'), env('CLIENT_ID'), env('CLIENT_SECRET'), {
    authorityHost: url.origin,
    // MSAL would ask login.microsoftonline.com to vouch for the host; Tramite is its own cloud
    disableInstanceDiscovery: true,
  })
  const graph = Client.initWithMiddleware({
    baseUrl: url.origin,
    defaultVersion: 'v1.0',
    customHosts: new Set([url.hostname]),
    authProvider: new TokenCredentialAuthenticationProvider(credential, {
      scopes: ['https://graph.microsoft.com/.default'],
    }),
  })
  const page = (await graph.api('/tenantRelationships/delegatedAdminRelationships').get()) as {
    value: { displayName: string }[]
  }
  const token = await credential.getToken('https://graph.microsoft.com/.default')
  log('identity-graph', { relationships: page.value.length, claims: claims(token.token) })
}

const authority = (tenant: string) => `${url.origin}/${tenant}`

if (steps.includes('msal-confidential')) {
  const known = new ConfidentialClientApplication({
    auth: {
      clientId: env('CLIENT_ID'),
      authority: authority(env('TENANT_ID')),
      clientSecret: env('CLIENT_SECRET'),
      knownAuthorities: [url.host],
    },
  })
  const a = await known.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
  // the other way: Tramite's instance discovery, given to MSAL as its cloud discovery metadata
  const discovery = await fetch(
    `${url.origin}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${authority('common')}/oauth2/v2.0/authorize`)}`,
  )
  const discovered = new ConfidentialClientApplication({
    auth: {
      clientId: env('CLIENT_ID'),
      authority: authority(env('TENANT_ID')),
      clientSecret: env('CLIENT_SECRET'),
      cloudDiscoveryMetadata: await discovery.text(),
    },
  })
  const b = await discovered.acquireTokenByClientCredential({
    scopes: ['https://graph.microsoft.com/.default'],
  })
  log('msal-confidential', {
    knownAuthorities: claims(a!.accessToken),
    instanceDiscovery: claims(b!.accessToken),
  })
}

if (steps.includes('msal-certificate')) {
  const cert = env('CERT_PEM')
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: env('CLIENT_ID'),
      authority: authority(env('TENANT_ID')),
      clientCertificate: {
        thumbprintSha256: new X509Certificate(cert).fingerprint256.replace(/:/g, ''),
        privateKey: env('KEY_PEM'),
        x5c: cert,
      },
      knownAuthorities: [url.host],
    },
  })
  const result = await app.acquireTokenByClientCredential({
    scopes: ['https://graph.microsoft.com/.default'],
  })
  log('msal-certificate', { claims: claims(result!.accessToken) })
}

const publicClient = () =>
  new PublicClientApplication({
    auth: {
      clientId: env('PUBLIC_CLIENT_ID'),
      authority: authority('organizations'),
      knownAuthorities: [url.host],
    },
  })

if (steps.includes('msal-interactive')) {
  const pca = publicClient()
  const signedIn: AuthenticationResult = await pca.acquireTokenInteractive({
    scopes: ['https://management.azure.com/.default'],
    loginHint: 'anna@fabrikam.example',
    openBrowser: async (authUrl) => log('authUrl', { url: authUrl }),
    successTemplate: 'Signed in: you can close this window.',
  })
  log('signedIn', {
    account: signedIn.account?.username,
    claims: claims(signedIn.accessToken),
    idToken: claims(signedIn.idToken),
  })
  const rossi = env('ROSSI_TENANT_ID')
  const atRossi = await pca.acquireTokenSilent({
    account: signedIn.account!,
    scopes: ['https://management.azure.com/.default'],
    authority: authority(rossi),
  })
  log('rossiToken', { claims: claims(atRossi.accessToken) })
  const support = new MicrosoftSupport(
    { getToken: async () => ({ token: atRossi.accessToken, expiresOnTimestamp: Date.now() + 3_000_000 }) },
    env('ROSSI_SUBSCRIPTION'),
    { endpoint: url.origin, retryOptions: { maxRetries: 0 } },
  )
  const services = []
  for await (const s of support.services.list()) services.push(s)
  const vm = services.find((s) => s.displayName === 'Virtual Machine running Windows')!
  const classifications = []
  for await (const c of support.problemClassifications.list(vm.name!)) classifications.push(c)
  const ticket = await support.supportTickets.beginCreateAndWait(
    `msal-${Date.now()}`,
    {
      serviceId: vm.id!,
      problemClassificationId: classifications[0]!.id!,
      title: 'VM unreachable (filed through MSAL)',
      description: 'Filed with a token the MSAL refresh token gave in the customer tenant.',
      severity: 'minimal',
      contactDetails: {
        firstName: 'Anna',
        lastName: 'Moretti',
        preferredContactMethod: 'email',
        primaryEmailAddress: 'anna@fabrikam.example',
        preferredTimeZone: 'W. Europe Standard Time',
        country: 'ita',
        preferredSupportLanguage: 'it-IT',
      },
    },
    { updateIntervalInMs: 200 },
  )
  log('ticket', { name: ticket.name, status: ticket.status })
  log('waiting', { for: 'the relationship to end' })
  await nextLine()
  try {
    await pca.acquireTokenSilent({
      account: signedIn.account!,
      scopes: ['https://management.azure.com/.default'],
      authority: authority(rossi),
      forceRefresh: true,
    })
    log('refused', { refused: false })
  } catch (error) {
    const e = error as { errorCode?: string; errorMessage?: string; subError?: string }
    log('refused', { refused: true, errorCode: e.errorCode, errorMessage: e.errorMessage })
  }
}

if (steps.includes('msal-device')) {
  const pca = publicClient()
  const result = await pca.acquireTokenByDeviceCode({
    scopes: ['https://api.partnercenter.microsoft.com/.default'],
    deviceCodeCallback: (response) =>
      log('deviceCode', {
        userCode: response.userCode,
        verificationUri: response.verificationUri,
        message: response.message,
      }),
  })
  log('deviceToken', { account: result!.account?.username, claims: claims(result!.accessToken) })
}

stdin.close()
