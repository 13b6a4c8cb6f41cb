import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnnotations, MAX_ERROR_ANNOTATIONS } from '../../src/action/annotations.js';
import { escapeHtml, renderSummary, type SummaryContext } from '../../src/action/summary.js';
import type { SignedManifest } from '../../src/manifest/types.js';
import type { ExpectationCheck } from '../../src/verify/expectations.js';
import { finding, grafanaLogLine, type Finding, type SignatureStatus } from '../../src/verify/findings.js';
import type { RootUrlCheck, VerifyResult } from '../../src/verify/verify.js';

const WORKSPACE = path.resolve('/home/runner/work/weather/weather');
const DIST = path.join(WORKSPACE, 'dist');
const PLUGIN_ID = 'myorg-weather-panel';
const SIGNED_AT = Date.UTC(2024, 4, 1, 12, 34, 56); // 2024-05-01T12:34:56.000Z
const CTX: SummaryContext = { distPath: 'dist' };
type KeyInfo = NonNullable<VerifyResult['key']>;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

function manifest(overrides: Partial<SignedManifest> = {}): SignedManifest {
  return {
    manifestVersion: '2.0.0',
    signatureType: 'community',
    signedByOrg: 'myorg',
    signedByOrgName: 'My Org',
    rootUrls: [],
    plugin: PLUGIN_ID,
    version: '1.4.2',
    time: SIGNED_AT,
    keyId: '7e4d0c6a708866e7',
    files: new Map([
      ['plugin.json', sha('plugin.json')],
      ['module.js', sha('module.js')],
    ]),
    ...overrides,
  };
}

/** A verification result as `verifyPlugin` builds it: status, headline and reason follow from the findings. */
function result(findings: Finding[] = [], overrides: Partial<VerifyResult> = {}): VerifyResult {
  const decisive = findings
    .filter((f) => f.status !== null)
    .reduce<Finding | undefined>((d, f) => (!d || f.check < d.check ? f : d), undefined);
  const status: SignatureStatus = decisive?.status ?? 'valid';
  return {
    status,
    headline: grafanaLogLine(status, PLUGIN_ID),
    reason: decisive?.message ?? '',
    pluginDir: DIST,
    plugin: { id: PLUGIN_ID, version: '1.4.2', type: 'panel' },
    manifest: manifest(),
    key: {
      keyId: '7e4d0c6a708866e7',
      source: 'embedded' as string as KeyInfo['source'],
      label: "Grafana's built-in key",
    },
    signedAt: new Date(SIGNED_AT).toISOString(),
    findings,
    rootUrlChecks: [],
    filesCount: 2,
    ...overrides,
  };
}

const modified = (p: string) =>
  finding('file-modified', `Plugin file checksum does not match signature checksum: ${p}`, {
    path: p,
    expected: sha(`signed ${p}`),
    actual: sha(`built ${p}`),
  });
const missing = (p: string) =>
  finding('file-missing', `Plugin file listed in the manifest was not found: ${p}`, {
    path: p,
    expected: sha(`signed ${p}`),
  });
