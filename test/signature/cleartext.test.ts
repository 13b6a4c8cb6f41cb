import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestFormatError } from '../../src/errors.js';
import { ARMOR_CORRUPT, decodeArmor } from '../../src/signature/armor.js';
import { decodeCleartext, type CleartextBlock } from '../../src/signature/cleartext.js';
import { describeShared, HAVE_SHARED, SHARED_MANIFESTS } from '../helpers/shared.js';

/** A syntactically fine signature block (armor.Decode does not look inside the base64 at decode time). */
const SIG = '-----BEGIN PGP SIGNATURE-----\n\nwqEEARMKAAYFAl6U6o0ACgkQ\n=abcd\n-----END PGP SIGNATURE-----\n';
const START = '-----BEGIN PGP SIGNED MESSAGE-----';

function decode(text: string): CleartextBlock | null {
  return decodeCleartext(Buffer.from(text, 'latin1'));
}

function decoded(text: string): { hash: string[]; plain: string; signed: string; armored: string } {
  const block = decode(text);
  if (!block) throw new Error('expected a block, got null');
  return {
    hash: block.hashHeaders,
    plain: block.plaintext.toString('latin1'),
    signed: block.signedBytes.toString('latin1'),
    armored: block.armoredSignature.toString('latin1'),
  };
}

