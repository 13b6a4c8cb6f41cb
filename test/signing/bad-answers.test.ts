/**
 * A 200 from grafana.com that Grafana would not accept for these files is refused before anything is written:
 * the earlier MANIFEST.txt stays byte-identical, and the error says what was wrong with the answer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningError } from '../../src/errors.js';
import { buildManifest } from '../../src/manifest/build.js';
import { TrustedKeys } from '../../src/signature/keys.js';
import { signPlugin, SignedManifestRejectedError } from '../../src/signing/sign.js';
import {
  clearsignLikeGrafanaCom,
  DEMO_TOKEN,
  generateSigningKey,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { makePlugin } from '../hostile/make-plugin.js';

let server: LoopbackGrafanaCom;
let keys: TrustedKeys;
beforeAll(async () => {
  server = await startLoopbackGrafanaCom();
  keys = await keysTrustingLoopback(server);
});
afterAll(() => server?.close());

const EARLIER = Buffer.from('\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nearlier, must survive\r\n');

/** A plugin with an earlier MANIFEST.txt, and the manifest grafana.com would sign for it, `changes` applied. */
async function setUp(changes: Record<string, unknown>) {
  const { dir } = makePlugin();
  const built = await buildManifest(dir);
  writeFileSync(path.join(dir, 'MANIFEST.txt'), EARLIER);
  const manifest = {
    manifestVersion: '2.0.0',
    signatureType: 'private',
    signedByOrg: 'myorg',
    signedByOrgName: 'My Org',
    rootUrls: ['https://grafana.example.com/'],
    plugin: built.plugin,
    version: built.version,
    time: Date.now() - 1000,
    keyId: server.keyId,
    files: built.files,
    ...changes,
  };
  return { dir, text: JSON.stringify(manifest, null, 2) };
}

async function expectRefused(
  dir: string,
  body: string,
  message: RegExp,
  type: abstract new (...args: never[]) => Error = SignedManifestRejectedError,
) {
  server.script({ status: 200, body, headers: { 'Content-Type': 'text/plain' } });
  const before = server.requests.length;
  const attempt = signPlugin({
    dist: dir,
    token: DEMO_TOKEN,
    grafanaComUrl: server.url,
    keys,
    signatureType: 'private',
    rootUrls: ['https://grafana.example.com/'],
  });
  await expect(attempt).rejects.toThrow(type);
  await expect(attempt).rejects.toThrow(message);
  expect(server.requests.length).toBe(before + 1); // a 200 is never retried
  expect(readFileSync(path.join(dir, 'MANIFEST.txt')).equals(EARLIER)).toBe(true);
  server.clearScript();
}

describe('a 200 answer Grafana would refuse', () => {
  it('signed for another plugin', async () => {
    const { dir, text } = await setUp({ plugin: 'myorg-other-panel' });
    await expectRefused(
      dir,
      await clearsignLikeGrafanaCom(text, server.privateKeyArmored),
      /manifest plugin "myorg-other-panel" does not match plugin.json id/,
    );
  });

  it('signed for another version', async () => {
    const { dir, text } = await setUp({ version: '9.9.9' });
    await expectRefused(
      dir,
      await clearsignLikeGrafanaCom(text, server.privateKeyArmored),
      /manifest version "9.9.9" does not match/,
    );
  });

  it('signed by a key nobody trusts', async () => {
    const stranger = await generateSigningKey({ date: new Date(Date.now() - 86_400_000) });
    const { dir, text } = await setUp({ keyId: stranger.keyId });
    await expectRefused(
      dir,
      await clearsignLikeGrafanaCom(text, stranger.privateKeyArmored),
      new RegExp(`missing public key for ID ${stranger.keyId}`),
    );
  });

  it('signed by a stranger under the trusted key ID', async () => {
    const stranger = await generateSigningKey({ date: new Date(Date.now() - 86_400_000) });
    const { dir, text } = await setUp({});
    await expectRefused(
      dir,
      await clearsignLikeGrafanaCom(text, stranger.privateKeyArmored),
      /failed to check signature/,
    );
  });

  it('for other root URLs than asked', async () => {
    const { dir, text } = await setUp({ rootUrls: ['https://elsewhere.example.com/'] });
    await expectRefused(
      dir,
      await clearsignLikeGrafanaCom(text, server.privateKeyArmored),
      /expected root URLs https:\/\/grafana.example.com\/, the manifest has https:\/\/elsewhere.example.com\//,
    );
  });

  it('a body that is not a manifest at all', async () => {
    const { dir } = await setUp({});
    await expectRefused(
      dir,
      '<html>maintenance</html>',
      /answered HTTP 200 but the body is not a signed manifest \(it starts with "<html>maintenance<\/html>"\)/,
      SigningError,
    );
  });
});
