/**
 * `npx tsx scripts/screenshot-summary.ts`: pictures of the job summary, as a person sees it on GitHub.
 *
 * Renders the summary of a passing and of a failing verification (plain data, no signing) with `renderSummary`,
 * wraps each in a page styled like GitHub's job summary (GitHub renders the summary as Markdown with inline HTML;
 * here the Markdown part, headings and paragraphs, is rendered minimally, the rest is HTML already), and saves
 * PNG screenshots as docs/summary-pass.png, docs/summary-fail.png and docs/summary-hints.png (a failing plugin whose
 * causes are proven; the hints are made by the real detectors of src/verify/hints/). `npx tsx
 * scripts/screenshot-summary.ts summary-hints.png` renders only the named pictures.
 *
 * Needs `playwright-core` (a devDependency) and Debian's Chromium at /usr/bin/chromium
 * (`apt-get install -y chromium fonts-noto-color-emoji`); it downloads no browser.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { renderSummary, type SummaryContext } from '../src/action/summary.js';
import type { SignedManifest } from '../src/manifest/types.js';
import type { ExpectationCheck } from '../src/verify/expectations.js';
import { finding, grafanaLogLine, type Finding, type Hint } from '../src/verify/findings.js';
import { changedAfterSigningHint } from '../src/verify/hints/changed-after-signing.js';
import { lineEndingsHint } from '../src/verify/hints/line-endings.js';
import { osDebrisHint } from '../src/verify/hints/os-debris.js';
import type { VerifyResult } from '../src/verify/verify.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'docs');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
type KeyInfo = NonNullable<VerifyResult['key']>;
const BUILT_IN_KEY: KeyInfo = {
  keyId: '7e4d0c6a708866e7',
  source: 'embedded' as string as KeyInfo['source'],
  label: "Grafana's built-in key",
};
const RUN_URL = 'https://github.com/myorg/weather-panel/actions/runs/9876543210';

function manifest(overrides: Partial<SignedManifest>): SignedManifest {
  return {
    manifestVersion: '2.0.0',
    signatureType: 'community',
    signedByOrg: 'myorg',
    signedByOrgName: 'My Org',
    rootUrls: [],
    plugin: 'myorg-weather-panel',
    version: '1.4.2',
    time: Date.UTC(2024, 4, 1, 12, 34, 56),
    keyId: '7e4d0c6a708866e7',
    files: new Map([
      ['plugin.json', sha('plugin.json')],
      ['module.js', sha('module.js')],
      ['module.js.map', sha('module.js.map')],
      ['img/logo.svg', sha('img/logo.svg')],
      ['README.md', sha('README.md')],
      ['CHANGELOG.md', sha('CHANGELOG.md')],
      ['LICENSE', sha('LICENSE')],
    ]),
    ...overrides,
  };
}

const passing: VerifyResult = {
  status: 'valid',
  headline: grafanaLogLine('valid', 'myorg-weather-panel'),
  reason: '',
  pluginDir: '/home/runner/work/weather-panel/weather-panel/dist',
  plugin: { id: 'myorg-weather-panel', version: '1.4.2', type: 'panel' },
  manifest: manifest({}),
  key: BUILT_IN_KEY,
  signedAt: '2024-05-01T12:34:56.000Z',
  findings: [],
  rootUrlChecks: [],
  filesCount: 7,
};
const passingExpectations: ExpectationCheck[] = [
  {
    name: 'signature-type',
    met: true,
    expected: 'community',
    actual: 'community',
    message: 'signature type is community, as expected',
  },
];

const failingManifest = manifest({
  plugin: 'myorg-inventory-app',
  version: '2.0.1',
  signatureType: 'private',
  rootUrls: ['https://grafana.example.com/'],
});
const failing: VerifyResult = {
  status: 'modified',
  headline: grafanaLogLine('modified', 'myorg-inventory-app'),
  reason: 'Plugin file checksum does not match signature checksum: module.js',
  pluginDir: '/home/runner/work/inventory-app/inventory-app/dist',
  plugin: { id: 'myorg-inventory-app', version: '2.0.1', type: 'app' },
  manifest: failingManifest,
  key: BUILT_IN_KEY,
  signedAt: '2024-05-01T12:34:56.000Z',
  findings: [
    finding('file-modified', 'Plugin file checksum does not match signature checksum: module.js', {
      path: 'module.js',
      expected: sha('module.js'),
      actual: sha('module.js rebuilt'),
    }),
    finding('file-missing', 'Plugin file listed in the manifest was not found: img/logo.svg', {
      path: 'img/logo.svg',
      expected: sha('img/logo.svg'),
    }),
    finding('file-not-covered', 'The following files were not included in the signature: extra.js', {
      path: 'extra.js',
    }),
  ],
  rootUrlChecks: [
    {
      appUrl: 'https://grafana.example.com/',
      matched: true,
      attempts: [
        {
          rootUrl: 'https://grafana.example.com/',
          appUrl: 'https://grafana.example.com/',
          matched: true,
          how: 'exact',
          reason: 'scheme, host and path match',
        },
      ],
    },
  ],
  filesCount: 7,
};
const failingExpectations: ExpectationCheck[] = [
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

/**
 * The Markdown GitHub would parse, minimally: blocks separated by blank lines; `#`…`######` lines are headings,
 * blocks that start with a tag are HTML and pass through, anything else is a paragraph.
 */
