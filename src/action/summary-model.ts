/**
 * What the job summary shows and how it is fitted into its byte budget: the model of one verification (findings by
 * kind), the limits, the search for the largest rendering that fits, and cuts of text by characters and by UTF-8
 * bytes. No HTML here: `summary.ts` renders.
 */
import type { ExpectationCheck } from '../verify/expectations.js';
import type { Finding } from '../verify/findings.js';
import type { VerifyResult } from '../verify/verify.js';
import type { SummaryContext } from './summary.js';

/** Largest `n` in [lo, hi] whose rendering fits (renderings grow with `n`), or undefined when none does. */
export function largestFitting(
  lo: number,
  hi: number,
  renderN: (n: number) => string,
  fits: (s: string) => boolean,
): string | undefined {
  let best: string | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const text = renderN(mid);
    if (fits(text)) {
      best = text;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/** Cuts a string to `chars` code points, marking the cut with `…`. */
export function clip(s: string, chars: number): string {
  if (s.length <= chars) return s;
  const points = Array.from(s);
  return points.length <= chars ? s : points.slice(0, Math.max(1, chars - 1)).join('') + '…';
}

/** Cuts text to at most `maxBytes` UTF-8 bytes at a character boundary, never inside an entity. */
export function cutToBytes(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s, 'utf8') <= maxBytes) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > maxBytes) break;
    out += ch;
    bytes += n;
  }
  return out.replace(/&[#a-z0-9]*$/i, '');
}

/** Bounds of the value-length search: below 16 characters a path or hash says nothing. */
export const MIN_CHARS = 16;
export const MAX_CHARS = 65_536;

/** One verification, its findings sorted by the section that shows them. */
export interface Model {
  result: VerifyResult;
  expectations: ExpectationCheck[];
  ctx: SummaryContext;
  pluginId: string;
  modified: Finding[];
  missing: Finding[];
  notCovered: Finding[];
  other: Finding[];
  notes: Finding[];
}

/** How much of each list and value a rendering shows. */
export interface Limits {
  /** Rows per list. */
  items: number;
  /** Characters per value from outside (paths, messages, URLs…); longer ones end in `…`. */
  chars: number;
  /** Set when the summary had to be shortened to fit this many bytes. */
  shortenedTo?: number;
}

/** Sorts the findings of `result` into the summary's sections (notes, modified, missing, not covered, other). */
export function buildModel(result: VerifyResult, expectations: ExpectationCheck[], ctx: SummaryContext): Model {
  const model: Model = {
    result,
    expectations,
    ctx,
    pluginId: result.plugin.id || result.manifest?.plugin || ctx.distPath,
    modified: [],
    missing: [],
    notCovered: [],
    other: [],
    notes: [],
  };
  for (const f of result.findings) {
    if (f.status === null) model.notes.push(f);
    else if (f.kind === 'file-modified') model.modified.push(f);
    else if (f.kind === 'file-missing') model.missing.push(f);
    else if (f.kind === 'file-not-covered') model.notCovered.push(f);
    else model.other.push(f);
  }
  return model;
}
