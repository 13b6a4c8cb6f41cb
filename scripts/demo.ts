/**
 * `npm run demo`: the main job, end to end, on this machine.
 *
 * Starts the loopback grafana.com (test/servers), copies examples/plugin/dist to a temporary workspace, and runs
 * the bundled action (dist/index.js) as a runner would: first signing and verifying the plugin, then verifying
 * a tampered copy, which must fail with the changed file named. Finally the bundled CLI verifies the signed copy.
 */
import { cpSync, mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_TOKEN, startLoopbackGrafanaCom } from '../test/servers/grafana-com.js';
import { PROJECT_ROOT, renderRunnerLog, runAction, runCli } from '../test/helpers/run-action.js';

const say = (s: string) => process.stdout.write(s + '\n');
const indent = (s: string) => s.replace(/^/gm, '  │ ');

const server = await startLoopbackGrafanaCom({
  tokens: {
    [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { 'myorg-demo-panel': 'community' } },
  },
});
let failed = false;
try {
  const workspace = mkdtempSync(path.join(tmpdir(), 'sign-plugin-demo-'));
  cpSync(path.join(PROJECT_ROOT, 'examples/plugin/dist'), path.join(workspace, 'dist'), { recursive: true });
  say(`Loopback grafana.com at ${server.url} (signing key ${server.keyId})`);
  say(`Workspace ${workspace}\n`);

  say('▶ uses: sign-plugin-action  (mode: sign, signature-type: community)');
  const signed = await runAction({
    workspace,
    inputs: {
      mode: 'sign',
      dist: 'dist',
      'access-policy-token': DEMO_TOKEN,
      'signature-type': 'community',
      'grafana-com-url': server.url,
      'public-keys': server.publicKeyArmored,
    },
  });
  say(indent(renderRunnerLog(signed.stdout).trimEnd()));
  say(`  exit code ${signed.code}; outputs:`);
  for (const [k, v] of Object.entries(signed.outputs)) say(`    ${k} = ${v}`);
  if (signed.code !== 0 || signed.outputs.status !== 'valid') failed = true;
  say('\n  MANIFEST.txt written:');
  say(indent(readFileSync(path.join(workspace, 'dist/MANIFEST.txt'), 'utf8').replace(/\r/g, '').trim()));

  say('\n▶ uses: sign-plugin-action  (mode: verify) after module.js was edited');
  const tampered = mkdtempSync(path.join(tmpdir(), 'sign-plugin-demo-tampered-'));
  cpSync(path.join(workspace, 'dist'), path.join(tampered, 'dist'), { recursive: true });
  appendFileSync(path.join(tampered, 'dist/module.js'), '// edited after signing\n');
  const verified = await runAction({
    workspace: tampered,
    inputs: { mode: 'verify', dist: 'dist', 'public-keys': server.publicKeyArmored },
  });
  say(indent(renderRunnerLog(verified.stdout).trimEnd()));
  say(`  exit code ${verified.code} (the job fails, as it must); status = ${verified.outputs.status}`);
  if (verified.code !== 1 || verified.outputs.status !== 'modified') failed = true;

  say('\n▶ node dist/cli/index.js verify --public-key <loopback key> <signed copy>');
  const keyFile = path.join(workspace, 'loopback-key.asc');
  appendFileSync(keyFile, server.publicKeyArmored);
  const cli = await runCli(['verify', '--public-key', keyFile, path.join(workspace, 'dist')]);
  say(indent(cli.stdout.trimEnd()));
  say(`  exit code ${cli.code}`);
  if (cli.code !== 0) failed = true;
} finally {
  await server.close();
}
say(failed ? '\nDEMO FAILED' : '\nDemo done: signed, verified, and a tampered copy caught.');
process.exitCode = failed ? 1 : 0;
