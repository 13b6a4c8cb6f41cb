/**
 * The real signed plugins from Grafana's test data (../shared/grafana/fixtures/plugins) give, for each app URL
 * in the README's table, the verdict Grafana gives, with the embedded Grafana key only; and tampering with a
 * copy turns them modified / modified / modified / unsigned.
 */
import { appendFileSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrustedKeys } from '../../src/signature/keys.js';
import { verifyPlugin } from '../../src/verify/verify.js';
import { SHARED_MANIFESTS, SHARED_PLUGINS, describeShared } from '../helpers/shared.js';
import { copyPlugin } from '../helpers/tmp.js';

/** The README table: folder → [app URL, verdict][]. */
const TABLE: Record<string, [string, 'valid' | 'invalid'][]> = {
  'private-localhost': [
    ['http://localhost:3000/', 'valid'],
    ['http://localhost:3000', 'valid'],
    ['http://localhost:3000/grafana/', 'invalid'],
    ['http://127.0.0.1:3000/', 'invalid'],
  ],
  'private-subpath': [
    ['http://localhost:3000/grafana', 'valid'],
    ['http://localhost:3000/', 'invalid'],
  ],
  'grafana-with-root-url': [
    ['https://dev.grafana.com/', 'valid'],
    ['https://non.matching.url.com/', 'invalid'],
  ],
  nested: [
    ['http://localhost:3000/', 'valid'],
    ['https://grafana.example.com/', 'valid'],
  ],
};

const keys = () => TrustedKeys.withEmbedded();

