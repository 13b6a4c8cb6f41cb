/**
 * The JSON inside MANIFEST.txt, read the way Grafana reads it: Go `encoding/json` `Unmarshal` into
 * `signature.PluginManifest` (`pkg/plugins/manager/signature/manifest.go`), then `validateManifest`.
 *
 * This is a small hand-written decoder, not `JSON.parse`, because Go `encoding/json` semantics differ from
 * `JSON.parse` in ways that change Grafana's verdict or its message:
 * - `JSON.parse` cannot tell `1e3` or `1.0` from `1000` / `1`, and rounds integers beyond 2^53; Go rejects a
 *   fraction or exponent for an `int64` field and checks int64 overflow;
 * - Go matches field names case-insensitively (exact match preferred), ignores `null` for strings and numbers,
 *   reports the first type mismatch as `json: cannot unmarshal …` after reading the whole document;
 * - Go replaces invalid UTF-8 in strings by U+FFFD byte by byte, and words syntax errors its own way
 *   (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`).
 *
 * Ports Grafana's `pkg/plugins/manager/signature/manifest.go` (`PluginManifest`, `isV2`, `validateManifest`); the Go
 * `encoding/json` parts are ported file by file: `json-scanner.ts` (`scanner.go`, syntax) and `json-decode.ts`
 * (`decode.go`, decoding into the struct).
 */
import { ManifestFormatError } from '../errors.js';
import { SIGNATURE_TYPES, type SignedManifest } from '../manifest/types.js';
import { ManifestDecoder, TypeMismatch } from './json-decode.js';
import { goJsonSyntaxError } from './json-scanner.js';

/**
 * Parses the signed JSON of a MANIFEST.txt exactly as Grafana does: Go `json.Unmarshal(block.Plaintext, &manifest)`
 * into `signature.PluginManifest` (`pkg/plugins/manager/signature/manifest.go`).
 *
 * Semantics (Go `encoding/json`): syntax is checked first over the whole input (trailing non-space data is an
 * error); field names match exactly, else case-insensitively; unknown fields are ignored; `null` leaves strings and
 * `time` unchanged and resets `files` / `rootUrls`; a later duplicate key wins (a duplicate `files` object merges
 * into the first); `time` must be an integer literal that fits int64; invalid UTF-8 becomes U+FFFD.
 *
 * @param plaintext `CleartextBlock.plaintext`.
 * @returns the manifest with Go's zero values for absent fields (`""`, `0`, empty `files`, `[]` `rootUrls`).
 * @throws ManifestFormatError `Error parsing manifest JSON: <Go's error>`, e.g.
 *   `Error parsing manifest JSON: json: cannot unmarshal string into Go struct field PluginManifest.time of type int64`
 *   or `Error parsing manifest JSON: invalid character 'x' looking for beginning of value`.
 */
export function parseManifestJson(plaintext: Uint8Array): SignedManifest {
  const syntax = goJsonSyntaxError(plaintext);
  if (syntax !== null) throw new ManifestFormatError(`Error parsing manifest JSON: ${syntax}`);
  const d = new ManifestDecoder(plaintext);
  try {
    d.decode();
  } catch (e) {
    if (e instanceof TypeMismatch) throw new ManifestFormatError(`Error parsing manifest JSON: ${e.message}`);
    throw e;
  }
  const s = (name: string) => d.strings.get(name) ?? '';
  return {
    manifestVersion: s('manifestVersion'),
    signatureType: s('signatureType'),
    signedByOrg: s('signedByOrg'),
    signedByOrgName: s('signedByOrgName'),
    rootUrls: d.rootUrls ? d.rootUrls.backing.slice(0, d.rootUrls.len) : [],
    plugin: s('plugin'),
    version: s('version'),
    time: d.time,
    keyId: s('keyId'),
    files: d.files ?? new Map<string, string>(),
  };
}

/**
 * Grafana `PluginManifest.isV2`: `strings.HasPrefix(m.ManifestVersion, "2.")`.
 *
 * @returns true for a v2 manifest (the only kind current Grafana accepts, checked after the signature).
 */
export function isV2(m: SignedManifest): boolean {
  return m.manifestVersion.startsWith('2.');
}

/**
 * Grafana `validateManifest` (`pkg/plugins/manager/signature/manifest.go`): the field checks, in its order.
 *
 * `plugin`, `version`, `keyId` non-empty, `time` non-zero, `files` non-empty; for a v2 manifest also
 * `signedByOrg`, `signedByOrgName` non-empty and `signatureType` one of {@link SIGNATURE_TYPES} (case-sensitive).
 *
 * @returns Grafana's message for the first failing check (`valid manifest field plugin is required`,
 *   `x is not a valid signature type`), or `null` when all pass. Never throws.
 */
export function manifestFieldError(m: SignedManifest): string | null {
  const required = (field: string) => `valid manifest field ${field} is required`;
  if (m.plugin.length === 0) return required('plugin');
  if (m.version.length === 0) return required('version');
  if (m.keyId.length === 0) return required('keyId');
  if (m.time === 0) return required('time');
  if (m.files.size === 0) return required('files');
  if (isV2(m)) {
    if (m.signedByOrg.length === 0) return required('signedByOrg');
    if (m.signedByOrgName.length === 0) return required('signedByOrgName');
    if (!(SIGNATURE_TYPES as readonly string[]).includes(m.signatureType)) {
      return `${m.signatureType} is not a valid signature type`;
    }
  }
  return null;
}
