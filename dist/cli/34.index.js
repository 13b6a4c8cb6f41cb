export const id = 34;
export const ids = [34];
export const modules = {

/***/ 6034:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./lib/cli/options.js
var options = __webpack_require__(9048);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/grafana-com/fetch-keys.js
var fetch_keys = __webpack_require__(5125);
// EXTERNAL MODULE: ./lib/signature/keys.js
var signature_keys = __webpack_require__(4476);
// EXTERNAL MODULE: ./lib/verify/expectations.js
var expectations = __webpack_require__(4890);
// EXTERNAL MODULE: ./lib/options/parse.js
var parse = __webpack_require__(2977);
// EXTERNAL MODULE: ./lib/verify/findings.js
var findings = __webpack_require__(3859);
;// CONCATENATED MODULE: ./lib/verify/report.js

/**
 * Builds the report of one verification.
 *
 * @param result the verification; @param expectations the user's expectations checked against it;
 * @param inputPath the folder or zip as the user gave it; @param layout zip layout problems, if a zip.
 */
function pluginReport(result, expectations, inputPath, layout) {
    const m = result.manifest;
    let signedAt = null;
    if (m && m.time) {
        const date = new Date(m.time);
        signedAt = Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
    const report = {
        path: inputPath,
        status: result.status,
        ok: result.status === 'valid' && expectations.every((e) => e.met) && (layout?.length ?? 0) === 0,
        headline: result.headline,
        reason: result.reason,
        plugin: result.plugin.id || m?.plugin || '',
        version: result.plugin.version || m?.version || '',
        signatureType: m?.signatureType ?? null,
        signedByOrg: m?.signedByOrg ?? null,
        signedByOrgName: m?.signedByOrgName ?? null,
        keyId: m?.keyId ?? null,
        rootUrls: m?.rootUrls ?? [],
        signedAt,
        filesCount: result.filesCount,
        findings: result.findings,
        rootUrlChecks: result.rootUrlChecks,
        expectations,
    };
    if (layout)
        report.layout = layout;
    return report;
}
/**
 * Combines several plugins' reports: `status` is the worst verdict (`invalid` > `modified` > `unsigned` >
 * `valid`), `ok` only when every plugin is ok.
 */
function combineReports(reports) {
    return {
        status: (0,findings/* worstStatus */.A4)(reports.map((r) => r.status)),
        ok: reports.length > 0 && reports.every((r) => r.ok),
        results: reports,
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/verify/verify.js + 6 modules
var verify = __webpack_require__(3895);
;// CONCATENATED MODULE: ./lib/targets/target.js
/**
 * Verifying what the user pointed at: a plugin folder or a plugin `.zip` (the format users install and the
 * catalog distributes).
 */



/** True when `target` names a zip (by its extension, case-insensitive). */
function isZipPath(target) {
    return /\.zip$/i.test(target);
}
/**
 * Verifies a plugin folder, or a plugin zip (its layout checked, its contents verified like a folder).
 *
 * @param target folder or `.zip` path. @param options as for {@link verifyPlugin}.
 * @returns the verification and, for a zip, its layout problems (empty when the layout is right).
 * @throws PluginError when `target` does not exist or is neither a folder nor a zip file.
 */
async function verifyTarget(target, options) {
    let info;
    try {
        info = await (0,promises_.stat)(target);
    }
    catch {
        throw new errors/* PluginError */.cZ(`${target} does not exist: give a plugin folder (with plugin.json) or a plugin .zip`);
    }
    if (info.isFile() && isZipPath(target)) {
        // Loaded only for a zip: it brings yauzl (see docs/performance.md).
        const { verifyPluginZip } = await Promise.all(/* import() */[__webpack_require__.e(663), __webpack_require__.e(578)]).then(__webpack_require__.bind(__webpack_require__, 6578));
        const { layout, ...result } = await verifyPluginZip(target, options);
        return { result, layout };
    }
    if (!info.isDirectory()) {
        throw new errors/* PluginError */.cZ(`${target} is neither a folder nor a .zip: give a plugin folder (with plugin.json) or a plugin .zip`);
    }
    return { result: await (0,verify/* verifyPlugin */.Vz)(target, options) };
}

;// CONCATENATED MODULE: ./lib/cli/output.js
/**
 * Printing verification reports for people (the JSON shape lives in `src/verify/report.ts`).
 */

/** Human-readable report of one plugin, several lines, no trailing newline. */
function formatReport(report, keyLabel) {
    const lines = [`${report.path}: ${(0,findings/* grafanaBadge */.MS)(report.status)} (${report.status})`];
    lines.push(`  plugin      ${report.plugin || '?'} ${report.version || '?'}`);
    if (report.keyId !== null) {
        lines.push(`  signature   ${report.signatureType || '?'} by ${report.signedByOrgName || '?'} (${report.signedByOrg || '?'})`);
        lines.push(`  key ID      ${report.keyId}${keyLabel ? ` (${keyLabel})` : ''}`);
        if (report.signedAt)
            lines.push(`  signed at   ${report.signedAt}`);
        if (report.rootUrls.length)
            lines.push(`  root URLs   ${report.rootUrls.join(', ')}`);
    }
    lines.push(`  files       ${report.filesCount}`);
    for (const check of report.rootUrlChecks) {
        lines.push(`  app URL     ${check.appUrl}: ${check.matched ? 'accepted' : 'rejected'}`);
        for (const a of check.attempts)
            lines.push(`                ${a.rootUrl}: ${a.reason}`);
    }
    if (report.status !== 'valid')
        lines.push(`  ${report.headline}`);
    for (const f of report.findings) {
        lines.push(`  ${f.status === null ? 'note' : '✗'} ${f.message}`);
        if (f.hint)
            lines.push(`      cause: ${f.hint.cause}: ${f.hint.detail}`, `      fix:   ${f.hint.fix}`);
    }
    for (const l of report.layout ?? [])
        lines.push(`  ✗ zip layout: ${l.message}`);
    for (const e of report.expectations)
        lines.push(`  ${e.met ? '✓' : '✗'} ${e.message}`);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./lib/cli/usage.js
var usage = __webpack_require__(4761);
;// CONCATENATED MODULE: ./lib/cli/verify.js
/**
 * `verify [--app-url URL]... [--public-key FILE]... [--signature-type T] [--root-urls U1,U2] [--fetch-keys]
 *  [--grafana-com-url URL] [--public-key-retrieval enabled|disabled] [--json] PATH...`
 */












/**
 * Runs `verify` on one or more plugin folders or zips. Without `--app-url` the app URL is Grafana's default
 * `http://localhost:3000/`. `--public-key-retrieval disabled` trusts only the embedded key (and `--public-key`s), like
 * Grafana's `public_key_retrieval_disabled = true`; with `--fetch-keys` the published list is then read only to
 * explain an untrusted key ID (the `rotated-key` hint). `--json` prints exactly one JSON object: the plugin's report for one PATH, or
 * `{ status (worst), ok, results: [...] }` for several.
 *
 * @param argv arguments after the command name; @param out prints one line; @param warn prints a warning.
 * @returns the exit code: 0 when every plugin is valid with every expectation met (and, for zips, a right
 *   layout), 1 otherwise. @throws UsageError (exit 2) for bad flags, a missing PATH, or unreadable key files.
 */
const verifyCommand = async (argv, out, warn, env) => {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            'app-url': { type: 'string', multiple: true },
            ...(0,options/* keyAndExpectationOptions */.J)(env),
            'fetch-keys': { type: 'boolean', default: false },
            'public-key-retrieval': { type: 'string', default: 'enabled' },
            json: { type: 'boolean', default: false },
        },
    });
    const retrieval = values['public-key-retrieval'];
    if (retrieval !== 'enabled' && retrieval !== 'disabled') {
        throw new errors/* UsageError */.eb('--public-key-retrieval', `--public-key-retrieval: "${retrieval}" is neither enabled nor disabled (disabled behaves like Grafana's ` +
            'public_key_retrieval_disabled = true)');
    }
    if (positionals.length === 0)
        throw new errors/* UsageError */.eb('PATH', `verify takes at least one plugin folder or .zip\n${usage/* VERIFY_USAGE */.Yp}`);
    for (const target of positionals) {
        if (!(0,external_node_fs_.existsSync)(target))
            throw new errors/* UsageError */.eb('PATH', `${target} does not exist: give the plugin folder or .zip to verify`);
    }
    const appUrls = (values['app-url'] ?? []).flatMap((u) => (0,parse/* parseUrlList */.Jq)(u, '--app-url'));
    const signatureType = (0,parse/* parseSignatureType */.Y4)(values['signature-type'], '--signature-type');
    const rootUrls = (0,parse/* parseUrlList */.Jq)(values['root-urls'], '--root-urls');
    const keys = await (0,fetch_keys/* trustedKeysFor */.Fz)({
        fetch: values['fetch-keys'],
        retrieval,
        grafanaComUrl: (0,options/* grafanaComUrlOption */.e)(values['grafana-com-url']),
        extra: await (0,signature_keys/* loadPublicKeyInputs */.qd)(values['public-key'] ?? [], '--public-key'),
        onWarning: warn,
    });
    const reports = [];
    const labels = [];
    for (const target of positionals) {
        const { result, layout } = await verifyTarget(target, { keys, appUrls: appUrls.length ? appUrls : undefined });
        reports.push(pluginReport(result, (0,expectations/* checkExpectations */.E)(result, { signatureType, rootUrls }), target, layout));
        labels.push(result.key?.label);
    }
    const combined = combineReports(reports);
    if (values.json) {
        out(JSON.stringify(reports.length === 1 ? reports[0] : combined, null, 2));
    }
    else {
        out(reports.map((r, i) => formatReport(r, labels[i])).join('\n\n'));
    }
    return combined.ok ? 0 : 1;
};


/***/ })

};
