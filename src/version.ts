/**
 * This tool's name and version, sent to grafana.com as `signPlugin.version` like `@grafana/sign-plugin` does.
 *
 * The version is `package.json`'s, read at build time: ncc inlines the JSON into both bundles, so `dist/` carries the
 * value it was built from and needs no `package.json` beside it at run time.
 */
import pkg from '../package.json' with { type: 'json' };

/** `package.json`'s `version`, e.g. `0.1.0`. */
export const VERSION: string = pkg.version;

/** `sign-plugin-action/<version>`, the `signPlugin.version` sent with every signing request. */
export const TOOL_VERSION = `sign-plugin-action/${VERSION}`;
