import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { GRAFANA_KEY_FINGERPRINT, GRAFANA_KEY_ID, GRAFANA_PUBLIC_KEY } from '../../src/signature/grafana-key.js';
import { loadPublicKeyInputs, readArmoredPublicKeys, TrustedKeys, type TrustedKey } from '../../src/signature/keys.js';

interface Generated {
  publicArmored: string;
  privateArmored: string;
  keyId: string;
  fingerprint: string;
}

async function generate(name: string): Promise<Generated> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'nistP521',
    userIDs: [{ name, email: `${name}@example.com` }],
    format: 'armored',
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return {
    publicArmored: publicKey,
    privateArmored: privateKey,
    keyId: key.getKeyID().toHex(),
    fingerprint: key.getFingerprint().toUpperCase(),
  };
}

/** The UsageError `fn` rejects with (fails the test when it resolves or rejects with something else). */
async function usageError(fn: () => Promise<unknown>): Promise<UsageError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

let one: Generated;
let two: Generated;
let dir: string;

beforeAll(async () => {
  [one, two] = await Promise.all([generate('one'), generate('two')]);
  dir = mkdtempSync(path.join(tmpdir(), 'keys-test-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TrustedKeys', () => {
  it('withEmbedded holds the Grafana key under its key ID', () => {
    const keys = TrustedKeys.withEmbedded();
    expect(keys.get('7e4d0c6a708866e7')).toEqual({
      keyId: GRAFANA_KEY_ID,
      fingerprint: 'F33B25B691074E84636570F37E4D0C6A708866E7',
      armored: GRAFANA_PUBLIC_KEY,
      source: 'embedded',
      label: 'embedded Grafana key',
    });
    expect(keys.list()).toHaveLength(1);
    expect(TrustedKeys.embeddedOnly().list()).toEqual(keys.list());
  });

  it('looks key IDs up by exact string, as Grafana does', () => {
    const keys = TrustedKeys.withEmbedded();
    expect(keys.get('7E4D0C6A708866E7')).toBeUndefined();
    expect(keys.get('7e4d0c6a708866e')).toBeUndefined();
    expect(keys.get(' 7e4d0c6a708866e7')).toBeUndefined();
  });

  it('a later key with the same key ID replaces the earlier; list keeps insertion order', () => {
    const keys = TrustedKeys.withEmbedded();
    const a: TrustedKey = { keyId: 'aaaaaaaaaaaaaaaa', fingerprint: 'A', armored: 'x', source: 'input', label: 'a' };
    const b: TrustedKey = {
      keyId: 'bbbbbbbbbbbbbbbb',
      fingerprint: 'B',
      armored: 'y',
      source: 'grafana.com',
      label: 'b',
    };
    keys.add(a);
    keys.add(b);
    const replacement: TrustedKey = { ...a, label: 'a2' };
    keys.add(replacement);
    expect(keys.get('aaaaaaaaaaaaaaaa')).toBe(replacement);
    expect(keys.list().map((k) => k.label)).toEqual(['embedded Grafana key', 'b', 'a2']);
  });
});

describe('readArmoredPublicKeys', () => {
  it("reads Grafana's key: key ID in lowercase hex, fingerprint in uppercase hex", async () => {
    const [key, ...rest] = await readArmoredPublicKeys(GRAFANA_PUBLIC_KEY, 'grafana.com', 'api key #1');
    expect(rest).toEqual([]);
    expect(key).toEqual({
      keyId: '7e4d0c6a708866e7',
      fingerprint: GRAFANA_KEY_FINGERPRINT,
      armored: GRAFANA_PUBLIC_KEY,
      source: 'grafana.com',
      label: 'api key #1',
    });
  });

  it('reads several armored blocks in one text, ignoring text around them', async () => {
    const keys = await readArmoredPublicKeys(
      `first:\n${one.publicArmored}\nsecond:\n${two.publicArmored}`,
      'input',
      'both',
    );
    expect(keys.map((k) => [k.keyId, k.fingerprint, k.label])).toEqual([
      [one.keyId, one.fingerprint, 'both'],
      [two.keyId, two.fingerprint, 'both'],
    ]);
    expect(keys[0].armored).toBe(one.publicArmored.trimEnd() + '\n');
  });

  it('reads a block holding two keys, each re-armored on its own', async () => {
    const [a, b] = await Promise.all([one, two].map((g) => openpgp.readKey({ armoredKey: g.publicArmored })));
    const joined = openpgp.armor(
      openpgp.enums.armor.publicKey,
      new Uint8Array([...a.toPacketList().write(), ...b.toPacketList().write()]),
    );
    const keys = await readArmoredPublicKeys(joined, 'input', 'joined');
    expect(keys.map((k) => k.keyId)).toEqual([one.keyId, two.keyId]);
    const reread = await openpgp.readKey({ armoredKey: keys[1].armored });
    expect(reread.getKeyID().toHex()).toBe(two.keyId);
  });

  it('refuses a private key, saying how to export the public half', async () => {
    const err = await usageError(() => readArmoredPublicKeys(one.privateArmored, 'input', 'secret.asc'));
    expect(err.input).toBe('public-keys');
    expect(err.message).toBe(
      'secret.asc holds a PGP PRIVATE key: never give a private key; pass the public half: gpg --armor --export KEYID',
    );
  });

  it('refuses text without an armored public key', async () => {
    const err = await usageError(() => readArmoredPublicKeys('hello', 'input', 'public-keys input #3'));
    expect(err.input).toBe('public-keys');
    expect(err.message).toBe(
      'public-keys input #3 is not an armored OpenPGP public key (no "-----BEGIN PGP PUBLIC KEY BLOCK-----" line); pass the public half: gpg --armor --export KEYID',
    );
  });

  it('refuses a block without its end line or with a broken body', async () => {
    const noEnd = one.publicArmored.replace('-----END PGP PUBLIC KEY BLOCK-----', '');
    expect((await usageError(() => readArmoredPublicKeys(noEnd, 'input', 'k'))).message).toBe(
      'k: the armored public key has no "-----END PGP PUBLIC KEY BLOCK-----" line',
    );
    const lines = one.publicArmored.split('\n');
    lines[3] = '!!!!' + lines[3].slice(4);
    const broken = await usageError(() => readArmoredPublicKeys(lines.join('\n'), 'input', 'k'));
    expect(broken.message).toMatch(/^k: cannot read the armored public key: /);
  });
});

describe('loadPublicKeyInputs', () => {
  it('takes armored text and file paths, labelling each; skips empty values', async () => {
    const file = path.join(dir, 'two.asc');
    writeFileSync(file, two.publicArmored);
    const keys = await loadPublicKeyInputs([one.publicArmored, '  ', file], 'public-keys');
    expect(keys.map((k) => [k.keyId, k.source, k.label])).toEqual([
      [one.keyId, 'input', 'public-keys input #1'],
      [two.keyId, 'input', file],
    ]);
  });

  it('a missing file is a UsageError for the input, naming the file', async () => {
    const err = await usageError(() => loadPublicKeyInputs(['keys/nope.asc'], '--public-key'));
    expect(err.input).toBe('--public-key');
    expect(err.message).toBe(
      '--public-key input #1: file "keys/nope.asc" not found; give an armored public key (-----BEGIN PGP PUBLIC KEY BLOCK-----) or the path of a file holding one',
    );
  });

  it('a directory is refused', async () => {
    const err = await usageError(() => loadPublicKeyInputs([dir], 'public-keys'));
    expect(err.message).toBe(
      `public-keys input #1: "${dir}": it is a folder, not a regular file; ` +
        'give the path of a regular file holding an armored public key',
    );
  });

  it('a private key, inline or in a file, is refused under the input name', async () => {
    const file = path.join(dir, 'secret.asc');
    writeFileSync(file, one.privateArmored);
    const fromFile = await usageError(() => loadPublicKeyInputs([file], '--public-key'));
    expect(fromFile.input).toBe('--public-key');
    expect(fromFile.message).toContain(`${file} holds a PGP PRIVATE key`);
    const inline = await usageError(() => loadPublicKeyInputs(['', one.privateArmored], 'public-keys'));
    expect(inline.input).toBe('public-keys');
    expect(inline.message).toContain('public-keys input #2 holds a PGP PRIVATE key');
  });

  it('a file that holds no armored key is refused by its path', async () => {
    const file = path.join(dir, 'binary.gpg');
    const key = await openpgp.readKey({ armoredKey: one.publicArmored });
    writeFileSync(file, key.write());
    const err = await usageError(() => loadPublicKeyInputs([file], 'public-keys'));
    expect(err.message).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not an armored OpenPGP public key`),
    );
  });
});
