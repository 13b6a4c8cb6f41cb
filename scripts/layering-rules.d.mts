// Types of scripts/layering-rules.mjs (the layering rules generated from docs/architecture.md).
import type { IForbiddenRuleType } from 'dependency-cruiser';

/** One row of the layer table: `go/` (a folder of src/) or `errors.ts` (a file of src/), and what it may import. */
export interface Layer {
  layer: string;
  allowed: string[];
}

/** Imports that break the drawn layering today and are scheduled to go: regex sources of the two paths. */
export const KNOWN_EXCEPTIONS: { from: string; to: string }[];
/** The rows of the table between the `layers:start` and `layers:end` markers. @throws Error without them. */
export function readLayers(markdown: string): Layer[];
/** dependency-cruiser `forbidden` rules for the layers, plus `not-in-layering` for files in no layer. */
export function layeringRules(layers: Layer[]): IForbiddenRuleType[];
/** Every rule `npm run lint` applies: the layering of docs/architecture.md, then the package rules. */
export function forbiddenRules(): IForbiddenRuleType[];
