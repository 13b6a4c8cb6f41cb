export const id = 799;
export const ids = [799];
export const modules = {

/***/ 9048:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ keyAndExpectationOptions),
/* harmony export */   e: () => (/* binding */ grafanaComUrlOption)
/* harmony export */ });
/* harmony import */ var _grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4551);
/**
 * The `parseArgs` options `sign` and `verify` share: trusted keys, the expectations, and the grafana.com API root.
 */

/**
 * Options for `node:util` `parseArgs`: `--public-key FILE` (repeatable), `--signature-type T`, `--root-urls U1,U2`,
 * `--grafana-com-url URL` (default `GRAFANA_COM_URL` from `env`, else grafana.com's API root).
 *
 * @param env the process environment. @returns the option configs, to spread into a command's own.
 */
function keyAndExpectationOptions(env) {
    return {
        'public-key': { type: 'string', multiple: true },
        'signature-type': { type: 'string' },
        'root-urls': { type: 'string' },
        'grafana-com-url': { type: 'string', default: env.GRAFANA_COM_URL || _grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_GRAFANA_COM_URL */ .jh },
    };
}
/**
 * The `--grafana-com-url` value without trailing slashes.
 *
 * @param value the option's value (it has a default, so it is always set).
 */
function grafanaComUrlOption(value) {
    return (value ?? _grafana_com_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_GRAFANA_COM_URL */ .jh).replace(/\/+$/, '');
}


/***/ }),

/***/ 4251:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ cleanPath)
/* harmony export */ });
/**
 * Go's `path.Clean` (Go 1.26 src/path/path.go), ported line by line: Grafana cleans request paths with it before
 * matching root URLs.
 */
/**
 * Go's `path.Clean(p)` (src/path/path.go): collapses repeated `/`, removes `.` elements, resolves `..` against the
 * preceding element (a rooted path cannot go above `/`), drops the trailing `/` (except for `/` itself) and turns an
 * empty result into `.`. Never returns `""`.
 *
 * @param p a slash-separated path, e.g. `/grafana//a/../`
 * @returns the cleaned path, e.g. `/grafana`
 *
 * Works the same on byte strings and JS strings: only `/` and `.` are special.
 */
function cleanPath(path) {
    if (path === '')
        return '.';
    const rooted = path[0] === '/';
    const n = path.length;
    // Invariants: reading from path, r is the next byte to process; out holds what is written; dotdot is the index
    // in out where .. must stop, either because it is the leading slash or it is a leading ../../.. prefix.
    let out = '';
    let r = 0;
    let dotdot = 0;
    if (rooted) {
        out = '/';
        r = 1;
        dotdot = 1;
    }
    while (r < n) {
        if (path[r] === '/') {
            // empty path element
            r++;
        }
        else if (path[r] === '.' && (r + 1 === n || path[r + 1] === '/')) {
            // . element
            r++;
        }
        else if (path[r] === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
            // .. element: remove to last /
            r += 2;
            if (out.length > dotdot) {
                // can backtrack
                let w = out.length - 1;
                while (w > dotdot && out[w] !== '/')
                    w--;
                out = out.slice(0, w);
            }
            else if (!rooted) {
                // cannot backtrack, but not rooted, so append .. element.
                if (out.length > 0)
                    out += '/';
                out += '..';
                dotdot = out.length;
            }
        }
        else {
            // real path element; add slash if needed
            if ((rooted && out.length !== 1) || (!rooted && out.length !== 0))
                out += '/';
            let end = path.indexOf('/', r);
            if (end < 0)
                end = n;
            out += path.slice(r, end);
            r = end;
        }
    }
    // Turn empty string into "."
    return out === '' ? '.' : out;
}


/***/ }),

/***/ 3747:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ exchangeWithRetries)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1306);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7798);
/**
 * One grafana.com request with retries, as the signing client and the published-keys client both make it: each
 * attempt is one HTTP exchange (`./http.ts`) with the attempt's time limit; no complete answer is retried when the
 * failure is transient (refused, reset, cut short, timed out), an answer is retried when its status is 429 or 5xx
 * (after its `Retry-After` when given), everything else is final (`./retry.ts`).
 */


/**
 * Makes the request until it succeeds, fails for good, or the retry policy is spent.
 *
 * @returns the body `answered` returned (bytes as received).
 * @throws the `noAnswer` or `answered` error of a final failure, or the `gaveUp` error once retries are spent (with
 *   `policy.retries` 0, the single attempt's error as is); any error `answered` throws.
 */
async function exchangeWithRetries(x) {
    const redact = x.redactReason ?? ((reason) => reason);
    const verdicts = (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictTags */ .Pw)();
    const attempt = async (timeoutMs) => {
        let answer;
        try {
            answer = await (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .httpExchange */ .ai)({ ...x.request, timeoutMs });
        }
        catch (err) {
            const reason = err instanceof _http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpExchangeError */ .ql ? (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .exchangeFailureReason */ .Oh)(err) : String(err);
            throw verdicts.tag(x.noAnswer(err, reason, timeoutMs), {
                retryable: (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransientExchangeError */ .qx)(err),
                reason: redact(reason),
            });
        }
        const outcome = x.answered(answer);
        if (Buffer.isBuffer(outcome))
            return outcome;
        const statusText = answer.statusText ? ` ${answer.statusText}` : '';
        throw verdicts.tag(outcome, {
            retryable: (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableStatus */ .PS)(answer.status),
            reason: redact(`HTTP ${answer.status}${statusText}`),
            retryAfterMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRetryAfter */ .mu)(answer.headers['retry-after']),
        });
    };
    return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetriesOrLastError */ .aR)((context) => attempt(context.timeoutMs), x.policy, verdicts.classify, x.onRetry, x.gaveUp);
}


/***/ }),

/***/ 5125:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fz: () => (/* binding */ trustedKeysFor)
/* harmony export */ });
/* unused harmony exports KEY_FETCH_TIMEOUT_MS, KeyFetchError, fetchGrafanaComKeys */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3747);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1306);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7798);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4551);
/* harmony import */ var _signature_grafana_key_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8000);
/* harmony import */ var _signature_keys_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4476);
/**
 * Grafana's key retriever (`pkg/plugins/manager/signature` key providers, docs/verification.md#keys): besides its
 * built-in key, Grafana trusts the keys grafana.com publishes at `GET {grafana_com api_url}/plugins/ci/keys`, each
 * under the exact `keyId` string the answer gives, fetched with a 10 s timeout; with `public_key_retrieval_disabled =
 * true` it trusts only the built-in key.
 */







