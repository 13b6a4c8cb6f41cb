/**
 * Go's lexer tests (golang/go src/text/template/parse/lex_test.go: lexTests, lexPosTests), the cases whose
 * behaviour is unchanged in current Go (newlines inside actions became legal in Go 1.16 and the right-paren
 * message lost its rune suffix; those two cases are left out). Token types and texts are Go's, taken as facts.
 */
import { describe, expect, it } from 'vitest';
import { ItemType as I, Lexer } from '../../src/go/template/lex.js';

type Tok = [I, string];
const tEOF: Tok = [I.EOF, ''];
const tLeft: Tok = [I.LeftDelim, '{{'];
const tRight: Tok = [I.RightDelim, '}}'];
const tSpace: Tok = [I.Space, ' '];
const tLpar: Tok = [I.LeftParen, '('];
const tRpar: Tok = [I.RightParen, ')'];
const tPipe: Tok = [I.Pipe, '|'];
const raw = '`' + 'abc\\n\\t\\" ' + '`';
const rawNL = '`now is{{\n}}the time`';
const tQuote: Tok = [I.String, '"abc \\n\\t\\" "'];

function collect(input: string): Tok[] {
  const l = new Lexer('test', input);
  const out: Tok[] = [];
  for (;;) {
    const item = l.nextItem();
    out.push([item.typ, item.val]);
    if (item.typ === I.EOF || item.typ === I.Error) return out;
  }
}

