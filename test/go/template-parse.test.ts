/**
 * Go's own parse tests for text/template/parse (golang/go src/text/template/parse/parse_test.go: parseTests,
 * errorTests, numberTests, TestKeywordsAndFuncs, TestSkipFuncCheck, TestIsEmpty). Inputs, whether Go accepts them,
 * the printed tree and the error fragments are Go's, taken as facts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ItemType } from '../../src/go/template/lex.js';
import { isEmptyTree, nodeString, textFormat } from '../../src/go/template/node.js';
import {
  ParseComments,
  SkipFuncCheck,
  TemplateParseError,
  limits,
  newNumber,
  parseTemplate,
} from '../../src/go/template/parse.js';

const noError = true;
const hasError = false;
type T = [name: string, input: string, ok: boolean, result: string];

const parseTests: T[] = [
  ['empty', '', noError, ``],
  ['comment', '{{/*\n\n\n*/}}', noError, ``],
  ['spaces', ' \t\n', noError, `" \\t\\n"`],
  ['text', 'some text', noError, `"some text"`],
  ['emptyAction', '{{}}', hasError, `{{}}`],
  ['field', '{{.X}}', noError, `{{.X}}`],
  ['simple command', '{{printf}}', noError, `{{printf}}`],
  ['$ invocation', '{{$}}', noError, '{{$}}'],
  ['variable invocation', '{{with $x := 3}}{{$x 23}}{{end}}', noError, '{{with $x := 3}}{{$x 23}}{{end}}'],
  ['variable with fields', '{{$.I}}', noError, '{{$.I}}'],
  ['multi-word command', '{{printf `%d` 23}}', noError, '{{printf `%d` 23}}'],
  ['pipeline', '{{.X|.Y}}', noError, `{{.X | .Y}}`],
  ['pipeline with decl', '{{$x := .X|.Y}}', noError, `{{$x := .X | .Y}}`],
  ['nested pipeline', '{{.X (.Y .Z) (.A | .B .C) (.E)}}', noError, `{{.X (.Y .Z) (.A | .B .C) (.E)}}`],
  ['field applied to parentheses', '{{(.Y .Z).Field}}', noError, `{{(.Y .Z).Field}}`],
  ['simple if', '{{if .X}}hello{{end}}', noError, `{{if .X}}"hello"{{end}}`],
  ['if with else', '{{if .X}}true{{else}}false{{end}}', noError, `{{if .X}}"true"{{else}}"false"{{end}}`],
  [
    'if with else if',
    '{{if .X}}true{{else if .Y}}false{{end}}',
    noError,
    `{{if .X}}"true"{{else}}{{if .Y}}"false"{{end}}{{end}}`,
  ],
  [
    'if else chain',
    '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+',
    noError,
    `"+"{{if .X}}"X"{{else}}{{if .Y}}"Y"{{else}}{{if .Z}}"Z"{{end}}{{end}}{{end}}"+"`,
  ],
  ['simple range', '{{range .X}}hello{{end}}', noError, `{{range .X}}"hello"{{end}}`],
  ['chained field range', '{{range .X.Y.Z}}hello{{end}}', noError, `{{range .X.Y.Z}}"hello"{{end}}`],
  [
    'nested range',
    '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}',
    noError,
    `{{range .X}}"hello"{{range .Y}}"goodbye"{{end}}{{end}}`,
  ],
  ['range with else', '{{range .X}}true{{else}}false{{end}}', noError, `{{range .X}}"true"{{else}}"false"{{end}}`],
  [
    'range over pipeline',
    '{{range .X|.M}}true{{else}}false{{end}}',
    noError,
    `{{range .X | .M}}"true"{{else}}"false"{{end}}`,
  ],
  ['range []int', '{{range .SI}}{{.}}{{end}}', noError, `{{range .SI}}{{.}}{{end}}`],
  ['range 1 var', '{{range $x := .SI}}{{.}}{{end}}', noError, `{{range $x := .SI}}{{.}}{{end}}`],
  ['range 2 vars', '{{range $x, $y := .SI}}{{.}}{{end}}', noError, `{{range $x, $y := .SI}}{{.}}{{end}}`],
  ['range with break', '{{range .SI}}{{.}}{{break}}{{end}}', noError, `{{range .SI}}{{.}}{{break}}{{end}}`],
  ['range with continue', '{{range .SI}}{{.}}{{continue}}{{end}}', noError, `{{range .SI}}{{.}}{{continue}}{{end}}`],
  [
    'constants',
    "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
    noError,
    "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
  ],
  ['template', '{{template `x`}}', noError, `{{template "x"}}`],
  ['template with arg', '{{template `x` .Y}}', noError, `{{template "x" .Y}}`],
  ['with', '{{with .X}}hello{{end}}', noError, `{{with .X}}"hello"{{end}}`],
  ['with with else', '{{with .X}}hello{{else}}goodbye{{end}}', noError, `{{with .X}}"hello"{{else}}"goodbye"{{end}}`],
  [
    'with with else with',
    '{{with .X}}hello{{else with .Y}}goodbye{{end}}',
    noError,
    `{{with .X}}"hello"{{else}}{{with .Y}}"goodbye"{{end}}{{end}}`,
  ],
  [
    'with else chain',
    '{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}',
    noError,
    `{{with .X}}"X"{{else}}{{with .Y}}"Y"{{else}}{{with .Z}}"Z"{{end}}{{end}}{{end}}`,
  ],
  ['trim left', 'x \r\n\t{{- 3}}', noError, `"x"{{3}}`],
  ['trim right', '{{3 -}}\n\n\ty', noError, `{{3}}"y"`],
  ['trim left and right', 'x \r\n\t{{- 3 -}}\n\n\ty', noError, `"x"{{3}}"y"`],
  ['trim with extra spaces', 'x\n{{-  3   -}}\ny', noError, `"x"{{3}}"y"`],
  ['comment trim left', 'x \r\n\t{{- /* hi */}}', noError, `"x"`],
  ['comment trim right', '{{/* hi */ -}}\n\n\ty', noError, `"y"`],
  ['comment trim left and right', 'x \r\n\t{{- /* */ -}}\n\n\ty', noError, `"x""y"`],
  ['block definition', `{{block "foo" .}}hello{{end}}`, noError, `{{template "foo" .}}`],
  ['newline in assignment', '{{ $x \n := \n 1 \n }}', noError, '{{$x := 1}}'],
  ['newline in empty action', '{{\n}}', hasError, '{{\n}}'],
  ['newline in pipeline', '{{\n"x"\n|\nprintf\n}}', noError, `{{"x" | printf}}`],
  ['newline in comment', '{{/*\nhello\n*/}}', noError, ''],
  ['newline in comment', '{{-\n/*\nhello\n*/\n-}}', noError, ''],
  [
    'spaces around continue',
    '{{range .SI}}{{.}}{{ continue }}{{end}}',
    noError,
    `{{range .SI}}{{.}}{{continue}}{{end}}`,
  ],
  ['spaces around break', '{{range .SI}}{{.}}{{ break }}{{end}}', noError, `{{range .SI}}{{.}}{{break}}{{end}}`],
  // Errors.
  ['unclosed action', 'hello{{range', hasError, ''],
  ['unmatched end', '{{end}}', hasError, ''],
  ['unmatched else', '{{else}}', hasError, ''],
  ['unmatched else after if', '{{if .X}}hello{{end}}{{else}}', hasError, ''],
  ['multiple else', '{{if .X}}1{{else}}2{{else}}3{{end}}', hasError, ''],
  ['missing end', 'hello{{range .x}}', hasError, ''],
  ['missing end after else', 'hello{{range .x}}{{else}}', hasError, ''],
  ['undefined function', 'hello{{undefined}}', hasError, ''],
  ['undefined variable', '{{$x}}', hasError, ''],
  ['variable undefined after end', '{{with $x := 4}}{{end}}{{$x}}', hasError, ''],
  ['variable undefined in template', '{{template $v}}', hasError, ''],
  ['declare with field', '{{with $x.Y := 4}}{{end}}', hasError, ''],
  ['template with field ref', '{{template .X}}', hasError, ''],
  ['template with var', '{{template $v}}', hasError, ''],
  ['invalid punctuation', '{{printf 3, 4}}', hasError, ''],
  ['multidecl outside range', '{{with $v, $u := 3}}{{end}}', hasError, ''],
  ['too many decls in range', '{{range $u, $v, $w := 3}}{{end}}', hasError, ''],
  ['dot applied to parentheses', '{{printf (printf .).}}', hasError, ''],
  ['adjacent args', '{{printf 3`x`}}', hasError, ''],
  ['adjacent args with .', '{{printf `x`.}}', hasError, ''],
  ['extra end after if', '{{if .X}}a{{else if .Y}}b{{end}}{{end}}', hasError, ''],
  ['break outside range', '{{range .}}{{end}} {{break}}', hasError, ''],
  ['continue outside range', '{{range .}}{{end}} {{continue}}', hasError, ''],
  ['break in range else', '{{range .}}{{else}}{{break}}{{end}}', hasError, ''],
  ['continue in range else', '{{range .}}{{else}}{{continue}}{{end}}', hasError, ''],
  ['bug0a', '{{$x := 0}}{{$x}}', noError, '{{$x := 0}}{{$x}}'],
  ['bug0b', '{{$x += 1}}{{$x}}', hasError, ''],
  ['bug0c', '{{$x ! 2}}{{$x}}', hasError, ''],
  ['bug0d', '{{$x % 3}}{{$x}}', hasError, ''],
  ['bug0e', '{{range $x := $y := 3}}{{end}}', hasError, ''],
  ['bug1a', '{{$x:=.}}{{$x!2}}', hasError, ''],
  ['bug1b', '{{$x:=.}}{{$x+2}}', hasError, ''],
  ['bug1c', '{{$x:=.}}{{$x +2}}', noError, '{{$x := .}}{{$x +2}}'],
  ['bug2a', '{{range $x := 0}}{{$x}}{{end}}', noError, '{{range $x := 0}}{{$x}}{{end}}'],
  ['bug2b', '{{range $x = 0}}{{$x}}{{end}}', noError, '{{range $x = 0}}{{$x}}{{end}}'],
  ['dot after integer', '{{1.E}}', hasError, ''],
  ['dot after float', '{{0.1.E}}', hasError, ''],
  ['dot after boolean', '{{true.E}}', hasError, ''],
  ['dot after char', "{{'a'.any}}", hasError, ''],
  ['dot after string', `{{"hello".guys}}`, hasError, ''],
  ['dot after dot', '{{..E}}', hasError, ''],
  ['dot after nil', '{{nil.E}}', hasError, ''],
  ['wrong pipeline dot', '{{12|.}}', hasError, ''],
  ['wrong pipeline number', '{{.|12|printf}}', hasError, ''],
  ['wrong pipeline string', '{{.|printf|"error"}}', hasError, ''],
  ['wrong pipeline char', "{{12|printf|'e'}}", hasError, ''],
  ['wrong pipeline boolean', '{{.|true}}', hasError, ''],
  ['wrong pipeline nil', "{{'c'|nil}}", hasError, ''],
  ['empty pipeline', `{{printf "%d" ( ) }}`, hasError, ''],
  ['block definition', `{{block "foo"}}hello{{end}}`, hasError, ''],
  ['paren nesting normal', '{{ (( 1 )) }}', noError, '{{((1))}}'],
  ['paren nesting at limit', '{{ ((( 1 ))) }}', noError, '{{(((1)))}}'],
  ['paren nesting exceeds limit', '{{ (((( 1 )))) }}', hasError, 'template: test:1: max expression depth exceeded'],
  ['paren nesting in pipeline', '{{ ((( 1 ))) | printf }}', noError, '{{(((1))) | printf}}'],
  [
    'paren nesting in pipeline exceeds limit',
    '{{ (((( 1 )))) | printf }}',
    hasError,
    'template: test:1: max expression depth exceeded',
  ],
  [
    'paren nesting with other constructs',
    '{{ if ((( true ))) }}YES{{ end }}',
    noError,
    '{{if (((true)))}}"YES"{{end}}',
  ],
  [
    'paren nesting with other constructs exceeds limit',
    '{{ if (((( true )))) }}YES{{ end }}',
    hasError,
    'template: test:1: max expression depth exceeded',
  ],
  [
    'control structure nesting at limit',
    '{{if .X}}{{with .Y}}{{range .Z}}x{{end}}{{end}}{{end}}',
    noError,
    `{{if .X}}{{with .Y}}{{range .Z}}"x"{{end}}{{end}}{{end}}`,
  ],
];