/** Grafana's key retriever gives grafana.com 10 s to answer. */
const KEY_FETCH_TIMEOUT_MS = 10_000;
/** How much of an error body is quoted. */
const MAX_QUOTED_BODY = 200;
/** grafana.com's key list could not be fetched or read: no answer, an HTTP error, bad JSON or a bad key. */
class KeyFetchError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SignPluginError */ .t7 {
    /** HTTP status of the answer, or 0 when no answer came back (or the request was refused before sending). */
    status;
    constructor(status, message, options) {
        super('key-fetch', message, options);
        this.status = status;
    }
}
/**
 * Fetches the keys grafana.com publishes for plugin signatures, as Grafana's key retriever does:
 * `GET {grafanaComUrl}/plugins/ci/keys` (no token, no credentials), answer `{"items":[{"keyId":"…","public":
 * "<armored public key>","since":<int>}]}`.
 *
 * Each item's `public` is read with `readArmoredPublicKeys` and trusted under the item's `keyId`, exactly as given
 * (Grafana stores keys by that string and looks manifests' `keyId` up by it, without case folding); the whole armored
 * text is kept, as Grafana hands it to `ReadArmoredKeyRing`. Source `grafana.com`, label `grafana.com key <keyId>`.
 * The JSON is read as Go's `encoding/json` reads Grafana's struct: `items` absent or null is an empty list, `since`
 * absent or null is 0, and a `since` that is not an integer is an error.
 *
 * Retries as signing does (`./retry.ts`): connection errors, timeouts, 429 and 5xx; redirects are not followed.
 * Plain `http://` is refused except to loopback: these keys decide what verifies, so nobody on the path may swap them.
 *
 * @returns the keys, in the answer's order (an empty list when grafana.com lists none).
 * @throws UsageError (`grafana-com-url`) for an unusable URL (see `grafanaComEndpoint`).
 * @throws KeyFetchError for plain http to a host that is not loopback, no complete answer within the time limit
 *   (status 0), any status but 200, a body that is not JSON or not shaped like the above, an empty `keyId`, or a
 *   `public` that is not an armored public key. After retries the message ends with
 *   `Gave up after N attempts over S s; last failure: <reason>.`
 */
async function fetchGrafanaComKeys(opts) {
    const endpoint = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .grafanaComEndpoint */ .fj)(opts.grafanaComUrl, '/plugins/ci/keys');
    const url = new URL(endpoint);
    if (url.protocol === 'http:' && !(0,_endpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .isLoopbackHost */ .cW)(url.hostname)) {
        throw new KeyFetchError(0, `Refusing to fetch trusted keys over plain http from ${url.host}: anyone on the path could replace them; ` +
            'use an https:// grafana-com-url (plain http is only allowed for loopback hosts)');
    }
    const timeoutMs = opts.timeoutMs ?? KEY_FETCH_TIMEOUT_MS;
    const policy = (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveRetryPolicy */ .NO)({ ...opts.retryPolicy, retries: opts.retries, timeoutMs });
    const body = await (0,_exchange_js__WEBPACK_IMPORTED_MODULE_1__/* .exchangeWithRetries */ .q)({
        request: {
            method: 'GET',
            url: endpoint,
            headers: { Accept: 'application/json' },
            userAgent: opts.userAgent ?? _endpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_AGENT */ ._O,
        },
        policy,
        onRetry: opts.onRetry,
        noAnswer: (err, reason, attemptTimeoutMs) => new KeyFetchError(0, err instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpExchangeError */ .ql && err.kind === 'timeout'
            ? `No answer from ${endpoint} within ${attemptTimeoutMs} ms.`
            : `Could not reach ${endpoint}: ${reason}.`, { cause: err }),
        answered: (answer) => {
            if (answer.status === 200)
                return answer.body;
            const statusText = answer.statusText ? ` ${answer.statusText}` : '';
            const said = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .serverMessage */ .x_)(answer.body, MAX_QUOTED_BODY);
            return new KeyFetchError(answer.status, `GET ${endpoint} answered HTTP ${answer.status}${statusText}${said ? `: ${said}` : ' (empty body)'}.`);
        },
        gaveUp: (last, summary) => new KeyFetchError(last.status, `${last.message} ${summary}.`, { cause: last.cause }),
    });
    return await readKeyList(body, endpoint);
}
/** The keys of a 200 answer's body. */
async function readKeyList(body, endpoint) {
    const shape = '{"items":[{"keyId":"…","public":"<armored public key>","since":<int>}]}';
    const bad = (why, cause) => new KeyFetchError(200, `GET ${endpoint} answered HTTP 200 but ${why}`, cause === undefined ? undefined : { cause });
    let parsed;
    try {
        parsed = JSON.parse(body.toString('utf8'));
    }
    catch (err) {
        const start = body.toString('utf8').trim().slice(0, MAX_QUOTED_BODY);
        throw bad(`the body is not JSON (${err.message})${start ? `; it starts with "${start}"` : ''}`, err);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw bad(`the body is not a JSON object shaped like ${shape}`);
    }
    const items = parsed.items;
    if (items === undefined || items === null)
        return [];
    if (!Array.isArray(items))
        throw bad(`"items" is not an array (expected ${shape})`);
    const keys = [];
    for (const [index, item] of items.entries()) {
        const where = `item #${index + 1} of "items"`;
        if (item === null || typeof item !== 'object' || Array.isArray(item))
            throw bad(`${where} is not an object`);
        const { keyId, public: armored, since } = item;
        if (typeof keyId !== 'string' || keyId === '')
            throw bad(`${where} has no "keyId" string`);
        if (typeof armored !== 'string')
            throw bad(`${where} (keyId "${keyId}") has no "public" string`);
        if (since !== undefined && since !== null && !Number.isSafeInteger(since)) {
            throw bad(`${where} (keyId "${keyId}") has a "since" that is not an integer: ${JSON.stringify(since)}`);
        }
        const label = `grafana.com key ${keyId}`;
        let read;
        try {
            read = await (0,_signature_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .readArmoredPublicKeys */ .qI)(armored, 'grafana.com', label);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb)
                throw bad(`${where}: ${err.message}`, err);
            throw err;
        }
        const primary = read.find((k) => k.keyId === keyId.toLowerCase()) ?? read[0];
        keys.push({ keyId, fingerprint: primary.fingerprint, armored, source: 'grafana.com', label });
    }
    return keys;
}
function fetchOptions(opts) {
    return {
        grafanaComUrl: opts.grafanaComUrl,
        timeoutMs: opts.timeoutMs,
        retries: opts.retries,
        retryPolicy: opts.retryPolicy,
    };
}
/**
 * The keys a verification trusts, assembled like Grafana's key provider, in this order (a later key replaces an
 * earlier one with the same ID):
 *
 * 1. Grafana's embedded key `7e4d0c6a708866e7`, always;
 * 2. when `fetch` is set and `retrieval` is `enabled`, the keys of {@link fetchGrafanaComKeys}; if that fails with a
 *    KeyFetchError, `onWarning("could not fetch the signing keys grafana.com publishes, falling back to the embedded
 *    key 7e4d0c6a708866e7: <why>")` and verification goes on without them (Grafana also keeps working on the
 *    built-in key when grafana.com cannot be reached);
 * 3. `extra`, the keys the user passed.
 *
 * `retrieval: 'disabled'` (Grafana's `public_key_retrieval_disabled = true`) trusts no fetched key, whatever `fetch`
 * says; with `fetch` the list is still read, only to record the published key IDs (`TrustedKeys.markPublished`) that
 * explain a `missing public key` verdict (the `rotated-key` hint); a failed fetch then only warns. Fetched keys are
 * always recorded as published too.
 * Keys in `extra` still apply, because the user passed them explicitly — but such a Grafana trusts only its embedded
 * key, so a plugin valid here only thanks to them would be invalid there: a warning says so whenever `extra` is not
 * empty.
 *
 * @throws UsageError (`grafana-com-url`) when fetching with an unusable URL; never for a failed fetch.
 */
