import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDetachedSignature } from '../../src/signature/check-signature.js';
import { decodeCleartext } from '../../src/signature/cleartext.js';
import { readArmoredPublicKeys, TrustedKeys, type TrustedKey } from '../../src/signature/keys.js';
import { isV2 } from '../../src/signature/manifest-json.js';
import { missingKeyMessage, readPluginManifest, type ManifestReading } from '../../src/signature/read-manifest.js';
import { describeShared, HAVE_SHARED, SHARED_MANIFESTS } from '../helpers/shared.js';

// ---------------------------------------------------------------------------------------------------------------
// Helpers: keys in the format grafana.com uses (ECDSA NIST P-521, v4) and clearsigning under our control.
// ---------------------------------------------------------------------------------------------------------------

interface TestKey {
  privateKey: openpgp.PrivateKey;
  keyId: string;
  trusted: TrustedKey;
}

async function makeKey(name: string): Promise<TestKey> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'nistP521',
    userIDs: [{ name, email: `${name.toLowerCase()}@example.com` }],
    format: 'object',
  });
  const [trusted] = await readArmoredPublicKeys(publicKey.armor(), 'input', `${name} test key`);
  return { privateKey, keyId: privateKey.getKeyID().toHex(), trusted };
}

type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'sha3_256' | 'sha3_512' | 'md5' | 'ripemd';

interface SignOptions {
  hash?: HashName;
  date?: Date;
  sigType?: 'text' | 'binary';
}

/** A detached OpenPGP signature packet over `data`, armored (with CRC). */
async function signDetached(key: TestKey, data: Uint8Array, opts: SignOptions = {}): Promise<string> {
  const packet = new openpgp.SignaturePacket();
  packet.signatureType = opts.sigType === 'binary' ? openpgp.enums.signature.binary : openpgp.enums.signature.text;
  packet.hashAlgorithm = openpgp.enums.hash[opts.hash ?? 'sha512'];
  packet.publicKeyAlgorithm = key.privateKey.keyPacket.algorithm;
  const literal = new openpgp.LiteralDataPacket();
  (literal as unknown as { setBytes(b: Uint8Array, f: openpgp.enums.literal): void }).setBytes(
    data,
    openpgp.enums.literal.binary,
  );
  // No salt notation: OpenPGP.js cannot size one for SHA-1/MD5/RIPEMD-160.
  const config = { ...openpgp.config, nonDeterministicSignaturesViaNotation: false };
  await (
    packet as unknown as { sign(k: unknown, d: unknown, date: Date, detached: boolean, c: unknown): Promise<void> }
  ).sign(key.privateKey.keyPacket, literal, opts.date ?? new Date(), true, config);
  const list = new openpgp.PacketList();
  list.push(packet);
  return openpgp.armor(openpgp.enums.armor.signature, list.write(), undefined, undefined, undefined, true);
}

/** go-crypto's view of a message line: `- ` removed, trailing spaces and tabs dropped. */
function unescapeLine(line: string): string {
  return (line.startsWith('- ') ? line.slice(2) : line).replace(/[ \t]+$/, '');
}

interface ClearsignOptions extends SignOptions {
  /** Line ending of the whole file. */
  eol?: '\n' | '\r\n';
  /** Text before the start marker (end it with a line break to be valid). */
  before?: string;
  /** Header lines between the start marker and the blank line. */
  headers?: string[];
  /** Who signs (defaults to the key whose ID is in the manifest). */
  signer?: TestKey;
}

/**
 * A cleartext-signed MANIFEST.txt built line by line: `lines` are written as given (so tests can put dash-escapes
 * and trailing spaces in), and the signature covers what go-crypto will see.
 */
async function clearsign(key: TestKey, lines: string[], opts: ClearsignOptions = {}): Promise<Buffer> {
  const eol = opts.eol ?? '\n';
  const signed = Buffer.from(lines.map(unescapeLine).join('\r\n'));
  const armored = await signDetached(opts.signer ?? key, signed, opts);
  const text =
    (opts.before ?? '') +
    ['-----BEGIN PGP SIGNED MESSAGE-----', ...(opts.headers ?? ['Hash: SHA512']), '', ...lines].join(eol) +
    eol +
    armored.replace(/\r?\n/g, eol);
  return Buffer.from(text);
}

