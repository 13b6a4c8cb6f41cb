export const id = 813;
export const ids = [813];
export const modules = {

/***/ 9813:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   manifestCommand: () => (/* binding */ manifestCommand)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _manifest_build_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7169);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4761);
/**
 * `manifest DIR`: print the unsigned manifest JSON that signing would send to grafana.com.
 */



/**
 * Runs `manifest`. @returns exit code 0. @throws UsageError without exactly one DIR; PluginError for a folder
 * that cannot be signed.
 */
async function manifestCommand(argv, out) {
    const positionals = argv.filter((a) => !a.startsWith('-'));
    if (positionals.length !== 1 || positionals.length !== argv.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('DIR', `manifest takes one plugin folder\n${_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .MANIFEST_USAGE */ .gX}`);
    }
    out(JSON.stringify(await (0,_manifest_build_js__WEBPACK_IMPORTED_MODULE_1__/* .buildManifest */ .u1)(positionals[0]), null, 2));
    return 0;
}


/***/ })

};