async function trustedKeysFor(opts) {
    const keys = _signature_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .TrustedKeys */ .qK.withEmbedded();
    if (opts.retrieval === 'disabled') {
        if (opts.extra.length > 0) {
            const count = opts.extra.length === 1 ? 'the key' : `the ${opts.extra.length} keys`;
            opts.onWarning(`public key retrieval is disabled (like Grafana's public_key_retrieval_disabled = true): such a Grafana ` +
                `trusts only its embedded key ${_signature_grafana_key_js__WEBPACK_IMPORTED_MODULE_6__/* .GRAFANA_KEY_ID */ .dy}, but ${count} you passed (` +
                `${opts.extra.map((k) => `${k.keyId} from ${k.label}`).join(', ')}) still apply here because you passed ` +
                'them explicitly; a plugin signed with them will be invalid in that Grafana.');
        }
        if (opts.fetch) {
            // Such a Grafana fetches nothing; the list is read only to explain "missing public key" (rotated-key hint).
            try {
                keys.markPublished((await fetchGrafanaComKeys(fetchOptions(opts))).map((k) => k.keyId));
            }
            catch (error) {
                if (!(error instanceof KeyFetchError))
                    throw error;
                opts.onWarning(`could not fetch the key list grafana.com publishes (read only to explain an untrusted key ID, since ` +
                    `public key retrieval is disabled): ${error.message}`);
            }
        }
    }
    else if (opts.fetch) {
        try {
            const fetched = await fetchGrafanaComKeys(fetchOptions(opts));
            for (const key of fetched)
                keys.add(key);
            keys.markPublished(fetched.map((k) => k.keyId));
        }
        catch (error) {
            if (!(error instanceof KeyFetchError))
                throw error;
            const also = opts.extra.length > 0 ? ' (and the keys you passed)' : '';
            opts.onWarning(`could not fetch the signing keys grafana.com publishes, falling back to the embedded key ` +
                `${_signature_grafana_key_js__WEBPACK_IMPORTED_MODULE_6__/* .GRAFANA_KEY_ID */ .dy}${also}: ${error.message}`);
        }
    }
    for (const key of opts.extra)
        keys.add(key);
    return keys;
}


/***/ }),

/***/ 1306:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oh: () => (/* binding */ exchangeFailureReason),
/* harmony export */   ai: () => (/* binding */ httpExchange),
/* harmony export */   ql: () => (/* binding */ HttpExchangeError),
/* harmony export */   qx: () => (/* binding */ isTransientExchangeError),
/* harmony export */   x_: () => (/* binding */ serverMessage)
/* harmony export */ });
/** No complete answer: `kind` says why, `code` carries Node's error code (`ECONNREFUSED`, …) when there is one. */
class HttpExchangeError extends Error {
    kind;
    code;
    constructor(kind, message, code, options) {
        super(message, options);
        this.name = 'HttpExchangeError';
        this.kind = kind;
        if (code !== undefined)
            this.code = code;
    }
}
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Connection-level error codes worth another attempt: the network or the server may be fine a moment later. */
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'ENETDOWN',
    'EHOSTUNREACH',
    'EHOSTDOWN',
    'UND_ERR_SOCKET',
]);
/**
 * Whether a failed exchange is worth another attempt: timeouts, answers cut short, and connection errors such as
 * ECONNRESET/ECONNREFUSED/`socket hang up`/a proxy refusing the tunnel. Not: unknown hosts (`ENOTFOUND`), TLS and
 * certificate errors, oversized answers — they would fail the same way again.
 */
