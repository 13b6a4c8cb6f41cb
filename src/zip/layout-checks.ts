/**
 * Layout checks on a zip extracted as Grafana's installer extracts it (docs/verification.md#zip): top-level folders,
 * plugin.json and its id, backend binaries' modes.
 */
import { isBackendBinary, readBackendExecutables } from '../manifest/backend-binary.js';
import { readPluginJson } from '../manifest/plugin-json.js';
import type { ZipLayoutFinding } from './layout.js';

/** An extracted file: its name as shown and its unix mode. */
export interface Written {
  /** Name as shown (raw bytes decoded as UTF-8, invalid bytes as U+FFFD). */
  shown: string;
  /** `externalAttrs >>> 16` for zips made on unix hosts; undefined otherwise. */
  unixMode: number | undefined;
}

/**
 * Findings on the top-level folders the plugin's entries came from.
 *
 * @param tops first path segments (binary strings) of the entries placed in the plugin, in order.
 * @param rootFiles how many files sit at the zip root. @param layout findings are appended here.
 */
export function placementFindings(tops: string[], rootFiles: number, layout: ZipLayoutFinding[]): void {
  if (tops.length === 0) {
    layout.push({
      kind: 'zip-top-folders',
      message:
        "the zip has no top-level folder: Grafana's installer and the catalog expect one folder named after the " +
        'plugin id, holding plugin.json' +
        (rootFiles > 0 ? '; files at the zip root are not part of the installed plugin' : ''),
    });
  } else if (tops.length > 1) {
    const list = tops.map((t) => `${Buffer.from(t, 'latin1').toString('utf8')}/`).join(', ');
    layout.push({
      kind: 'zip-top-folders',
      message:
        `the zip has ${tops.length} top-level folders (${list}): Grafana's installer and the catalog expect exactly ` +
        'one, named after the plugin id; the installer renames each to the plugin id, merging their files',
      actual: list,
    });
  }
}

/**
 * Checks plugin.json (present, with a string id), the top-folder name against the id, and backend binaries'
 * modes (0755).
 *
 * @param written extracted files by plugin-relative binary-string path. @param pluginDir the extracted plugin.
 * @param topFolder the zip's folder holding plugin.json. @param layout findings are appended here. Never throws.
 */
export async function checkPluginJson(
  written: Map<string, Written>,
  pluginDir: string,
  topFolder: string | undefined,
  layout: ZipLayoutFinding[],
): Promise<void> {
  const where = topFolder === undefined ? 'plugin.json' : `${topFolder}/plugin.json`;
  let id = '';
  if (!written.has('plugin.json')) {
    layout.push({
      kind: 'zip-no-plugin-json',
      message: `the zip has no ${where}: Grafana's installer and the catalog read the plugin id from it`,
      path: where,
    });
  } else {
    id = (await readPluginJson(pluginDir)).id;
    if (id === '') {
      layout.push({
        kind: 'zip-no-plugin-json',
        message: `${where} has no string "id": Grafana's installer and the catalog read the plugin id from it`,
        path: where,
      });
    }
  }
  if (topFolder !== undefined && id !== '' && topFolder !== id) {
    layout.push({
      kind: 'zip-top-folder-name',
      message:
        `top-level folder ${topFolder}/ is not named after the plugin id ${id}: the catalog expects ${id}/ ` +
        "(Grafana's installer renames it to the plugin id)",
      path: `${topFolder}/`,
      expected: id,
      actual: topFolder,
    });
  }
  const utf8 = (rel: string) => Buffer.from(rel, 'latin1').toString('utf8');
  const executables = await readBackendExecutables(
    pluginDir,
    [...written.keys()].filter((rel) => rel === 'plugin.json' || rel.endsWith('/plugin.json')).map(utf8),
  );
  for (const [rel, w] of written) {
    if (!isBackendBinary(utf8(rel), executables)) continue;
    if (w.unixMode !== undefined && (w.unixMode & 0o777) === 0o755) continue;
    const actual = w.unixMode === undefined ? 'none' : (w.unixMode & 0o777).toString(8).padStart(4, '0');
    layout.push({
      kind: 'zip-binary-mode',
      message:
        w.unixMode === undefined
          ? `backend binary ${w.shown} carries no unix mode (the zip was made on a non-unix system): the catalog ` +
            "and Grafana's installer expect mode 0755"
          : `backend binary ${w.shown} has mode ${actual}: the catalog and Grafana's installer expect 0755`,
      path: w.shown,
      expected: '0755',
      actual,
    });
  }
}
