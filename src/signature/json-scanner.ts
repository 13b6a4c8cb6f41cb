/**
 * Ports Go `encoding/json/scanner.go` (`checkValid`, the state machine and its error wording), which runs over the
 * whole of MANIFEST.txt's JSON before any decoding. Used by `manifest-json.ts`; the decoding is in
 * `json-decode.ts` (`decode.go`).
 */

const MAX_NESTING_DEPTH = 10000;

const enum Parse {
  ObjectKey,
  ObjectValue,
  ArrayValue,
}

/** Go `strconv.IsPrint` for U+0080..U+00FF (the only non-ASCII runes `quoteChar` can see, one byte at a time). */
function isPrintLatin1(r: number): boolean {
  return r >= 0xa1 && r !== 0xad;
}

/** Go encoding/json `quoteChar`: how a byte appears in a syntax error. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  // strconv.Quote(string(rune(c))) without its double quotes.
  switch (c) {
    case 0x07:
      return `'\\a'`;
    case 0x08:
      return `'\\b'`;
    case 0x0c:
      return `'\\f'`;
    case 0x0a:
      return `'\\n'`;
    case 0x0d:
      return `'\\r'`;
    case 0x09:
      return `'\\t'`;
    case 0x0b:
      return `'\\v'`;
    case 0x5c:
      return `'\\\\'`;
  }
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c < 0x7f) return `'${String.fromCharCode(c)}'`;
  if (isPrintLatin1(c)) return `'${String.fromCharCode(c)}'`;
  return `'\\u${c.toString(16).padStart(4, '0')}'`;
}

export const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
export const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
export const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * Go encoding/json `checkValid`: the first syntax error in `data`, in Go's words, or `null` when `data` is one
 * valid JSON value surrounded by optional white space.
 */
