#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 518:
/***/ (function (__webpack_module__, __webpack_exports__, __nccwpck_require__) {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var _grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4551);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(452);
/* harmony import */ var _text_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8944);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1814);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4761);
/**
 * CLI entry point: `node dist/cli/index.js <verify|sign|manifest|check-routes> ...`.
 * Exit codes: 0 success, 1 a verdict or expectation failed (or signing failed), 2 usage error.
 *
 * Each command's module is imported when that command runs (ncc puts it in a chunk beside `index.js`), so `--help`
 * loads only `./usage.ts` and `manifest` never loads `openpgp`, the zip libraries or the HTTP client.
 */





/** Each command's usage, printed by `<command> --help` (or `-h`) without loading the command. */
const COMMAND_USAGE = {
    verify: _usage_js__WEBPACK_IMPORTED_MODULE_3__/* .VERIFY_USAGE */ .Yp,
    sign: _usage_js__WEBPACK_IMPORTED_MODULE_3__/* .SIGN_USAGE */ ._8,
    manifest: _usage_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_USAGE */ .gX,
    'check-routes': _usage_js__WEBPACK_IMPORTED_MODULE_3__/* .CHECK_ROUTES_USAGE */ .qd,
};
/**
 * Dispatches a command. @param argv arguments after `node index.js`. @returns the process exit code.
 * Never throws: errors are printed on stderr (no stack trace) and mapped to exit codes.
 */
async function main(argv, env = process.env) {
    // Everything printed passes the token redactor and the escaping layer: the CLI runs in CI logs too.
    for (const name of [_grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .TOKEN_ENV */ .o4, _grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .LEGACY_TOKEN_ENV */ .YZ])
        (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .addSecret */ .Ck)((env[name] ?? '').trim());
    const print = (stream, s) => stream.write((0,_text_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .runnerText */ .yQ)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(s)) + '\n');
    const out = (s) => print(process.stdout, s);
    const warn = (s) => print(process.stderr, `warning: ${s}`);
    const [command, ...rest] = argv;
    const usage = command !== undefined ? COMMAND_USAGE[command] : undefined;
    if (usage !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
        out(usage);
        return 0;
    }
    try {
        switch (command) {
            case 'verify':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(169), __nccwpck_require__.e(895), __nccwpck_require__.e(799), __nccwpck_require__.e(34)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6034))).verifyCommand(rest, out, warn, env);
            case 'sign':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(169), __nccwpck_require__.e(895), __nccwpck_require__.e(799), __nccwpck_require__.e(312)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6312))).signCommand(rest, out, warn, env);
            case 'manifest':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(169), __nccwpck_require__.e(813)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9813))).manifestCommand(rest, out);
            case 'check-routes':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(547), __nccwpck_require__.e(150)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9150))).checkRoutesCommand(rest, out);
            case undefined:
            case '-h':
            case '--help':
            case 'help':
                out(_usage_js__WEBPACK_IMPORTED_MODULE_3__/* .HELP */ ._$);
                return command === undefined ? 2 : 0;
            default:
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('command', `unknown command "${command}"\n${_usage_js__WEBPACK_IMPORTED_MODULE_3__/* .HELP */ ._$}`);
        }
    }
    catch (error) {
        const isUsage = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb || error?.code?.startsWith('ERR_PARSE_ARGS');
        const message = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SignPluginError */ .t7 || isUsage
            ? error.message
            : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
        print(process.stderr, `error: ${message}`);
        return isUsage ? 2 : 1;
    }
}
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4761:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Yp: () => (/* binding */ VERIFY_USAGE),
/* harmony export */   _$: () => (/* binding */ HELP),
/* harmony export */   _8: () => (/* binding */ SIGN_USAGE),
/* harmony export */   gX: () => (/* binding */ MANIFEST_USAGE),
/* harmony export */   qd: () => (/* binding */ CHECK_ROUTES_USAGE)
/* harmony export */ });
/* harmony import */ var _grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4551);
/**
 * The CLI's usage strings, kept apart from the commands so that `--help` (and a usage error) loads nothing but this
 * file: each command's module, and with it `openpgp`, the zip libraries and the HTTP client, is imported only when
 * that command runs (see `./index.ts`).
 */

/** Usage of `verify`, three lines. */
const VERIFY_USAGE = 'usage: verify [--app-url URL]... [--public-key FILE]... [--signature-type T] [--root-urls U1,U2]\n' +
    '              [--fetch-keys [--grafana-com-url URL]] [--public-key-retrieval enabled|disabled]\n' +
    '              [--json] PATH...   (PATH: plugin folder or .zip)';
/** Usage of `sign`, three lines (the last names the token's environment variable). */
const SIGN_USAGE = 'usage: sign [--dist DIR] [--signature-type T] [--root-urls U1,U2] [--grafana-com-url URL] [--public-key FILE]...\n' +
    '            [--retries N] [--timeout-seconds S]\n' +
    `       the access policy token is read from ${_grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .TOKEN_ENV */ .o4}`;