function isTransientExchangeError(error) {
    if (!(error instanceof HttpExchangeError))
        return false;
    if (error.kind === 'timeout' || error.kind === 'incomplete')
        return true;
    if (error.kind === 'too-large')
        return false;
    return ((error.code !== undefined && TRANSIENT_CODES.has(error.code)) ||
        /socket hang up|tunneling socket/.test(error.message));
}
/** A short reason for logs: `ECONNRESET: socket hang up`, `no answer within 300 ms`. */
function exchangeFailureReason(error) {
    return error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
}
/**
 * Sends one request and reads the whole answer, within `timeoutMs` for everything.
 *
 * @returns the answer, whatever its status (3xx are not followed).
 * @throws HttpExchangeError: `timeout` (`no answer within N ms` / `the answer did not complete within N ms`),
 *   `incomplete` (the connection closed before the answer was complete), `too-large`, or `connection` (Node's
 *   message, e.g. `connect ECONNREFUSED 127.0.0.1:9`, with its `code`, the original error as `cause`).
 */
async function httpExchange(request) {
    const url = new URL(request.url);
    // Loaded only when grafana.com is called, not at start-up (see docs/performance.md).
    const [{ HttpClient }, transport] = await Promise.all([
        __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 4942)),
        url.protocol === 'https:' ? Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 19)) : Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 19)),
    ]);
    const maxBodyBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const client = new HttpClient(request.userAgent, undefined, {
        keepAlive: false,
        allowRedirects: false,
        allowRetries: false,
    });
    const agent = client.getAgent(request.url);
    const headers = { ...request.headers, 'User-Agent': request.userAgent };
    if (request.body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(request.body, 'utf8'));
    return new Promise((resolve, reject) => {
        let settled = false;
        let answered = false;
        const settle = (error, answer) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (error) {
                req.destroy();
                reject(error);
            }
            else {
                resolve(answer);
            }
            client.dispose();
        };
        const timer = setTimeout(() => {
            settle(new HttpExchangeError('timeout', answered
                ? `the answer did not complete within ${request.timeoutMs} ms`
                : `no answer within ${request.timeoutMs} ms`));
        }, request.timeoutMs);
        const req = transport.request(url, { method: request.method, headers, agent }, (res) => {
            answered = true;
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > maxBodyBytes) {
                    settle(new HttpExchangeError('too-large', `the answer is larger than ${maxBodyBytes} bytes`));
                    return;
                }
                chunks.push(chunk);
            });
            res.on('end', () => {
                settle(undefined, {
                    status: res.statusCode ?? 0,
                    statusText: res.statusMessage ?? '',
                    headers: res.headers,
                    body: Buffer.concat(chunks),
                });
            });
            const cut = () => settle(new HttpExchangeError('incomplete', 'the connection closed before the answer was complete', 'ECONNRESET'));
            res.on('error', cut);
            res.on('aborted', cut);
            res.on('close', () => {
                if (!res.complete)
                    cut();
            });
        });
        req.on('error', (err) => {
            const code = typeof err.code === 'string' ? err.code : undefined;
            settle(new HttpExchangeError('connection', err.message, code, { cause: err }));
        });
        req.end(request.body);
    });
}
/**
 * What a grafana.com error answer says: the `message` of a JSON body (grafana.com's error shape,
 * docs/verification.md#signing), else the start of the text body; `undefined` for an empty body. `redact` runs on the
 * body first, so a secret the server echoes never reaches the result.
 *
 * @param body the answer's bytes; @param maxChars how much of a non-JSON body to quote.
 */
function serverMessage(body, maxChars, redact = (t) => t) {
    const text = redact(body.toString('utf8'));
    try {
        const parsed = JSON.parse(text);
        const message = parsed?.message;
        if (typeof message === 'string')
            return message;
    }
    catch {
        // not JSON: quote the text
    }
    return text.trim().slice(0, maxChars) || undefined;
}


/***/ }),

/***/ 7798:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NO: () => (/* binding */ resolveRetryPolicy),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   Pe: () => (/* binding */ MAX_TIMEOUT_SECONDS),
/* harmony export */   Pw: () => (/* binding */ verdictTags),
/* harmony export */   TU: () => (/* binding */ DEFAULT_RETRIES),
/* harmony export */   aR: () => (/* binding */ withRetriesOrLastError),
/* harmony export */   jN: () => (/* binding */ MIN_TIMEOUT_SECONDS),
/* harmony export */   kd: () => (/* binding */ MAX_RETRIES),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS)
/* harmony export */ });
/* unused harmony exports DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS, backoffDelayMs, RetriesExhaustedError, describeAttempts, withRetries */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/**
 * Retrying requests to grafana.com: a bounded number of attempts, each with its own time limit, separated by
 * exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015), honouring a
 * server's `Retry-After` (RFC 9110 §10.2.3), all within an overall time budget.
 *
 * What is worth retrying is the caller's decision (see {@link RetryVerdict}); the usual rule for HTTP is
 * {@link isRetryableStatus}: 429 and 5xx are, other answers are not.
 */

/** The default extra attempts (the action's `retries` input default). */
const DEFAULT_RETRIES = 3;
/** The default time limit of one attempt: 30 s (the action's `timeout-seconds` input default). */
const DEFAULT_TIMEOUT_MS = 30_000;
/** The default backoff unit: 1 s. */
const DEFAULT_BASE_DELAY_MS = 1_000;
/** The default cap of a backoff wait: 30 s. */
const DEFAULT_MAX_DELAY_MS = 30_000;
/** Bounds of the action's `retries` input. */
const MAX_RETRIES = 10;
/** Bounds of the action's `timeout-seconds` input, in seconds. */
const MIN_TIMEOUT_SECONDS = 1;
const MAX_TIMEOUT_SECONDS = 600;
/**
 * A complete policy from a partial one. Defaults: `retries` 3, `timeoutMs` 30000, `baseDelayMs` 1000,
 * `maxDelayMs` 30000, and `totalMs` large enough for every attempt to use its whole time limit and every wait its
 * cap: `(retries + 1) · timeoutMs + retries · maxDelayMs` (210 s with the defaults).
 *
 * @throws RangeError when a given value is negative or not finite, `retries` is not an integer, or `timeoutMs` or
 *   `totalMs` is 0 (a programming error: user input goes through `parseRetryInputs` in `src/options/parse.ts` first).
 */