const notCovered = (p: string) =>
  finding('file-not-covered', `The following files were not included in the signature: ${p}`, { path: p });

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a> ✓`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ✓',
    );
  });
});

describe('a valid plugin', () => {
  const valid = result();
  const ctx: SummaryContext = {
    distPath: 'dist',
    runUrl: 'https://github.com/myorg/weather/actions/runs/42',
    artifact: {
      name: 'myorg-weather-panel-1.4.2',
      url: 'https://github.com/myorg/weather/actions/runs/42/artifacts/7',
    },
  };
  const summary = renderSummary(valid, [], ctx);

  it('has the verdict in Grafana words and the plugin id as the heading', () => {
    expect(summary.startsWith('## ✅ Signed: myorg-weather-panel\n\n<p>Grafana loads this plugin.</p>\n\n')).toBe(true);
    expect(summary).not.toContain('Reason:');
    expect(summary).not.toContain('<details');
  });

  it('tabulates the signature with every value', () => {
    for (const row of [
      '<tr><th align="left">Plugin ID</th><td><code>myorg-weather-panel</code></td></tr>',
      '<tr><th align="left">Version</th><td>1.4.2</td></tr>',
      '<tr><th align="left">Signature type</th><td>community</td></tr>',
      '<tr><th align="left">Signed by</th><td>My Org (myorg)</td></tr>',
      '<tr><th align="left">Key ID</th><td><code>7e4d0c6a708866e7</code> (Grafana&#39;s built-in key)</td></tr>',
      '<tr><th align="left">Signed at</th><td>2024-05-01T12:34:56.000Z</td></tr>',
      '<tr><th align="left">Root URLs</th><td><em>none</em> (any Grafana URL)</td></tr>',
      '<tr><th align="left">Files</th><td>2</td></tr>',
      '<tr><th align="left">Dist path</th><td><code>dist</code></td></tr>',
    ]) {
      expect(summary).toContain(row);
    }
  });

  it('links the artifact and the run', () => {
    expect(summary).toContain(
      '📦 Artifact: <a href="https://github.com/myorg/weather/actions/runs/42/artifacts/7">' +
        '<code>myorg-weather-panel-1.4.2</code></a>',
    );
    expect(summary).toContain('🔗 <a href="https://github.com/myorg/weather/actions/runs/42">This workflow run</a>');
  });

  it('says why the artifact was not uploaded', () => {
    const s = renderSummary(valid, [], {
      distPath: 'dist',
      artifact: { name: 'p', skippedReason: 'upload-artifact is false' },
    });
    expect(s).toContain('<p>📦 Artifact <code>p</code> was not uploaded: upload-artifact is false</p>');
  });

  it('ends every HTML block with a blank line before the next Markdown', () => {
    expect(summary).toContain('</table>\n\n');
    expect(summary.endsWith('</p>\n')).toBe(true);
  });

  it('annotates one notice naming the signature type and the org', () => {
    expect(buildAnnotations(valid, [], { workspace: WORKSPACE, distPath: DIST })).toEqual([
      { level: 'notice', title: 'Signed: myorg-weather-panel 1.4.2', message: 'Signed as community by My Org' },
    ]);
  });
});

describe('30 modified files', () => {
  const files = Array.from({ length: 30 }, (_, i) => `file-${String(i).padStart(2, '0')}.js`);
  const failed = result(files.map(modified), { filesCount: 31 });

  it('annotates 8 files and rolls up the other 22 (the failure message is the 10th error)', () => {
    const annotations = buildAnnotations(failed, [], { workspace: WORKSPACE, distPath: DIST });
    expect(MAX_ERROR_ANNOTATIONS).toBe(8);
    expect(annotations).toHaveLength(9);
    expect(annotations.slice(0, 8).map((a) => a.file)).toEqual(files.slice(0, 8).map((f) => `dist/${f}`));
    expect(annotations.every((a) => a.level === 'error')).toBe(true);
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'Modified signature: file-00.js',
      file: 'dist/file-00.js',
      message:
        'Plugin file checksum does not match signature checksum: file-00.js\n' +
        `expected SHA-256 (MANIFEST.txt): ${sha('signed file-00.js')}\n` +
        `actual SHA-256 (on disk): ${sha('built file-00.js')}`,
    });
    expect(annotations[8]).toEqual({ level: 'error', message: '… and 22 more, see the job summary' });
  });

  it('lists all 30 in one details block with expected and actual hashes', () => {
    const summary = renderSummary(failed, [], CTX);
    expect(summary.startsWith('## ❌ Modified signature: myorg-weather-panel\n\n')).toBe(true);
    expect(summary).toContain(
      "<p>Grafana refuses to load this plugin. Grafana's log says: " +
        '<code>plugin &#39;myorg-weather-panel&#39; has an modified signature</code></p>',
    );
    expect(summary).toContain(
      '<p><strong>Reason:</strong> Plugin file checksum does not match signature checksum: file-00.js</p>',
    );
    expect(count(summary, '<details')).toBe(1);
    expect(summary).toContain(
      '<details><summary><strong>Modified files (30)</strong>: ' +
        'Plugin file checksum does not match signature checksum</summary>',
    );
    expect(count(summary, '<tr><td rowspan="2"><code>file-')).toBe(30);
    expect(summary).toContain(
      `<tr><td rowspan="2"><code>file-29.js</code></td><td>expected</td>` +
        `<td><code>${sha('signed file-29.js')}</code></td></tr>\n` +
        `<tr><td>actual</td><td><code>${sha('built file-29.js')}</code></td></tr>`,
    );
    expect(summary).not.toContain('more</em>');
  });
});

describe('values from files, manifests and servers are escaped', () => {
  it('escapes a file name that is HTML', () => {
    const evil = '<img src=x onerror=alert(1)>.js';
    const r = result([notCovered(evil), modified(evil)]);
    const summary = renderSummary(r, [], CTX);
    expect(summary).toContain('<li><code>&lt;img src=x onerror=alert(1)&gt;.js</code></li>');
    expect(count(summary, '&lt;img src=x onerror=alert(1)&gt;.js')).toBe(3); // reason, modified row, not covered
    expect(summary).not.toContain('<img');
  });

  it('escapes an org name with a script, an id with Markdown, and URLs in href attributes', () => {
    const r = result([], {
      manifest: manifest({ signedByOrgName: '<script>alert("x")</script>', rootUrls: ['https://a.example/?q=<b>'] }),
      plugin: { id: 'my_org-*x*-panel', version: '1.0.0', type: 'panel' },
    });
    const summary = renderSummary(r, [], {
      distPath: 'dist',
      runUrl: 'https://github.com/o/r/actions/runs/1?"><script>',
      artifact: { name: 'x', url: 'javascript:alert(1)' },
    });
    expect(summary).toContain(
      '<tr><th align="left">Signed by</th><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; (myorg)</td></tr>',
    );
    expect(summary).toContain('<td><code>https://a.example/?q=&lt;b&gt;</code></td>');
    expect(summary.split('\n')[0]).toBe('## ✅ Signed: my&#95;org-&#42;x&#42;-panel');
    expect(summary).toContain('<a href="https://github.com/o/r/actions/runs/1?&quot;&gt;&lt;script&gt;">');
    expect(summary).toContain('📦 Artifact: <code>x</code>');
    expect(summary).not.toContain('javascript:');
    expect(summary).not.toContain('<script');
  });

  it('keeps a message with blank lines inside its HTML block', () => {
    const r = result([
      finding('signature', 'failed to check signature:\n\nopenpgp: invalid data', { path: 'MANIFEST.txt' }),
    ]);
    const summary = renderSummary(r, [], CTX);
    expect(summary).toContain(
      '<p><strong>Reason:</strong> failed to check signature:<br><br>openpgp: invalid data</p>',
    );
  });
});

describe('size', () => {
  const many = result(
    Array.from({ length: 20_000 }, (_, i) => modified(`public/img/very/deep/folder/icon-${i}.svg`)),
    { filesCount: 20_001 },
  );

  it('cuts each list at maxListItems with a visible row saying how many more', () => {
    const summary = renderSummary(many, [], CTX);
    expect(bytes(summary)).toBeLessThanOrEqual(1_000_000);
    expect(summary).toContain('<details><summary><strong>Modified files (20000)</strong>');
    expect(count(summary, '<tr><td rowspan="2"><code>public/')).toBe(100);
    expect(summary).toContain('<tr><td colspan="3"><em>… and 19900 more</em></td></tr>');
    expect(summary).not.toContain('shortened');
  });

  it('cuts further to stay under maxBytes, and says so', () => {
    const summary = renderSummary(many, [], { distPath: 'dist', maxListItems: 100_000 });
    const size = bytes(summary);
    expect(size).toBeLessThanOrEqual(1_000_000);
    expect(size).toBeGreaterThan(900_000); // the binary search keeps as many rows as fit
    const rows = count(summary, '<tr><td rowspan="2"><code>public/');
    expect(rows).toBeGreaterThan(3000);
    expect(summary).toContain(`<tr><td colspan="3"><em>… and ${20_000 - rows} more</em></td></tr>`);
    expect(summary).toContain(
      `<p>⚠️ <em>This summary was shortened to stay under 1000000 bytes (GitHub accepts at most 1 MiB per step): ` +
        `lists show at most ${rows} entries.</em></p>`,
    );
  });

  it('keeps the heading and stays under a tiny limit', () => {
    const summary = renderSummary(many, [], { distPath: 'dist', maxBytes: 5000 });
    expect(bytes(summary)).toBeLessThanOrEqual(5000);
    expect(summary.startsWith('## ❌ Modified signature: myorg-weather-panel\n\n')).toBe(true);
    expect(summary).toContain('This summary was shortened to stay under 5000 bytes');
    expect(summary).toContain('<strong>Modified files (20000)</strong>');
    expect(summary).toMatch(/<em>… and \d+ more<\/em>/);
  });

  it('cuts long values when even empty lists do not fit', () => {
    const long = 'x'.repeat(20_000) + '.js';
    const summary = renderSummary(result([modified(long)]), [], { distPath: 'dist', maxBytes: 5000 });
    expect(bytes(summary)).toBeLessThanOrEqual(5000);
    expect(summary).toMatch(/long values are cut to \d+ characters/);
    expect(summary.startsWith('## ❌ Modified signature: myorg-weather-panel\n\n')).toBe(true);
  });

  it('falls back to the heading alone below any useful size', () => {
    expect(renderSummary(many, [], { distPath: 'dist', maxBytes: 100 })).toBe(
      '## ❌ Modified signature: myorg-weather-panel\n',
    );
    expect(bytes(renderSummary(many, [], { distPath: 'dist', maxBytes: 20 }))).toBeLessThanOrEqual(20);
  });
});

describe('missing and not-covered files', () => {
  const r = result([modified('module.js'), missing('img/logo.svg'), notCovered('extra.js'), notCovered('README.md')], {
    filesCount: 4,
  });

  it('gives each category its own details block with its count', () => {
    const summary = renderSummary(r, [], CTX);
    expect(count(summary, '<details open>')).toBe(3);
    expect(summary).toContain(
      '<details open><summary><strong>Missing files (1)</strong>: ' +
        'Plugin file listed in the manifest was not found</summary>\n' +
        '<table>\n<tr><th align="left">File</th><th align="left">Expected SHA-256 (MANIFEST.txt)</th></tr>\n' +
        `<tr><td><code>img/logo.svg</code></td><td><code>${sha('signed img/logo.svg')}</code></td></tr>\n` +
        '</table>\n</details>\n\n',
    );
    expect(summary).toContain(
      '<details open><summary><strong>Files not covered (2)</strong>: ' +
        'The following files were not included in the signature</summary>\n' +
        '<ul>\n<li><code>extra.js</code></li>\n<li><code>README.md</code></li>\n</ul>\n</details>\n',
    );
    expect(summary).toContain('<strong>Modified files (1)</strong>');
  });

  it('annotates each file with its category', () => {
    const annotations = buildAnnotations(r, [], { workspace: WORKSPACE, distPath: DIST });
    expect(annotations.map((a) => [a.level, a.title, a.file])).toEqual([
      ['error', 'Modified signature: module.js', 'dist/module.js'],
      ['error', 'Modified signature: img/logo.svg', 'dist/img/logo.svg'],
      ['error', 'Modified signature: extra.js', 'dist/extra.js'],
      ['error', 'Modified signature: README.md', 'dist/README.md'],
    ]);
    expect(annotations[1].message).toBe(
      'Plugin file listed in the manifest was not found: img/logo.svg\n' +
        `expected SHA-256 (MANIFEST.txt): ${sha('signed img/logo.svg')}`,
    );
    expect(annotations[2].message).toBe('The following files were not included in the signature: extra.js');
  });

  it('gives paths relative to the workspace, and none for a plugin outside it', () => {
    const nested = path.join(WORKSPACE, 'packages', 'app', 'dist');
    expect(buildAnnotations(r, [], { workspace: WORKSPACE, distPath: nested })[0].file).toBe(
      'packages/app/dist/module.js',
    );
    const outside = buildAnnotations(r, [], { workspace: WORKSPACE, distPath: path.resolve('/tmp/plugin') });
    expect(outside.map((a) => a.file)).toEqual([undefined, undefined, undefined, undefined]);
    expect(outside[0].title).toBe('Modified signature: module.js');
  });

  it('keeps a manifest key with ../ inside the plugin folder', () => {
    const a = buildAnnotations(result([missing('../../etc/passwd')]), [], { workspace: WORKSPACE, distPath: DIST });
    expect(a[0].file).toBe('dist/etc/passwd');
  });
});

describe('non-file failures, root URLs and notes', () => {
  const check: RootUrlCheck = {
    appUrl: 'http://localhost:3000/',
    matched: false,
    attempts: [
      {
        rootUrl: 'https://grafana.example.com/',
        appUrl: 'http://localhost:3000/',
        matched: false,
        reason: 'scheme "https" ≠ "http"',
      },
    ],
  };
  const mismatch = finding(
    'root-url-mismatch',
    'Could not find root URL that matches running application URL http://localhost:3000/: ' +
      'tried https://grafana.example.com/ (scheme "https" ≠ "http")',
    { expected: 'https://grafana.example.com/', actual: 'http://localhost:3000/' },
  );
  // A tampered file found before the root URL in the list: check 11 still decides, and is annotated first.
  const r = result([modified('module.js'), mismatch], {
    manifest: manifest({ signatureType: 'private', rootUrls: ['https://grafana.example.com/'] }),
    rootUrlChecks: [check],
  });

  it('annotates the deciding failure first and without a file', () => {
    const annotations = buildAnnotations(r, [], { workspace: WORKSPACE, distPath: DIST });
    expect(annotations[0]).toEqual({ level: 'error', title: 'Invalid signature', message: mismatch.message });
    expect(annotations[1].title).toBe('Modified signature: module.js');
    expect(annotations).toHaveLength(2);
  });

  it('shows each app URL with each attempt, and other problems as a list', () => {
    const summary = renderSummary(r, [], CTX);
    expect(summary.startsWith('## ❌ Invalid signature: myorg-weather-panel\n\n')).toBe(true);
    expect(summary).toContain(
      '### Root URLs\n\n<ul>\n<li><code>http://localhost:3000/</code>: ❌ rejected\n<ul>\n' +
        '<li>❌ <code>https://grafana.example.com/</code>: scheme &quot;https&quot; ≠ &quot;http&quot;</li>\n</ul></li>\n</ul>',
    );
    expect(summary).toContain(
      '### Other problems\n\n<ul>\n<li>❌ Could not find root URL that matches running application URL ' +
        'http://localhost:3000/: tried https://grafana.example.com/ (scheme &quot;https&quot; ≠ &quot;http&quot;)</li>\n</ul>',
    );
  });

  it('turns information findings into notes and capped notices', () => {
    const notes = Array.from({ length: 12 }, (_, i) =>
      finding('root-url-unchecked', `root URLs not checked #${i}`, { expected: 'https://grafana.example.com/' }),
    );
    const ok = result(notes);
    expect(ok.status).toBe('valid');
    const summary = renderSummary(ok, [], CTX);
    expect(summary).toContain('### Notes\n\n<ul>\n<li>ℹ️ root URLs not checked #0</li>\n');
    expect(count(summary, '<li>ℹ️ ')).toBe(12);
    const annotations = buildAnnotations(ok, [], { workspace: WORKSPACE, distPath: DIST });
    expect(annotations).toHaveLength(10);
    expect(annotations.every((a) => a.level === 'notice')).toBe(true);
    expect(annotations[0].message).toBe('Signed as community by My Org');
    expect(annotations[1]).toEqual({
      level: 'notice',
      title: 'Note',
      message: 'root URLs not checked #0\nexpected: https://grafana.example.com/',
    });
    expect(annotations[9]).toEqual({ level: 'notice', message: '… and 4 more, see the job summary' });
  });
});

