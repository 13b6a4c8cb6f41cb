/**
 * gobwas/glob v0.2.3 syntax/lexer/lexer.go and syntax/lexer/token.go: the pattern's tokens.
 */
import { decodeRune, RUNE_ERROR, runeString } from '../utf8.js';

type TokenType =
  | 'eof'
  | 'error'
  | 'text'
  | 'char'
  | 'any'
  | 'super'
  | 'single'
  | 'not'
  | 'separator'
  | 'range_open'
  | 'range_close'
  | 'range_lo'
  | 'range_hi'
  | 'range_between'
  | 'terms_open'
  | 'terms_close';

/** gobwas `lexer.Token`: a token type and its raw bytes. */
export interface Token {
  type: TokenType;
  /** Byte string. */
  raw: string;
}

const EOF = 0;

const charAny = 0x2a; // *

const charComma = 0x2c; // ,

const charSingle = 0x3f; // ?

const charEscape = 0x5c; // \

const charRangeOpen = 0x5b; // [

const charRangeClose = 0x5d; // ]

const charTermsOpen = 0x7b; // {

const charTermsClose = 0x7d; // }

const charRangeNot = 0x21; // !

const charRangeBetween = 0x2d; // -

const inTextBreakers = [charSingle, charAny, charRangeOpen, charTermsOpen];

const inTermsBreakers = [...inTextBreakers, charTermsClose, charComma];

/** gobwas `lexer.lexer`: the pattern's tokens, read on demand with `next()` (gobwas `Next`). */
export class Lexer {
  private pos = 0;
  private err: string | null = null;
  private readonly tokens: Token[] = [];
  private termsLevel = 0;
  private lastRune = 0;
  private lastRuneSize = 0;
  private hasRune = false;

  constructor(private readonly data: string) {}

  next(): Token {
    for (;;) {
      if (this.err !== null) return { type: 'error', raw: this.err };
      const t = this.tokens.shift();
      if (t !== undefined) return t;
      this.fetchItem();
    }
  }

  private peek(): [number, number] {
    if (this.pos === this.data.length) return [EOF, 0];
    let [r, w] = decodeRune(this.data, this.pos);
    if (r === RUNE_ERROR) {
      this.err = 'could not read rune';
      r = EOF;
      w = 0;
    }
    return [r, w];
  }

  private read(): number {
    if (this.hasRune) {
      this.hasRune = false;
      this.pos += this.lastRuneSize;
      return this.lastRune;
    }
    const [r, s] = this.peek();
    this.pos += s;
    this.lastRune = r;
    this.lastRuneSize = s;
    return r;
  }

  private unread(): void {
    if (this.hasRune) {
      this.err = 'could not unread rune';
      return;
    }
    this.pos -= this.lastRuneSize;
    this.hasRune = true;
  }

  private fetchItem(): void {
    const r = this.read();
    if (r === EOF) {
      this.tokens.push({ type: 'eof', raw: '' });
    } else if (r === charTermsOpen) {
      this.termsLevel++;
      this.tokens.push({ type: 'terms_open', raw: runeString(r) });
    } else if (r === charComma && this.termsLevel > 0) {
      this.tokens.push({ type: 'separator', raw: runeString(r) });
    } else if (r === charTermsClose && this.termsLevel > 0) {
      this.tokens.push({ type: 'terms_close', raw: runeString(r) });
      this.termsLevel--;
    } else if (r === charRangeOpen) {
      this.tokens.push({ type: 'range_open', raw: runeString(r) });
      this.fetchRange();
    } else if (r === charSingle) {
      this.tokens.push({ type: 'single', raw: runeString(r) });
    } else if (r === charAny) {
      if (this.read() === charAny) {
        this.tokens.push({ type: 'super', raw: runeString(r) + runeString(r) });
      } else {
        this.unread();
        this.tokens.push({ type: 'any', raw: runeString(r) });
      }
    } else {
      this.unread();
      this.fetchText(this.termsLevel > 0 ? inTermsBreakers : inTextBreakers);
    }
  }

  private fetchRange(): void {
    let wantHi = false;
    let wantClose = false;
    let seenNot = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) {
        this.err = 'unexpected end of input';
        return;
      }
      if (wantClose) {
        if (r !== charRangeClose) this.err = 'expected close range character';
        else this.tokens.push({ type: 'range_close', raw: runeString(r) });
        return;
      }
      if (wantHi) {
        this.tokens.push({ type: 'range_hi', raw: runeString(r) });
        wantClose = true;
        continue;
      }
      if (!seenNot && r === charRangeNot) {
        this.tokens.push({ type: 'not', raw: runeString(r) });
        seenNot = true;
        continue;
      }
      const [n, w] = this.peek();
      if (n === charRangeBetween) {
        this.pos += w;
        this.tokens.push({ type: 'range_lo', raw: runeString(r) });
        this.tokens.push({ type: 'range_between', raw: runeString(n) });
        wantHi = true;
        continue;
      }
      this.unread(); // unread first peek and fetch as text
      this.fetchText([charRangeClose]);
      wantClose = true;
    }
  }

  private fetchText(breakers: number[]): void {
    const data: number[] = [];
    let escaped = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) break;
      if (!escaped) {
        if (r === charEscape) {
          escaped = true;
          continue;
        }
        if (breakers.includes(r)) {
          this.unread();
          break;
        }
      }
      escaped = false;
      data.push(r);
    }
    if (data.length > 0) this.tokens.push({ type: 'text', raw: data.map(runeString).join('') });
  }
}
