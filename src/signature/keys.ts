/**
 * The public keys a verification trusts, looked up the way Grafana's key provider looks them up: by the exact
 * `keyId` string written in the manifest (`GetPublicKey(ctx, manifest.KeyID)`, no case folding, no prefix match).
 */
import path from 'node:path';
import type * as openpgp from 'openpgp';
import { UsageError } from '../errors.js';
import { BoundedReadError, readBoundedRegularFile } from '../fs/read-bounded.js';

/** The largest key file read from a `public-keys` / `--public-key` path: 1 MiB (an armored key is a few KiB). */
const MAX_KEY_FILE_BYTES = 1024 * 1024;
import { GRAFANA_KEY_FINGERPRINT, GRAFANA_KEY_ID, GRAFANA_PUBLIC_KEY } from './grafana-key.js';

/** Where a trusted key came from. */
export type KeySource = 'embedded' | 'input' | 'grafana.com';

/** One trusted public key. */
export interface TrustedKey {
  /** Primary key ID, lowercase hex, 16 characters: the string a manifest's `keyId` must equal. */
  keyId: string;
  /** Primary key fingerprint, uppercase hex, no spaces. */
  fingerprint: string;
  /** The armored public key (`-----BEGIN PGP PUBLIC KEY BLOCK-----`). */
  armored: string;
  source: KeySource;
  /** Where it came from, for messages: 'embedded Grafana key', a file path, 'public-keys input #2'. */
  label: string;
}

/**
 * The set of trusted keys, indexed by key ID.
 *
 * Lookup is an exact string match on the manifest's `keyId`, as Grafana's key providers do (a map keyed by the
 * `keyId` of `/api/plugins/ci/keys`, plus the built-in key under `7e4d0c6a708866e7`).
 */
export class TrustedKeys {
  private readonly keys = new Map<string, TrustedKey>();
  private published: Set<string> | undefined;

  /** A set holding Grafana's built-in plugin-signing key (`GRAFANA_PUBLIC_KEY`) under `GRAFANA_KEY_ID`. */
  static withEmbedded(): TrustedKeys {
    const keys = new TrustedKeys();
    keys.add({
      keyId: GRAFANA_KEY_ID,
      fingerprint: GRAFANA_KEY_FINGERPRINT,
      armored: GRAFANA_PUBLIC_KEY,
      source: 'embedded',
      label: 'embedded Grafana key',
    });
    return keys;
  }

  /** Same as {@link TrustedKeys.withEmbedded}: only the key every Grafana trusts (`public_key_retrieval_disabled`). */
  static embeddedOnly(): TrustedKeys {
    return TrustedKeys.withEmbedded();
  }

  /** Adds `key` under `key.keyId`; a later key with the same ID replaces the earlier one. */
  add(key: TrustedKey): void {
    this.keys.delete(key.keyId);
    this.keys.set(key.keyId, key);
  }

  /** The key stored under exactly `keyId` (case-sensitive, as Grafana), or `undefined`. */
  get(keyId: string): TrustedKey | undefined {
    return this.keys.get(keyId);
  }

  /**
   * Records the key IDs grafana.com published at `/plugins/ci/keys` when they were fetched, trusted or not (with
   * `public_key_retrieval_disabled` they are fetched only to explain a `missing public key` verdict). Exact strings.
   */
  markPublished(keyIds: Iterable<string>): void {
    this.published ??= new Set();
    for (const id of keyIds) this.published.add(id);
  }

  /** The key IDs recorded by {@link TrustedKeys.markPublished}, or undefined when no key list was fetched. */
  publishedKeyIds(): ReadonlySet<string> | undefined {
    return this.published;
  }

  /** All keys, in the order they were (last) added. */
  list(): TrustedKey[] {
    return [...this.keys.values()];
  }
}

const PUBLIC_BEGIN = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const PUBLIC_END = '-----END PGP PUBLIC KEY BLOCK-----';
const PRIVATE_BEGIN = '-----BEGIN PGP PRIVATE KEY BLOCK-----';
const EXPORT_HINT = 'pass the public half: gpg --armor --export KEYID';

/**
 * Reads one or more armored OpenPGP public key blocks (several blocks may follow each other, and one block may hold
 * several keys) with OpenPGP.js.
 *
 * @param text armored text.
 * @param source recorded in each key.
 * @param label where the text came from; it names the culprit in errors and is recorded in each key.
 * @returns one {@link TrustedKey} per key, with the primary key ID (lowercase hex) and fingerprint (uppercase hex).
 * @throws UsageError (input `public-keys`) when the text holds a private key ("pass the public half: gpg --armor
 *   --export KEYID"), holds no `-----BEGIN PGP PUBLIC KEY BLOCK-----`, or a block does not parse.
 */
