/**
 * The release notes come from CHANGELOG.md (scripts/changelog-section.mjs, used by release.yml): the current
 * package.json version has a section, and the extractor returns exactly one section's body.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../../scripts/changelog-section.mjs';
import { PROJECT_ROOT } from '../helpers/run-action.js';

const section = changelogSection as (text: string, version: string) => string | null;
const SCRIPT = path.join(PROJECT_ROOT, 'scripts/changelog-section.mjs');

const SAMPLE = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- next',
  '',
  '## [1.2.0] - 2026-12-01',
  '',
  '### Fixed',
  '',
  '- one.two',
  '',
  '## [1.10.0] - 2026-12-02',
  '',
  '- ten',
  '',
  '[Unreleased]: https://example.com/compare/v1.2.0...HEAD',
  '[1.2.0]: https://example.com/releases/tag/v1.2.0',
].join('\n');

describe('CHANGELOG.md sections', () => {
  it("has a dated, non-empty section for package.json's version and an Unreleased section", () => {
    const changelog = readFileSync(path.join(PROJECT_ROOT, 'CHANGELOG.md'), 'utf8');
    const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(changelog).toMatch(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(section(changelog, version)).toMatch(/^### Added$/m);
    expect(section(changelog, 'Unreleased')).not.toBeNull();
  });

  it('returns one section body, not its neighbours or the link definitions', () => {
    expect(section(SAMPLE, '1.2.0')).toBe('### Fixed\n\n- one.two');
    expect(section(SAMPLE, '1.10.0')).toBe('- ten');
    expect(section(SAMPLE, 'Unreleased')).toBe('- next');
    expect(section(SAMPLE, '1.2')).toBeNull();
    expect(section(SAMPLE, '1.2.0'.replace('.', 'x'))).toBeNull();
  });

  it('the script prints the notes for a v-tag and fails naming a missing version', () => {
    const out = execFileSync(process.execPath, [SCRIPT, 'v0.1.0'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(out).toContain('### Added');
    expect(out).not.toContain('## [');
    const missing = spawnSync(process.execPath, [SCRIPT, 'v9.9.9'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no "## [9.9.9] - YYYY-MM-DD" section');
  });
});
