// Prints the body of one version's section of CHANGELOG.md (Keep a Changelog: `## [X.Y.Z] - YYYY-MM-DD`), without
// its heading, up to the next `## ` heading or the link definitions at the end. The release workflow uses it as the
// GitHub release notes.
//
// Usage: node scripts/changelog-section.mjs X.Y.Z [CHANGELOG.md]   (a leading `v` is accepted)
// Exit 1, naming the version, when the section is missing or empty.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The section of `version` in Keep a Changelog text: its lines after the `## [version]` heading, trimmed, or `null`
 * when there is no such heading. `version` is matched literally (`1.2.3`, `Unreleased`).
 */
export function changelogSection(text, version) {
  const lines = text.split(/\r?\n/);
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = lines.findIndex((l) => new RegExp(`^## \\[${escaped}\\](?:\\s|$)`).test(l));
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^## /.test(l) || /^\[[^\]]+\]:\s/.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
  if (!version) {
    console.error('usage: node scripts/changelog-section.mjs X.Y.Z [CHANGELOG.md]');
    process.exit(2);
  }
  const wanted = version.replace(/^v/, '');
  const section = changelogSection(readFileSync(file, 'utf8'), wanted);
  if (!section) {
    console.error(
      `${file} has no "## [${wanted}] - YYYY-MM-DD" section with content: add one before tagging v${wanted}.`,
    );
    process.exit(1);
  }
  console.log(section);
}