function manifestLines(keyId: string, overrides: Record<string, unknown> = {}): string[] {
  const m = {
    manifestVersion: '2.0.0',
    signatureType: 'private',
    signedByOrg: 'myorg',
    signedByOrgName: 'My Org',
    rootUrls: ['http://localhost:3000/'],
    plugin: 'myorg-test-panel',
    version: '1.0.0',
    time: 1700000000000,
    keyId,
    files: { 'plugin.json': 'a'.repeat(64), 'module.js': 'b'.repeat(64) },
    ...overrides,
  };
  return JSON.stringify(m, null, 2).split('\n');
}

function failure(r: ManifestReading): { step: string; message: string } {
  if (r.ok) throw new Error(`expected a failure, got ok for ${r.manifest.plugin}`);
  return { step: r.step, message: r.message };
}

let alice: TestKey;
let bob: TestKey;
let keys: TrustedKeys;

beforeAll(async () => {
  alice = await makeKey('Alice');
  bob = await makeKey('Bob');
  keys = TrustedKeys.withEmbedded();
  keys.add(alice.trusted);
});

// ---------------------------------------------------------------------------------------------------------------
// The real manifests
// ---------------------------------------------------------------------------------------------------------------

describeShared('real MANIFEST.txt files against the embedded Grafana key', () => {
  const files = HAVE_SHARED ? readdirSync(SHARED_MANIFESTS).filter((f) => f.endsWith('MANIFEST.txt')) : [];
  const read = (f: string) =>
    readPluginManifest(readFileSync(path.join(SHARED_MANIFESTS, f)), TrustedKeys.withEmbedded());

  it('has the manifests the README lists', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'clock-panel-2.1.2.MANIFEST.txt',
        'googlesheets-v1.MANIFEST.txt',
        'clock-panel-2.1.2-edited-root-urls.bad-signature.MANIFEST.txt',
        'docs-example-simple-panel.bad-signature.MANIFEST.txt',
        'tencentcloud-monitor-app-2.9.1.commercial.MANIFEST.txt',
      ]),
    );
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  for (const file of files) {
    if (file.includes('.bad-signature.')) {
      it(`${file}: bad signature (invalid)`, async () => {
        const r = await read(file);
        expect(failure(r)).toEqual({
          step: 'signature',
          message: 'failed to check signature: openpgp: invalid signature: ECDSA verification failure',
        });
      });
    } else {
      it(`${file}: good signature by the Grafana key`, async () => {
        const r = await read(file);
        if (!r.ok) throw new Error(`${file}: ${r.step}: ${r.message}`);
        expect(r.key.keyId).toBe('7e4d0c6a708866e7');
        expect(r.key.source).toBe('embedded');
        expect(r.signature).toMatchObject({ ok: true, issuerKeyId: '7e4d0c6a708866e7', hashAlgorithm: 'SHA512' });
        expect(isV2(r.manifest)).toBe(file !== 'googlesheets-v1.MANIFEST.txt');
      });
    }
  }

  it('googlesheets v1 reads as a valid v1 manifest (v1 fields are not required here)', async () => {
    const r = await read('googlesheets-v1.MANIFEST.txt');
    if (!r.ok) throw new Error(r.message);
    expect(r.manifest.manifestVersion).toBe('');
    expect(r.manifest.signatureType).toBe('');
    expect(r.manifest.plugin).toBe('grafana-googlesheets-datasource');
    expect(r.manifest.time).toBe(1586817677115);
    expect(r.signature.created).toEqual(new Date('2020-04-13T22:41:17.000Z'));
  });

  it('clock-panel 2.1.2 decodes to the manifest grafana.com signed', async () => {
    const r = await read('clock-panel-2.1.2.MANIFEST.txt');
    if (!r.ok) throw new Error(r.message);
    expect(r.manifest).toMatchObject({
      manifestVersion: '2.0.0',
      signatureType: 'grafana',
      signedByOrg: 'grafana',
      signedByOrgName: 'Grafana Labs',
      plugin: 'grafana-clock-panel',
      version: '2.1.2',
      time: 1672825174657,
      keyId: '7e4d0c6a708866e7',
      rootUrls: [],
    });
    expect(r.manifest.files.get('plugin.json')).toBe(
      '8b27798514900749f5e167b83dcbf04d1fcf9d8743db991eca3e66f4de676d46',
    );
    expect(r.manifest.files.size).toBe(12);
    expect(r.block.hashHeaders).toEqual(['SHA512']);
  });

  it('a manifest signed by the Grafana key but naming another keyId is "missing public key"', async () => {
    const bytes = readFileSync(path.join(SHARED_MANIFESTS, 'clock-panel-2.1.2.MANIFEST.txt'));
    // keyId is not signed content we can change without breaking the signature, but the lookup comes first.
    const edited = Buffer.from(
      bytes.toString('latin1').replace('"keyId": "7e4d0c6a708866e7"', '"keyId": "7E4D0C6A708866E7"'),
      'latin1',
    );
    expect(failure(await readPluginManifest(edited, TrustedKeys.withEmbedded()))).toEqual({
      step: 'key',
      message: 'missing public key for ID 7E4D0C6A708866E7',
    });
  });

  it('with the signature time in the future of the clock, a real signature is "signature expired"', async () => {
    const bytes = readFileSync(path.join(SHARED_MANIFESTS, 'clock-panel-2.1.2.MANIFEST.txt'));
    const before = new Date('2023-01-04T09:39:33.000Z'); // one second before the signature
    expect(failure(await readPluginManifest(bytes, TrustedKeys.withEmbedded(), before))).toEqual({
      step: 'signature',
      message: 'failed to check signature: openpgp: signature expired',
    });
    const same = new Date('2023-01-04T09:39:34.999Z'); // Go compares whole seconds
    expect((await readPluginManifest(bytes, TrustedKeys.withEmbedded(), same)).ok).toBe(true);
  });

  it('property: one byte of the signed JSON changed (text still decodes, signed bytes differ) never reads ok', async () => {
    const bytes = readFileSync(path.join(SHARED_MANIFESTS, 'clock-panel-2.1.2.MANIFEST.txt'));
    const original = decodeCleartext(bytes)!;
    const start = bytes.indexOf('{');
    const end = bytes.indexOf('-----BEGIN PGP SIGNATURE-----');
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: start, max: end - 1 }),
        fc.integer({ min: 0, max: 255 }),
        async (pos, value) => {
          fc.pre(bytes[pos] !== value);
          const mutated = Buffer.from(bytes);
          mutated[pos] = value;
          const block = decodeCleartext(mutated);
          fc.pre(block !== null && !block.signedBytes.equals(original.signedBytes));
          checked++;
          const r = await readPluginManifest(mutated, TrustedKeys.withEmbedded());
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it('property: mutating the armored signature never throws and never verifies different signed bytes', async () => {
    const bytes = readFileSync(path.join(SHARED_MANIFESTS, 'docs-example-simple-panel.bad-signature.MANIFEST.txt'));
    const start = bytes.indexOf('-----BEGIN PGP SIGNATURE-----');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: start, max: bytes.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        async (pos, value) => {
          const mutated = Buffer.from(bytes);
          mutated[pos] = value;
          const r = await readPluginManifest(mutated, TrustedKeys.withEmbedded());
          expect(r.ok).toBe(false);
          if (!r.ok) expect(['decode', 'signature']).toContain(r.step);
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Cleartext shapes, with keys made here
// ---------------------------------------------------------------------------------------------------------------

describe('cleartext shapes Grafana accepts', () => {
  it('LF line endings', async () => {
    const r = await readPluginManifest(await clearsign(alice, manifestLines(alice.keyId)), keys);
    if (!r.ok) throw new Error(r.message);
    expect(r.manifest.plugin).toBe('myorg-test-panel');
    expect(r.key.label).toBe('Alice test key');
    expect(r.signature).toMatchObject({ ok: true, issuerKeyId: alice.keyId, hashAlgorithm: 'SHA512' });
  });

  it('CRLF line endings, a leading blank line (grafana.com output)', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { eol: '\r\n', before: '\r\n' });
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('\r\n--');
    const r = await readPluginManifest(bytes, keys);
    expect(r.ok).toBe(true);
  });

  it('text before the marker, ending in a line break', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { before: 'Signed by grafana.com\nsee below\n' });
    expect((await readPluginManifest(bytes, keys)).ok).toBe(true);
  });

  it('a dash-escaped line and trailing spaces and tabs (not signed)', async () => {
    const lines = manifestLines(alice.keyId, { extra: [-1] });
    const i = lines.indexOf('    -1');
    expect(i).toBeGreaterThan(0);
    lines[i] = '- -1';
    lines[1] = lines[1] + '  \t ';
    const bytes = await clearsign(alice, lines);
    expect(bytes.toString()).toContain('\n- -1\n');
    const r = await readPluginManifest(bytes, keys);
    if (!r.ok) throw new Error(r.message);
    expect(r.block.plaintext.toString()).toContain('\n-1\n');
    expect(r.block.signedBytes.toString()).not.toContain('\t');
  });

  it('a Hash header that disagrees with the signature hash still verifies', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { headers: ['Hash: SHA256'], hash: 'sha512' });
    const r = await readPluginManifest(bytes, keys);
    if (!r.ok) throw new Error(r.message);
    expect(r.block.hashHeaders).toEqual(['SHA256']);
    expect(r.signature.hashAlgorithm).toBe('SHA512');
  });

  it('no Hash header at all still verifies', async () => {
    const r = await readPluginManifest(await clearsign(alice, manifestLines(alice.keyId), { headers: [] }), keys);
    expect(r.ok).toBe(true);
  });

  it('OpenPGP.js cleartext output verifies as is', async () => {
    const text = manifestLines(alice.keyId).join('\n');
    const message = await openpgp.createCleartextMessage({ text });
    const signed = await openpgp.sign({ message, signingKeys: alice.privateKey });
    const r = await readPluginManifest(Buffer.from(signed), keys);
    expect(r.ok).toBe(true);
  });

  it('a binary (0x00) signature over the signed bytes verifies too', async () => {
    const r = await readPluginManifest(await clearsign(alice, manifestLines(alice.keyId), { sigType: 'binary' }), keys);
    expect(r.ok).toBe(true);
  });
});

