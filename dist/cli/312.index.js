export const id = 312;
export const ids = [312];
export const modules = {

/***/ 6312:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  signCommand: () => (/* binding */ signCommand)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/grafana-com/fetch-keys.js
var fetch_keys = __webpack_require__(5125);
// EXTERNAL MODULE: ./lib/signature/keys.js
var signature_keys = __webpack_require__(4476);
// EXTERNAL MODULE: ./lib/options/parse.js
var parse = __webpack_require__(2977);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/fs/atomic-write.js
/**
 * Writes that leave nothing behind: a file replaced in one `rename(2)`, and a lock file that serializes runs on one
 * folder. Own code: `write-file-atomic` and `proper-lockfile` keep their temporary and lock files beside the target,
 * which for MANIFEST.txt is inside the very folder being signed (where a leftover would be signed into the plugin).
 */



/**
 * Writes `bytes` to `target` through a temporary file (created with `O_EXCL`, mode 0644, flushed with `fsync`) and a
 * `rename(2)`, so readers see the old file or the new one, never a half-written one. A process killed meanwhile can
 * leave the temporary file (in `tempDir`), never a partial `target`.
 *
 * @param target file to replace. @param bytes its new content. @param options temporary file's folder and prefix.
 * @throws the `fs` error (EXDEV when `tempDir` is on another file system than `target`); the temporary file is then
 *   removed and `target` is untouched.
 */
async function writeFileAtomically(target, bytes, options = {}) {
    const dir = options.tempDir ?? external_node_path_.dirname(target);
    const prefix = options.tempPrefix ?? `.${external_node_path_.basename(target)}.`;
    const temp = external_node_path_.join(dir, `${prefix}${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await (0,promises_.open)(temp, 'wx', 0o644);
    try {
        await handle.writeFile(bytes);
        await handle.sync();
        await handle.close();
        await (0,promises_.rename)(temp, target);
    }
    catch (error) {
        await handle.close().catch(() => undefined);
        await (0,promises_.rm)(temp, { force: true });
        throw error;
    }
}
/**
 * Removes temporary files `<prefix><12 hex>.tmp` left in `dir` by killed runs (call it while holding the folder's
 * lock, so no live run's file is removed).
 *
 * @returns the names removed (for a notice). @throws never (a folder that cannot be listed gives `[]`).
 */
async function removeStaleTemps(dir, prefix) {
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch {
        return [];
    }
    const removed = [];
    for (const name of names) {
        if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)))
            continue;
        await (0,promises_.rm)(external_node_path_.join(dir, name), { force: true }).then(() => removed.push(name), () => undefined);
    }
    return removed;
}
/** Another live process holds the lock; the message names the folder, the process and the fix. */
class FolderLockedError extends Error {
    code = 'ELOCKED';
}
/**
 * Takes the lock `lockPath` (a file holding this process's pid, created atomically by `link(2)`, which fails when it
 * exists) for work on `what`. A lock
 * left by a process that no longer runs (killed) is removed with a notice and taken; a lock held by a running
 * process fails at once (no waiting: two signings of one folder are a mistake the user must see).
 *
 * @param lockPath lock file, outside the folder it protects. @param what the folder, for messages.
 * @returns the held lock. @throws FolderLockedError when a running process holds it; the `fs` error otherwise.
 */
async function acquireFolderLock(lockPath, what) {
    const notices = [];
    for (let attempt = 0;; attempt++) {
        // The pid is written before the lock exists (a hard link of a finished file), so no reader sees it empty.
        const draft = `${lockPath}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        await (0,promises_.writeFile)(draft, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
        try {
            await (0,promises_.link)(draft, lockPath);
            let released = false;
            return {
                path: lockPath,
                notices,
                release: async () => {
                    if (released)
                        return;
                    released = true;
                    await (0,promises_.rm)(lockPath, { force: true });
                },
            };
        }
        catch (error) {
            if (error.code !== 'EEXIST' || attempt >= 2)
                throw error;
        }
        finally {
            await (0,promises_.rm)(draft, { force: true });
        }
        const holder = Number.parseInt(await (0,promises_.readFile)(lockPath, 'utf8').catch(() => ''), 10);
        if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
            throw new FolderLockedError(`${what} is being signed by another process (pid ${holder}, lock file ${lockPath}): wait for it to finish; ` +
                'if no such process runs, remove the lock file');
        }
        // A process that is gone (killed): stale. Two runs finding the same stale lock at the same instant could both
        // remove it; the window is one rm, and the loser then fails on EEXIST after its retries.
        await (0,promises_.rm)(lockPath, { force: true });
        notices.push(`removed a stale lock ${lockPath} left by a run that was stopped`);
    }
}
function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}