export function goJsonSyntaxError(data: Uint8Array): string | null {
  const parseState: Parse[] = [];
  let err: string | null = null;
  let endTop = false;
  type Step = (c: number) => void;
  let step: Step;

  const fail = (c: number, context: string) => {
    step = () => {};
    err = `invalid character ${quoteChar(c)} ${context}`;
  };
  const push = (c: number, s: Parse) => {
    parseState.push(s);
    if (parseState.length > MAX_NESTING_DEPTH) fail(c, 'exceeded max depth');
  };

  const stateEndTop: Step = (c) => {
    if (!isSpace(c)) fail(c, 'after top-level value');
  };
  const stateEndValue: Step = (c) => {
    const n = parseState.length;
    if (n === 0) {
      step = stateEndTop;
      endTop = true;
      stateEndTop(c);
      return;
    }
    if (isSpace(c)) {
      step = stateEndValue;
      return;
    }
    switch (parseState[n - 1]) {
      case Parse.ObjectKey:
        if (c === 0x3a) {
          parseState[n - 1] = Parse.ObjectValue;
          step = stateBeginValue;
          return;
        }
        return fail(c, 'after object key');
      case Parse.ObjectValue:
        if (c === 0x2c) {
          parseState[n - 1] = Parse.ObjectKey;
          step = stateBeginString;
          return;
        }
        if (c === 0x7d) {
          parseState.pop();
          step = parseState.length === 0 ? stateEndTop : stateEndValue;
          if (parseState.length === 0) endTop = true;
          return;
        }
        return fail(c, 'after object key:value pair');
      case Parse.ArrayValue:
        if (c === 0x2c) {
          step = stateBeginValue;
          return;
        }
        if (c === 0x5d) {
          parseState.pop();
          step = parseState.length === 0 ? stateEndTop : stateEndValue;
          if (parseState.length === 0) endTop = true;
          return;
        }
        return fail(c, 'after array element');
    }
  };
  const stateBeginValue: Step = (c) => {
    if (isSpace(c)) return;
    switch (c) {
      case 0x7b: // {
        step = stateBeginStringOrEmpty;
        return push(c, Parse.ObjectKey);
      case 0x5b: // [
        step = stateBeginValueOrEmpty;
        return push(c, Parse.ArrayValue);
      case 0x22:
        step = stateInString;
        return;
      case 0x2d:
        step = stateNeg;
        return;
      case 0x30:
        step = state0;
        return;
      case 0x74:
        step = literal('true', 1);
        return;
      case 0x66:
        step = literal('false', 1);
        return;
      case 0x6e:
        step = literal('null', 1);
        return;
    }
    if (c >= 0x31 && c <= 0x39) {
      step = state1;
      return;
    }
    fail(c, 'looking for beginning of value');
  };
  const stateBeginValueOrEmpty: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x5d) return stateEndValue(c);
    stateBeginValue(c);
  };
  const stateBeginStringOrEmpty: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x7d) {
      parseState[parseState.length - 1] = Parse.ObjectValue;
      return stateEndValue(c);
    }
    stateBeginString(c);
  };
  const stateBeginString: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x22) {
      step = stateInString;
      return;
    }
    fail(c, 'looking for beginning of object key string');
  };
  const stateInString: Step = (c) => {
    if (c === 0x22) {
      step = stateEndValue;
      return;
    }
    if (c === 0x5c) {
      step = stateInStringEsc;
      return;
    }
    if (c < 0x20) fail(c, 'in string literal');
  };
  const stateInStringEsc: Step = (c) => {
    switch (c) {
      case 0x62: // b
      case 0x66: // f
      case 0x6e: // n
      case 0x72: // r
      case 0x74: // t
      case 0x5c: // \
      case 0x2f: // /
      case 0x22: // "
        step = stateInString;
        return;
      case 0x75: // u
        step = hexStep(0);
        return;
    }
    fail(c, 'in string escape code');
  };
  const hexStep =
    (k: number): Step =>
    (c) => {
      if (!isHex(c)) return fail(c, 'in \\u hexadecimal character escape');
      step = k === 3 ? stateInString : hexStep(k + 1);
    };
  const stateNeg: Step = (c) => {
    if (c === 0x30) {
      step = state0;
      return;
    }
    if (c >= 0x31 && c <= 0x39) {
      step = state1;
      return;
    }
    fail(c, 'in numeric literal');
  };
  const state1: Step = (c) => {
    if (isDigit(c)) return;
    state0(c);
  };
  const state0: Step = (c) => {
    if (c === 0x2e) {
      step = stateDot;
      return;
    }
    if (c === 0x65 || c === 0x45) {
      step = stateE;
      return;
    }
    stateEndValue(c);
  };
  const stateDot: Step = (c) => {
    if (isDigit(c)) {
      step = stateDot0;
      return;
    }
    fail(c, 'after decimal point in numeric literal');
  };
  const stateDot0: Step = (c) => {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) {
      step = stateE;
      return;
    }
    stateEndValue(c);
  };
  const stateE: Step = (c) => {
    if (c === 0x2b || c === 0x2d) {
      step = stateESign;
      return;
    }
    stateESign(c);
  };
  const stateESign: Step = (c) => {
    if (isDigit(c)) {
      step = stateE0;
      return;
    }
    fail(c, 'in exponent of numeric literal');
  };
  const stateE0: Step = (c) => {
    if (isDigit(c)) return;
    stateEndValue(c);
  };
  const literal =
    (word: string, k: number): Step =>
    (c) => {
      if (c !== word.charCodeAt(k)) return fail(c, `in literal ${word} (expecting '${word[k]}')`);
      step = k === word.length - 1 ? stateEndValue : literal(word, k + 1);
    };

  step = stateBeginValue;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    if (step === stateInString) {
      // The bytes stateInString would accept one call at a time (not '"', '\\' or a control byte), skipped in a
      // tight loop: a 5,000-file manifest is mostly string bytes.
      while (i < n && data[i] !== 0x22 && data[i] !== 0x5c && data[i] >= 0x20) i++;
      if (i === n) break;
    }
    step(data[i]);
    if (err !== null) return err;
  }
  // scanner.eof: feed a space to finish a number or literal.
  if (endTop) return null;
  step(0x20);
  if (err !== null) return err;
  if (endTop) return null;
  return 'unexpected end of JSON input';
}
