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
export function makeRedactor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    forms.add(secret);
    const jsonEscaped = JSON.stringify(secret).slice(1, -1);
    forms.add(jsonEscaped);
    forms.add(jsonEscaped.replace(/\//g, '\\/')); // encoders that also escape "/" (PHP, some Java)
    forms.add(encodeURIComponent(secret));
  }
  const ordered = [...forms].filter((form) => form !== '').sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = text;
    for (const form of ordered) out = out.split(form).join(REDACTED);
    return out;
  };
}

/** Secrets registered for the process (the access policy token once it is read). */
const registered: string[] = [];
let current: (text: string) => string = (t) => t;

/**
 * Registers a secret for {@link redact}, like `core.setSecret` does for the runner's log, but for every channel
 * this tool writes itself. @param secret the token; an empty string is ignored.
 */
export function addSecret(secret: string): void {
  if (secret === '' || registered.includes(secret)) return;
  registered.push(secret);
  current = makeRedactor(registered);
}

/** `text` with every registered secret replaced by `***` (see {@link makeRedactor}). */
export function redact(text: string): string {
  return current(text);
}