/** Usage of `manifest`, one line. */
const MANIFEST_USAGE = 'usage: manifest DIR';
/** Usage of `check-routes`, one line. */
const CHECK_ROUTES_USAGE = 'usage: check-routes [--json] PATH...   (PATH: plugin folder, plugin.json or plugin .zip)';
/** What `--help` prints: one line about the tool, then each command's usage. */
const HELP = `sign-plugin-action CLI: sign and verify Grafana plugins exactly as Grafana does.

${VERIFY_USAGE}
${SIGN_USAGE}
${MANIFEST_USAGE}
${CHECK_ROUTES_USAGE}`;


/***/ }),

/***/ 452:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RV: () => (/* binding */ ManifestFormatError),
/* harmony export */   cZ: () => (/* binding */ PluginError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   t7: () => (/* binding */ SignPluginError),
/* harmony export */   uJ: () => (/* binding */ SigningError)
/* harmony export */ });
/**
 * Typed errors shared by the engine, the action and the CLI.
 *
 * Every error the project raises on purpose is a `SignPluginError`; anything else reaching the top level is a bug.
 * Messages name the input at fault and the fix, and never contain the access policy token.
 */
/** Base class: `code` is a stable machine-readable tag, `message` is for people. */
class SignPluginError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.name = new.target.name;
        this.code = code;
    }
}
/** A user-supplied input (action input, CLI flag or argument) is unusable. The CLI exits 2 on it. */
class UsageError extends SignPluginError {
    /** The input's name as the user wrote it, e.g. `signature-type` or `--app-url`. */
    input;
    constructor(input, message, options) {
        super('usage', message, options);
        this.input = input;
    }
}
/** The plugin folder itself cannot be processed (no plugin.json, unreadable folder, unsafe link). */
class PluginError extends SignPluginError {
    constructor(message, options) {
        super('plugin', message, options);
    }
}
/** A cleartext-signed MANIFEST.txt could not be decoded or its JSON parsed. */
class ManifestFormatError extends SignPluginError {
    constructor(message, options) {
        super('manifest-format', message, options);
    }
}
/** grafana.com (or a server speaking its protocol) refused or failed to sign. */
class SigningError extends SignPluginError {
    /** HTTP status, or 0 when no answer came back. */
    status;
    /** The server's own `message`, when it sent one. */
    serverMessage;
    constructor(status, message, serverMessage, options) {
        super('signing', message, options);
        this.status = status;
        this.serverMessage = serverMessage;
    }
}


/***/ }),

/***/ 4551:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   YZ: () => (/* binding */ LEGACY_TOKEN_ENV),
/* harmony export */   _O: () => (/* binding */ USER_AGENT),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   fj: () => (/* binding */ grafanaComEndpoint),
/* harmony export */   jh: () => (/* binding */ DEFAULT_GRAFANA_COM_URL),
/* harmony export */   o4: () => (/* binding */ TOKEN_ENV)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(452);
/**
 * grafana.com's API as both clients (signing, keys) address it: the default API root, the endpoint rules, the one
 * `User-Agent`, the loopback rule for plain `http://`, and the environment variables the access policy token comes
 * from. Shared by the action and the CLI (their defaults), so neither shell imports the other.
 */

/** The grafana.com API root (`grafana-com-url`'s default, `GRAFANA_COM_URL` of `@grafana/sign-plugin`). */
const DEFAULT_GRAFANA_COM_URL = 'https://grafana.com/api';
/** Environment variable `@grafana/sign-plugin` reads the token from; the action falls back to it. */
const TOKEN_ENV = 'GRAFANA_ACCESS_POLICY_TOKEN';
/** The deprecated name of the same token. */
const LEGACY_TOKEN_ENV = 'GRAFANA_API_KEY';
/** The `User-Agent` of every request to grafana.com (signing and the keys fetch), unless a caller passes another. */
const USER_AGENT = 'sign-plugin-action';
/**
 * An endpoint under the grafana.com API root: `${url without trailing slashes}${route}`. Surrounding whitespace is
 * ignored.
 *
 * `grafanaComEndpoint('https://grafana.com/api/', '/plugins/ci/keys')` → `'https://grafana.com/api/plugins/ci/keys'`.
 *
 * @throws UsageError (input `grafana-com-url`) when the URL does not parse, is not `http:`/`https:`, or carries
 *   credentials, a query or a fragment (the path is appended, so those would produce a wrong endpoint).
 */