function resolveRetryPolicy(partial = {}) {
    const retries = partial.retries ?? DEFAULT_RETRIES;
    const timeoutMs = partial.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const baseDelayMs = partial.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    const maxDelayMs = partial.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    const totalMs = partial.totalMs ?? (retries + 1) * timeoutMs + retries * maxDelayMs;
    const policy = { retries, timeoutMs, totalMs, baseDelayMs, maxDelayMs };
    for (const [name, value] of Object.entries(policy)) {
        if (!Number.isFinite(value) || value < 0)
            throw new RangeError(`retry policy: ${name} must be >= 0, got ${value}`);
    }
    if (!Number.isInteger(retries))
        throw new RangeError(`retry policy: retries must be an integer, got ${retries}`);
    if (timeoutMs === 0 || totalMs === 0)
        throw new RangeError('retry policy: timeoutMs and totalMs must be > 0');
    return policy;
}
/**
 * The backoff wait after failed attempt `attempt` (1-based), with full jitter: uniform in
 * `[0, min(maxDelayMs, baseDelayMs · 2^(attempt-1)))`, rounded down to whole ms.
 *
 * @param random a source of uniform numbers in [0, 1) (default `Math.random`).
 */
function backoffDelayMs(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
/**
 * Whether an HTTP answer is worth another attempt: 429 (Too Many Requests) and every 5xx. Other answers, 408
 * included, are final: a 4xx means the request itself is wrong and will be refused again.
 */
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status <= 599);
}
/**
 * A `Retry-After` header value as a wait in ms (RFC 9110 §10.2.3): delta-seconds (`"120"`) or an HTTP-date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`, relative to `now`; a past date means 0).
 *
 * @param now the current time in ms since the epoch (default `Date.now()`).
 * @returns the wait in ms, or `undefined` for an absent, empty or unreadable value (then the backoff applies).
 */
function parseRetryAfter(value, now = Date.now()) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text)) {
        const seconds = Number(text);
        return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
    }
    if (!/[a-z]/i.test(text))
        return undefined; // "1.5", "-1": neither form
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Raised by {@link withRetries} when every allowed attempt failed with a retryable error. */
class RetriesExhaustedError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SignPluginError */ .t7 {
    /** How many attempts were made. */
    attempts;
    /** From the first attempt's start to the last one's failure, in ms. */
    elapsedMs;
    /** The last attempt's {@link RetryVerdict.reason}. */
    reason;
    /** What the last attempt threw (also the `cause`). */
    lastError;
    /** Why the retries stopped before the attempts ran out (the budget), or `''` when every attempt was made. */
    stoppedBy;
    constructor(attempts, elapsedMs, reason, lastError, stoppedBy = '') {
        super('retries-exhausted', `Gave up after ${describeAttempts(attempts, elapsedMs)}${stoppedBy ? ` (${stoppedBy})` : ''}; ` +
            `last failure: ${reason}`, { cause: lastError });
        this.attempts = attempts;
        this.elapsedMs = elapsedMs;
        this.reason = reason;
        this.lastError = lastError;
        this.stoppedBy = stoppedBy;
    }
}
/**
 * Retry verdicts attached to errors where they are thrown (where the cause is known) and read back by
 * {@link withRetries}'s `classify`. An error without a verdict is not retryable.
 *
 * @returns `tag(error, verdict)` (returns `error`, to `throw tag(…)`) and `classify`, to pass to `withRetries`.
 */
function verdictTags() {
    const verdicts = new WeakMap();
    return {
        tag: (error, verdict) => {
            verdicts.set(error, verdict);
            return error;
        },
        classify: (error) => {
            const verdict = typeof error === 'object' && error !== null ? verdicts.get(error) : undefined;
            return verdict ?? { retryable: false, reason: String(error) };
        },
    };
}
/** `"1 attempt over 0.2 s"`, `"4 attempts over 3.1 s"`: what the final errors say. */
function describeAttempts(attempts, elapsedMs) {
    return `${attempts} attempt${attempts === 1 ? '' : 's'} over ${(elapsedMs / 1000).toFixed(1)} s`;
}
/**
 * Runs `fn` until it succeeds, it fails with an error `classify` calls not retryable, the attempts run out
 * (`1 + policy.retries`) or the budget (`policy.totalMs`) would be exceeded.
 *
 * Between attempts it waits the server's `Retry-After` when the verdict carries one (even beyond `maxDelayMs`), else
 * {@link backoffDelayMs}. A wait that would reach the end of the budget is not made: the retries end there. Each
 * attempt gets `min(timeoutMs, budget left)` as its time limit in its {@link AttemptContext}; enforcing it is `fn`'s
 * job. `onRetry` is called before each wait (the action logs it).
 *
 * @returns what `fn` returned.
 * @throws what `fn` threw, unchanged, when `classify` says it is not retryable; otherwise
 *   {@link RetriesExhaustedError} (attempts made, elapsed time, last reason, the last error as `lastError`/`cause`).
 */
async function withRetries(fn, policy, classify, onRetry) {
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        const left = policy.totalMs - (Date.now() - started);
        try {
            return await fn({ attempt, timeoutMs: Math.max(1, Math.min(policy.timeoutMs, left)) });
        }
        catch (error) {
            const verdict = classify(error);
            if (!verdict.retryable)
                throw error;
            const elapsed = Date.now() - started;
            const exhausted = (why) => new RetriesExhaustedError(attempt, elapsed, verdict.reason, error, why);
            if (attempt > policy.retries)
                throw exhausted('');
            const remaining = policy.totalMs - elapsed;
            const delayMs = verdict.retryAfterMs ?? backoffDelayMs(attempt, policy);
            if (delayMs >= remaining) {
                const asked = verdict.retryAfterMs !== undefined ? 'the server asked to retry after' : 'the next wait is';
                throw exhausted(`${asked} ${(delayMs / 1000).toFixed(1)} s, beyond the ${(policy.totalMs / 1000).toFixed(1)} s budget`);
            }
            onRetry?.({ attempt, delayMs, reason: verdict.reason });
            await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
    }
}
/**
 * {@link withRetries} with the final error both grafana.com clients report: what the attempt threw when it was not
 * retryable or when only one attempt was allowed (`policy.retries === 0`); after several attempts, `gaveUp(last,
 * summary)`, where `last` is the last attempt's error and `summary` the exhaustion's own text (`Gave up after N
 * attempts over T s[ (why)]; last failure: reason`), so the caller re-makes its error class with both.
 *
 * @returns what `fn` returned. @throws as described; `gaveUp` decides the class (SigningError, KeyFetchError).
 */