describeShared('real signed plugins from Grafana', () => {
  for (const [folder, rows] of Object.entries(TABLE)) {
    describe(folder, () => {
      for (const [appUrl, verdict] of rows) {
        it(`app URL ${appUrl} → ${verdict}`, async () => {
          const result = await verifyPlugin(path.join(SHARED_PLUGINS, folder), { keys: keys(), appUrls: [appUrl] });
          expect(result.status).toBe(verdict);
          expect(result.key?.keyId).toBe('7e4d0c6a708866e7');
          if (verdict === 'invalid') {
            expect(result.findings.map((f) => f.kind)).toEqual(['root-url-mismatch']);
            expect(result.reason).toContain('Could not find root URL that matches running application URL');
          } else {
            expect(result.findings.filter((f) => f.status !== null)).toEqual([]);
          }
        });
      }

      const validAppUrl = rows.find(([, v]) => v === 'valid')![0];
      const verifyCopy = (dir: string) => verifyPlugin(dir, { keys: keys(), appUrls: [validAppUrl] });

      it('a changed byte in plugin.json → modified, naming the file', async () => {
        const dir = copyPlugin(path.join(SHARED_PLUGINS, folder));
        const file = path.join(dir, 'plugin.json');
        const bytes = readFileSync(file);
        const at = bytes.indexOf('"description"') + 3; // inside the key: changes the hash, not the id
        bytes[at] = bytes[at] ^ 0x20;
        writeFileSync(file, bytes);
        const result = await verifyCopy(dir);
        expect(result.status).toBe('modified');
        expect(result.findings).toContainEqual(
          expect.objectContaining({ kind: 'file-modified', path: 'plugin.json', status: 'modified' }),
        );
      });

      it('an added file → modified (not covered)', async () => {
        const dir = copyPlugin(path.join(SHARED_PLUGINS, folder));
        appendFileSync(path.join(dir, 'extra.js'), 'console.log(1);\n');
        const result = await verifyCopy(dir);
        expect(result.status).toBe('modified');
        expect(result.reason).toBe('The following files were not included in the signature: extra.js');
      });

      it('a removed file → modified', async () => {
        const dir = copyPlugin(path.join(SHARED_PLUGINS, folder));
        rmSync(path.join(dir, 'plugin.json'));
        const result = await verifyCopy(dir);
        expect(result.status).toBe('modified');
        expect(result.findings).toContainEqual(expect.objectContaining({ kind: 'file-missing', path: 'plugin.json' }));
      });

      it('a removed MANIFEST.txt → unsigned', async () => {
        const dir = copyPlugin(path.join(SHARED_PLUGINS, folder));
        rmSync(path.join(dir, 'MANIFEST.txt'));
        const result = await verifyCopy(dir);
        expect(result.status).toBe('unsigned');
        expect(result.reason).toBe('plugin is unsigned: could not find a MANIFEST.txt');
      });
    });
  }

  it('nested: the parent manifest covers nested/plugin.json; removing it is modified', async () => {
    const dir = copyPlugin(path.join(SHARED_PLUGINS, 'nested'));
    rmSync(path.join(dir, 'nested/plugin.json'));
    const result = await verifyPlugin(dir, { keys: keys() });
    expect(result.status).toBe('modified');
    expect(result.reason).toBe('Plugin file listed in the manifest was not found: nested/plugin.json');
  });

  it("nested: the child's own MANIFEST.txt placed in nested/ is an unlisted file → modified", async () => {
    const dir = copyPlugin(path.join(SHARED_PLUGINS, 'nested'));
    copyFileSync(
      path.join(SHARED_MANIFESTS, 'nested-plugins-child.MANIFEST.txt'),
      path.join(dir, 'nested/MANIFEST.txt'),
    );
    const result = await verifyPlugin(dir, { keys: keys() });
    expect(result.status).toBe('modified');
    expect(result.reason).toBe('The following files were not included in the signature: nested/MANIFEST.txt');
  });

  it('nested: the child folder verified alone with its own manifest is valid', async () => {
    const dir = copyPlugin(path.join(SHARED_PLUGINS, 'nested/nested'));
    copyFileSync(path.join(SHARED_MANIFESTS, 'nested-plugins-child.MANIFEST.txt'), path.join(dir, 'MANIFEST.txt'));
    const result = await verifyPlugin(dir, { keys: keys() });
    expect(result.status).toBe('valid');
    expect(result.plugin).toEqual({ id: 'test-panel', version: '1.0.1', type: 'panel' });
  });

  it('without an app URL Grafana uses http://localhost:3000/', async () => {
    const ok = await verifyPlugin(path.join(SHARED_PLUGINS, 'private-localhost'), { keys: keys() });
    expect(ok.status).toBe('valid');
    expect(ok.rootUrlChecks).toEqual([expect.objectContaining({ appUrl: 'http://localhost:3000/', matched: true })]);
    const sub = await verifyPlugin(path.join(SHARED_PLUGINS, 'private-subpath'), { keys: keys() });
    expect(sub.status).toBe('invalid');
  });

  it('appUrls null: root URLs reported as not checked, the verdict rests on the other checks', async () => {
    const result = await verifyPlugin(path.join(SHARED_PLUGINS, 'private-subpath'), { keys: keys(), appUrls: null });
    expect(result.status).toBe('valid');
    expect(result.rootUrlChecks).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'root-url-unchecked', status: null, expected: 'http://localhost:3000/grafana/' }),
    ]);
  });

  it('a valid result carries the signer and level from the manifest', async () => {
    const result = await verifyPlugin(path.join(SHARED_PLUGINS, 'private-localhost'), { keys: keys() });
    expect(result.manifest).toMatchObject({
      signatureType: 'private',
      signedByOrg: 'willbrowne',
      signedByOrgName: 'Will Browne',
      plugin: 'test',
      version: '1.0.0',
      rootUrls: ['http://localhost:3000/'],
    });
    expect(result.headline).toBe("plugin 'test' has a valid signature");
    expect(result.filesCount).toBe(1);
  });

  it('with no trusted key for 7e4d0c6a708866e7 the same plugin is invalid', async () => {
    const result = await verifyPlugin(path.join(SHARED_PLUGINS, 'private-localhost'), { keys: new TrustedKeys() });
    expect(result.status).toBe('invalid');
    expect(result.reason).toBe('missing public key for ID 7e4d0c6a708866e7');
  });
});