// EXTERNAL MODULE: ./lib/manifest/build.js
var build = __webpack_require__(7169);
// EXTERNAL MODULE: ./lib/verify/expectations.js
var verify_expectations = __webpack_require__(4890);
// EXTERNAL MODULE: ./lib/verify/verify.js + 6 modules
var verify = __webpack_require__(3895);
// EXTERNAL MODULE: ./lib/text/redact.js
var text_redact = __webpack_require__(1814);
// EXTERNAL MODULE: ./lib/grafana-com/exchange.js
var exchange = __webpack_require__(3747);
// EXTERNAL MODULE: ./lib/grafana-com/http.js
var http = __webpack_require__(1306);
// EXTERNAL MODULE: ./lib/grafana-com/retry.js
var retry = __webpack_require__(7798);
// EXTERNAL MODULE: ./lib/grafana-com/endpoint.js
var grafana_com_endpoint = __webpack_require__(4551);
;// CONCATENATED MODULE: ./lib/grafana-com/signing-client.js
/**
 * The grafana.com signing client: `POST {grafana-com-url}/plugins/ci/sign` with an access policy token, exactly as
 * `@grafana/sign-plugin` does it (see docs/verification.md#signing), returning the signed MANIFEST.txt bytes.
 *
 * The token never appears in any message this module produces: it travels only in the `Authorization` header, is
 * refused over plain `http://` to anything but loopback, redirects are not followed (so it cannot be replayed to
 * another host), and anything the server echoes back is redacted before it reaches an error or a retry report.
 *
 * Connection errors, timeouts, 429 and 5xx are retried (`./retry.ts`); proxies come from the environment
 * (`./http.ts`, through `@actions/http-client`).
 */






/** How much of a non-JSON error body is quoted. */
const MAX_QUOTED_BODY = 500;
/** Every signed MANIFEST.txt contains this line (docs/verification.md#cleartext). */
const CLEARTEXT_HEADER = '-----BEGIN PGP SIGNED MESSAGE-----';
/**
 * The signing endpoint for an API root: `${url without trailing slashes}/plugins/ci/sign`
 * (docs/verification.md#signing; the path `@grafana/sign-plugin` appends to `GRAFANA_COM_URL`). Surrounding whitespace
 * is ignored.
 *
 * `signingEndpoint('https://grafana.com/api/')` → `'https://grafana.com/api/plugins/ci/sign'`.
 *
 * @throws UsageError (input `grafana-com-url`): see {@link grafanaComEndpoint}.
 */
function signingEndpoint(grafanaComUrl) {
    return (0,grafana_com_endpoint/* grafanaComEndpoint */.fj)(grafanaComUrl, '/plugins/ci/sign');
}
/**
 * Asks grafana.com to sign `opts.manifest` and returns the answer's bytes unchanged: they ARE the signed
 * MANIFEST.txt (leading empty line, CRLF, `Hash: SHA512`) and must be written to disk byte for byte
 * (docs/verification.md#cleartext).
 *
 * Request (docs/verification.md#signing, as `@grafana/sign-plugin`): `POST {endpoint}` with `Content-Type:
 * application/json`, `Accept: application/json`, `Authorization: Bearer <token>` and the compact JSON body
 * `{"plugin","version","files"}` followed, only when set (non-empty), by `"signatureType"`, `"rootUrls"`,
 * `"signPlugin"`. Proxies come from `https_proxy`/`http_proxy`/`no_proxy` (through `@actions/http-client`, see
 * `./http.ts`). Redirects are not followed: a redirect is reported, so the token is never sent elsewhere.
 *
 * Retries (`./retry.ts`): connection errors (refused, reset, `socket hang up`, an answer cut short), a missed
 * per-attempt deadline (`timeoutMs`), 429 and 5xx are tried again, up to `retries` extra times, after a backoff with
 * full jitter (1 s base, 30 s cap) or the server's `Retry-After` (seconds or HTTP date), within the overall budget.
 * Other answers (3xx, 4xx, a 200 that is not a signed manifest) and unknown hosts or TLS errors are final at once.
 *
 * @throws UsageError (`grafana-com-url`) for an unusable URL (see {@link signingEndpoint}) or plain `http://` to a
 *   host that is not loopback (`127.0.0.0/8`, `::1`, `::ffff:127.0.0.0/104`, `localhost`) — checked on the target
 *   URL, whatever proxy is set, before any connection is made.
 * @throws UsageError (`access-policy-token`) for an empty token or one with whitespace/control/non-ASCII characters.
 * @throws SigningError with the HTTP status for any answer but a 200 carrying a cleartext-signed message (the
 *   message states the status, the server's `message` — or the first 500 characters of a non-JSON body — and what to
 *   do); status `0` when no complete answer came back (connection refused, DNS failure, timeout, dropped connection).
 *   When retries were allowed and the last attempt failed with a retryable error, the message ends with
 *   `Gave up after N attempts over S s; last failure: <reason>.`. Every occurrence of the token in those texts (and in
 *   the `cause` and the `onRetry` reasons) is replaced by `***`.
 */
