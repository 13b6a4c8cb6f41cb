import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownText, oneLine, runnerText, startsCommand, summaryText } from '../../src/text/escape.js';
import { makeRedactor } from '../../src/text/redact.js';

/** Every workflow command the runner knows (actions/runner ActionCommandManager + the file-command era ones). */
const COMMANDS = [
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'add-mask',
  'set-output name=x',
  'save-state name=x',
  'add-path',
  'set-env name=x',
  'stop-commands',
  'echo',
  'add-matcher',
  'remove-matcher owner=x',
];
const SEPARATORS = ['\n', '\r', '\r\n'];
/** What the runner trims before looking for `::` (.NET Char.IsWhiteSpace), a few of each sort. */
const LEADING = ['', ' ', '   ', '\t', '\u00a0', '\u0085', '\u2003', '\u3000', '\f\v'];

/** The lines as the runner reads them: split on LF, CR, CRLF. */
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/);

describe('runnerText: no line can start a workflow command', () => {
  it.each(COMMANDS)('::%s:: after every separator and leading white space', (command) => {
    for (const sep of SEPARATORS) {
      for (const lead of LEADING) {
        const payload = `${lead}::${command}::INJECTED`;
        for (const text of [payload, `a value${sep}${payload}`, `x${sep}${sep}${payload}${sep}y`]) {
          const out = runnerText(text);
          expect(startsCommand(text)).toBe(true);
          expect(startsCommand(out)).toBe(false);
          for (const line of runnerLines(out)) expect(line).not.toMatch(/^[\s\u0085]*::/);
          // Nothing is lost: the lines are the same apart from the backslash.
          expect(out.replace(/\\::/g, '::')).toBe(text);
        }
      }
    }
  });

  it.each(COMMANDS)('legacy ##[%s] anywhere in a line', (command) => {
    for (const sep of SEPARATORS) {
      const text = `ok${sep}value ##[${command.split(' ')[0]}]INJECTED`;
      const out = runnerText(text);
      expect(out).not.toContain('##[');
      expect(out).toContain('##\\u005b');
      expect(startsCommand(out)).toBe(false);
    }
  });

  it('leaves our own lines alone and keeps JSON valid and equal', () => {
    const own =
      "Verifying dist as Grafana would\n  app URL https://a.example/: accepted\r\nplugin 'x' has an modified signature";
    expect(runnerText(own)).toBe(own);
    const json = JSON.stringify({ name: '##[warning]x', line: '\n::warning::x' }, null, 2);
    expect(JSON.parse(runnerText(json))).toEqual(JSON.parse(json));
  });
});

describe('oneLine: an outside value stays on one line', () => {
  it('escapes every separator and control, and backslashes so an escape always means the character', () => {
    expect(oneLine('a\nb\rc\r\nd\te')).toBe('a\\nb\\rc\\r\\nd\\te');
    expect(oneLine('\u0000\u001b\u007f\u0085\u2028\u2029')).toBe('\\u0000\\u001b\\u007f\\u0085\\u2028\\u2029');
    expect(oneLine('C:\\n')).toBe('C:\\\\n');
    for (const sep of SEPARATORS) {
      for (const command of COMMANDS) {
        const out = oneLine(`id${sep}::${command}::INJECTED`);
        expect(runnerLines(out)).toHaveLength(1);
        expect(startsCommand(`prefix ${out}`)).toBe(false);
      }
    }
  });
});

describe('summaryText: outside text cannot end an HTML block or start Markdown', () => {
  it.each(SEPARATORS)('line breaks (%j) become <br>, so no blank line can occur', (sep) => {
    const hostile = `a${sep}${sep}![img](https://evil.example/x.png)${sep}${sep}[link](https://evil.example/)</ul>`;
    const out = summaryText(hostile);
    expect(out).not.toMatch(/[\r\n]/);
    expect(out).toBe(`a<br><br>![img](https://evil.example/x.png)<br><br>[link](https://evil.example/)&lt;/ul&gt;`);
  });

  it('escapes HTML and the Unicode separators', () => {
    expect(summaryText('<img src=x onerror=alert(1)>\u2028"\'&')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<br>&quot;&#39;&amp;',
    );
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
  });

  it('markdownText: one line, punctuation literal', () => {
    expect(markdownText('id\n\n# heading [x](y) *b*')).toBe('id &#35; heading &#91;x&#93;(y) &#42;b&#42;');
  });
});

describe('makeRedactor: the token in every form it may be echoed in', () => {
  it('replaces raw, JSON-escaped and percent-encoded forms', () => {
    const token = 'glc_a/b"c+d';
    const redact = makeRedactor([token]);
    const text = [token, JSON.stringify(token), JSON.stringify(token).replace(/\//g, '\\/'), encodeURIComponent(token)];
    for (const form of text) expect(redact(`x ${form} y`)).not.toMatch(/a\/b|a\\\/b|a%2Fb/);
    expect(makeRedactor([])('glc_x')).toBe('glc_x');
  });
});
