/**
 * Shapes of the manifest as grafana.com receives it (unsigned) and as Grafana reads it (signed).
 * Field names are Grafana's (`pkg/plugins/manager/signature` `PluginManifest`).
 */

/** Signature types (levels) Grafana knows (`plugins.SignatureType.IsValid`), case-sensitive. */
export const SIGNATURE_TYPES = ['grafana', 'commercial', 'community', 'private', 'private-glob'] as const;
export type SignatureType = (typeof SIGNATURE_TYPES)[number];

/** What `POST /plugins/ci/sign` receives: the body `@grafana/sign-plugin` sends. */
export interface UnsignedManifest {
  /** plugin.json `id`. */
  plugin: string;
  /** plugin.json `info.version`. */
  version: string;
  /** posix path relative to the plugin root → lowercase hex SHA-256; the top-level MANIFEST.txt excluded. */
  files: Record<string, string>;
  signatureType?: string;
  rootUrls?: string[];
  signPlugin?: { version: string };
}

/**
 * The JSON inside a signed MANIFEST.txt, decoded the way Go `encoding/json` fills Grafana's struct:
 * absent fields are zero values ("" / 0 / empty), unknown fields are ignored.
 */
export interface SignedManifest {
  manifestVersion: string;
  signatureType: string;
  signedByOrg: string;
  signedByOrgName: string;
  /** `[]` when absent or null. */
  rootUrls: string[];
  plugin: string;
  version: string;
  /** Milliseconds since the Unix epoch; 0 when absent. */
  time: number;
  keyId: string;
  /** Manifest path → hash exactly as written (no case folding). A Map, so keys like `__proto__` are safe. */
  files: Map<string, string>;
}
