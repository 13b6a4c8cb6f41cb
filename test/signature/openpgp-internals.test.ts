/**
 * The parts of OpenPGP.js that src/signature/check-signature.ts relies on beyond its documented API. openpgp is
 * pinned to an exact version in package.json; when an upgrade changes one of these, this test fails naming the
 * internal, before any verdict silently changes. Each check mirrors a use in check-signature.ts:
 * - `new SignaturePacket().read(body, config)` parses a signature packet body (not in the type declarations);
 * - the fields it then overwrites exist on a parsed packet: `issuerKeyID`, `signedHashValue`, `unknownSubpackets`,
 *   `rawNotations`, `revocationKeyClass`;
 * - `LiteralDataPacket#setBytes(bytes, enums.literal.binary)` (not in the type declarations);
 * - `SignaturePacket#verify(key, type, data, null, detached, config)`: a `null` date skips the time checks, and a bad
 *   signature throws exactly "Signature verification failed";
 * - `Key#directSignatures` (not in the type declarations);
 * - the config keys spread into its permissive config.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/run-action.js';

type ReadablePacket = { read(bytes: Uint8Array, config: openpgp.Config): void };
type LiteralWithSetBytes = { setBytes(bytes: Uint8Array, format: openpgp.enums.literal): void };

const PERMISSIVE: openpgp.Config = {
  ...openpgp.config,
  rejectHashAlgorithms: new Set(),
  rejectMessageHashAlgorithms: new Set(),
  rejectPublicKeyAlgorithms: new Set(),
  rejectCurves: new Set(),
  minRSABits: 0,
};
const NO_DATE = null as unknown as Date;
const DATA = new TextEncoder().encode('{"plugin":"myorg-demo-panel"}');

/** Fails with a message naming the OpenPGP.js internal check-signature.ts relies on. */
function requireInternal(ok: boolean, internal: string): void {
  if (!ok) {
    throw new Error(
      `openpgp ${openpgp.config.versionString}: ${internal} changed; src/signature/check-signature.ts relies on it. ` +
        'Adapt check-signature.ts to the new openpgp, or keep the version pinned in package.json.',
    );
  }
}

let key: openpgp.PrivateKey;
let body: Uint8Array;

beforeAll(async () => {
  ({ privateKey: key } = await openpgp.generateKey({
    userIDs: [{ name: 'internals', email: 'internals@example.com' }],
    format: 'object',
  }));
  // A signature dated a day ahead: check-signature.ts applies go-crypto's time rules itself, so verify must not.
  const signature = await openpgp.sign({
    message: await openpgp.createMessage({ binary: DATA }),
    signingKeys: key,
    detached: true,
    format: 'object',
    date: new Date(Date.now() + 86_400_000),
  });
  body = signature.packets[0].write();
});

/** A signature packet prepared exactly as check-signature.ts prepares it. */
function prepared(bytes = body): openpgp.SignaturePacket {
  const packet = new openpgp.SignaturePacket();
  (packet as unknown as ReadablePacket).read(bytes, PERMISSIVE);
  const loose = packet as unknown as Record<string, unknown>;
  loose.issuerKeyID = key.keyPacket.getKeyID();
  loose.unknownSubpackets = [];
  loose.rawNotations = [];
  loose.revocationKeyClass = null;
  return packet;
}

function literal(bytes: Uint8Array): openpgp.LiteralDataPacket {
  const packet = new openpgp.LiteralDataPacket();
  (packet as unknown as LiteralWithSetBytes).setBytes(bytes, openpgp.enums.literal.binary);
  return packet;
}

describe('OpenPGP.js internals used by check-signature.ts', () => {
  it('is the exact version package.json pins', () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const installed = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, 'node_modules/openpgp/package.json'), 'utf8'),
    ) as { version: string };
    expect(pkg.dependencies.openpgp, 'openpgp must be pinned to an exact version').toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.dependencies.openpgp);
  });

  it('SignaturePacket#read parses a packet body, with the fields check-signature.ts overwrites', () => {
    const proto = openpgp.SignaturePacket.prototype as unknown as Record<string, unknown>;
    requireInternal(typeof proto.read === 'function', 'SignaturePacket.prototype.read(bytes, config)');
    const packet = new openpgp.SignaturePacket();
    (packet as unknown as ReadablePacket).read(body, PERMISSIVE);
    const fields = packet as unknown as Record<string, unknown>;
    for (const field of ['issuerKeyID', 'signedHashValue', 'unknownSubpackets', 'rawNotations', 'revocationKeyClass']) {
      requireInternal(field in fields, `SignaturePacket field "${field}"`);
    }
    requireInternal(fields.signedHashValue instanceof Uint8Array, 'SignaturePacket.signedHashValue (Uint8Array)');
    requireInternal(Array.isArray(fields.unknownSubpackets), 'SignaturePacket.unknownSubpackets (array)');
    requireInternal(Array.isArray(fields.rawNotations), 'SignaturePacket.rawNotations (array)');
    expect(packet.signatureType).toBe(openpgp.enums.signature.binary);
  });

  it('LiteralDataPacket#setBytes exists', () => {
    const proto = openpgp.LiteralDataPacket.prototype as unknown as Record<string, unknown>;
    requireInternal(typeof proto.setBytes === 'function', 'LiteralDataPacket.prototype.setBytes(bytes, format)');
  });

  it('SignaturePacket#verify with a null date checks the arithmetic only, and says "Signature verification failed"', async () => {
    const packet = prepared();
    let error: unknown;
    try {
      await packet.verify(key.keyPacket, packet.signatureType!, literal(DATA), NO_DATE, true, PERMISSIVE);
    } catch (e) {
      error = e;
    }
    requireInternal(
      error === undefined,
      `SignaturePacket.prototype.verify(key, type, data, null date, detached, config) accepting a good signature dated in the future (threw: ${String(error)})`,
    );

    // The hash tag still matches (check-signature.ts checks it itself); the signature value does not.
    const forged = body.slice();
    forged[forged.length - 3] ^= 1;
    const failure = await prepared(forged)
      .verify(key.keyPacket, packet.signatureType!, literal(DATA), NO_DATE, true, PERMISSIVE)
      .then(() => null)
      .catch((e: Error) => e.message);
    requireInternal(failure === 'Signature verification failed', `the message of a failed verify (got ${failure})`);
  });

  it('Key#directSignatures and the config keys exist', () => {
    requireInternal(
      Array.isArray((key as unknown as { directSignatures?: unknown }).directSignatures),
      'Key.directSignatures (array)',
    );
    for (const name of [
      'rejectHashAlgorithms',
      'rejectMessageHashAlgorithms',
      'rejectPublicKeyAlgorithms',
      'rejectCurves',
      'minRSABits',
    ]) {
      requireInternal(name in openpgp.config, `config.${name}`);
    }
  });
});