async function withRetriesOrLastError(fn, policy, classify, onRetry, gaveUp) {
    try {
        return await withRetries(fn, policy, classify, onRetry);
    }
    catch (error) {
        if (!(error instanceof RetriesExhaustedError))
            throw error;
        const last = error.lastError;
        if (policy.retries === 0)
            throw last;
        throw gaveUp(last, error.message);
    }
}


/***/ }),

/***/ 2977:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ parseUrlList),
/* harmony export */   Y4: () => (/* binding */ parseSignatureType),
/* harmony export */   jm: () => (/* binding */ parseRetryInputs)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _grafana_com_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7798);
/* harmony import */ var _go_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(836);
/* harmony import */ var _manifest_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(252);
/**
 * Parsing of the values both shells take from the user: the action's inputs (`src/action/input-helper.ts`) and the
 * CLI's options (`src/cli/*`) go through these, so a bad value gets the same clear error naming the input or option
 * either way. The engine takes the typed results (`SignatureType`, URL lists, `retries` and `timeoutMs`).
 */




/**
 * Parses a signature type input.
 *
 * @param value the input as written (surrounding spaces ignored); "" means no expectation.
 * @param input the input's name for the error, e.g. `signature-type` or `--signature-type`.
 * @returns the type, or undefined for "".
 * @throws UsageError naming the input and listing the valid types (Grafana `SignatureType.IsValid`, case-sensitive).
 */
function parseSignatureType(value, input) {
    const v = (value ?? '').trim();
    if (v === '')
        return undefined;
    if (_manifest_types_js__WEBPACK_IMPORTED_MODULE_3__/* .SIGNATURE_TYPES */ .x.includes(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(input, `${input}: "${v}" is not a signature type; use one of ${_manifest_types_js__WEBPACK_IMPORTED_MODULE_3__/* .SIGNATURE_TYPES */ .x.join(', ')}`);
}
/**
 * Parses a list of URLs given as one string: separated by commas and/or newlines, blanks dropped.
 *
 * @param value the input as written; @param input its name for errors.
 * @returns the URLs, each trimmed.
 * @throws UsageError when an entry does not parse as a Go `net/url` URL with an http(s) scheme and a host
 *   (Grafana could never match it).
 */
function parseUrlList(value, input) {
    const urls = (value ?? '')
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
    for (const url of urls) {
        let parsed;
        try {
            parsed = (0,_go_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseGoURL */ .vE)(url);
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(input, `${input}: "${url}" is not a URL (${error.message})`);
        }
        if (!/^https?$/.test(parsed.scheme) || parsed.host === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(input, `${input}: "${url}" must be an absolute http(s) URL such as https://grafana.example.com/`);
        }
    }
    return urls;
}
/**
 * Parses the action's `retries` and `timeout-seconds` inputs. An empty string means the default (3 extra attempts,
 * 30 s); surrounding whitespace is ignored.
 *
 * @param names the inputs' names as the user writes them (named in errors), e.g. `{ retries: 'retries', timeout:
 *   'timeout-seconds' }`.
 * @returns `retries` (extra attempts, 0–10) and `timeoutMs` (per attempt, 1000–600000 ms).
 * @throws UsageError (`names.retries`) unless `retries` is an integer 0–10; UsageError (`names.timeout`) unless
 *   `timeoutSeconds` is an integer 1–600.
 */
function parseRetryInputs(retries, timeoutSeconds, names) {
    const count = parseIntegerInput(retries, names.retries, 0, _grafana_com_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_RETRIES */ .kd, _grafana_com_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRIES */ .TU, 'extra attempts');
    const seconds = parseIntegerInput(timeoutSeconds, names.timeout, _grafana_com_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .MIN_TIMEOUT_SECONDS */ .jN, _grafana_com_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMEOUT_SECONDS */ .Pe, _grafana_com_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_TIMEOUT_MS */ .t1 / 1000, 'seconds per attempt');
    return { retries: count, timeoutMs: seconds * 1000 };
}
function parseIntegerInput(raw, name, min, max, fallback, unit) {
    const text = raw.trim();
    if (text === '')
        return fallback;
    const value = /^[+]?\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(name, `${name} must be a whole number from ${min} to ${max} (${unit}), got "${text}"; the default is ${fallback}`);
    }
    return value;
}


/***/ }),

/***/ 8000:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bX: () => (/* binding */ GRAFANA_PUBLIC_KEY),
/* harmony export */   dy: () => (/* binding */ GRAFANA_KEY_ID),
/* harmony export */   kL: () => (/* binding */ GRAFANA_KEY_FINGERPRINT)
/* harmony export */ });
/**
 * Grafana's built-in plugin-signing public key: the one every Grafana trusts, compiled into the server as
 * `publicKeyText` (Grafana `pkg/plugins/manager/signature`, static key retriever). ECDSA NIST P-521, key ID
 * `7e4d0c6a708866e7`, fingerprint `F33B 25B6 9107 4E84 6365  70F3 7E4D 0C6A 7088 66E7`, no expiry.
 *
 * It is a fact the product needs to verify offline, so it lives in the source rather than being fetched.
 */
