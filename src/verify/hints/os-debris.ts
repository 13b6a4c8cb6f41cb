/** Cause `os-debris`: an unlisted file is operating-system or editor debris added after signing. */
import type { Hint } from '../findings.js';

/** What the debris is, by its name, or undefined. */
function debrisKind(path: string): string | undefined {
  const segments = path.split('/');
  const name = segments[segments.length - 1];
  const lower = name.toLowerCase();
  if (segments.slice(0, -1).includes('__MACOSX')) return 'a macOS zip resource folder (__MACOSX)';
  if (name === '.DS_Store') return 'macOS Finder metadata (.DS_Store)';
  if (name.startsWith('._') && name.length > 2) return 'a macOS AppleDouble file (._*)';
  if (lower === 'thumbs.db') return 'a Windows thumbnail cache (Thumbs.db)';
  if (lower === 'desktop.ini') return 'Windows folder settings (desktop.ini)';
  if (/^\..+\.sw[a-p]$/.test(name) || /\.swp$/.test(name)) return 'a Vim swap file (*.swp)';
  if (name.endsWith('~') && name.length > 1) return 'an editor backup file (*~)';
  return undefined;
}

/**
 * Proves `os-debris` for a file not covered by the manifest: its name is debris that operating systems and editors
 * create (`.DS_Store`, `Thumbs.db`, `desktop.ini`, `*.swp`, `*~`, `._*`, anything under `__MACOSX/`).
 */
export function osDebrisHint(path: string): Hint | undefined {
  const kind = debrisKind(path);
  if (!kind) return undefined;
  return {
    cause: 'os-debris',
    detail: `${path} is ${kind}, added to the plugin folder after signing`,
    fix: `delete ${path} (and keep such files out of the build), then sign again`,
  };
}
