/**
 * Shapes shared by the zip reader: layout findings, limits, and the opened zip. See `read-zip.ts`.
 */

/** What is wrong with a zip's layout or entries. None of these changes Grafana's status; each fails the job. */
export type ZipLayoutKind =
  /** A file at the zip root, outside any folder. */
  | 'zip-root-file'
  /** No top-level folder, or more than one. */
  | 'zip-top-folders'
  /** The top-level folder is not named after the plugin id. */
  | 'zip-top-folder-name'
  /** An entry name uses `\` as separator. */
  | 'zip-backslash'
  /** An entry name has a `..` segment (not extracted). */
  | 'zip-path-escape'
  /** An entry name is absolute (`/x`, `C:x`; not extracted). */
  | 'zip-absolute'
  /** An entry name has an empty or `.` segment or a control character (not extracted). */
  | 'zip-bad-name'
  /** A backend binary is not mode 0755. */
  | 'zip-binary-mode'
  /** A limit (entries, bytes per entry, bytes in total) was exceeded (what exceeds is not extracted). */
  | 'zip-too-large'
  /** The archive, or one entry, cannot be read as a zip (corrupt directory, CRC or size mismatch…). */
  | 'zip-unreadable'
  /** A symlink entry (neither followed nor created). */
  | 'zip-symlink'
  /** Two entries extract to the same file. */
  | 'zip-duplicate'
  /** An entry that is encrypted or uses a compression method other than stored/deflate (not extracted). */
  | 'zip-unsupported-entry'
  /** A file and a folder at the same path (Grafana's installer fails there; later entries are not extracted). */
  | 'zip-path-conflict'
  /** An entry Grafana's installer writes outside the plugin folder (a top folder it does not rename, `a/../x`). */
  | 'zip-outside-plugin'
  /** An entry Grafana's installer would extract into the plugin but this check cannot reproduce safely. */
  | 'zip-not-reproducible'
  /** No `<top>/plugin.json` with a string `id`. */
  | 'zip-no-plugin-json';

/** One layout problem. `path` is the entry name as written in the zip. */
export interface ZipLayoutFinding {
  kind: ZipLayoutKind;
  /** One line for people, saying what Grafana's installer or the catalog expects. */
  message: string;
  /** The zip entry name concerned, as written in the archive (with `\` if it has one). */
  path?: string;
  expected?: string;
  actual?: string;
}

/** Limits on what is read from a zip; every one is checked while streaming, never trusting the zip's headers. */
export interface OpenPluginZipOptions {
  /** Most entries the zip may have (directories included); above it nothing is extracted. */
  maxEntries?: number;
  /** Most bytes inflated in total (dropped oversized entries count); extraction stops when it is passed. */
  maxTotalBytes?: number;
  /** Most bytes one entry may inflate to; a larger entry is not extracted. */
  maxEntryBytes?: number;
  /** Folder in which the temporary extraction folder is made (default: the OS temp folder). */
  tempRoot?: string;
}

/** Default limits: generous for real plugins (a few backend binaries of ~100 MB each), small for a zip bomb. */
export const DEFAULT_ZIP_LIMITS = {
  maxEntries: 20_000,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
} as const;

/** A zip extracted to a temporary folder, with its layout checked. */
export interface OpenedPluginZip {
  /** Absolute path of the zip. */
  zipPath: string;
  /** The top-level folder taken as the plugin (the one holding plugin.json), or undefined when the zip has none. */
  topFolder: string | undefined;
  /** Extracted plugin root inside a temporary folder: every top-level folder merged into one, as Grafana's installer does. */
  pluginDir: string;
  /** Layout problems, in a stable order (entry order within each kind of check). */
  layout: ZipLayoutFinding[];
  /** Entries listed in the archive's central directory (directories included). */
  entries: number;
  /**
   * Entries Grafana's installer would extract into the plugin but that were not reproduced here (a symlink it
   * would create, an entry past a limit, data it would write only in part): the verdict can then not be `valid`.
   */
  unreproduced: string[];
  /** Removes the temporary folder; safe to call more than once. */
  cleanup(): Promise<void>;
}
