import * as client from 'openid-client';

/** Single sign-on with OpenID Connect (LOKET_OIDC_*; docs/officers.md). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the officer back; by default the server's own …/oidc/callback. */
  redirectUrl?: string | undefined;
  /** The claim naming the Loket username for an account not linked yet (default `preferred_username`). */
  usernameClaim: string;
  scope: string;
}

/** What a sign-in in progress keeps in its short-lived cookie (state, PKCE verifier, nonce, redirect). */
interface Flow {
  state: string;
  verifier: string;
  nonce: string;
  redirect: string;
}

export const flowCookie = 'loket_oidc';
export const flowPath = '/v1/officer/session/oidc';

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The relying party: authorization code flow with PKCE (S256), state and nonce, through
 * openid-client. The provider's metadata is discovered on first use (and again after a failure).
 * Plain http is allowed only for a provider on this machine (a development or test provider).
 */
export class OidcClient {
  private config: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  private configuration(): Promise<client.Configuration> {
    this.config ??= (async () => {
      const issuer = new URL(this.settings.issuer);
      const insecure = issuer.protocol === 'http:' && loopback.has(issuer.hostname);
      return client.discovery(
        issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    })().catch((error: unknown) => {
      this.config = undefined;
      throw error;
    });
    return this.config;
  }

  /** The provider's authorization URL for a new sign-in, and the flow to keep in the cookie. */
  async start(defaultRedirect: string): Promise<{ url: URL; flow: string }> {
    const config = await this.configuration();
    const redirect = this.settings.redirectUrl ?? defaultRedirect;
    const flow: Flow = {
      state: client.randomState(),
      verifier: client.randomPKCECodeVerifier(),
      nonce: client.randomNonce(),
      redirect,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirect,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url, flow: Buffer.from(JSON.stringify(flow)).toString('base64url') };
  }

  /**
   * The ID token's claims after the provider sent the officer back with `query`, checked against
   * the flow's state, nonce and PKCE verifier (openid-client also checks the token's issuer,
   * audience, signature and times). Throws on any mismatch.
   */
  async finish(query: string, flowValue: string | undefined): Promise<Record<string, unknown>> {
    const flow = parseFlow(flowValue);
    if (!flow) throw new Error('no sign-in in progress in this browser (the flow cookie is missing)');
    const config = await this.configuration();
    const current = new URL(flow.redirect);
    current.search = query;
    const tokens = await client.authorizationCodeGrant(
      config,
      current,
      {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      },
      { redirect_uri: flow.redirect },
    );
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider returned no ID token');
    return claims as Record<string, unknown>;
  }
}

function parseFlow(value: string | undefined): Flow | null {
  if (!value || value.length > 2000) return null;
  try {
    const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Flow>;
    const ok = [flow.state, flow.verifier, flow.nonce, flow.redirect].every((v) => typeof v === 'string');
    return ok ? (flow as Flow) : null;
  } catch {
    return null;
  }
}

/** The flow cookie: HttpOnly, 10 minutes, only sent to the sign-in routes; Lax, so the provider's redirect back carries it. */
export function flowSetCookie(value: string, secure: boolean): string {
  return `${flowCookie}=${value}; Path=${flowPath}; HttpOnly; SameSite=Lax; Max-Age=600${secure ? '; Secure' : ''}`;
}

export function flowClearCookie(secure: boolean): string {
  return `${flowCookie}=; Path=${flowPath}; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

type Env = Record<string, string | undefined>;

/** LOKET_OIDC_*: undefined (no single sign-on) unless the issuer is set; then the client id and secret must be. */
export function oidcFromEnv(env: Env): OidcSettings | undefined {
  const issuer = env.LOKET_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const clientId = env.LOKET_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.LOKET_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new Error(
      'LOKET_OIDC_ISSUER is set: LOKET_OIDC_CLIENT_ID and LOKET_OIDC_CLIENT_SECRET must be set too',
    );
  }
  const url = new URL(issuer);
  if (url.protocol !== 'https:' && !loopback.has(url.hostname)) {
    throw new Error(`LOKET_OIDC_ISSUER must be an https:// URL (got "${issuer}")`);
  }
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl: env.LOKET_OIDC_REDIRECT_URL || undefined,
    usernameClaim: env.LOKET_OIDC_USERNAME_CLAIM || 'preferred_username',
    scope: env.LOKET_OIDC_SCOPE || 'openid profile email',
  };
}