describe('expectations', () => {
  const expectations: ExpectationCheck[] = [
    {
      name: 'signature-type',
      met: false,
      expected: 'community',
      actual: 'private',
      message: 'expected signature type community, the manifest says private',
    },
    {
      name: 'root-urls',
      met: true,
      expected: 'https://grafana.example.com/',
      actual: 'https://grafana.example.com/',
      message: 'root URLs are https://grafana.example.com/, as expected',
    },
  ];
  const r = result([], {
    manifest: manifest({ signatureType: 'private', rootUrls: ['https://grafana.example.com/'] }),
  });

  it('lists met and unmet expectations', () => {
    const summary = renderSummary(r, expectations, CTX);
    expect(summary.startsWith('## ✅ Signed: myorg-weather-panel\n\n')).toBe(true);
    expect(summary).toContain(
      '<p>Grafana loads this plugin. <strong>❌ 1 of 2 expectations not met</strong> (see below).</p>',
    );
    expect(summary).toContain(
      '### Expectations\n\n<ul>\n<li>❌ expected signature type community, the manifest says private</li>\n' +
        '<li>✅ root URLs are https://grafana.example.com/, as expected</li>\n</ul>',
    );
  });

  it('annotates unmet expectations as errors and gives no success notice', () => {
    expect(buildAnnotations(r, expectations, { workspace: WORKSPACE, distPath: DIST })).toEqual([
      {
        level: 'error',
        title: 'Expectation not met: signature type',
        message: 'expected signature type community, the manifest says private',
      },
    ]);
  });
});

