/**
 * The action's only way to the runner: the `@actions/core` calls `main.ts` uses, each passing its text through the
 * token redactor and the escaping layer (`src/text/escape.ts`) first. Log lines (`info`, group names) get
 * {@link runnerText} so no line can start a workflow command; annotations, outputs and the job summary are redacted
 * (`@actions/core` already %-escapes line breaks in annotations, and outputs go to a file with a random delimiter;
 * the summary's HTML is escaped where it is built).
 */
import * as core from '@actions/core';
import { redact } from '../text/redact.js';
import { runnerText } from '../text/escape.js';

export type AnnotationProperties = core.AnnotationProperties;

/** Log text: redacted, then every line neutralized. */
function log(text: string): string {
  return runnerText(redact(text));
}

function props(p?: core.AnnotationProperties): core.AnnotationProperties | undefined {
  if (!p) return p;
  const out: core.AnnotationProperties = { ...p };
  if (out.title !== undefined) out.title = log(out.title);
  if (out.file !== undefined) out.file = redact(out.file);
  return out;
}

/** `core.info` of outside-safe text. */
export function info(message: string): void {
  core.info(log(message));
}

/** `core.debug`, redacted and neutralized. */
export function debug(message: string): void {
  core.debug(log(message));
}

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
const ANNOTATIONS_SHOWN_PER_KIND = 10;

type Kind = 'error' | 'warning' | 'notice';
const EMIT: Record<Kind, (message: string, properties?: core.AnnotationProperties) => void> = {
  error: core.error,
  warning: core.warning,
  notice: core.notice,
};
/** Slots per kind for annotations of the run; one error slot is kept for `setFailed`. */
const SLOTS: Record<Kind, number> = {
  error: ANNOTATIONS_SHOWN_PER_KIND - 1,
  warning: ANNOTATIONS_SHOWN_PER_KIND,
  notice: ANNOTATIONS_SHOWN_PER_KIND,
};
const emitted: Record<Kind, number> = { error: 0, warning: 0, notice: 0 };
const held: Record<Kind, { message: string; properties?: core.AnnotationProperties }[]> = {
  error: [],
  warning: [],
  notice: [],
};

/**
 * Emits an annotation within GitHub's cap over the whole step (several plugins included): the first `slots - 1` of
 * a kind are emitted; later ones are written to the log as plain lines and held, and {@link flushAnnotations} emits
 * the one held annotation, or a roll-up for several, in the last slot.
 */
function annotate(kind: Kind, message: string, properties?: core.AnnotationProperties): void {
  const text = log(message);
  const p = props(properties);
  if (emitted[kind] < SLOTS[kind] - 1) {
    emitted[kind]++;
    EMIT[kind](text, p);
    return;
  }
  held[kind].push({ message: text, properties: p });
  const label = kind[0].toUpperCase() + kind.slice(1);
  core.info(runnerText(`${label}${p?.title ? ` (${p.title})` : ''}: ${text}`));
}

/**
 * Emits what {@link annotate} held back: the single held annotation of a kind as it is, or one roll-up
 * `… and N more <kind>s, see the log and the job summary`. Call once the run's annotations are done (before
 * `setFailed`, which calls it too); further calls emit nothing new.
 */
export function flushAnnotations(): void {
  for (const kind of Object.keys(held) as Kind[]) {
    const items = held[kind].splice(0);
    if (items.length === 0) continue;
    emitted[kind]++;
    if (items.length === 1) EMIT[kind](items[0].message, items[0].properties);
    else EMIT[kind](`… and ${items.length} more ${kind}s, see the log and the job summary`);
  }
}

/** `core.notice`, redacted and neutralized (title too), within the per-step cap. */
export function notice(message: string, properties?: core.AnnotationProperties): void {
  annotate('notice', message, properties);
}

/** `core.warning`, redacted and neutralized (title too), within the per-step cap. */
export function warning(message: string, properties?: core.AnnotationProperties): void {
  annotate('warning', message, properties);
}

/** `core.error`, redacted and neutralized (title too), within the per-step cap (one slot left for `setFailed`). */
export function error(message: string, properties?: core.AnnotationProperties): void {
  annotate('error', message, properties);
}

/** `core.setFailed`, redacted and neutralized, after {@link flushAnnotations}: the last of the 10 errors. */
export function setFailed(message: string): void {
  flushAnnotations();
  core.setFailed(log(message));
}

/** `core.setOutput` with the value redacted. */
export function setOutput(name: string, value: string): void {
  core.setOutput(name, redact(value));
}

/** `core.startGroup` with the name redacted and neutralized. */
export function startGroup(name: string): void {
  core.startGroup(log(name));
}

/** `core.endGroup`. */
export function endGroup(): void {
  core.endGroup();
}

/** The job summary: text added is redacted (it must already be escaped HTML, see `summary.ts`). */
export const summary: { addRaw(text: string): typeof summary; write(): Promise<void> } = {
  addRaw(text: string) {
    core.summary.addRaw(redact(text));
    return summary;
  },
  async write(): Promise<void> {
    await core.summary.write();
  },
};