describe('decodeCleartext (go-crypto clearsign.Decode)', () => {
  it('splits plaintext (LF after every line) from signed bytes (CRLF between lines)', () => {
    expect(decoded(`${START}\nHash: SHA512\n\n{\n  "a": 1\n}\n${SIG}`)).toEqual({
      hash: ['SHA512'],
      plain: '{\n  "a": 1\n}\n',
      signed: '{\r\n  "a": 1\r\n}',
      armored: SIG,
    });
  });

  it('reads CRLF files to the same result', () => {
    const crlf = `${START}\nHash: SHA512\n\n{\n  "a": 1\n}\n${SIG}`.replace(/\n/g, '\r\n');
    expect(decoded(crlf)).toMatchObject({ plain: '{\n  "a": 1\n}\n', signed: '{\r\n  "a": 1\r\n}' });
  });

  it('removes "- " escapes and trailing spaces/tabs, keeps other dashes and leading spaces', () => {
    const text = `${START}\n\n- -1\n--x\n-y\n  b \t \n\n- \n${SIG}`;
    expect(decoded(text)).toMatchObject({ plain: '-1\n--x\n-y\n  b\n\n\n', signed: '-1\r\n--x\r\n-y\r\n  b\r\n\r\n' });
  });

  it('keeps a lone \\r inside a line and a \\r before \\r\\n', () => {
    expect(decoded(`${START}\n\na\rb\r\r\nc\n${SIG}`)).toMatchObject({ plain: 'a\rb\r\nc\n', signed: 'a\rb\r\r\nc' });
  });

  it('accepts an empty message', () => {
    expect(decoded(`${START}\nHash: SHA1\n\n${SIG}`)).toMatchObject({ plain: '', signed: '' });
  });

  it('accepts the marker at the very start or right after a newline, ignoring what comes before', () => {
    expect(decode(`${START}\n\nx\n${SIG}`)).not.toBeNull();
    expect(decoded(`\r\n${START}\r\n\r\nx\r\n${SIG}`).plain).toBe('x\n');
    expect(decoded(`hello\nworld\n${START}\n\nx\n${SIG}`).plain).toBe('x\n');
  });

  it('rejects a marker not at a line start: a BOM, or text before it on its line', () => {
    expect(decode(`\uFEFF${START}\n\nx\n${SIG}`.replace('\uFEFF', '\xEF\xBB\xBF'))).toBeNull();
    expect(decode(`hello ${START}\n\nx\n${SIG}`)).toBeNull();
  });

  it('rejects anything after the marker on its line, even a space or a stray \\r', () => {
    expect(decode(`${START} \n\nx\n${SIG}`)).toBeNull();
    expect(decode(`${START}x\n\nx\n${SIG}`)).toBeNull();
    expect(decode(`${START}\r\r\n\nx\n${SIG}`)).toBeNull();
  });

  it('only looks at the first marker', () => {
    expect(decode(`\n${START}x\n${START}\n\nx\n${SIG}`)).toBeNull();
  });

  it('reads Hash headers: comma lists, spaces around key and values', () => {
    expect(decoded(`${START}\nHash: SHA256, SHA512\n Hash :SHA1\n\nx\n${SIG}`).hash).toEqual([
      'SHA256',
      'SHA512',
      'SHA1',
    ]);
  });

  it('accepts SaltedHash headers without reporting them as Hash', () => {
    expect(decoded(`${START}\nSaltedHash: SHA512:abcd\n\nx\n${SIG}`).hash).toEqual([]);
  });

  it('rejects other header keys, lower-case hash, a header without a colon', () => {
    expect(decode(`${START}\nHash: SHA512\nComment: x\n\nx\n${SIG}`)).toBeNull();
    expect(decode(`${START}\nhash: SHA512\n\nx\n${SIG}`)).toBeNull();
    expect(decode(`${START}\nHash SHA512\n\nx\n${SIG}`)).toBeNull();
  });

  it('rejects control and non-ASCII characters in headers (a tab too)', () => {
    expect(decode(`${START}\nHash:\tSHA512\n\nx\n${SIG}`)).toBeNull();
    expect(decode(`${START}\nHash: SHA512\xE9\n\nx\n${SIG}`)).toBeNull();
    expect(decode(`${START}\nHash: SHA\x7F\n\nx\n${SIG}`)).toBeNull();
  });

  it('rejects a message whose headers never end', () => {
    expect(decode(`${START}\nHash: SHA512`)).toBeNull();
    expect(decode(`${START}\n`)).toBeNull();
    expect(decode(START)).toBeNull();
  });

  it('rejects a message without a signature block or without its end marker', () => {
    expect(decode(`${START}\n\nx\n`)).toBeNull();
    expect(decode(`${START}\n\nx\n-----BEGIN PGP SIGNATURE-----\n\nAAAA\n`)).toBeNull();
    // A signature start line with a trailing space is message text; the end marker is then text too.
    expect(decode(`${START}\n\nx\n${SIG.replace('SIGNATURE-----\n', 'SIGNATURE----- \n')}`)).toBeNull();
  });

  it('ends the signature block at the first end marker plus following line breaks; the rest is ignored', () => {
    const block = decoded(`${START}\n\nx\n${SIG}\r\n\ntrailing text\n${SIG}`);
    expect(block.armored).toBe(`${SIG}\r\n\n`);
  });

  it('rejects a signature block go-crypto armor.Decode refuses (no blank line after the headers)', () => {
    expect(
      decode(`${START}\n\nx\n-----BEGIN PGP SIGNATURE-----\nwqEEARMKAAYF\n-----END PGP SIGNATURE-----\n`),
    ).toBeNull();
  });

  it('keeps a signature block with armor headers', () => {
    const sig = SIG.replace('\n\n', '\nVersion: OpenPGP.js v4.10.1\nComment: https://openpgpjs.org\n\n');
    expect(decoded(`${START}\n\nx\n${sig}`).armored).toBe(sig);
  });

  it('property: never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const block = decodeCleartext(bytes);
        expect(block === null || Buffer.isBuffer(block.plaintext)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('property: never throws on text built from cleartext tokens', () => {
    const token = fc.constantFrom(
      START,
      '-----BEGIN PGP SIGNATURE-----',
      '-----END PGP SIGNATURE-----',
      '\n',
      '\r\n',
      '\r',
      'Hash: SHA1',
      ': ',
      '- ',
      '-',
      ' ',
      '\t',
      '=',
      'AAAA',
      'x'.repeat(120),
      '',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (parts) => {
        const block = decode(parts.join(''));
        if (block) expect(block.armoredSignature.toString('latin1')).toContain('-----END PGP SIGNATURE-----');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('decodeArmor (go-crypto armor.Decode and Block.Body)', () => {
  const armor = (body: string, headers = '') =>
    Buffer.from(`-----BEGIN PGP SIGNATURE-----\n${headers}\n${body}-----END PGP SIGNATURE-----\n`, 'latin1');

  it('decodes type, headers and body; the CRC24 line is not checked', () => {
    const block = decodeArmor(armor('QUJD\nREVG\n=XXXX\n', 'Version: x\nComment:  two spaces\n'));
    expect(block.type).toBe('PGP SIGNATURE');
    expect({ ...block.headers }).toEqual({ Version: 'x', Comment: ' two spaces' });
    expect(Buffer.from(block.body).toString()).toBe('ABCDEF');
    expect(block.bodyError).toBeUndefined();
  });

  it('stops at the checksum line or the END line, whichever comes first', () => {
    expect(Buffer.from(decodeArmor(armor('QUJD\n=AAAA\nREVG\n')).body).toString()).toBe('ABC');
    expect(Buffer.from(decodeArmor(armor('QUJD\n')).body).toString()).toBe('ABC');
  });

  it('skips garbage before the BEGIN line and ignores what its last five characters say', () => {
    const block = decodeArmor(Buffer.from('junk\n  -----BEGIN FOO BAR-----  \n\nQUJD\n-----END X\n'));
    expect(block.type).toBe('FOO BAR');
    expect(Buffer.from(block.body).toString()).toBe('ABC');
  });

  it('restarts at the next BEGIN line when a header line has no colon', () => {
    const text = '-----BEGIN A-----\nnot a header\n-----BEGIN B-----\nK: v\n\nQUJD\n-----END B-----\n';
    const block = decodeArmor(Buffer.from(text));
    expect(block.type).toBe('B');
    expect({ ...block.headers }).toEqual({ K: 'v' });
  });

  it('throws ManifestFormatError without a BEGIN line or when the headers never end', () => {
    expect(() => decodeArmor(Buffer.from('no armor here\n'))).toThrow(ManifestFormatError);
    expect(() => decodeArmor(Buffer.from('-----BEGIN PGP SIGNATURE-----\nVersion: 1\n'))).toThrow(
      'armor: the data ends inside the armor headers (no blank line)',
    );
  });

  it('reports body problems in Go words after the bytes decoded before them', () => {
    const long = decodeArmor(armor(`QUJD\n${'A'.repeat(97)}\n`));
    expect(Buffer.from(long.body).toString()).toBe('ABC');
    expect(long.bodyError).toBe(ARMOR_CORRUPT);
    expect(ARMOR_CORRUPT).toBe('openpgp: invalid data: armor invalid');

    expect(decodeArmor(armor(`${'A'.repeat(96)}\n`)).bodyError).toBeUndefined();
    // Go counts the offset from the start of the chunk it was decoding (here: the second line).
    expect(decodeArmor(armor('QUJD\nRE!G\n')).bodyError).toBe('illegal base64 data at input byte 2');
    expect(decodeArmor(armor('QUJD REV\n')).bodyError).toBe('illegal base64 data at input byte 4');
    // Go's stream decoder only decodes whole quanta: a short tail is "unexpected EOF" whatever it holds.
    expect(decodeArmor(armor('QUJD RE\n')).bodyError).toBe('unexpected EOF');
    expect(decodeArmor(armor('QUJDRE\n')).bodyError).toBe('unexpected EOF');
    expect(decodeArmor(armor('QQ==QUJD\n')).bodyError).toBe('illegal base64 data at input byte 4');
  });

  it('accepts padding at the end and lone \\r in lines', () => {
    const block = decodeArmor(armor('QU\rJD\r\nQQ==\n'));
    expect(Buffer.from(block.body).toString()).toBe('ABCA');
    expect(block.bodyError).toBeUndefined();
  });

  it('property: throws nothing but ManifestFormatError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, prefix) => {
        const data = prefix
          ? Buffer.concat([Buffer.from('-----BEGIN PGP SIGNATURE-----\n'), bytes])
          : Buffer.from(bytes);
        try {
          const block = decodeArmor(data);
          expect(block.body).toBeInstanceOf(Uint8Array);
        } catch (e) {
          expect(e).toBeInstanceOf(ManifestFormatError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describeShared('decodeCleartext on the real manifests', () => {
  const files = HAVE_SHARED ? readdirSync(SHARED_MANIFESTS).filter((f) => f.endsWith('MANIFEST.txt')) : [];
  const read = (f: string) => readFileSync(path.join(SHARED_MANIFESTS, f));

  it('decodes every file: JSON plaintext, CRLF-joined signed bytes, a signature block', () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
    for (const f of files) {
      const block = decodeCleartext(read(f));
      if (!block) throw new Error(`${f} did not decode`);
      expect(block.hashHeaders).toEqual(['SHA512']);
      expect(block.plaintext.subarray(0, 2).toString()).toBe('{\n');
      expect(block.plaintext.subarray(-2).toString()).toBe('}\n');
      expect(block.signedBytes.subarray(-1).toString()).toBe('}');
      expect(block.plaintext.includes('\r')).toBe(false);
      expect(block.armoredSignature.subarray(0, 29).toString()).toBe('-----BEGIN PGP SIGNATURE-----');
      expect(decodeArmor(block.armoredSignature).bodyError).toBeUndefined();
    }
  });

  it('clock-panel: leading blank line and CRLF, as grafana.com writes it', () => {
    const bytes = read('clock-panel-2.1.2.MANIFEST.txt');
    expect(bytes.subarray(0, 4).toString()).toBe('\r\n--');
    const block = decodeCleartext(bytes)!;
    expect(block.signedBytes.subarray(0, 34).toString()).toBe('{\r\n  "manifestVersion": "2.0.0",\r\n');
  });

  it('property: never throws on random mutations of a real manifest', () => {
    const originals = files.map(read);
    fc.assert(
      fc.property(
        fc.constantFrom(...originals),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), {
          minLength: 1,
          maxLength: 6,
        }),
        (original, edits) => {
          let bytes = Buffer.from(original);
          for (const [at, value, op] of edits) {
            const i = at % (bytes.length + 1);
            if (op === 'set' && i < bytes.length) bytes[i] = value;
            else if (op === 'insert')
              bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([value]), bytes.subarray(i)]);
            else bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
          }
          const block = decodeCleartext(bytes);
          expect(block === null || block.signedBytes.length >= 0).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