const lexTests: [string, string, Tok[]][] = [
  ['empty', '', [tEOF]],
  ['spaces', ' \t\n', [[I.Text, ' \t\n'], tEOF]],
  ['text', 'now is the time', [[I.Text, 'now is the time'], tEOF]],
  ['text with comment', 'hello-{{/* this is a comment */}}-world', [[I.Text, 'hello-'], [I.Text, '-world'], tEOF]],
  ['punctuation', '{{,@% }}', [tLeft, [I.Char, ','], [I.Char, '@'], [I.Char, '%'], tSpace, tRight, tEOF]],
  ['parens', '{{((3))}}', [tLeft, tLpar, tLpar, [I.Number, '3'], tRpar, tRpar, tRight, tEOF]],
  ['empty action', '{{}}', [tLeft, tRight, tEOF]],
  ['for', '{{for}}', [tLeft, [I.Identifier, 'for'], tRight, tEOF]],
  ['quote', '{{"abc \\n\\t\\" "}}', [tLeft, tQuote, tRight, tEOF]],
  ['raw quote', '{{' + raw + '}}', [tLeft, [I.RawString, raw], tRight, tEOF]],
  ['raw quote with newline', '{{' + rawNL + '}}', [tLeft, [I.RawString, rawNL], tRight, tEOF]],
  [
    'numbers',
    '{{1 02 0x14 -7.2i 1e3 +1.2e-4 4.2i 1+2i}}',
    [
      tLeft,
      [I.Number, '1'],
      tSpace,
      [I.Number, '02'],
      tSpace,
      [I.Number, '0x14'],
      tSpace,
      [I.Number, '-7.2i'],
      tSpace,
      [I.Number, '1e3'],
      tSpace,
      [I.Number, '+1.2e-4'],
      tSpace,
      [I.Number, '4.2i'],
      tSpace,
      [I.Complex, '1+2i'],
      tRight,
      tEOF,
    ],
  ],
  [
    'characters',
    "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}",
    [
      tLeft,
      [I.CharConstant, "'a'"],
      tSpace,
      [I.CharConstant, "'\\n'"],
      tSpace,
      [I.CharConstant, "'\\''"],
      tSpace,
      [I.CharConstant, "'\\\\'"],
      tSpace,
      [I.CharConstant, "'\\u00FF'"],
      tSpace,
      [I.CharConstant, "'\\xFF'"],
      tSpace,
      [I.CharConstant, "'本'"],
      tRight,
      tEOF,
    ],
  ],
  ['bools', '{{true false}}', [tLeft, [I.Bool, 'true'], tSpace, [I.Bool, 'false'], tRight, tEOF]],
  ['dot', '{{.}}', [tLeft, [I.Dot, '.'], tRight, tEOF]],
  ['nil', '{{nil}}', [tLeft, [I.Nil, 'nil'], tRight, tEOF]],
  [
    'dots',
    '{{.x . .2 .x.y.z}}',
    [
      tLeft,
      [I.Field, '.x'],
      tSpace,
      [I.Dot, '.'],
      tSpace,
      [I.Number, '.2'],
      tSpace,
      [I.Field, '.x'],
      [I.Field, '.y'],
      [I.Field, '.z'],
      tRight,
      tEOF,
    ],
  ],
  [
    'keywords',
    '{{range if else end with}}',
    [
      tLeft,
      [I.Range, 'range'],
      tSpace,
      [I.If, 'if'],
      tSpace,
      [I.Else, 'else'],
      tSpace,
      [I.End, 'end'],
      tSpace,
      [I.With, 'with'],
      tRight,
      tEOF,
    ],
  ],
  [
    'variables',
    '{{$c := printf $ $hello $23 $ $var.Field .Method}}',
    [
      tLeft,
      [I.Variable, '$c'],
      tSpace,
      [I.Declare, ':='],
      tSpace,
      [I.Identifier, 'printf'],
      tSpace,
      [I.Variable, '$'],
      tSpace,
      [I.Variable, '$hello'],
      tSpace,
      [I.Variable, '$23'],
      tSpace,
      [I.Variable, '$'],
      tSpace,
      [I.Variable, '$var'],
      [I.Field, '.Field'],
      tSpace,
      [I.Field, '.Method'],
      tRight,
      tEOF,
    ],
  ],
  ['variable invocation', '{{$x 23}}', [tLeft, [I.Variable, '$x'], tSpace, [I.Number, '23'], tRight, tEOF]],
  [
    'pipeline',
    'intro {{echo hi 1.2 |noargs|args 1 "hi"}} outro',
    [
      [I.Text, 'intro '],
      tLeft,
      [I.Identifier, 'echo'],
      tSpace,
      [I.Identifier, 'hi'],
      tSpace,
      [I.Number, '1.2'],
      tSpace,
      tPipe,
      [I.Identifier, 'noargs'],
      tPipe,
      [I.Identifier, 'args'],
      tSpace,
      [I.Number, '1'],
      tSpace,
      [I.String, '"hi"'],
      tRight,
      [I.Text, ' outro'],
      tEOF,
    ],
  ],
  [
    'declaration',
    '{{$v := 3}}',
    [tLeft, [I.Variable, '$v'], tSpace, [I.Declare, ':='], tSpace, [I.Number, '3'], tRight, tEOF],
  ],
  [
    '2 declarations',
    '{{$v , $w := 3}}',
    [
      tLeft,
      [I.Variable, '$v'],
      tSpace,
      [I.Char, ','],
      tSpace,
      [I.Variable, '$w'],
      tSpace,
      [I.Declare, ':='],
      tSpace,
      [I.Number, '3'],
      tRight,
      tEOF,
    ],
  ],
  [
    'field of parenthesized expression',
    '{{(.X).Y}}',
    [tLeft, tLpar, [I.Field, '.X'], tRpar, [I.Field, '.Y'], tRight, tEOF],
  ],
  ['badchar', '#{{\x01}}', [[I.Text, '#'], tLeft, [I.Error, 'unrecognized character in action: U+0001']]],
  ['EOF in action', '{{range', [tLeft, [I.Range, 'range'], [I.Error, 'unclosed action']]],
  ['unclosed quote', '{{"\n"}}', [tLeft, [I.Error, 'unterminated quoted string']]],
  ['unclosed raw quote', '{{`xx}}', [tLeft, [I.Error, 'unterminated raw quoted string']]],
  ['unclosed char constant', "{{'\n}}", [tLeft, [I.Error, 'unterminated character constant']]],
  ['bad number', '{{3k}}', [tLeft, [I.Error, 'bad number syntax: "3k"']]],
  ['unclosed paren', '{{(3}}', [tLeft, tLpar, [I.Number, '3'], [I.Error, 'unclosed left paren']]],
  ['long pipeline deadlock', '{{|||||}}', [tLeft, tPipe, tPipe, tPipe, tPipe, tPipe, tRight, tEOF]],
  [
    'text with bad comment',
    'hello-{{/*/}}-world',
    [
      [I.Text, 'hello-'],
      [I.Error, 'unclosed comment'],
    ],
  ],
  [
    'text with comment close separated from delim',
    'hello-{{/* */ }}-world',
    [
      [I.Text, 'hello-'],
      [I.Error, 'comment ends before closing delimiter'],
    ],
  ],
  ['unmatched right delimiter', 'hello-{.}}-world', [[I.Text, 'hello-{.}}-world'], tEOF]],
];

describe("Go's lexTests (lex_test.go)", () => {
  it.each(lexTests)('%s', (_name, input, want) => {
    expect(collect(input)).toEqual(want);
  });
  it('lexPosTests: token offsets', () => {
    const pos = (input: string) => {
      const l = new Lexer('test', input);
      const out: [I, number, string][] = [];
      for (;;) {
        const i = l.nextItem();
        out.push([i.typ, i.pos, i.val]);
        if (i.typ === I.EOF || i.typ === I.Error) return out;
      }
    };
    expect(pos('{{,@%#}}')).toEqual([
      [I.LeftDelim, 0, '{{'],
      [I.Char, 2, ','],
      [I.Char, 3, '@'],
      [I.Char, 4, '%'],
      [I.Char, 5, '#'],
      [I.RightDelim, 6, '}}'],
      [I.EOF, 8, ''],
    ]);
    expect(pos('0123{{hello}}xyz')).toEqual([
      [I.Text, 0, '0123'],
      [I.LeftDelim, 4, '{{'],
      [I.Identifier, 6, 'hello'],
      [I.RightDelim, 11, '}}'],
      [I.Text, 13, 'xyz'],
      [I.EOF, 16, ''],
    ]);
  });
});
