// Types of hash-worker.mjs for the TypeScript sources (tsconfig.json has no allowJs); the .mjs itself is checked
// against its JSDoc by `npm run build` (tsconfig.build.json: checkJs). Keep the two in step.
/** See hash-worker.mjs. */
export declare const HASH_WORKER_ROLE: 'sha256-files';
/** See hash-worker.mjs: opens a regular file the walk listed, checking device and inode; @returns the descriptor. */
export declare function openRegularFile(file: string, dev: number, ino: number): number;