/** The key ID grafana.com writes into `keyId` for manifests signed with the built-in key (lowercase hex). */
const GRAFANA_KEY_ID = '7e4d0c6a708866e7';
/** Fingerprint of the built-in key (uppercase hex, no spaces), as shown by `gpg --fingerprint`. */
const GRAFANA_KEY_FINGERPRINT = 'F33B25B691074E84636570F37E4D0C6A708866E7';
/** The armored public key, byte for byte as Grafana embeds it. */
const GRAFANA_PUBLIC_KEY = `-----BEGIN PGP PUBLIC KEY BLOCK-----
Version: OpenPGP.js v4.10.1
Comment: https://openpgpjs.org

xpMEXpTXXxMFK4EEACMEIwQBiOUQhvGbDLvndE0fEXaR0908wXzPGFpf0P0Z
HJ06tsq+0higIYHp7WTNJVEZtcwoYLcPRGaa9OQqbUU63BEyZdgAkPTz3RFd
5+TkDWZizDcaVFhzbDd500yTwexrpIrdInwC/jrgs7Zy/15h8KA59XXUkdmT
YB6TR+OA9RKME+dCJozNGUdyYWZhbmEgPGVuZ0BncmFmYW5hLmNvbT7CvAQQ
EwoAIAUCXpTXXwYLCQcIAwIEFQgKAgQWAgEAAhkBAhsDAh4BAAoJEH5NDGpw
iGbnaWoCCQGQ3SQnCkRWrG6XrMkXOKfDTX2ow9fuoErN46BeKmLM4f1EkDZQ
Tpq3SE8+My8B5BIH3SOcBeKzi3S57JHGBdFA+wIJAYWMrJNIvw8GeXne+oUo
NzzACdvfqXAZEp/HFMQhCKfEoWGJE8d2YmwY2+3GufVRTI5lQnZOHLE8L/Vc
1S5MXESjzpcEXpTXXxIFK4EEACMEIwQBtHX/SD5Qm3v4V92qpaIZQgtTX0sT
cFPjYWAHqsQ1iENrYN/vg1wU3ADlYATvydOQYvkTyT/tbDvx2Fse8PL84MQA
YKKQ6AJ3gLVvmeouZdU03YoV4MYaT8KbnJUkZQZkqdz2riOlySNI9CG3oYmv
omjUAtzgAgnCcurfGLZkkMxlmY8DAQoJwqQEGBMKAAkFAl6U118CGwwACgkQ
fk0ManCIZuc0jAIJAVw2xdLr4ZQqPUhubrUyFcqlWoW8dQoQagwO8s8ubmby
KuLA9FWJkfuuRQr+O9gHkDVCez3aism7zmJBqIOi38aNAgjJ3bo6leSS2jR/
x5NqiKVi83tiXDPncDQYPymOnMhW0l7CVA7wj75HrFvvlRI/4MArlbsZ2tBn
N1c5v9v/4h6qeA==
=DNbR
-----END PGP PUBLIC KEY BLOCK-----
`;


/***/ }),

/***/ 4476:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qI: () => (/* binding */ readArmoredPublicKeys),
/* harmony export */   qK: () => (/* binding */ TrustedKeys),
/* harmony export */   qd: () => (/* binding */ loadPublicKeyInputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _fs_read_bounded_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9795);
/* harmony import */ var _grafana_key_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8000);
/**
 * The public keys a verification trusts, looked up the way Grafana's key provider looks them up: by the exact
 * `keyId` string written in the manifest (`GetPublicKey(ctx, manifest.KeyID)`, no case folding, no prefix match).
 */



/** The largest key file read from a `public-keys` / `--public-key` path: 1 MiB (an armored key is a few KiB). */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/**
 * The set of trusted keys, indexed by key ID.
 *
 * Lookup is an exact string match on the manifest's `keyId`, as Grafana's key providers do (a map keyed by the
 * `keyId` of `/api/plugins/ci/keys`, plus the built-in key under `7e4d0c6a708866e7`).
 */
class TrustedKeys {
    keys = new Map();
    published;
    /** A set holding Grafana's built-in plugin-signing key (`GRAFANA_PUBLIC_KEY`) under `GRAFANA_KEY_ID`. */
    static withEmbedded() {
        const keys = new TrustedKeys();
        keys.add({
            keyId: _grafana_key_js__WEBPACK_IMPORTED_MODULE_3__/* .GRAFANA_KEY_ID */ .dy,
            fingerprint: _grafana_key_js__WEBPACK_IMPORTED_MODULE_3__/* .GRAFANA_KEY_FINGERPRINT */ .kL,
            armored: _grafana_key_js__WEBPACK_IMPORTED_MODULE_3__/* .GRAFANA_PUBLIC_KEY */ .bX,
            source: 'embedded',
            label: 'embedded Grafana key',
        });
        return keys;
    }
    /** Same as {@link TrustedKeys.withEmbedded}: only the key every Grafana trusts (`public_key_retrieval_disabled`). */
    static embeddedOnly() {
        return TrustedKeys.withEmbedded();
    }
    /** Adds `key` under `key.keyId`; a later key with the same ID replaces the earlier one. */
    add(key) {
        this.keys.delete(key.keyId);
        this.keys.set(key.keyId, key);
    }
    /** The key stored under exactly `keyId` (case-sensitive, as Grafana), or `undefined`. */
    get(keyId) {
        return this.keys.get(keyId);
    }
    /**
     * Records the key IDs grafana.com published at `/plugins/ci/keys` when they were fetched, trusted or not (with
     * `public_key_retrieval_disabled` they are fetched only to explain a `missing public key` verdict). Exact strings.
     */
    markPublished(keyIds) {
        this.published ??= new Set();
        for (const id of keyIds)
            this.published.add(id);
    }
    /** The key IDs recorded by {@link TrustedKeys.markPublished}, or undefined when no key list was fetched. */
    publishedKeyIds() {
        return this.published;
    }
    /** All keys, in the order they were (last) added. */
    list() {
        return [...this.keys.values()];
    }
}
const PUBLIC_BEGIN = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const PUBLIC_END = '-----END PGP PUBLIC KEY BLOCK-----';
const PRIVATE_BEGIN = '-----BEGIN PGP PRIVATE KEY BLOCK-----';
const EXPORT_HINT = 'pass the public half: gpg --armor --export KEYID';
/**
 * Reads one or more armored OpenPGP public key blocks (several blocks may follow each other, and one block may hold
 * several keys) with OpenPGP.js.
 *
 * @param text armored text.
 * @param source recorded in each key.
 * @param label where the text came from; it names the culprit in errors and is recorded in each key.
 * @returns one {@link TrustedKey} per key, with the primary key ID (lowercase hex) and fingerprint (uppercase hex).
 * @throws UsageError (input `public-keys`) when the text holds a private key ("pass the public half: gpg --armor
 *   --export KEYID"), holds no `-----BEGIN PGP PUBLIC KEY BLOCK-----`, or a block does not parse.
 */