async function requestSignedManifest(opts) {
    const endpoint = signingEndpoint(opts.grafanaComUrl);
    const url = new URL(endpoint);
    if (url.protocol === 'http:' && !(0,grafana_com_endpoint/* isLoopbackHost */.cW)(url.hostname)) {
        throw new errors/* UsageError */.eb('grafana-com-url', `Refusing to send the access policy token over plain http to ${url.host}: use an https:// grafana-com-url ` +
            '(plain http is only allowed for loopback hosts: 127.0.0.0/8, ::1, localhost)');
    }
    const token = opts.token.trim();
    if (token === '') {
        throw new errors/* UsageError */.eb('access-policy-token', 'No access policy token: create one at grafana.com with scope plugins:write and pass it as the ' +
            'access-policy-token input (GRAFANA_ACCESS_POLICY_TOKEN for the CLI)');
    }
    if (!/^[\x21-\x7e]+$/.test(token)) {
        throw new errors/* UsageError */.eb('access-policy-token', 'The access policy token contains spaces, control or non-ASCII characters; copy it again from grafana.com');
    }
    const redact = (0,text_redact/* makeRedactor */.$u)([opts.token, token]);
    const policy = (0,retry/* resolveRetryPolicy */.NO)({ ...opts.retryPolicy, retries: opts.retries, timeoutMs: opts.timeoutMs });
    const body = JSON.stringify(requestBody(opts.manifest));
    return await (0,exchange/* exchangeWithRetries */.q)({
        request: {
            method: 'POST',
            url: endpoint,
            headers: {
                'Content-Type': 'application/json',
                Accept: 'application/json',
                Authorization: `Bearer ${token}`,
            },
            body,
            userAgent: opts.userAgent ?? grafana_com_endpoint/* USER_AGENT */._O,
        },
        policy,
        onRetry: opts.onRetry,
        redactReason: redact,
        noAnswer: (err, _reason, timeoutMs) => new errors/* SigningError */.uJ(0, redact(connectionFailure(endpoint, err, timeoutMs)), undefined, {
            cause: redactError(err, redact),
        }),
        answered: (answer) => {
            const status = answer.status;
            if (status === 200) {
                if (!answer.body.toString('utf8').includes(CLEARTEXT_HEADER)) {
                    const quoted = redact(answer.body.toString('utf8')).trim().slice(0, 200);
                    throw new errors/* SigningError */.uJ(200, redact(`POST ${endpoint} answered HTTP 200 but the body is not a signed manifest ` +
                        `(${quoted ? `it starts with "${quoted}"` : 'it is empty'}). ` +
                        'Check that grafana-com-url is the grafana.com API root ending in /api, e.g. https://grafana.com/api.'));
                }
                return answer.body;
            }
            const message = (0,http/* serverMessage */.x_)(answer.body, MAX_QUOTED_BODY, redact);
            const location = headerValue(answer.headers['location']);
            const hint = hintFor(status, message, opts.manifest, endpoint, location ? redact(location) : undefined);
            const reason = answer.statusText ? ` ${answer.statusText}` : '';
            const said = message !== undefined ? `: ${message}` : ' (empty body)';
            return new errors/* SigningError */.uJ(status, redact(`grafana.com refused to sign: POST ${endpoint} answered HTTP ${status}${reason}${said}. ${hint}`), message);
        },
        gaveUp: (last, summary) => new errors/* SigningError */.uJ(last.status, `${last.message} ${redact(summary)}.`, last.serverMessage, { cause: last.cause }),
    });
}
/** The request body with keys in `@grafana/sign-plugin`'s order; optional fields only when set. */
function requestBody(manifest) {
    const body = {
        plugin: manifest.plugin,
        version: manifest.version,
        files: manifest.files,
    };
    if (manifest.signatureType !== undefined && manifest.signatureType !== '') {
        body.signatureType = manifest.signatureType;
    }
    if (manifest.rootUrls !== undefined && manifest.rootUrls.length > 0) {
        body.rootUrls = manifest.rootUrls;
    }
    if (manifest.signPlugin !== undefined) {
        body.signPlugin = manifest.signPlugin;
    }
    return body;
}
/** Text of a SigningError(0). */
function connectionFailure(endpoint, err, timeoutMs) {
    const detail = err instanceof Error ? err.message : String(err);
    const code = err?.code;
    if (err instanceof http/* HttpExchangeError */.ql && err.kind === 'timeout') {
        return (`No answer from ${endpoint} within ${timeoutMs} ms` +
            (detail.startsWith('the answer did not complete') ? ' (the answer started but did not complete)' : '') +
            '. grafana.com may be slow or unreachable from here (check the network, an https_proxy setting, or retry later).');
    }
    const codeText = typeof code === 'string' && !detail.includes(code) ? ` (${code})` : '';
    return (`Could not reach ${endpoint}: ${detail}${codeText}. Check grafana-com-url, the network and any proxy ` +
        'settings (https_proxy, no_proxy), then retry.');
}
/** What to do about a refusal, by status (docs/verification.md#signing lists the errors seen in the wild). */
function hintFor(status, serverMessage, manifest, endpoint, location) {
    const level = manifest.signatureType ? `signature type "${manifest.signatureType}"` : 'its signature level';
    if (status >= 300 && status < 400) {
        return (`The redirect${location ? ` to ${location}` : ''} was not followed, so the token is not sent elsewhere. ` +
            'Set grafana-com-url to the grafana.com API root ending in /api, e.g. https://grafana.com/api.');
    }
    switch (status) {
        case 400:
            if (serverMessage !== undefined && /rootUrls/.test(serverMessage)) {
                return ('Private signing (signature-type private or private-glob) needs the URLs Grafana will be served from: ' +
                    'pass them as the root-urls input (--root-urls for the CLI). If you meant a public level, the plugin ' +
                    'has no public signature level granted on grafana.com yet, so it can only be signed as private.');
            }
            return ('grafana.com rejected the manifest: check plugin.json id and info.version, the signature-type and ' +
                'root-urls inputs.');
        case 401:
            return ('The access policy token is missing, expired or malformed: create one at grafana.com (your org → ' +
                'Access Policies) with scope plugins:write and pass it as the access-policy-token input ' +
                '(GRAFANA_ACCESS_POLICY_TOKEN for the CLI).');
        case 403: {
            const prefix = manifest.plugin.split('-')[0];
            return (`The token's org must own the plugin id's prefix (the slug before the first "-"): plugin ` +
                `"${manifest.plugin}" can only be signed with an access policy token of the grafana.com org "${prefix}". ` +
                'Use a token from that org or change the plugin id.');
        }
        case 404:
            return (`Nothing answers at ${endpoint}: check that grafana-com-url is the grafana.com API root and ends in /api ` +
                '(default https://grafana.com/api).');
        case 409:
            return (`The plugin is not approved for ${level}: that level must first be granted on grafana.com (submit the ` +
                'plugin for review), or sign it as private with root-urls.');
        case 429:
            return 'grafana.com is rate limiting requests: wait a little and retry.';
        default:
            if (status >= 500) {
                return 'grafana.com failed to sign: this is on its side, retry later.';
            }
            return 'Unexpected answer from the signing endpoint: check grafana-com-url and retry.';
    }
}
/** A copy of a connection error that is safe to attach as `cause`: its message and code, redacted. */
function redactError(err, redact) {
    const safe = new Error(redact(err instanceof Error ? err.message : String(err)));
    const code = err?.code;
    if (typeof code === 'string') {
        safe.code = code;
    }
    return safe;
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}

