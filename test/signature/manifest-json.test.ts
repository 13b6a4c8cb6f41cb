import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestFormatError } from '../../src/errors.js';
import type { SignedManifest } from '../../src/manifest/types.js';
import { decodeCleartext } from '../../src/signature/cleartext.js';
import { isV2, manifestFieldError, parseManifestJson } from '../../src/signature/manifest-json.js';
import { describeShared, HAVE_SHARED, SHARED_MANIFESTS } from '../helpers/shared.js';

const parse = (text: string) => parseManifestJson(Buffer.from(text, 'latin1'));

/** The message parseManifestJson throws for `text` (fails the test when it does not throw). */
function errorOf(text: string): string {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestFormatError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

const BASE = '{"plugin":"p","version":"1.0.0","keyId":"k","files":{"a":"b"},';
const withTime = (rest: string) => `${BASE}${rest}}`;
const E = 'Error parsing manifest JSON: ';

describe('parseManifestJson: Go encoding/json into Grafana PluginManifest', () => {
  it('reads every field of a v2 manifest', () => {
    const m = parse(
      JSON.stringify({
        manifestVersion: '2.0.0',
        signatureType: 'private',
        signedByOrg: 'org',
        signedByOrgName: 'Org',
        rootUrls: ['http://localhost:3000/'],
        plugin: 'org-x-panel',
        version: '1.2.3',
        time: 1700000000123,
        keyId: '7e4d0c6a708866e7',
        files: { 'plugin.json': 'aa', __proto__x: 'bb' },
      }) + '\n',
    );
    expect(m).toEqual({
      manifestVersion: '2.0.0',
      signatureType: 'private',
      signedByOrg: 'org',
      signedByOrgName: 'Org',
      rootUrls: ['http://localhost:3000/'],
      plugin: 'org-x-panel',
      version: '1.2.3',
      time: 1700000000123,
      keyId: '7e4d0c6a708866e7',
      files: new Map([
        ['plugin.json', 'aa'],
        ['__proto__x', 'bb'],
      ]),
    } satisfies SignedManifest);
  });

  it('keeps a __proto__ file name as data', () => {
    expect(parse('{"files":{"__proto__":"x"}}').files.get('__proto__')).toBe('x');
  });

  it('"time": "123" is a type error', () => {
    expect(errorOf(withTime('"time": "123"'))).toBe(
      `${E}json: cannot unmarshal string into Go struct field PluginManifest.time of type int64`,
    );
  });

  it('"time": 1.5 and 1e3 are type errors naming the number; int64 overflow too', () => {
    expect(errorOf(withTime('"time": 1.5'))).toBe(
      `${E}json: cannot unmarshal number 1.5 into Go struct field PluginManifest.time of type int64`,
    );
    expect(errorOf(withTime('"time": 1e3'))).toBe(
      `${E}json: cannot unmarshal number 1e3 into Go struct field PluginManifest.time of type int64`,
    );
    expect(errorOf(withTime('"time": 9223372036854775808'))).toBe(
      `${E}json: cannot unmarshal number 9223372036854775808 into Go struct field PluginManifest.time of type int64`,
    );
    expect(parse(withTime('"time": -9223372036854775808')).time).toBe(-9223372036854775808);
  });

  it('"time": null leaves 0, which validateManifest then rejects', () => {
    const m = parse(withTime('"time": null'));
    expect(m.time).toBe(0);
    expect(manifestFieldError(m)).toBe('valid manifest field time is required');
  });

  it('null keeps an earlier value of a string or number, and resets files and rootUrls', () => {
    const m = parse(
      '{"plugin":"a","plugin":null,"time":7,"time":null,"files":{"a":"b"},"files":null,"rootUrls":["x"],"rootUrls":null}',
    );
    expect(m.plugin).toBe('a');
    expect(m.time).toBe(7);
    expect(m.files.size).toBe(0);
    expect(m.rootUrls).toEqual([]);
  });

  it('a duplicate key: the last wins; a duplicate files object merges', () => {
    const m = parse('{"plugin":"a","plugin":"b","files":{"x":"1","y":"2"},"files":{"y":"3","z":"4"}}');
    expect(m.plugin).toBe('b');
    expect([...m.files]).toEqual([
      ['x', '1'],
      ['y', '3'],
      ['z', '4'],
    ]);
  });

  it('a duplicate rootUrls array keeps elements a null did not overwrite (Go reuses the slice)', () => {
    expect(parse('{"rootUrls":["a","b","c"],"rootUrls":["x"],"rootUrls":["y",null,null]}').rootUrls).toEqual([
      'y',
      'b',
      'c',
    ]);
  });

  it('field names match case-insensitively, the exact name first', () => {
    const m = parse('{"PLUGIN":"x","Version":"v","KEYID":"k","TIME":5,"FILES":{"a":"b"},"plugin":"exact"}');
    expect(m).toMatchObject({ plugin: 'exact', version: 'v', keyId: 'k', time: 5 });
    expect(parse('{"PLUGIN":"upper"}').plugin).toBe('upper');
    // Go folds ſ (U+017F) to S and the Kelvin sign (U+212A) to K.
    const folded = parseManifestJson(Buffer.from('{"\u017fignedByOrg":"o","\u212aeyId":"k"}', 'utf8'));
    expect(folded).toMatchObject({ signedByOrg: 'o', keyId: 'k' });
    expect(parse('{"plug_in":"x"}').plugin).toBe('');
  });

  it('matches field names after unescaping', () => {
    expect(parse('{"\\u0070lugin":"x"}').plugin).toBe('x');
  });

  it('ignores unknown fields of any shape', () => {
    const m = parse('{"unknown":[1,{"z":null,"y":[[[]]]}],"plugin":"p","extra":"\\u00e9"}');
    expect(m.plugin).toBe('p');
  });

  it('"files": {} parses, and validateManifest says files is required', () => {
    const m = parse('{"plugin":"p","version":"1.0.0","keyId":"k","time":1,"files":{}}');
    expect(m.files.size).toBe(0);
    expect(manifestFieldError(m)).toBe('valid manifest field files is required');
    // After an earlier non-empty "files", an empty object merges into it (Go reuses the map).
    expect([...parse(withTime('"time": 1, "files": {}')).files]).toEqual([['a', 'b']]);
  });

  it('a null file hash is stored as ""', () => {
    expect(parse('{"files":{"a":null}}').files.get('a')).toBe('');
  });

  it('type errors name the Go type and field', () => {
    expect(errorOf(withTime('"time": 1, "plugin": 1'))).toBe(
      `${E}json: cannot unmarshal number into Go struct field PluginManifest.plugin of type string`,
    );
    expect(errorOf(withTime('"time": 1, "signatureType": 5'))).toBe(
      `${E}json: cannot unmarshal number into Go struct field PluginManifest.signatureType of type plugins.SignatureType`,
    );
    expect(errorOf(withTime('"time": 1, "rootUrls": "x"'))).toBe(
      `${E}json: cannot unmarshal string into Go struct field PluginManifest.rootUrls of type []string`,
    );
    expect(errorOf(withTime('"time": 1, "files": [1]'))).toBe(
      `${E}json: cannot unmarshal array into Go struct field PluginManifest.files of type map[string]string`,
    );
    expect(errorOf(withTime('"time": 1, "files": {"c": 2}'))).toBe(
      `${E}json: cannot unmarshal number into Go struct field PluginManifest.files of type string`,
    );
    expect(errorOf(withTime('"time": 1, "rootUrls": [true]'))).toBe(
      `${E}json: cannot unmarshal bool into Go struct field PluginManifest.rootUrls of type string`,
    );
    expect(errorOf('{"version": {"a": 1}}')).toBe(
      `${E}json: cannot unmarshal object into Go struct field PluginManifest.version of type string`,
    );
  });

  it('reports the first type error in document order', () => {
    expect(errorOf('{"plugin": 1, "time": "x"}')).toBe(
      `${E}json: cannot unmarshal number into Go struct field PluginManifest.plugin of type string`,
    );
  });

  it('a top-level value that is not an object', () => {
    expect(errorOf('[1]')).toBe(`${E}json: cannot unmarshal array into Go value of type signature.PluginManifest`);
    expect(errorOf('"s"')).toBe(`${E}json: cannot unmarshal string into Go value of type signature.PluginManifest`);
    expect(errorOf('true')).toBe(`${E}json: cannot unmarshal bool into Go value of type signature.PluginManifest`);
    expect(parse('null').plugin).toBe('');
  });

  it('syntax errors in Go words, checked before any type error', () => {
    expect(errorOf('x')).toBe(`${E}invalid character 'x' looking for beginning of value`);
    expect(errorOf('')).toBe(`${E}unexpected end of JSON input`);
    expect(errorOf('{"plugin": "p"')).toBe(`${E}unexpected end of JSON input`);
    expect(errorOf('{"plugin": "p",}')).toBe(`${E}invalid character '}' looking for beginning of object key string`);
    expect(errorOf('{"plugin": "p"} x')).toBe(`${E}invalid character 'x' after top-level value`);
    expect(errorOf('{"time": 01}')).toBe(`${E}invalid character '1' after object key:value pair`);
    expect(errorOf('{"time": -}')).toBe(`${E}invalid character '}' in numeric literal`);
    expect(errorOf('{"a" 1}')).toBe(`${E}invalid character '1' after object key`);
    expect(errorOf('[1 2]')).toBe(`${E}invalid character '2' after array element`);
    expect(errorOf('{"a":tru}')).toBe(`${E}invalid character '}' in literal true (expecting 'e')`);
    expect(errorOf('{"a":"\\q"}')).toBe(`${E}invalid character 'q' in string escape code`);
    expect(errorOf('{"a":"\\u12g4"}')).toBe(`${E}invalid character 'g' in \\u hexadecimal character escape`);
    expect(errorOf('{"a":"x\ny"}')).toBe(`${E}invalid character '\\n' in string literal`);
    expect(errorOf('{"a":1.}')).toBe(`${E}invalid character '}' after decimal point in numeric literal`);
    expect(errorOf('{"a":1e}')).toBe(`${E}invalid character '}' in exponent of numeric literal`);
    expect(errorOf('{"plugin": 1, "x": }')).toBe(`${E}invalid character '}' looking for beginning of value`);
    expect(errorOf('-')).toBe(`${E}invalid character ' ' in numeric literal`);
  });

  it('quotes bytes like Go: a UTF-8 BOM shows as ï, control bytes escaped', () => {
    expect(errorOf('\xEF\xBB\xBF{}')).toBe(`${E}invalid character 'ï' looking for beginning of value`);
    expect(errorOf('\x00')).toBe(`${E}invalid character '\\x00' looking for beginning of value`);
    expect(errorOf('\x85')).toBe(`${E}invalid character '\\u0085' looking for beginning of value`);
    expect(errorOf("'")).toBe(`${E}invalid character '\\'' looking for beginning of value`);
  });

  it('nesting deeper than 10000 is a syntax error, 10000 is fine', () => {
    expect(parse(`{"x":${'['.repeat(9999)}${']'.repeat(9999)}}`).plugin).toBe('');
    expect(errorOf(`{"x":${'['.repeat(10000)}${']'.repeat(10000)}}`)).toBe(
      `${E}invalid character '[' exceeded max depth`,
    );
  });

  it('replaces invalid UTF-8 byte by byte and lone surrogates by U+FFFD', () => {
    expect(parse('{"plugin": "a\xFFb"}').plugin).toBe('a\uFFFDb');
    expect(parse('{"plugin": "\xE2\x82x"}').plugin).toBe('\uFFFD\uFFFDx');
    expect(parse('{"plugin": "\xED\xA0\x80"}').plugin).toBe('\uFFFD\uFFFD\uFFFD');
    expect(parse('{"plugin": "\\ud800\\u0041"}').plugin).toBe('\uFFFDA');
    expect(parse('{"plugin": "\\ud83d\\ude00"}').plugin).toBe('\u{1F600}');
    expect(parse('{"plugin": "\xC3\xA9"}').plugin).toBe('é');
  });

  it('property: throws nothing but ManifestFormatError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseManifestJson(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(ManifestFormatError);
          expect((e as Error).message.startsWith(E)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('property: throws nothing but ManifestFormatError on JSON-ish token soup', () => {
    const token = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"plugin"',
      '"time"',
      '"files"',
      '"rootUrls"',
      '"x"',
      '1',
      '-1.5e3',
      'null',
      'true',
      ' ',
      '\\',
      '"\\u00',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (parts) => {
        try {
          const m = parse(parts.join(''));
          expect(typeof m.time).toBe('number');
        } catch (e) {
          expect(e).toBeInstanceOf(ManifestFormatError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isV2 and manifestFieldError (Grafana validateManifest)', () => {
  const valid: SignedManifest = {
    manifestVersion: '2.0.0',
    signatureType: 'community',
    signedByOrg: 'o',
    signedByOrgName: 'O',
    rootUrls: [],
    plugin: 'p',
    version: '1',
    time: 1,
    keyId: 'k',
    files: new Map([['a', 'b']]),
  };

  it('isV2 is a "2." prefix', () => {
    expect(isV2(valid)).toBe(true);
    expect(isV2({ ...valid, manifestVersion: '2.' })).toBe(true);
    expect(isV2({ ...valid, manifestVersion: '2' })).toBe(false);
    expect(isV2({ ...valid, manifestVersion: '' })).toBe(false);
    expect(isV2({ ...valid, manifestVersion: '20.0' })).toBe(false);
  });

  it('passes a complete manifest', () => {
    expect(manifestFieldError(valid)).toBeNull();
  });

  it('checks in Grafana order, with its words', () => {
    const all: SignedManifest = { ...valid, plugin: '', version: '', keyId: '', time: 0, files: new Map() };
    expect(manifestFieldError(all)).toBe('valid manifest field plugin is required');
    expect(manifestFieldError({ ...all, plugin: 'p' })).toBe('valid manifest field version is required');
    expect(manifestFieldError({ ...all, plugin: 'p', version: '1' })).toBe('valid manifest field keyId is required');
    expect(manifestFieldError({ ...all, plugin: 'p', version: '1', keyId: 'k' })).toBe(
      'valid manifest field time is required',
    );
    expect(manifestFieldError({ ...all, plugin: 'p', version: '1', keyId: 'k', time: -1 })).toBe(
      'valid manifest field files is required',
    );
    expect(manifestFieldError({ ...valid, signedByOrg: '', signedByOrgName: '' })).toBe(
      'valid manifest field signedByOrg is required',
    );
    expect(manifestFieldError({ ...valid, signedByOrgName: '' })).toBe(
      'valid manifest field signedByOrgName is required',
    );
  });

  it('signature types are case-sensitive; an empty one reads " is not a valid signature type"', () => {
    for (const t of ['grafana', 'commercial', 'community', 'private', 'private-glob']) {
      expect(manifestFieldError({ ...valid, signatureType: t })).toBeNull();
    }
    expect(manifestFieldError({ ...valid, signatureType: 'Private' })).toBe('Private is not a valid signature type');
    expect(manifestFieldError({ ...valid, signatureType: '' })).toBe(' is not a valid signature type');
  });

  it('v1 manifests skip the v2 fields', () => {
    expect(
      manifestFieldError({ ...valid, manifestVersion: '', signatureType: '', signedByOrg: '', signedByOrgName: '' }),
    ).toBeNull();
    expect(manifestFieldError({ ...valid, manifestVersion: '1.0.0', signatureType: 'bogus' })).toBeNull();
  });
});

describeShared('parseManifestJson on the real manifests', () => {
  const files = HAVE_SHARED ? readdirSync(SHARED_MANIFESTS).filter((f) => f.endsWith('MANIFEST.txt')) : [];
  const plaintexts = files.map((f) => decodeCleartext(readFileSync(path.join(SHARED_MANIFESTS, f)))!.plaintext);

  it('every real manifest parses and passes the field checks; agrees with JSON.parse on these', () => {
    expect(plaintexts.length).toBeGreaterThanOrEqual(17);
    for (const plaintext of plaintexts) {
      const m = parseManifestJson(plaintext);
      expect(manifestFieldError(m)).toBeNull();
      const js = JSON.parse(plaintext.toString('utf8')) as Record<string, unknown>;
      expect(m.plugin).toBe(js.plugin);
      expect(m.time).toBe(js.time);
      expect(Object.fromEntries(m.files)).toEqual(js.files);
      expect(m.rootUrls).toEqual(js.rootUrls ?? []);
    }
  });

  it('property: random mutations of a real manifest throw nothing but ManifestFormatError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...plaintexts),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()), { minLength: 1, maxLength: 4 }),
        (original, edits) => {
          let bytes = Buffer.from(original);
          for (const [at, value, insert] of edits) {
            const i = at % (bytes.length + 1);
            if (insert) bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([value]), bytes.subarray(i)]);
            else if (i < bytes.length) bytes[i] = value;
          }
          try {
            const m = parseManifestJson(bytes);
            expect(m.files).toBeInstanceOf(Map);
          } catch (e) {
            expect(e).toBeInstanceOf(ManifestFormatError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