async function readArmoredPublicKeys(text, source, label) {
    if (text.includes(PRIVATE_BEGIN)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('public-keys', `${label} holds a PGP PRIVATE key: never give a private key; ${EXPORT_HINT}`);
    }
    const blocks = [];
    let from = 0;
    for (;;) {
        const start = text.indexOf(PUBLIC_BEGIN, from);
        if (start < 0)
            break;
        const end = text.indexOf(PUBLIC_END, start);
        if (end < 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('public-keys', `${label}: the armored public key has no "${PUBLIC_END}" line`);
        }
        blocks.push(text.slice(start, end + PUBLIC_END.length) + '\n');
        from = end + PUBLIC_END.length;
    }
    if (blocks.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('public-keys', `${label} is not an armored OpenPGP public key (no "${PUBLIC_BEGIN}" line); ${EXPORT_HINT}`);
    }
    // Loaded here, not at start-up: only reading keys needs OpenPGP.js (see docs/performance.md).
    const { readKeys } = await __webpack_require__.e(/* import() */ 520).then(__webpack_require__.bind(__webpack_require__, 5520));
    const result = [];
    for (const block of blocks) {
        let keys;
        try {
            keys = await readKeys({ armoredKeys: block });
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('public-keys', `${label}: cannot read the armored public key: ${e.message}`, {
                cause: e,
            });
        }
        for (const key of keys) {
            if (key.isPrivate()) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb('public-keys', `${label} holds a private key: ${EXPORT_HINT}`);
            }
            result.push({
                keyId: key.getKeyID().toHex().toLowerCase(),
                fingerprint: key.getFingerprint().toUpperCase(),
                armored: keys.length === 1 ? block : key.armor(),
                source,
                label,
            });
        }
    }
    return result;
}
/**
 * Loads the keys given to an input that accepts several values (e.g. the action's `public-keys`).
 *
 * Each value is either armored text (it contains `-----BEGIN PGP PUBLIC KEY BLOCK-----`) or the path of a file
 * holding armored text. Empty values are skipped. Keys from text are labelled `<inputName> input #<n>` (n counts
 * from 1), keys from a file by the file's path; all have source `input`.
 *
 * @throws UsageError (input `inputName`) when a file is missing (`… file "x" not found …`), is not a regular file (a
 *   folder, `/dev/zero`, a FIFO, a link to one: refused without blocking), holds over 1 MiB, or
 *   when the text is not an armored public key or is a private key (see {@link readArmoredPublicKeys}).
 */
async function loadPublicKeyInputs(values, inputName) {
    const result = [];
    for (const [index, raw] of values.entries()) {
        const value = raw.trim();
        if (value === '')
            continue;
        const ordinal = `${inputName} input #${index + 1}`;
        let text;
        let label;
        if (value.includes('-----BEGIN PGP ')) {
            text = value;
            label = ordinal;
        }
        else {
            let bytes;
            try {
                bytes = await (0,_fs_read_bounded_js__WEBPACK_IMPORTED_MODULE_2__/* .readBoundedRegularFile */ .aK)(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(value), MAX_KEY_FILE_BYTES);
            }
            catch (error) {
                if (!(error instanceof _fs_read_bounded_js__WEBPACK_IMPORTED_MODULE_2__/* .BoundedReadError */ .uu))
                    throw error;
                const fix = error.reason === 'missing'
                    ? `give an armored public key (${PUBLIC_BEGIN}) or the path of a file holding one`
                    : error.reason === 'too-large'
                        ? 'a key file holds at most 1 MiB: give the file with just the armored public key'
                        : 'give the path of a regular file holding an armored public key';
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(inputName, `${ordinal}: ${error.reason === 'missing' ? `file "${value}" not found` : `"${value}": ${error.message}`}; ${fix}`, { cause: error });
            }
            text = bytes.toString('utf8');
            label = value;
        }
        try {
            result.push(...(await readArmoredPublicKeys(text, 'input', label)));
        }
        catch (e) {
            if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb && e.input !== inputName) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(inputName, e.message, { cause: e.cause });
            }
            throw e;
        }
    }
    return result;
}


/***/ }),

/***/ 4890:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ checkExpectations)
/* harmony export */ });
/* harmony import */ var _root_url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9201);

/**
 * Checks the expectations against a verification result.
 *
 * Root URLs: every expected URL must equal one of the manifest's and vice versa, with Grafana's exact rule
 * (scheme, host as written, `path.Clean` of the request URI), so `https://a.com` and `https://a.com/` are equal.
 *
 * @returns one check per expectation given (none when `expectations` is empty).
 */
function checkExpectations(result, expectations) {
    const checks = [];
    const manifest = result.manifest;
    if (expectations.signatureType) {
        const actual = manifest?.signatureType ?? '';
        const met = actual === expectations.signatureType;
        checks.push({
            name: 'signature-type',
            met,
            expected: expectations.signatureType,
            actual,
            message: met
                ? `signature type is ${actual}, as expected`
                : `expected signature type ${expectations.signatureType}, ${manifest ? `the manifest says ${actual || '(none)'}` : 'there is no readable manifest'}`,
        });
    }
    if (expectations.rootUrls && expectations.rootUrls.length > 0) {
        const expected = expectations.rootUrls;
        const actual = manifest?.rootUrls ?? [];
        const missing = expected.filter((e) => !actual.some((a) => (0,_root_url_js__WEBPACK_IMPORTED_MODULE_0__/* .sameRootUrl */ .CM)(a, e)));
        const extra = actual.filter((a) => !expected.some((e) => (0,_root_url_js__WEBPACK_IMPORTED_MODULE_0__/* .sameRootUrl */ .CM)(a, e)));
        const met = manifest !== undefined && missing.length === 0 && extra.length === 0;
        const parts = [];
        if (missing.length)
            parts.push(`missing ${missing.join(', ')}`);
        if (extra.length)
            parts.push(`unexpected ${extra.join(', ')}`);
        checks.push({
            name: 'root-urls',
            met,
            expected: expected.join(', '),
            actual: actual.join(', '),
            message: met
                ? `root URLs are ${actual.join(', ')}, as expected`
                : `expected root URLs ${expected.join(', ')}, the manifest has ${actual.length ? actual.join(', ') : 'none'}${parts.length ? ` (${parts.join('; ')})` : ''}`,
        });
    }
    return checks;
}


/***/ })

};
