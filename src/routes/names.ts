/**
 * The name heuristics of the route rules (docs/route-hygiene.md#rules): which jsonData keys look like secrets, which header, query parameter and body
 * property names look like credentials; and `q`, the quoting of values in route messages.
 */

const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'apikey',
  'apitoken',
  'privatekey',
  'accesstoken',
  'authtoken',
  'bearertoken',
  'refreshtoken',
  'sessiontoken',
];
const SECRET_KEY_EXACT = new Set(['token', 'pwd', 'pass']);
const NOT_SECRET_SUFFIXES = [
  'url',
  'uri',
  'endpoint',
  'path',
  'file',
  'filename',
  'name',
  'id',
  'type',
  'header',
  'headername',
  'field',
  'param',
  'enabled',
  'set',
  'configured',
  'mode',
  'expiry',
  'expires',
  'ttl',
  'length',
  'version',
];
const CREDENTIAL_NAMES = new Set([
  'apikey',
  'xapikey',
  'apitoken',
  'xapitoken',
  'token',
  'accesstoken',
  'authtoken',
  'xauthtoken',
  'privatetoken',
  'xauthkey',
  'authkey',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'key',
]);

/** A value quoted for a message, cut to 80 characters. */
export function q(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}

function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Route-rule heuristic (docs/route-hygiene.md#rules): does a jsonData key look like a secret? */
export function isSecretLookingKey(key: string): boolean {
  const n = normalizeName(key);
  if (NOT_SECRET_SUFFIXES.some((s) => n.endsWith(s))) return false;
  return SECRET_KEY_EXACT.has(n) || SECRET_KEY_PARTS.some((p) => n.includes(p));
}

/** Route-rule heuristic (docs/route-hygiene.md#rules): is a header or query parameter name credential-like? */
export function isCredentialLikeName(name: string): boolean {
  return CREDENTIAL_NAMES.has(normalizeName(name));
}