describe('cleartext shapes Grafana rejects: "unable to decode manifest"', () => {
  const decodeFailure = { step: 'decode', message: 'unable to decode manifest' };

  it('a non-Hash armor header', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { headers: ['Hash: SHA512', 'Comment: hi'] });
    expect(failure(await readPluginManifest(bytes, keys))).toEqual(decodeFailure);
  });

  it('a UTF-8 BOM before the marker', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { before: '\uFEFF' });
    expect(failure(await readPluginManifest(bytes, keys))).toEqual(decodeFailure);
  });

  it('text after the marker on the same line', async () => {
    const good = await clearsign(alice, manifestLines(alice.keyId));
    const bad = Buffer.from(good.toString().replace('MESSAGE-----\n', 'MESSAGE----- x\n'));
    expect(failure(await readPluginManifest(bad, keys))).toEqual(decodeFailure);
  });

  it("fewer than 10 bytes are the caller's business (Grafana says unsigned first); here they do not decode", async () => {
    expect(failure(await readPluginManifest(Buffer.from('not signed'), keys))).toEqual(decodeFailure);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Keys and signature rules
// ---------------------------------------------------------------------------------------------------------------

describe('keys and signatures', () => {
  it('a keyId no trusted key has → missing public key', async () => {
    const bytes = await clearsign(bob, manifestLines(bob.keyId));
    expect(failure(await readPluginManifest(bytes, keys))).toEqual({
      step: 'key',
      message: missingKeyMessage(bob.keyId),
    });
    expect(missingKeyMessage(bob.keyId)).toBe(`missing public key for ID ${bob.keyId}`);
  });

  it('keyId lookup is exact: upper-case hex is another key', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId.toUpperCase()));
    expect(failure(await readPluginManifest(bytes, keys))).toEqual({
      step: 'key',
      message: `missing public key for ID ${alice.keyId.toUpperCase()}`,
    });
  });

  it("the manifest's keyId is trusted but another key signed → signature made by unknown entity", async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { signer: bob });
    expect(failure(await readPluginManifest(bytes, keys))).toEqual({
      step: 'signature',
      message: 'failed to check signature: openpgp: signature made by unknown entity',
    });
  });

  it('the key stored under the keyId is a different key → signature made by unknown entity', async () => {
    const mixed = TrustedKeys.embeddedOnly();
    mixed.add({ ...bob.trusted, keyId: alice.keyId });
    const bytes = await clearsign(alice, manifestLines(alice.keyId));
    expect(failure(await readPluginManifest(bytes, mixed))).toEqual({
      step: 'signature',
      message: 'failed to check signature: openpgp: signature made by unknown entity',
    });
  });

  it('a trusted key whose armor checksum is wrong still works (go-crypto does not check the CRC24)', async () => {
    const armored = alice.trusted.armored.replace(/^=[A-Za-z0-9+/]{4}$/m, '=AAAA');
    expect(armored).not.toBe(alice.trusted.armored);
    const trusted = TrustedKeys.embeddedOnly();
    trusted.add({ ...alice.trusted, armored });
    expect((await readPluginManifest(await clearsign(alice, manifestLines(alice.keyId)), trusted)).ok).toBe(true);
  });

  it('a trusted "key" that is not a key block → failed to parse public key', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId));
    const trusted = TrustedKeys.embeddedOnly();
    trusted.add({ ...alice.trusted, armored: decodeCleartext(bytes)!.armoredSignature.toString() });
    expect(failure(await readPluginManifest(bytes, trusted))).toEqual({
      step: 'key',
      message:
        'failed to parse public key: openpgp: invalid argument: expected public or private key block, got: PGP SIGNATURE',
    });
  });

  it('signed content changed after signing → ECDSA verification failure', async () => {
    const good = await clearsign(alice, manifestLines(alice.keyId));
    const bad = Buffer.from(good.toString().replace('"version": "1.0.0"', '"version": "1.0.1"'));
    expect(failure(await readPluginManifest(bad, keys))).toEqual({
      step: 'signature',
      message: 'failed to check signature: openpgp: invalid signature: ECDSA verification failure',
    });
  });

  it('a signature created in the future → signature expired; fine once the clock passes it', async () => {
    const future = new Date(Date.now() + 3600_000);
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { date: future });
    expect(failure(await readPluginManifest(bytes, keys))).toEqual({
      step: 'signature',
      message: 'failed to check signature: openpgp: signature expired',
    });
    const later = await readPluginManifest(bytes, keys, new Date(future.getTime() + 1000));
    expect(later.ok).toBe(true);
  });

  for (const [hash, name] of [
    ['sha1', 'SHA1'],
    ['sha224', 'SHA224'],
    ['sha256', 'SHA256'],
    ['sha384', 'SHA384'],
    ['sha3_256', 'SHA3-256'],
    ['sha3_512', 'SHA3-512'],
  ] as const) {
    it(`${name} signatures are accepted`, async () => {
      const r = await readPluginManifest(await clearsign(alice, manifestLines(alice.keyId), { hash }), keys);
      if (!r.ok) throw new Error(r.message);
      expect(r.signature.hashAlgorithm).toBe(name);
    });
  }

  for (const [hash, name] of [
    ['md5', 'MD5'],
    ['ripemd', 'RIPEMD160'],
  ] as const) {
    it(`${name} signatures are skipped by go-crypto → signature made by unknown entity`, async () => {
      const bytes = await clearsign(alice, manifestLines(alice.keyId), { hash });
      expect(failure(await readPluginManifest(bytes, keys))).toEqual({
        step: 'signature',
        message: 'failed to check signature: openpgp: signature made by unknown entity',
      });
      const block = decodeCleartext(bytes)!;
      const check = await checkDetachedSignature(block, alice.trusted);
      expect(check).toMatchObject({ ok: false, hashAlgorithm: name });
    });
  }

  it('a wrong v4 hash tag is ignored, as go-crypto ignores it below v5 (OpenPGP.js would reject it)', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId));
    const block = decodeCleartext(bytes)!;
    const signature = await openpgp.readSignature({ armoredSignature: block.armoredSignature.toString() });
    const packet = signature.packets[0];
    const body = Buffer.from(signature.write() as Uint8Array);
    // New-format packet header (tag, then a 1- or 2-byte length), v4 header (4 bytes), hashed and unhashed
    // subpackets (each behind a 2-byte length), then the 2-byte hash tag.
    expect(body[0]).toBe(0xc2);
    const start = body[1] < 192 ? 2 : 3;
    const unhashedAt = start + 6 + body.readUInt16BE(start + 4);
    const tagAt = unhashedAt + 2 + body.readUInt16BE(unhashedAt);
    expect([...body.subarray(tagAt, tagAt + 2)]).toEqual([...packet.signedHashValue!]);
    body[tagAt] ^= 0xff;
    body[tagAt + 1] ^= 0xff;
    const rearmored = openpgp.armor(openpgp.enums.armor.signature, body);
    const tampered = Buffer.from(bytes.toString().replace(/-----BEGIN PGP SIGNATURE-----[\s\S]*$/, rearmored));

    const viaOpenpgp = await openpgp.verify({
      message: await openpgp.createMessage({ binary: decodeCleartext(tampered)!.signedBytes }),
      signature: await openpgp.readSignature({ armoredSignature: rearmored }),
      verificationKeys: alice.privateKey.toPublic(),
    });
    await expect(viaOpenpgp.signatures[0].verified).rejects.toThrow('Signed digest did not match');
    const r = await readPluginManifest(tampered, keys);
    expect(r.ok).toBe(true);
  });

  it("text signatures hash go-crypto's canonical text: a stray \\r before a line end changes the hash", async () => {
    const lines = manifestLines(alice.keyId);
    lines[1] += '\r'; // in a CRLF file this line ends "\r\r\n": go-crypto keeps the first \r in the line
    const signedBytes = Buffer.from(lines.join('\r\n'));
    expect(signedBytes.includes('\r\r\n')).toBe(true);
    // go-crypto's NewCanonicalTextHash turns "\r\r\n" into "\r\r\r\n" (the \n after a \r\r is not seen as CRLF).
    const goCanonical = Buffer.from(signedBytes.toString('latin1').replace(/\r\r\n/g, '\r\r\r\n'), 'latin1');
    const build = async (data: Buffer) => {
      const armored = await signDetached(alice, data);
      const text = ['-----BEGIN PGP SIGNED MESSAGE-----', 'Hash: SHA512', '', ...lines].join('\r\n') + '\r\n' + armored;
      return Buffer.from(text);
    };
    const signedByOpenpgp = await readPluginManifest(await build(signedBytes), keys); // OpenPGP.js keeps "\r\r\n"
    expect(failure(signedByOpenpgp)).toEqual({
      step: 'signature',
      message: 'failed to check signature: openpgp: invalid signature: ECDSA verification failure',
    });
    expect((await readPluginManifest(await build(goCanonical), keys)).ok).toBe(true);
  });

  it('checkDetachedSignature reports the signature it checked', async () => {
    const created = new Date('2024-05-01T12:00:00.000Z');
    const bytes = await clearsign(alice, manifestLines(alice.keyId), { date: created, hash: 'sha384' });
    const check = await checkDetachedSignature(decodeCleartext(bytes)!, alice.trusted);
    expect(check).toEqual({ ok: true, issuerKeyId: alice.keyId, hashAlgorithm: 'SHA384', created });
  });
});

describe('fields are checked before the key (Grafana validateManifest order)', () => {
  it('missing plugin', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId, { plugin: '' }));
    expect(failure(await readPluginManifest(bytes, keys))).toEqual({
      step: 'fields',
      message: 'valid manifest field plugin is required',
    });
  });

  it('an unknown signature type', async () => {
    const bytes = await clearsign(bob, manifestLines(bob.keyId, { signatureType: 'Grafana' }));
    expect(failure(await readPluginManifest(bytes, keys))).toEqual({
      step: 'fields',
      message: 'Grafana is not a valid signature type',
    });
  });

  it('JSON errors come first', async () => {
    const bytes = await clearsign(alice, manifestLines(alice.keyId, { time: '1700000000000' }));
    expect(failure(await readPluginManifest(bytes, keys))).toEqual({
      step: 'json',
      message:
        'Error parsing manifest JSON: json: cannot unmarshal string into Go struct field PluginManifest.time of type int64',
    });
  });
});