const errorTests: [string, string, string][] = [
  ['unclosed1', 'line1\n{{', `unclosed1:2: unclosed action`],
  ['unclosed2', 'line1\n{{define `x`}}line2\n{{', `unclosed2:3: unclosed action`],
  ['unclosed3', 'line1\n{{"x"\n"y"\n', `unclosed3:4: unclosed action started at unclosed3:2`],
  ['unclosed4', '{{\n\n\n\n\n', `unclosed4:6: unclosed action started at unclosed4:1`],
  ['var1', 'line1\n{{\nx\n}}', `var1:3: function "x" not defined`],
  ['function', '{{foo}}', `function "foo" not defined`],
  ['comment1', '{{/*}}', `comment1:1: unclosed comment`],
  ['comment2', '{{/*\nhello\n}}', `comment2:1: unclosed comment`],
  ['lparen', '{{.X (1 2 3}}', `unclosed left paren`],
  ['rparen', '{{.X 1 2 3 ) }}', 'unexpected right paren'],
  ['rparen2', '{{(.X 1 2 3', `unclosed action`],
  ['space', '{{`x`3}}', `in operand`],
  ['idchar', '{{a#}}', `'#'`],
  ['charconst', "{{'a}}", `unterminated character constant`],
  ['stringconst', `{{"a}}`, `unterminated quoted string`],
  ['rawstringconst', '{{`a}}', `unterminated raw quoted string`],
  ['number', '{{0xi}}', `number syntax`],
  ['multidefine', '{{define `a`}}a{{end}}{{define `a`}}b{{end}}', `multiple definition of template`],
  ['eof', '{{range .X}}', `unexpected EOF`],
  ['variable', '{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}', `unexpected ":="`],
  ['multidecl', '{{$a,$b,$c := 23}}', `too many declarations`],
  ['undefvar', '{{$a}}', `undefined variable`],
  ['wrongdot', '{{true.any}}', `unexpected . after term`],
  ['wrongpipeline', '{{12|false}}', `non executable command in pipeline`],
  ['emptypipeline', `{{ ( ) }}`, `missing value for parenthesized pipeline`],
  ['multilinerawstring', '{{ $v := `\n` }} {{', `multilinerawstring:2: unclosed action`],
  ['rangeundefvar', '{{range $k}}{{end}}', `undefined variable`],
  ['rangeundefvars', '{{range $k, $v}}{{end}}', `undefined variable`],
  ['rangemissingvalue1', '{{range $k,}}{{end}}', `missing value for range`],
  ['rangemissingvalue2', '{{range $k, $v := }}{{end}}', `missing value for range`],
  ['rangenotvariable1', '{{range $k, .}}{{end}}', `range can only initialize variables`],
  ['rangenotvariable2', '{{range $k, 123 := .}}{{end}}', `range can only initialize variables`],
  ['ifnesting', '{{if .}}{{if .}}{{if .}}{{if .}}{{end}}{{end}}{{end}}{{end}}', `max control structure depth exceeded`],
  [
    'rangenesting',
    '{{range .}}{{range .}}{{range .}}{{range .}}{{end}}{{end}}{{end}}{{end}}',
    `max control structure depth exceeded`,
  ],
  [
    'withnesting',
    '{{with .}}{{with .}}{{with .}}{{with .}}{{end}}{{end}}{{end}}{{end}}',
    `max control structure depth exceeded`,
  ],
  ['elseifnesting', '{{if .}}{{else if .}}{{else if .}}{{else if .}}{{end}}', `max control structure depth exceeded`],
  [
    'blocknesting',
    '{{block `a` .}}{{block `b` .}}{{block `c` .}}{{block `d` .}}{{end}}{{end}}{{end}}{{end}}',
    `max control structure depth exceeded`,
  ],
  ['parennesting', '{{if .}}{{with .}}{{range .}}{{(.)}}{{end}}{{end}}{{end}}', `max expression depth exceeded`],
];