describe('a manifest time no date can hold', () => {
  it('is shown as the number instead of throwing', () => {
    const summary = renderSummary(result([], { manifest: manifest({ time: 1e20 }) }), [], CTX);
    expect(summary).toContain('<tr><th align="left">Signed at</th><td>100000000000000000000</td></tr>');
  });
});

describe('an unsigned plugin', () => {
  const r = result(
    [finding('manifest-missing', 'plugin is unsigned: could not find a MANIFEST.txt', { path: 'MANIFEST.txt' })],
    {
      manifest: undefined,
      key: undefined,
    },
  );

  it('says when Grafana still loads it and shows no manifest facts', () => {
    const summary = renderSummary(r, [], CTX);
    expect(summary.startsWith('## ❌ Unsigned: myorg-weather-panel\n\n')).toBe(true);
    expect(summary).toContain(
      '<p>Grafana loads this plugin only in development mode or when its id is listed in ' +
        "<code>allow_loading_unsigned_plugins</code>. Grafana's log says: " +
        '<code>plugin &#39;myorg-weather-panel&#39; has no signature</code></p>',
    );
    expect(summary).toContain('<tr><th align="left">Signature type</th><td>—</td></tr>');
    expect(summary).toContain('<tr><th align="left">Signed at</th><td>—</td></tr>');
  });
});

