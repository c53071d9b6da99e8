import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID Connect provider (oidc-provider) on this machine, with its own login and consent
// pages: for the desk's single sign-on in Chromium (packages/demo/test/desk-sso.test.ts).

export interface TestIdp {
  issuer: string;
  /** Registers the Loket server's callback and starts answering. */
  serve(callbackUrl: string): void;
  close(): Promise<void>;
}

export const idpClient = { clientId: 'loket', clientSecret: 'a client secret for the test' };

/** Listens at once (the issuer is needed to start Loket); `users` maps sub → the claims it gives. */
export async function startIdp(users: Record<string, Record<string, unknown>>): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    serve(callbackUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: idpClient.clientId,
            client_secret: idpClient.clientSecret,
            redirect_uris: [callbackUrl],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: { openid: ['sub'], profile: ['preferred_username'] },
        conformIdTokenClaims: false,
        cookies: { keys: ['a cookie key for the test'] },
        findAccount: async (_ctx, sub) =>
          users[sub] ? { accountId: sub, claims: async () => ({ sub, ...users[sub] }) } : undefined,
      });
      server.on('request', provider.callback());
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