;// CONCATENATED MODULE: ./lib/signing/sign.js
/**
 * Signing a plugin: build the manifest, have grafana.com sign it, prove the answer is what Grafana will
 * accept, and only then write MANIFEST.txt (atomically, byte for byte).
 */








/** grafana.com answered 200 with a manifest Grafana would not accept for these files; nothing was written. */
class SignedManifestRejectedError extends errors/* SignPluginError */.t7 {
    findings;
    expectations;
    constructor(message, findings, expectations) {
        super('signed-manifest-rejected', message);
        this.findings = findings;
        this.expectations = expectations;
    }
}
/**
 * Signs `dist` through grafana.com (`POST {grafanaComUrl}/plugins/ci/sign`, docs/verification.md#signing).
 *
 * The answer is verified against the files with the trusted keys (plugin, version, every hash, every file
 * covered, the signature type and root URLs asked for) before MANIFEST.txt is replaced by a rename of a
 * temporary file in the plugin folder's parent (never inside the folder, where it could be signed); on any failure
 * the earlier MANIFEST.txt is left byte-identical. Runs on one folder are serialized by a lock file in the parent
 * (`.<folder>.sign-plugin.lock`, with the pid): a second run fails at once with a PluginError naming the first;
 * a lock or temporary file left by a killed run is removed, and said in `notices`.
 *
 * @returns where MANIFEST.txt was written, its bytes, the request, the verification and the notices.
 * @throws PluginError (bad folder or plugin.json, another signing of the folder running, lock not writable), UsageError (bad grafana-com-url), SigningError (grafana.com
 *   refused or failed), SignedManifestRejectedError (the answer would not be accepted by Grafana).
 */
