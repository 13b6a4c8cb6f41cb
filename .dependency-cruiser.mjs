// dependency-cruiser configuration for `npm run lint`: the rules come from the layer table in docs/architecture.md
// (see scripts/layering-rules.mjs); imports are resolved as tsc resolves them (`./x.js` is `./x.ts`).
import { forbiddenRules } from './scripts/layering-rules.mjs';

export default {
  forbidden: forbiddenRules(),
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
