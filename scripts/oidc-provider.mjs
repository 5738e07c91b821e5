// A real OpenID provider for govern's tests: Node's certified `oidc-provider` (installed into
// .cache/oidc by scripts/oidc.sh), on a loopback port only.
//
//   node scripts/oidc-provider.mjs CONFIG.json
//
// CONFIG.json (written by the pytest fixture in tests/identity/provider.py):
//   {"issuer": "http://localhost:PORT", "port": PORT, "jwks": {"keys": [private JWKs]},
//    "redirect_uris": [...], "post_logout_redirect_uris": [...]}
//
// Clients: `govern-web` (authorisation code, PKCE required, client_secret_basic), `service-desk`
// and `reviewer-bot` (client credentials, with app roles as Entra gives them to applications).
// Users sign in on the provider's own (development) login page: any password, a known login.
// Each user carries a `roles` claim, as Entra ID's app roles do.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, '.cache', 'oidc', 'package.json'));
const { default: Provider } = await import(require.resolve('oidc-provider'));

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

// The test users: an officer who asks for access, their manager, a reviewer for IT security, and
// someone whose login is not a valid govern name (the sign-in must be refused).
const USERS = {
  'alice.officer': { name: 'Alice Officer', roles: ['Govern.Requester'] },
  'mo.manager': { name: 'Mo Manager', roles: ['Govern.Requester', 'Govern.Manager'] },
  'rita.reviewer': { name: 'Rita Reviewer', roles: ['Govern.Reviewer.ITSecurity'] },
  'nora.noroles': { name: 'Nora Noroles', roles: [] },
  'bad name': { name: 'Bad Name', roles: ['Govern.Requester'] },
};

const API = 'api://govern';
const OTHER_API = 'api://another-app';

const provider = new Provider(config.issuer, {
  clients: [
    {
      client_id: 'govern-web',
      client_secret: 'govern-web-secret-for-tests-only',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: config.redirect_uris,
      post_logout_redirect_uris: config.post_logout_redirect_uris,
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      client_id: 'service-desk',
      client_secret: 'service-desk-secret-for-tests-only',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'api',
      roles: ['Govern.Requester'],
    },
    {
      client_id: 'reviewer-bot',
      client_secret: 'reviewer-bot-secret-for-tests-only',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'api',
      roles: ['Govern.Reviewer.ITSecurity'],
    },
  ],
  extraClientMetadata: { properties: ['roles'] },
  scopes: ['openid', 'profile', 'api'],
  jwks: config.jwks,
  cookies: { keys: ['a cookie key used only by the test provider'] },
  pkce: { required: () => true },
  conformIdTokenClaims: false, // the roles go in the ID token, as Entra ID puts them
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'roles'],
  },
  async findAccount(_ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: user.name, preferred_username: id.toUpperCase(), roles: user.roles };
      },
    };
  },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => API,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== API && resource !== OTHER_API) throw new Error('unknown resource');
        return { scope: 'api', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 300 };
      },
    },
  },
  async extraTokenClaims(ctx, token) {
    if (token.kind !== 'ClientCredentials') return undefined;
    const client = await ctx.oidc.provider.Client.find(token.clientId);
    return { roles: client.roles ?? [] };
  },
});

provider.on('server_error', (_ctx, error) => process.stderr.write(`server_error: ${error.stack}\n`));

// Loopback only: never reachable from another machine.
const server = provider.listen(config.port, '127.0.0.1', () => {
  process.stdout.write(`oidc-provider listening on ${config.issuer}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