async function signPlugin(options) {
    let root;
    try {
        root = await (0,promises_.realpath)(options.dist);
    }
    catch {
        return { ...(await signLocked(options, manifestTemps(external_node_path_.resolve(options.dist)))), notices: [] }; // buildManifest words it
    }
    const temps = manifestTemps(root);
    let lock;
    try {
        lock = await acquireFolderLock(external_node_path_.join(temps.dir, `.${external_node_path_.basename(root)}.sign-plugin.lock`), options.dist);
    }
    catch (error) {
        if (error instanceof FolderLockedError)
            throw new errors/* PluginError */.cZ(error.message, { cause: error });
        const code = error.code ?? String(error);
        throw new errors/* PluginError */.cZ(`cannot lock ${options.dist} for signing (${code} on a lock file in ${temps.dir}): the folder holding the ` +
            'plugin folder must be writable, as MANIFEST.txt is written there first and renamed into place', { cause: error });
    }
    try {
        const notices = [...lock.notices];
        for (const name of await removeStaleTemps(temps.dir, temps.prefix)) {
            notices.push(`removed ${external_node_path_.join(temps.dir, name)}, a temporary MANIFEST.txt left by a run that was stopped`);
        }
        return { ...(await signLocked(options, temps)), notices };
    }
    finally {
        await lock.release();
    }
}
function manifestTemps(root) {
    return { dir: external_node_path_.dirname(root), prefix: `.${external_node_path_.basename(root)}.MANIFEST.txt.` };
}
async function signLocked(options, temps) {
    const built = await (0,build/* buildManifest */.u1)(options.dist);
    const request = { plugin: built.plugin, version: built.version, files: built.files };
    if (options.signatureType)
        request.signatureType = options.signatureType;
    if (options.rootUrls && options.rootUrls.length > 0)
        request.rootUrls = [...options.rootUrls];
    if (options.toolVersion)
        request.signPlugin = { version: options.toolVersion };
    const keys = typeof options.keys === 'function' ? await options.keys() : options.keys;
    const manifestBytes = await requestSignedManifest({
        grafanaComUrl: options.grafanaComUrl,
        token: options.token,
        manifest: request,
        retries: options.retries,
        timeoutMs: options.timeoutMs,
        onRetry: options.onRetry,
    });
    const verification = await (0,verify/* verifyPlugin */.Vz)(options.dist, {
        keys,
        manifestBytes,
        appUrls: request.rootUrls ?? null,
        now: options.now,
    });
    const expectations = (0,verify_expectations/* checkExpectations */.E)(verification, {
        signatureType: options.signatureType,
        rootUrls: request.rootUrls,
    });
    const unmet = expectations.filter((e) => !e.met);
    if (verification.status !== 'valid' || unmet.length > 0) {
        const reasons = [
            ...verification.findings.filter((f) => f.status !== null).map((f) => f.message),
            ...unmet.map((e) => e.message),
        ];
        const changed = verification.findings.some((f) => f.kind === 'file-modified' || f.kind === 'file-not-covered');
        throw new SignedManifestRejectedError(`grafana.com answered with a manifest Grafana would reject (${verification.status}); MANIFEST.txt was not written:\n` +
            reasons.map((r) => `  - ${r}`).join('\n') +
            (changed ? '\nA file may have changed while the plugin was being signed: rebuild and sign again.' : ''), verification.findings, expectations);
    }
    const manifestPath = external_node_path_.join(verification.pluginDir, build/* MANIFEST_FILE */.h1);
    await writeFileAtomically(manifestPath, manifestBytes, { tempDir: temps.dir, tempPrefix: temps.prefix });
    return { manifestPath, manifestBytes, request, verification };
}