describe('hints (issue 11)', () => {
  const withHint = (
    f: Finding,
    cause: NonNullable<Finding['hint']>['cause'],
    detail: string,
    fix: string,
  ): Finding => ({
    ...f,
    hint: { cause, detail, fix },
  });

  it('shows one row per proven cause with its count, details and fix, before the facts', () => {
    const r = result([
      withHint(modified('module.js'), 'line-endings', 'module.js has CRLF line endings', 'sign after checkout'),
      withHint(modified('a.js'), 'line-endings', 'a.js has CRLF line endings', 'sign after checkout'),
      withHint(notCovered('.DS_Store'), 'os-debris', '.DS_Store is macOS Finder metadata', 'delete .DS_Store'),
      modified('b.js'),
    ]);
    const summary = renderSummary(r, [], CTX);
    expect(summary).toContain('### Why (proven from the files)');
    expect(summary).toContain(
      '💡 <code>line-endings</code> (2 findings): module.js has CRLF line endings\n<ul>\n<li>a.js has CRLF line endings</li>\n</ul>\n<strong>Fix:</strong> sign after checkout',
    );
    expect(summary).toContain(
      '💡 <code>os-debris</code>: .DS_Store is macOS Finder metadata<br>\n<strong>Fix:</strong> delete .DS_Store',
    );
    expect(summary.indexOf('### Why')).toBeLessThan(summary.indexOf('<table'));
  });

  it('has no section without a hint, and escapes hostile details and fixes', () => {
    expect(renderSummary(result([modified('b.js')]), [], CTX)).not.toContain('Why (proven');
    const evil = '<img src=x onerror=alert(1)>\n\n# heading';
    const summary = renderSummary(result([withHint(modified('x.js'), 'line-endings', evil, evil)]), [], CTX);
    expect(summary).not.toContain('<img');
    expect(summary).not.toContain('\n\n# heading');
    expect(count(summary, '&lt;img src=x onerror=alert(1)&gt;<br><br># heading')).toBe(2);
  });

  it('annotations carry the cause and the fix', () => {
    const f = withHint(modified('module.js'), 'line-endings', 'module.js has CRLF line endings', 'sign after checkout');
    const [a] = buildAnnotations(result([f]), [], { workspace: WORKSPACE, distPath: DIST });
    expect(a.message.split('\n').slice(-2)).toEqual([
      'cause (line-endings): module.js has CRLF line endings',
      'fix: sign after checkout',
    ]);
  });
});