// [text, ok] from numberTests (ok = any of isInt/isUint/isFloat/isComplex).
const numberTests: [string, boolean][] = [
  ['0', true],
  ['-0', true],
  ['73', true],
  ['7_3', true],
  ['0b10_010_01', true],
  ['0B10_010_01', true],
  ['073', true],
  ['0o73', true],
  ['0O73', true],
  ['0x73', true],
  ['0X73', true],
  ['0x7_3', true],
  ['-73', true],
  ['+73', true],
  ['100', true],
  ['1e9', true],
  ['-1e9', true],
  ['-1.2', true],
  ['1e19', true],
  ['1e1_9', true],
  ['1E19', true],
  ['-1e19', true],
  ['0x_1p4', true],
  ['0X_1P4', true],
  ['0x_1p-4', true],
  ['4i', true],
  ['-1.2+4.2i', true],
  ['073i', true],
  ['0i', true],
  ['-1.2+0i', true],
  ['-12+0i', true],
  ['13+0i', true],
  ['0123', true],
  ['-0x0', true],
  ['0xdeadbeef', true],
  ["'a'", true],
  ["'\\n'", true],
  ["'\\\\'", true],
  ["'\\''", true],
  ["'\\xFF'", true],
  ["'パ'", true],
  ["'\\u30d1'", true],
  ["'\\U000030d1'", true],
  ['+-2', false],
  ['0x123.', false],
  ['1e.', false],
  ['0xi.', false],
  ['1+2.', false],
  ["'x", false],
  ["'xx'", false],
  ["'433937734937734969526500969526500'", false],
  ['0xef', true],
];