function markdownToHtml(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const heading = /^(#{1,6}) (.*)$/.exec(block);
      if (heading) return `<h${heading[1].length}>${heading[2]}</h${heading[1].length}>`;
      if (block.startsWith('<')) return block;
      return `<p>${block}</p>`;
    })
    .join('\n');
}

/** A standalone page that looks like one step's summary on a GitHub run page. */
function page(jobName: string, summaryMarkdown: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 24px; background: #f6f8fa; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
      "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
  .box { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; max-width: 960px; }
  .box-header { padding: 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; font-size: 14px; }
  .markdown-body { padding: 16px 32px 24px; }
  .markdown-body > :first-child { margin-top: 0 !important; }
  h1, h2, h3 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
  h1 { font-size: 2em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
  h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
  h3 { font-size: 1.25em; }
  p, ul, table, details { margin: 0 0 16px; }
  ul { padding-left: 2em; } ul ul { margin: 0; }
  li + li { margin-top: .25em; }
  code { font: 85% ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
    background: #818b981f; padding: .2em .4em; border-radius: 6px; white-space: break-spaces; }
  table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%;
    overflow: auto; }
  table th, table td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  table th { font-weight: 600; }
  table tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
  table tr:nth-child(2n) { background: #f6f8fa; }
  details summary { cursor: pointer; display: list-item; }
  details[open] > summary { margin-bottom: 8px; }
  a { color: #0969da; text-decoration: none; }
</style></head>
<body><div class="box"><div class="box-header">${jobName} summary</div>
<div class="markdown-body">
${markdownToHtml(summaryMarkdown)}
</div></div></body></html>`;
}

const hinted = (f: Finding, hint: Hint | undefined): Finding => (hint ? { ...f, hint } : f);
const crlfFile = (name: string, lf: string): Finding =>
  hinted(
    finding('file-modified', `Plugin file checksum does not match signature checksum: ${name}`, {
      path: name,
      expected: sha(lf),
      actual: sha(lf.replaceAll('\n', '\r\n')),
    }),
    lineEndingsHint(name, Buffer.from(lf.replaceAll('\n', '\r\n')), sha(lf)),
  );
const hintsManifest = manifest({ plugin: 'myorg-weather-panel', version: '1.4.2' });
const withHints: VerifyResult = {
  status: 'modified',
  headline: grafanaLogLine('modified', 'myorg-weather-panel'),
  reason: 'manifest version "1.4.2" does not match plugin.json info.version "1.4.3"',
  pluginDir: '/home/runner/work/weather-panel/weather-panel/dist',
  plugin: { id: 'myorg-weather-panel', version: '1.4.3', type: 'panel' },
  manifest: hintsManifest,
  key: BUILT_IN_KEY,
  signedAt: '2024-05-01T12:34:56.000Z',
  findings: [
    hinted(
      finding('plugin-version-mismatch', 'manifest version "1.4.2" does not match plugin.json info.version "1.4.3"', {
        path: 'plugin.json',
        expected: '1.4.2',
        actual: '1.4.3',
      }),
      changedAfterSigningHint({ id: 'myorg-weather-panel', version: '1.4.3' }, hintsManifest),
    ),
    finding('file-modified', 'Plugin file checksum does not match signature checksum: plugin.json', {
      path: 'plugin.json',
      expected: sha('plugin.json'),
      actual: sha('plugin.json bumped'),
    }),
    crlfFile('module.js', 'define([], function () {\n  return {};\n});\n'),
    crlfFile('README.md', '# Weather panel\n\nShows the weather.\n'),
    hinted(
      finding('file-not-covered', 'The following files were not included in the signature: img/.DS_Store', {
        path: 'img/.DS_Store',
      }),
      osDebrisHint('img/.DS_Store'),
    ),
  ],
  rootUrlChecks: [],
  filesCount: 8,
};

const shots: {
  file: string;
  job: string;
  result: VerifyResult;
  expectations: ExpectationCheck[];
  ctx: SummaryContext;
}[] = [
  {
    file: 'summary-pass.png',
    job: 'sign',
    result: passing,
    expectations: passingExpectations,
    ctx: {
      distPath: 'dist',
      runUrl: RUN_URL,
      artifact: { name: 'myorg-weather-panel-1.4.2', url: `${RUN_URL}/artifacts/1234567890` },
    },
  },
  {
    file: 'summary-fail.png',
    job: 'verify',
    result: failing,
    expectations: failingExpectations,
    ctx: {
      distPath: 'dist',
      runUrl: RUN_URL,
      artifact: { name: 'myorg-inventory-app-2.0.1', skippedReason: 'the plugin is not validly signed' },
    },
  },
  {
    file: 'summary-hints.png',
    job: 'verify',
    result: withHints,
    expectations: [],
    ctx: {
      distPath: 'dist',
      runUrl: RUN_URL,
      artifact: { name: 'myorg-weather-panel-1.4.3', skippedReason: 'the plugin is not validly signed' },
    },
  },
];
const only = process.argv.slice(2);

mkdirSync(OUT_DIR, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const tab = await browser.newPage({ viewport: { width: 1010, height: 600 }, deviceScaleFactor: 1 });
  for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.file))) {
    await tab.setContent(page(shot.job, renderSummary(shot.result, shot.expectations, shot.ctx)));
    const out = path.join(OUT_DIR, shot.file);
    await tab.screenshot({ path: out, fullPage: true });
    process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
  }
} finally {
  await browser.close();
}
