/**
 * Typed errors shared by the engine, the action and the CLI.
 *
 * Every error the project raises on purpose is a `SignPluginError`; anything else reaching the top level is a bug.
 * Messages name the input at fault and the fix, and never contain the access policy token.
 */

/** Base class: `code` is a stable machine-readable tag, `message` is for people. */
export class SignPluginError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A user-supplied input (action input, CLI flag or argument) is unusable. The CLI exits 2 on it. */
export class UsageError extends SignPluginError {
  /** The input's name as the user wrote it, e.g. `signature-type` or `--app-url`. */
  readonly input: string;
  constructor(input: string, message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
    this.input = input;
  }
}

/** The plugin folder itself cannot be processed (no plugin.json, unreadable folder, unsafe link). */
export class PluginError extends SignPluginError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('plugin', message, options);
  }
}

/** A cleartext-signed MANIFEST.txt could not be decoded or its JSON parsed. */
export class ManifestFormatError extends SignPluginError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('manifest-format', message, options);
  }
}

/** grafana.com (or a server speaking its protocol) refused or failed to sign. */
export class SigningError extends SignPluginError {
  /** HTTP status, or 0 when no answer came back. */
  readonly status: number;
  /** The server's own `message`, when it sent one. */
  readonly serverMessage?: string;
  constructor(status: number, message: string, serverMessage?: string, options?: { cause?: unknown }) {
    super('signing', message, options);
    this.status = status;
    this.serverMessage = serverMessage;
  }
}