describe("Go's parseTests (parse_test.go)", () => {
  beforeEach(() => {
    limits.maxStackDepth = 3;
    textFormat.quote = true;
  });
  afterEach(() => {
    limits.maxStackDepth = 10000;
    textFormat.quote = false;
  });
  it.each(parseTests)('%s: %j', (name, input, ok, result) => {
    let out: string | Error;
    try {
      out = nodeString(
        parseTemplate(
          name === 'paren nesting exceeds limit' || result.startsWith('template: test') ? 'test' : name,
          input,
          [],
          { funcs: ['printf', 'contains'] },
        ).root,
      );
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateParseError);
      out = e as Error;
    }
    if (ok) expect(out).toBe(result);
    else {
      expect(out).toBeInstanceOf(TemplateParseError);
      if (result.startsWith('template:')) expect((out as Error).message).toBe(result);
    }
  });
  it.each(errorTests)('errorTests %s', (name, input, fragment) => {
    expect(() => parseTemplate(name, input, [], { funcs: [] })).toThrow(fragment);
  });
});

describe("Go's other parse tests", () => {
  it('numberTests: newNumber accepts exactly what Go accepts', () => {
    for (const [text, ok] of numberTests) {
      const typ = text.startsWith("'")
        ? ItemType.CharConstant
        : /^[+-]?[^+-]+[+-].*i$/.test(text)
          ? ItemType.Complex
          : ItemType.Number;
      let got = true;
      try {
        newNumber(0, text, typ);
      } catch {
        got = false;
      }
      expect([text, got]).toEqual([text, ok]);
    }
  });
  it('TestKeywordsAndFuncs: break is a function when one is defined', () => {
    const inp = '{{range .X}}{{break 20}}{{end}}';
    expect(() => parseTemplate('', inp, [], { funcs: ['break'] })).not.toThrow();
    expect(() => parseTemplate('', inp, [], { funcs: [] })).toThrow(TemplateParseError);
  });
  it('TestSkipFuncCheck', () => {
    textFormat.quote = true;
    try {
      expect(
        nodeString(parseTemplate('skip func check', '{{fn 1 2}}', [], { funcs: [], mode: SkipFuncCheck }).root),
      ).toBe('{{fn 1 2}}');
    } finally {
      textFormat.quote = false;
    }
  });
  it('TestParseWithComments', () => {
    const cases: [string, string][] = [
      ['{{/*\n\n\n*/}}', '{{/*\n\n\n*/}}'],
      ['x \r\n\t{{- /* hi */}}', `"x"{{/* hi */}}`],
      ['{{/* hi */ -}}\n\n\ty', `{{/* hi */}}"y"`],
      ['x \r\n\t{{- /* */ -}}\n\n\ty', `"x"{{/* */}}"y"`],
    ];
    textFormat.quote = true;
    try {
      for (const [input, want] of cases) {
        expect(nodeString(parseTemplate('c', input, [], { funcs: [], mode: ParseComments }).root)).toBe(want);
      }
    } finally {
      textFormat.quote = false;
    }
  });
  it('TestIsEmpty', () => {
    const cases: [string, boolean][] = [
      ['', true],
      ['hello', false],
      [' \t\n \t\n', true],
      ['{{/* comment */}}', true],
      ['{{define "x"}}something{{end}}', true],
      ['{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n', true],
      ['{{define `x`}}something{{end}}\nx\n{{define `y`}}something{{end}}\ny\n', false],
      ['{{define `x`}}something{{end}}{{if 3}}foo{{end}}', false],
    ];
    for (const [input, empty] of cases)
      expect([input, isEmptyTree(parseTemplate('root', input, [], { funcs: [] }).root)]).toEqual([input, empty]);
  });
  it('TestBlock', () => {
    const { root, trees } = parseTemplate('outer', 'a{{block "inner" .}}bar{{.}}baz{{end}}b', [], { funcs: [] });
    expect(nodeString(root)).toBe('a{{template "inner" .}}b');
    expect(nodeString(trees.get('inner')!.root!)).toBe('bar{{.}}baz');
  });
  it('text/template builtins plus orEmpty, as Grafana parses route templates', () => {
    expect(() => parseTemplate('content', '{{ .SecureJsonData.k | orEmpty }}', ['orEmpty'])).not.toThrow();
    expect(() =>
      parseTemplate('content', '{{ index .SecureJsonData "api-key" | urlquery }}', ['orEmpty']),
    ).not.toThrow();
    expect(() => parseTemplate('content', '{{ b64enc .SecureJsonData.k }}', ['orEmpty'])).toThrow(
      'template: content:1: function "b64enc" not defined',
    );
    expect(() => parseTemplate('content', '{{ .api-key }}', ['orEmpty'])).toThrow("bad character U+002D '-'");
    expect(() => parseTemplate('content', '{{ index .SecureJsonData \\"k\\" }}', ['orEmpty'])).toThrow(
      'unexpected "\\\\" in operand',
    );
  });
});
