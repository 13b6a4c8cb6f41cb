/**
 * Action entry point: read the inputs, run. Everything else lives in main.ts.
 */
import * as core from './runner.js';
import { getInputs } from './input-helper.js';
import { run } from './main.js';

try {
  await run(getInputs());
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
}
