/**
 * The one escaping layer between outside text and the GitHub runner (log, annotations, job summary). Neutral: no
 * `@actions/*` import, so the action and the CLI share it.
 *
 * Runner facts it is built on (actions/runner `ActionCommandManager`, `ActionCommand.TryParseV2` / `TryParse`):
 * - the runner reads its step's output line by line, a line ending at LF, CR or CRLF;
 * - a line whose text, after trimming white space (.NET `String.Trim`), starts with `::` is a workflow command
 *   (`::warning::x`, `::add-mask::x`, `::stop-commands::t` …);
 * - a line that contains `##[` anywhere is read as a legacy command (`##[set-output name=x;]y`) when the word after
 *   it names a registered command.
 * And on GitHub Flavored Markdown: an HTML block ends at a blank line, after which Markdown (images, links) renders.
 */

/** Line separators the runner splits on. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Characters .NET's `String.Trim` removes from the start of a line (`Char.IsWhiteSpace`): JavaScript's `\s` plus
 * U+0085, which `\s` lacks. U+FEFF is in `\s` but not trimmed by .NET; counting it too only escapes more.
 */
const LEADING_COMMAND = /^([\s\u0085]*)::/;

/** Controls and line/paragraph separators shown as escapes by {@link oneLine}. */
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/**
 * One outside value (a file name, a plugin id, a manifest field, a URL) made to stay on one line: CR as `\r`, LF as
 * `\n`, tab as `\t`, every other C0 control, DEL, U+0085, U+2028 and U+2029 as `\u00XX` / `\u2028`, a backslash as
 * `\\` (so an escape in the output always means the character was there). Use it where the value is interpolated
 * into a message; {@link runnerText} still guards the whole message.
 *
 * @param value any text. @returns the same text on one line.
 */
export function oneLine(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Text made safe to write to the runner's log (stdout of the action, stderr/stdout of the CLI in CI): no line it
 * produces can start a workflow command. Every line (split on LF, CR, CRLF; the separators are kept) whose first
 * non-space characters are `::` gets a `\` before them (`\::warning::x` is shown as written, not run), and every `##[`
 * becomes `##\u005b` (the escape {@link oneLine} uses, and a valid JSON escape, so JSON output stays valid and means
 * the same). Lines of our own messages are never changed, since none starts with `::` or holds `##[`.
 *
 * @param text the whole message (may hold several lines). @returns the text with every command start neutralized.
 */
export function runnerText(text: string): string {
  // Nothing to neutralise without `::` or `##[` (a 5,000-file manifest is printed without splitting it into lines).
  if (!text.includes('::') && !text.includes('##[')) return text;
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(LEADING_COMMAND, '$1\\::').replace(/##\[/g, '##\\u005b');
  }
  return parts.join('');
}

/**
 * Whether `text` contains a line the runner would read as a workflow command (v2 `::name` after white space, or a
 * legacy `##[`). For tests and assertions. @param text any output. @returns true when a line could run a command.
 */
export function startsCommand(text: string): boolean {
  return text.split(LINE_BREAK).some((line) => LEADING_COMMAND.test(line) || line.includes('##['));
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values: `&` `<` `>` `"` `'` become entities. Line
 * breaks are kept: for text inside an HTML block of the job summary use {@link summaryText}.
 *
 * @param s any text. @returns the same text, safe between tags and inside `"…"` attributes.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Outside text for the inside of an HTML block of the job summary: HTML-escaped, and every line break (LF, CR,
 * CRLF, and U+2028/U+2029) as `<br>`, so no blank line can end the block and let Markdown (images, links,
 * headings) render; other controls as U+FFFD-free `\u00XX` escapes (as {@link oneLine} writes them).
 *
 * @param s any text. @returns HTML text on one source line.
 */
export function summaryText(s: string): string {
  return escapeHtml(s)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Outside text for a Markdown line of the summary (a heading): HTML-escaped, Markdown's punctuation as numeric
 * entities so it stays literal, runs of white space (line breaks included) as one space.
 *
 * @param s any text. @returns text that renders literally on one Markdown line.
 */
export function markdownText(s: string): string {
  return s
    .replace(/[&<>"'\\`*_[\]#~|]/g, (c) => HTML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`)
    .replace(/[\s\u0085]+/g, ' ');
}