export async function readArmoredPublicKeys(text: string, source: KeySource, label: string): Promise<TrustedKey[]> {
  if (text.includes(PRIVATE_BEGIN)) {
    throw new UsageError('public-keys', `${label} holds a PGP PRIVATE key: never give a private key; ${EXPORT_HINT}`);
  }
  const blocks: string[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(PUBLIC_BEGIN, from);
    if (start < 0) break;
    const end = text.indexOf(PUBLIC_END, start);
    if (end < 0) {
      throw new UsageError('public-keys', `${label}: the armored public key has no "${PUBLIC_END}" line`);
    }
    blocks.push(text.slice(start, end + PUBLIC_END.length) + '\n');
    from = end + PUBLIC_END.length;
  }
  if (blocks.length === 0) {
    throw new UsageError(
      'public-keys',
      `${label} is not an armored OpenPGP public key (no "${PUBLIC_BEGIN}" line); ${EXPORT_HINT}`,
    );
  }
  // Loaded here, not at start-up: only reading keys needs OpenPGP.js (see docs/performance.md).
  const { readKeys } = await import('openpgp');
  const result: TrustedKey[] = [];
  for (const block of blocks) {
    let keys: openpgp.Key[];
    try {
      keys = await readKeys({ armoredKeys: block });
    } catch (e) {
      throw new UsageError('public-keys', `${label}: cannot read the armored public key: ${(e as Error).message}`, {
        cause: e,
      });
    }
    for (const key of keys) {
      if (key.isPrivate()) {
        throw new UsageError('public-keys', `${label} holds a private key: ${EXPORT_HINT}`);
      }
      result.push({
        keyId: key.getKeyID().toHex().toLowerCase(),
        fingerprint: key.getFingerprint().toUpperCase(),
        armored: keys.length === 1 ? block : key.armor(),
        source,
        label,
      });
    }
  }
  return result;
}

/**
 * Loads the keys given to an input that accepts several values (e.g. the action's `public-keys`).
 *
 * Each value is either armored text (it contains `-----BEGIN PGP PUBLIC KEY BLOCK-----`) or the path of a file
 * holding armored text. Empty values are skipped. Keys from text are labelled `<inputName> input #<n>` (n counts
 * from 1), keys from a file by the file's path; all have source `input`.
 *
 * @throws UsageError (input `inputName`) when a file is missing (`… file "x" not found …`), is not a regular file (a
 *   folder, `/dev/zero`, a FIFO, a link to one: refused without blocking), holds over 1 MiB, or
 *   when the text is not an armored public key or is a private key (see {@link readArmoredPublicKeys}).
 */
export async function loadPublicKeyInputs(values: string[], inputName: string): Promise<TrustedKey[]> {
  const result: TrustedKey[] = [];
  for (const [index, raw] of values.entries()) {
    const value = raw.trim();
    if (value === '') continue;
    const ordinal = `${inputName} input #${index + 1}`;
    let text: string;
    let label: string;
    if (value.includes('-----BEGIN PGP ')) {
      text = value;
      label = ordinal;
    } else {
      let bytes: Buffer;
      try {
        bytes = await readBoundedRegularFile(path.resolve(value), MAX_KEY_FILE_BYTES);
      } catch (error) {
        if (!(error instanceof BoundedReadError)) throw error;
        const fix =
          error.reason === 'missing'
            ? `give an armored public key (${PUBLIC_BEGIN}) or the path of a file holding one`
            : error.reason === 'too-large'
              ? 'a key file holds at most 1 MiB: give the file with just the armored public key'
              : 'give the path of a regular file holding an armored public key';
        throw new UsageError(
          inputName,
          `${ordinal}: ${error.reason === 'missing' ? `file "${value}" not found` : `"${value}": ${error.message}`}; ${fix}`,
          { cause: error },
        );
      }
      text = bytes.toString('utf8');
      label = value;
    }
    try {
      result.push(...(await readArmoredPublicKeys(text, 'input', label)));
    } catch (e) {
      if (e instanceof UsageError && e.input !== inputName) {
        throw new UsageError(inputName, e.message, { cause: e.cause });
      }
      throw e;
    }
  }
  return result;
}
