/** Properties of the text/template/parse port: on any input it terminates and throws nothing but TemplateParseError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateParseError, parseTemplate } from '../../src/go/template/parse.js';

const pieces = [
  '{{',
  '}}',
  '{{-',
  '-}}',
  ' ',
  '\n',
  '.',
  '$',
  '$x',
  ':=',
  '=',
  '|',
  '(',
  ')',
  ',',
  '"',
  '`',
  "'",
  '\\',
  '/*',
  '*/',
  'if',
  'else',
  'end',
  'range',
  'with',
  'define',
  'block',
  'template',
  'break',
  'continue',
  'nil',
  'true',
  '.JsonData',
  '.SecureJsonData',
  '.URL',
  'orEmpty',
  'index',
  'printf',
  '1',
  '0x',
  '1e',
  '+',
  '-',
  'i',
  'a',
  '#',
  'é',
];

function check(text: string): boolean {
  try {
    parseTemplate('content', text, ['orEmpty']);
  } catch (e) {
    if (!(e instanceof TemplateParseError)) throw e;
    expect(e.message.startsWith('template: content:')).toBe(true);
  }
  return true;
}

describe('template parser properties', () => {
  it('terminates and throws only TemplateParseError on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), check), { numRuns: 2000 });
  });
  it('terminates and throws only TemplateParseError on random template-like token soups', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => check(parts.join(''))),
      { numRuns: 3000 },
    );
  });
});