// EXTERNAL MODULE: ./lib/cli/options.js
var options = __webpack_require__(9048);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./lib/version.js
/**
 * This tool's name and version, sent to grafana.com as `signPlugin.version` like `@grafana/sign-plugin` does.
 *
 * The version is `package.json`'s, read at build time: ncc inlines the JSON into both bundles, so `dist/` carries the
 * value it was built from and needs no `package.json` beside it at run time.
 */

/** `package.json`'s `version`, e.g. `0.1.0`. */
const VERSION = package_namespaceObject.rE;
/** `sign-plugin-action/<version>`, the `signPlugin.version` sent with every signing request. */
const TOOL_VERSION = `sign-plugin-action/${VERSION}`;

;// CONCATENATED MODULE: ./lib/cli/sign.js
/**
 * `sign [--dist DIR] [--signature-type T] [--root-urls U1,U2] [--grafana-com-url URL] [--public-key FILE]...`
 * The access policy token comes from `GRAFANA_ACCESS_POLICY_TOKEN`.
 */









/**
 * Runs `sign`: signs DIR (default `dist`) through grafana.com, verifies the answer, writes MANIFEST.txt.
 *
 * @returns exit code 0 on success. @throws UsageError (exit 2) for bad flags or a missing token; SigningError
 *   and friends (exit 1) when signing fails.
 */
const signCommand = async (argv, out, warn, env) => {
    const { values } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: false,
        options: {
            dist: { type: 'string', default: 'dist' },
            ...(0,options/* keyAndExpectationOptions */.J)(env),
            retries: { type: 'string', default: '' },
            'timeout-seconds': { type: 'string', default: '' },
        },
    });
    const token = (env[grafana_com_endpoint/* TOKEN_ENV */.o4] || env[grafana_com_endpoint/* LEGACY_TOKEN_ENV */.YZ] || '').trim();
    if (!token) {
        throw new errors/* UsageError */.eb(grafana_com_endpoint/* TOKEN_ENV */.o4, `${grafana_com_endpoint/* TOKEN_ENV */.o4} is not set: create an access policy token with the plugins:write scope at grafana.com and export it`);
    }
    const grafanaComUrl = (0,options/* grafanaComUrlOption */.e)(values['grafana-com-url']);
    const { retries, timeoutMs } = (0,parse/* parseRetryInputs */.jm)(values.retries, values['timeout-seconds'], {
        retries: '--retries',
        timeout: '--timeout-seconds',
    });
    // The answer must verify with a key Grafana trusts: the embedded one, those grafana.com publishes, and yours.
    const extra = await (0,signature_keys/* loadPublicKeyInputs */.qd)(values['public-key'] ?? [], '--public-key');
    const keys = () => (0,fetch_keys/* trustedKeysFor */.Fz)({ fetch: true, retrieval: 'enabled', grafanaComUrl, extra, onWarning: warn, retries });
    const signed = await signPlugin({
        dist: values.dist,
        token,
        grafanaComUrl,
        signatureType: (0,parse/* parseSignatureType */.Y4)(values['signature-type'], '--signature-type'),
        rootUrls: (0,parse/* parseUrlList */.Jq)(values['root-urls'], '--root-urls'),
        keys,
        toolVersion: TOOL_VERSION,
        retries,
        timeoutMs,
        onRetry: ({ attempt, delayMs, reason }) => warn(`grafana.com: ${reason}; attempt ${attempt + 1} in ${(delayMs / 1000).toFixed(1)} s`),
    });
    const m = signed.verification.manifest;
    out(`Signed ${m?.plugin} ${m?.version}: ${m?.signatureType} signature by ${m?.signedByOrgName} (${m?.signedByOrg}), ` +
        `key ${m?.keyId}, ${Object.keys(signed.request.files).length} files\nWrote ${signed.manifestPath}`);
    return 0;
};


/***/ })

};