function grafanaComEndpoint(grafanaComUrl, route) {
    const raw = grafanaComUrl.trim();
    let parsed;
    try {
        parsed = new URL(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('grafana-com-url', `grafana-com-url "${raw}" is not a valid URL; use the grafana.com API root, e.g. https://grafana.com/api`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('grafana-com-url', `grafana-com-url "${raw}" must be an http(s) URL (got ${parsed.protocol}); use e.g. https://grafana.com/api`);
    }
    if (parsed.username || parsed.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('grafana-com-url', 'grafana-com-url must not contain a user name or password; the access policy token authenticates the request');
    }
    if (parsed.search || parsed.hash || raw.includes('?') || raw.includes('#')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('grafana-com-url', `grafana-com-url "${raw}" must not have a query or fragment; use the API root, e.g. https://grafana.com/api`);
    }
    return `${raw.replace(/\/+$/, '')}${route}`;
}
/**
 * Loopback as the http refusal understands it (WHATWG-normalised hostname): `localhost`, `127.0.0.0/8`, `::1`, and
 * IPv4-mapped `::ffff:127.0.0.0/104` (normalised to `::ffff:7fXX:XXXX`). Literal addresses only, besides `localhost`:
 * no name is resolved, so no DNS answer can turn a "loopback" name into a remote host.
 */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    return (host === 'localhost' ||
        host === '::1' ||
        /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
        /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host));
}


/***/ }),

/***/ 8944:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   yQ: () => (/* binding */ runnerText)
/* harmony export */ });
/* unused harmony exports oneLine, startsCommand, escapeHtml, summaryText, markdownText */
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
function oneLine(value) {
    return value.replace(/\\/g, '\\\\').replace(CONTROL, (c) => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        if (c === '\t')
            return '\\t';
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
function runnerText(text) {
    // Nothing to neutralise without `::` or `##[` (a 5,000-file manifest is printed without splitting it into lines).
    if (!text.includes('::') && !text.includes('##['))
        return text;
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
function startsCommand(text) {
    return text.split(LINE_BREAK).some((line) => LEADING_COMMAND.test(line) || line.includes('##['));
}
const HTML_ENTITIES = {
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
function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}
/**
 * Outside text for the inside of an HTML block of the job summary: HTML-escaped, and every line break (LF, CR,
 * CRLF, and U+2028/U+2029) as `<br>`, so no blank line can end the block and let Markdown (images, links,
 * headings) render; other controls as U+FFFD-free `\u00XX` escapes (as {@link oneLine} writes them).
 *
 * @param s any text. @returns HTML text on one source line.
 */
function summaryText(s) {
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
function markdownText(s) {
    return s
        .replace(/[&<>"'\\`*_[\]#~|]/g, (c) => HTML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`)
        .replace(/[\s\u0085]+/g, ' ');
}


/***/ }),

/***/ 1814:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ makeRedactor),
/* harmony export */   Ck: () => (/* binding */ addSecret),
/* harmony export */   E$: () => (/* binding */ redact)
/* harmony export */ });
/**
 * The token redactor: one mechanism, applied where text leaves the tool (the runner's log, annotations, job summary,
 * outputs, the CLI's stdout/stderr) and where a server's answer is quoted into an error. Neutral: no `@actions/*`.
 */
/** What a secret is replaced with. */
const REDACTED = '***';
/**
 * A function replacing every occurrence of each secret, in the forms a server or a JSON encoder may echo it (as is,
 * JSON-escaped, JSON-escaped with `\/`, percent-encoded), with `***`. Longer forms are replaced first.
 *
 * @param secrets the secrets; empty strings are ignored. @returns `(text) => redacted text`; the identity when
 *   there is no secret.
 */
function makeRedactor(secrets) {
    const forms = new Set();
    for (const secret of secrets) {
        if (secret === '')
            continue;
        forms.add(secret);
        const jsonEscaped = JSON.stringify(secret).slice(1, -1);
        forms.add(jsonEscaped);
        forms.add(jsonEscaped.replace(/\//g, '\\/')); // encoders that also escape "/" (PHP, some Java)
        forms.add(encodeURIComponent(secret));
    }
    const ordered = [...forms].filter((form) => form !== '').sort((a, b) => b.length - a.length);
    return (text) => {
        let out = text;
        for (const form of ordered)
            out = out.split(form).join(REDACTED);
        return out;
    };
}
/** Secrets registered for the process (the access policy token once it is read). */
const registered = [];
let current = (t) => t;
/**
 * Registers a secret for {@link redact}, like `core.setSecret` does for the runner's log, but for every channel
 * this tool writes itself. @param secret the token; an empty string is ignored.
 */
function addSecret(secret) {
    if (secret === '' || registered.includes(secret))
        return;
    registered.push(secret);
    current = makeRedactor(registered);
}
/** `text` with every registered secret replaced by `***` (see {@link makeRedactor}). */
function redact(text) {
    return current(text);
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(518);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__main = __webpack_exports__.i;
/******/ export { __webpack_exports__main as main };
/******/ 
