export const id = 496;
export const ids = [496];
export const modules = {

/***/ 55496:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GlobPanicError: () => (/* reexport */ GlobPanicError),
  GlobSyntaxError: () => (/* reexport */ GlobSyntaxError),
  compileGlob: () => (/* binding */ compileGlob)
});

// EXTERNAL MODULE: ./lib/go/utf8.js
var utf8 = __webpack_require__(58947);
;// CONCATENATED MODULE: ./lib/go/glob/errors.js
/**
 * Go runtime panics (`runtime error: slice bounds out of range`) and gobwas's `glob.Compile` errors, shared by
 * the lexer, parser, compiler and matchers of the gobwas/glob v0.2.3 port.
 */
/** A pattern gobwas's `glob.Compile` rejects; `message` is gobwas's error text, e.g. `unexpected end of input`. */
class GlobSyntaxError extends Error {
    /** The pattern as given. */
    pattern;
    constructor(pattern, message) {
        super(message);
        this.name = 'GlobSyntaxError';
        this.pattern = pattern;
    }
}
/** Matching hit a case where gobwas panics in Go (an out-of-range slice); Grafana would crash on it. */
class GlobPanicError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GlobPanicError';
    }
}
/** Go's `s[lo:hi]`, panicking (throwing) where Go would. */
function slice(s, lo, hi = s.length) {
    if (hi > s.length)
        throw new GlobPanicError(`runtime error: slice bounds out of range [:${hi}] with length ${s.length}`);
    if (lo < 0 || hi < lo)
        throw new GlobPanicError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
    return s.slice(lo, hi);
}

;// CONCATENATED MODULE: ./lib/go/glob/match/match.js
/**
 * gobwas/glob v0.2.3 match/match.go (the `Matcher` interface, `appendMerge`) and match/segments.go (segment lists).
 */


/** gobwas `lenOne`. */
const lenOne = 1;
/** gobwas `lenZero`. */
const lenZero = 0;
/** gobwas `lenNo`: variable length. */
const lenNo = -1;
const segmentsByRuneLength = [[0], [1], [2], [3], [4]];
/** The segment list `[len(r)]` of one rune's UTF-8 length; panics (throws GlobPanicError) for an invalid rune. */
function segmentsOfRune(r) {
    const l = (0,utf8/* runeLen */.Al)(r);
    if (l < 0)
        throw new GlobPanicError(`runtime error: index out of range [${l}]`);
    return segmentsByRuneLength[l];
}
/** match.appendMerge: merges two sorted, unique segment lists. */
function appendMerge(target, sub) {
    const out = [];
    let x = 0;
    let y = 0;
    while (x < target.length || y < sub.length) {
        if (x >= target.length) {
            out.push(...sub.slice(y));
            break;
        }
        if (y >= sub.length) {
            out.push(...target.slice(x));
            break;
        }
        const xv = target[x];
        const yv = sub[y];
        if (xv === yv) {
            out.push(xv);
            x++;
            y++;
        }
        else if (xv < yv) {
            out.push(xv);
            x++;
        }
        else {
            out.push(yv);
            y++;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/go/glob/match/any-of.js
/**
 * gobwas/glob v0.2.3 match/any_of.go: the `AnyOf` matcher.
 */

/** gobwas `match.AnyOf`: any of the matchers matches. */
class AnyOf {
    matchers;
    constructor(matchers) {
        this.matchers = matchers;
    }
    match(s) {
        return this.matchers.some((m) => m.match(s));
    }
    index(s) {
        let index = -1;
        let segments = [];
        for (const m of this.matchers) {
            const [idx, seg] = m.index(s);
            if (idx === -1)
                continue;
            if (index === -1 || idx < index) {
                index = idx;
                segments = [...seg];
                continue;
            }
            if (idx > index)
                continue;
            // here idx == index
            segments = appendMerge(segments, seg);
        }
        if (index === -1)
            return [-1, []];
        return [index, segments];
    }
    len() {
        // Sic: leading matchers without a static length are skipped.
        let l = -1;
        for (const m of this.matchers) {
            const ml = m.len();
            if (l === -1) {
                l = ml;
                continue;
            }
            if (ml === -1)
                return -1;
            if (l !== ml)
                return -1;
        }
        return l;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/strings.js
/**
 * gobwas/glob v0.2.3 util/strings/strings.go and util/runes/runes.go, with Go's `strings.IndexRune` they call.
 */


/** `strings.IndexRune(s, r)`. */
function indexRune(s, r) {
    if (r >= 0 && r < 0x80)
        return s.indexOf(String.fromCharCode(r));
    if (r === utf8/* RUNE_ERROR */.yS) {
        for (const [i, c] of (0,utf8/* runes */.mZ)(s))
            if (c === utf8/* RUNE_ERROR */.yS)
                return i;
        return -1;
    }
    if ((0,utf8/* runeLen */.Al)(r) < 0)
        return -1;
    return s.indexOf((0,utf8/* runeString */.aG)(r));
}
/** gobwas util/strings `IndexAnyRunes`: the index of the first separator found, in the order of `rs` (sic). */
function indexAnyRunes(s, rs) {
    for (const r of rs) {
        const i = indexRune(s, r);
        if (i !== -1)
            return i;
    }
    return -1;
}
/** gobwas util/strings `LastIndexAnyRunes`, including its non-ASCII branch that searches `s`, not `sub`. */
function lastIndexAnyRunes(s, rs) {
    for (const r of rs) {
        let i = -1;
        if (r >= 0 && r < 0x80) {
            i = s.lastIndexOf(String.fromCharCode(r));
        }
        else {
            let sub = s;
            while (sub.length > 0) {
                const j = indexRune(s, r);
                if (j === -1)
                    break;
                i = j;
                sub = slice(sub, i + 1);
            }
        }
        if (i !== -1)
            return i;
    }
    return -1;
}
/** gobwas util/runes `Equal`: the same runes in the same order. */
function runesEqual(a, b) {
    return a.length === b.length && a.every((r, i) => r === b[i]);
}

;// CONCATENATED MODULE: ./lib/go/glob/match/any.js
/**
 * gobwas/glob v0.2.3 match/any.go: the `Any` matcher.
 */




/** gobwas `match.Any`: any run of runes containing no separator. */
class Any {
    separators;
    constructor(separators) {
        this.separators = separators;
    }
    match(s) {
        return indexAnyRunes(s, this.separators) === -1;
    }
    index(s) {
        const found = indexAnyRunes(s, this.separators);
        if (found === 0)
            return [0, [0]];
        if (found > 0)
            s = slice(s, 0, found);
        const segments = [];
        for (const [i] of (0,utf8/* runes */.mZ)(s))
            segments.push(i);
        segments.push(s.length);
        return [0, segments];
    }
    len() {
        return lenNo;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/btree.js
/**
 * gobwas/glob v0.2.3 match/btree.go: the `BTree` matcher.
 */


/** gobwas `match.BTree`: a value matcher with left and right matchers around it. */
class BTree {
    value;
    left;
    right;
    valueLengthRunes;
    leftLengthRunes = 0;
    rightLengthRunes = 0;
    lengthRunes;
    constructor(value, left, right, lengths) {
        this.value = value;
        this.left = left;
        this.right = right;
        if (lengths !== undefined) {
            // A copy whose children were optimised: Go's value copy keeps the lengths computed at construction.
            this.valueLengthRunes = lengths.value;
            this.leftLengthRunes = lengths.left;
            this.rightLengthRunes = lengths.right;
            this.lengthRunes = lengths.total;
            return;
        }
        let lenOk = true;
        this.valueLengthRunes = value.len();
        if (this.valueLengthRunes === -1)
            lenOk = false;
        if (left !== null) {
            this.leftLengthRunes = left.len();
            if (this.leftLengthRunes === -1)
                lenOk = false;
        }
        if (right !== null) {
            this.rightLengthRunes = right.len();
            if (this.rightLengthRunes === -1)
                lenOk = false;
        }
        this.lengthRunes = lenOk ? this.leftLengthRunes + this.valueLengthRunes + this.rightLengthRunes : -1;
    }
    withChildren(left, right) {
        return new BTree(this.value, left, right, {
            value: this.valueLengthRunes,
            left: this.leftLengthRunes,
            right: this.rightLengthRunes,
            total: this.lengthRunes,
        });
    }
    len() {
        return this.lengthRunes;
    }
    index() {
        return [-1, []];
    }
    match(s) {
        const inputLen = s.length;
        // Rune lengths used as byte offsets, as gobwas does.
        let offset = 0;
        let limit;
        if (this.lengthRunes !== -1 && this.lengthRunes > inputLen) {
            limit = 0;
        }
        else {
            if (this.leftLengthRunes >= 0)
                offset = this.leftLengthRunes;
            limit = this.rightLengthRunes >= 0 ? inputLen - this.rightLengthRunes : inputLen;
        }
        while (offset < limit) {
            // search for matching part in substring
            const [index, segments] = this.value.index(slice(s, offset, limit));
            if (index === -1)
                return false;
            const l = slice(s, 0, offset + index);
            const left = this.left !== null ? this.left.match(l) : l === '';
            if (left) {
                for (let i = segments.length - 1; i >= 0; i--) {
                    const length = segments[i];
                    const r = inputLen <= offset + index + length ? '' : slice(s, offset + index + length);
                    const right = this.right !== null ? this.right.match(r) : r === '';
                    if (right)
                        return true;
                }
            }
            const [, step] = (0,utf8/* decodeRune */.j6)(s, offset + index);
            if (index + step === 0)
                throw new GlobPanicError('gobwas BTree.Match would loop forever');
            offset += index + step;
        }
        return false;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/contains.js
/**
 * gobwas/glob v0.2.3 match/contains.go: the `Contains` matcher.
 */



/** gobwas `match.Contains`: contains a text (or, with `not`, does not). */
class Contains {
    needle;
    not;
    constructor(needle, not) {
        this.needle = needle;
        this.not = not;
    }
    match(s) {
        return s.includes(this.needle) !== this.not;
    }
    index(s) {
        let offset = 0;
        const idx = s.indexOf(this.needle);
        if (!this.not) {
            if (idx === -1)
                return [-1, []];
            offset = idx + this.needle.length;
            if (s.length <= offset)
                return [0, [offset]];
            s = slice(s, offset);
        }
        else if (idx !== -1) {
            s = slice(s, 0, idx);
        }
        const segments = [];
        for (const [i] of (0,utf8/* runes */.mZ)(s))
            segments.push(offset + i);
        segments.push(offset + s.length);
        return [0, segments];
    }
    len() {
        return lenNo;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/every-of.js
/**
 * gobwas/glob v0.2.3 match/every_of.go: the `EveryOf` matcher.
 */

/** gobwas `match.EveryOf`: every matcher matches. */
class EveryOf {
    matchers;
    constructor(matchers = []) {
        this.matchers = matchers;
    }
    add(m) {
        this.matchers.push(m);
    }
    len() {
        // Sic: l starts at 0, so any matcher makes this -1.
        let l = 0;
        for (const m of this.matchers) {
            const ml = m.len();
            if (l > 0)
                l += ml;
            else
                return -1;
        }
        return l;
    }
    index(s) {
        let index = 0;
        let offset = 0;
        let current = [];
        let sub = s;
        for (let i = 0; i < this.matchers.length; i++) {
            const [idx, seg] = this.matchers[i].index(sub);
            if (idx === -1)
                return [-1, []];
            if (i === 0) {
                current = [...seg];
            }
            else {
                const next = [];
                const delta = index - (idx + offset);
                for (const ex of current)
                    for (const n of seg)
                        if (ex + delta === n)
                            next.push(n);
                if (next.length === 0)
                    return [-1, []];
                current = next;
            }
            index = idx + offset;
            sub = slice(s, index);
            offset += idx;
        }
        return [index, current];
    }
    match(s) {
        return this.matchers.every((m) => m.match(s));
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/list.js
/**
 * gobwas/glob v0.2.3 match/list.go: the `List` matcher.
 */


/** gobwas `match.List`: one rune from a list (or, with `not`, not from it). */
class List {
    list;
    not;
    constructor(list, not) {
        this.list = list;
        this.not = not;
    }
    match(s) {
        const [r, w] = (0,utf8/* decodeRune */.j6)(s, 0);
        if (s.length > w)
            return false;
        const inList = this.list.includes(r);
        return inList === !this.not;
    }
    len() {
        return lenOne;
    }
    index(s) {
        for (const [i, r] of (0,utf8/* runes */.mZ)(s)) {
            if (this.not === !this.list.includes(r))
                return [i, segmentsOfRune(r)];
        }
        return [-1, []];
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/max.js
/**
 * gobwas/glob v0.2.3 match/max.go: the `Max` matcher.
 */


/** gobwas `match.Max`: at most N runes. */
class Max {
    limit;
    constructor(limit) {
        this.limit = limit;
    }
    match(s) {
        let l = 0;
        for (const _ of (0,utf8/* runes */.mZ)(s)) {
            l += 1;
            if (l > this.limit)
                return false;
        }
        return true;
    }
    index(s) {
        const segments = [0];
        let count = 0;
        for (const [i, r] of (0,utf8/* runes */.mZ)(s)) {
            count++;
            if (count > this.limit)
                break;
            segments.push(i + (0,utf8/* runeLen */.Al)(r));
        }
        return [0, segments];
    }
    len() {
        return lenNo;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/min.js
/**
 * gobwas/glob v0.2.3 match/min.go: the `Min` matcher.
 */


/** gobwas `match.Min`: at least N runes. */
class Min {
    limit;
    constructor(limit) {
        this.limit = limit;
    }
    match(s) {
        let l = 0;
        for (const _ of (0,utf8/* runes */.mZ)(s)) {
            l += 1;
            if (l >= this.limit)
                return true;
        }
        return false;
    }
    index(s) {
        let count = 0;
        const c = s.length - this.limit + 1;
        if (c <= 0)
            return [-1, []];
        const segments = [];
        for (const [i, r] of (0,utf8/* runes */.mZ)(s)) {
            count++;
            if (count >= this.limit)
                segments.push(i + (0,utf8/* runeLen */.Al)(r));
        }
        if (segments.length === 0)
            return [-1, []];
        return [0, segments];
    }
    len() {
        return lenNo;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/nothing.js
/**
 * gobwas/glob v0.2.3 match/nothing.go: the `Nothing` matcher.
 */

/** gobwas `match.Nothing`: only the empty string. */
class Nothing {
    match(s) {
        return s.length === 0;
    }
    index() {
        return [0, [0]];
    }
    len() {
        return lenZero;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/prefix-any.js
/**
 * gobwas/glob v0.2.3 match/prefix_any.go: the `PrefixAny` matcher.
 */




/** gobwas `match.PrefixAny`: a prefix followed by runes that are not separators. */
class PrefixAny {
    prefix;
    separators;
    constructor(prefix, separators) {
        this.prefix = prefix;
        this.separators = separators;
    }
    index(s) {
        const idx = s.indexOf(this.prefix);
        if (idx === -1)
            return [-1, []];
        const n = this.prefix.length;
        let sub = slice(s, idx + n);
        const i = indexAnyRunes(sub, this.separators);
        if (i > -1)
            sub = slice(sub, 0, i);
        const seg = [n];
        for (const [j, r] of (0,utf8/* runes */.mZ)(sub))
            seg.push(n + j + (0,utf8/* runeLen */.Al)(r));
        return [idx, seg];
    }
    len() {
        return lenNo;
    }
    match(s) {
        if (!s.startsWith(this.prefix))
            return false;
        return indexAnyRunes(slice(s, this.prefix.length), this.separators) === -1;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/prefix-suffix.js
/**
 * gobwas/glob v0.2.3 match/prefix_suffix.go: the `PrefixSuffix` matcher.
 */


/** gobwas `match.PrefixSuffix`: a prefix and a suffix. */
class PrefixSuffix {
    prefix;
    suffix;
    constructor(prefix, suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }
    index(s) {
        const prefixIdx = s.indexOf(this.prefix);
        if (prefixIdx === -1)
            return [-1, []];
        const suffixLen = this.suffix.length;
        if (suffixLen <= 0)
            return [prefixIdx, [s.length - prefixIdx]];
        if (s.length - prefixIdx <= 0)
            return [-1, []];
        const segments = [];
        for (let sub = slice(s, prefixIdx);;) {
            const suffixIdx = sub.lastIndexOf(this.suffix);
            if (suffixIdx === -1)
                break;
            segments.push(suffixIdx + suffixLen);
            sub = slice(sub, 0, suffixIdx);
        }
        if (segments.length === 0)
            return [-1, []];
        segments.reverse();
        return [prefixIdx, segments];
    }
    len() {
        return lenNo;
    }
    match(s) {
        return s.startsWith(this.prefix) && s.endsWith(this.suffix);
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/prefix.js
/**
 * gobwas/glob v0.2.3 match/prefix.go: the `Prefix` matcher.
 */



/** gobwas `match.Prefix`: starts with a text. */
class Prefix {
    prefix;
    constructor(prefix) {
        this.prefix = prefix;
    }
    index(s) {
        const idx = s.indexOf(this.prefix);
        if (idx === -1)
            return [-1, []];
        const length = this.prefix.length;
        const sub = s.length > idx + length ? slice(s, idx + length) : '';
        const segments = [length];
        for (const [i, r] of (0,utf8/* runes */.mZ)(sub))
            segments.push(length + i + (0,utf8/* runeLen */.Al)(r));
        return [idx, segments];
    }
    len() {
        return lenNo;
    }
    match(s) {
        return s.startsWith(this.prefix);
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/range.js
/**
 * gobwas/glob v0.2.3 match/range.go: the `Range` matcher.
 */


/** gobwas `match.Range`: one rune in a range (or, with `not`, outside it). */
class Range {
    lo;
    hi;
    not;
    constructor(lo, hi, not) {
        this.lo = lo;
        this.hi = hi;
        this.not = not;
    }
    len() {
        return lenOne;
    }
    match(s) {
        const [r, w] = (0,utf8/* decodeRune */.j6)(s, 0);
        if (s.length > w)
            return false;
        const inRange = r >= this.lo && r <= this.hi;
        return inRange === !this.not;
    }
    index(s) {
        for (const [i, r] of (0,utf8/* runes */.mZ)(s)) {
            if (this.not !== (r >= this.lo && r <= this.hi))
                return [i, segmentsOfRune(r)];
        }
        return [-1, []];
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/row.js
/**
 * gobwas/glob v0.2.3 match/row.go: the `Row` matcher.
 */


/** gobwas `match.Row`: a fixed-length sequence of matchers. */
class Row {
    runesLength;
    matchers;
    constructor(runesLength, matchers) {
        this.runesLength = runesLength;
        this.matchers = matchers;
    }
    matchAll(s) {
        let idx = 0;
        for (const m of this.matchers) {
            const length = m.len();
            let next = 0;
            let i = 0;
            // Sic: next ends on the first byte of the last rune, so s[idx:idx+next+1] cuts a multi-byte rune.
            for (const [j] of (0,utf8/* runes */.mZ)(slice(s, idx))) {
                next = j;
                i++;
                if (i === length)
                    break;
            }
            if (i < length || !m.match(slice(s, idx, idx + next + 1)))
                return false;
            idx += next + 1;
        }
        return true;
    }
    lenOk(s) {
        let i = 0;
        for (const _ of (0,utf8/* runes */.mZ)(s)) {
            i++;
            if (i > this.runesLength)
                return false;
        }
        return this.runesLength === i;
    }
    match(s) {
        return this.lenOk(s) && this.matchAll(s);
    }
    len() {
        return this.runesLength;
    }
    index(s) {
        for (const [i] of (0,utf8/* runes */.mZ)(s)) {
            if (s.length - i < this.runesLength)
                break;
            if (this.matchAll(slice(s, i)))
                return [i, [this.runesLength]];
        }
        return [-1, []];
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/single.js
/**
 * gobwas/glob v0.2.3 match/single.go: the `Single` matcher.
 */


/** gobwas `match.Single`: one rune that is not a separator. */
class Single {
    separators;
    constructor(separators) {
        this.separators = separators;
    }
    match(s) {
        const [r, w] = (0,utf8/* decodeRune */.j6)(s, 0);
        if (s.length > w)
            return false;
        return !this.separators.includes(r);
    }
    len() {
        return lenOne;
    }
    index(s) {
        for (const [i, r] of (0,utf8/* runes */.mZ)(s)) {
            if (!this.separators.includes(r))
                return [i, segmentsOfRune(r)];
        }
        return [-1, []];
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/suffix-any.js
/**
 * gobwas/glob v0.2.3 match/suffix_any.go: the `SuffixAny` matcher.
 */



/** gobwas `match.SuffixAny`: runes that are not separators followed by a suffix. */
class SuffixAny {
    suffix;
    separators;
    constructor(suffix, separators) {
        this.suffix = suffix;
        this.separators = separators;
    }
    index(s) {
        const idx = s.indexOf(this.suffix);
        if (idx === -1)
            return [-1, []];
        const i = lastIndexAnyRunes(slice(s, 0, idx), this.separators) + 1;
        return [i, [idx + this.suffix.length - i]];
    }
    len() {
        return lenNo;
    }
    match(s) {
        if (!s.endsWith(this.suffix))
            return false;
        return indexAnyRunes(slice(s, 0, s.length - this.suffix.length), this.separators) === -1;
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/suffix.js
/**
 * gobwas/glob v0.2.3 match/suffix.go: the `Suffix` matcher.
 */

/** gobwas `match.Suffix`: ends with a text. */
class Suffix {
    suffix;
    constructor(suffix) {
        this.suffix = suffix;
    }
    len() {
        return lenNo;
    }
    match(s) {
        return s.endsWith(this.suffix);
    }
    index(s) {
        const idx = s.indexOf(this.suffix);
        if (idx === -1)
            return [-1, []];
        return [0, [idx + this.suffix.length]];
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/super.js
/**
 * gobwas/glob v0.2.3 match/super.go: the `Super` matcher.
 */


/** gobwas `match.Super`: anything (`**`). */
class Super {
    match() {
        return true;
    }
    len() {
        return lenNo;
    }
    index(s) {
        const segments = [];
        for (const [i] of (0,utf8/* runes */.mZ)(s))
            segments.push(i);
        segments.push(s.length);
        return [0, segments];
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/match/text.js
/**
 * gobwas/glob v0.2.3 match/text.go: the `Text` matcher.
 */

/** gobwas `match.Text`: exactly a text. */
class Text {
    str;
    runesLength;
    constructor(str) {
        this.str = str;
        this.runesLength = (0,utf8/* runeCount */.aM)(str);
    }
    match(s) {
        return this.str === s;
    }
    len() {
        return this.runesLength;
    }
    index(s) {
        const index = s.indexOf(this.str);
        if (index === -1)
            return [-1, []];
        return [index, [this.str.length]];
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/lexer.js
/**
 * gobwas/glob v0.2.3 syntax/lexer/lexer.go and syntax/lexer/token.go: the pattern's tokens.
 */

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
class Lexer {
    data;
    pos = 0;
    err = null;
    tokens = [];
    termsLevel = 0;
    lastRune = 0;
    lastRuneSize = 0;
    hasRune = false;
    constructor(data) {
        this.data = data;
    }
    next() {
        for (;;) {
            if (this.err !== null)
                return { type: 'error', raw: this.err };
            const t = this.tokens.shift();
            if (t !== undefined)
                return t;
            this.fetchItem();
        }
    }
    peek() {
        if (this.pos === this.data.length)
            return [EOF, 0];
        let [r, w] = (0,utf8/* decodeRune */.j6)(this.data, this.pos);
        if (r === utf8/* RUNE_ERROR */.yS) {
            this.err = 'could not read rune';
            r = EOF;
            w = 0;
        }
        return [r, w];
    }
    read() {
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
    unread() {
        if (this.hasRune) {
            this.err = 'could not unread rune';
            return;
        }
        this.pos -= this.lastRuneSize;
        this.hasRune = true;
    }
    fetchItem() {
        const r = this.read();
        if (r === EOF) {
            this.tokens.push({ type: 'eof', raw: '' });
        }
        else if (r === charTermsOpen) {
            this.termsLevel++;
            this.tokens.push({ type: 'terms_open', raw: (0,utf8/* runeString */.aG)(r) });
        }
        else if (r === charComma && this.termsLevel > 0) {
            this.tokens.push({ type: 'separator', raw: (0,utf8/* runeString */.aG)(r) });
        }
        else if (r === charTermsClose && this.termsLevel > 0) {
            this.tokens.push({ type: 'terms_close', raw: (0,utf8/* runeString */.aG)(r) });
            this.termsLevel--;
        }
        else if (r === charRangeOpen) {
            this.tokens.push({ type: 'range_open', raw: (0,utf8/* runeString */.aG)(r) });
            this.fetchRange();
        }
        else if (r === charSingle) {
            this.tokens.push({ type: 'single', raw: (0,utf8/* runeString */.aG)(r) });
        }
        else if (r === charAny) {
            if (this.read() === charAny) {
                this.tokens.push({ type: 'super', raw: (0,utf8/* runeString */.aG)(r) + (0,utf8/* runeString */.aG)(r) });
            }
            else {
                this.unread();
                this.tokens.push({ type: 'any', raw: (0,utf8/* runeString */.aG)(r) });
            }
        }
        else {
            this.unread();
            this.fetchText(this.termsLevel > 0 ? inTermsBreakers : inTextBreakers);
        }
    }
    fetchRange() {
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
                if (r !== charRangeClose)
                    this.err = 'expected close range character';
                else
                    this.tokens.push({ type: 'range_close', raw: (0,utf8/* runeString */.aG)(r) });
                return;
            }
            if (wantHi) {
                this.tokens.push({ type: 'range_hi', raw: (0,utf8/* runeString */.aG)(r) });
                wantClose = true;
                continue;
            }
            if (!seenNot && r === charRangeNot) {
                this.tokens.push({ type: 'not', raw: (0,utf8/* runeString */.aG)(r) });
                seenNot = true;
                continue;
            }
            const [n, w] = this.peek();
            if (n === charRangeBetween) {
                this.pos += w;
                this.tokens.push({ type: 'range_lo', raw: (0,utf8/* runeString */.aG)(r) });
                this.tokens.push({ type: 'range_between', raw: (0,utf8/* runeString */.aG)(n) });
                wantHi = true;
                continue;
            }
            this.unread(); // unread first peek and fetch as text
            this.fetchText([charRangeClose]);
            wantClose = true;
        }
    }
    fetchText(breakers) {
        const data = [];
        let escaped = false;
        for (;;) {
            const r = this.read();
            if (r === EOF)
                break;
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
        if (data.length > 0)
            this.tokens.push({ type: 'text', raw: data.map(utf8/* runeString */.aG).join('') });
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/parser.js
/**
 * gobwas/glob v0.2.3 syntax/ast/ast.go and syntax/ast/parser.go: the tokens' tree.
 */



/** gobwas `ast.Node`: a node kind, its value and children. */
class Node {
    kind;
    value;
    parent = null;
    children = [];
    constructor(kind, value, ...ch) {
        this.kind = kind;
        this.value = value;
        insert(this, ...ch);
    }
    /** `(*Node).Equal`, which is also what `reflect.DeepEqual` amounts to for `appendIfUnique`. */
    equal(b) {
        if (this.kind !== b.kind || !valueEqual(this.value, b.value))
            return false;
        if (this.children.length !== b.children.length)
            return false;
        return this.children.every((c, i) => c.equal(b.children[i]));
    }
}
function valueEqual(a, b) {
    if (a === null || b === null)
        return a === b;
    if (a.kind === 'list' && b.kind === 'list')
        return a.not === b.not && a.chars === b.chars;
    if (a.kind === 'range' && b.kind === 'range')
        return a.not === b.not && a.lo === b.lo && a.hi === b.hi;
    if (a.kind === 'text' && b.kind === 'text')
        return a.text === b.text;
    return false;
}
function insert(parent, ...children) {
    parent.children.push(...children);
    for (const ch of children)
        ch.parent = parent;
}
/** gobwas's parse or compile error; `compileGlob` turns it into a GlobSyntaxError. */
class SyntaxFailure extends Error {
}
/** gobwas `ast.Parse(lexer.NewLexer(pattern))`. */
function parse(lex) {
    const root = new Node('Pattern', null);
    let tree = root;
    let state = 'main';
    while (state !== null) {
        if (state === 'main')
            [state, tree] = parserMain(tree, lex);
        else
            [state, tree] = parserRange(tree, lex);
    }
    return root;
}
function tokenString(t) {
    return `${t.type}<${quote(t.raw)}>`;
}
function quote(bytes) {
    return JSON.stringify((0,utf8/* fromByteString */.qL)(bytes));
}
function parserMain(tree, lex) {
    const token = lex.next();
    switch (token.type) {
        case 'eof':
            return [null, tree];
        case 'error':
            throw new SyntaxFailure(token.raw);
        case 'text':
            insert(tree, new Node('Text', { kind: 'text', text: token.raw }));
            return ['main', tree];
        case 'any':
            insert(tree, new Node('Any', null));
            return ['main', tree];
        case 'super':
            insert(tree, new Node('Super', null));
            return ['main', tree];
        case 'single':
            insert(tree, new Node('Single', null));
            return ['main', tree];
        case 'range_open':
            return ['range', tree];
        case 'terms_open': {
            const a = new Node('AnyOf', null);
            insert(tree, a);
            const p = new Node('Pattern', null);
            insert(a, p);
            return ['main', p];
        }
        case 'separator': {
            const p = new Node('Pattern', null);
            insert(goDeref(tree.parent), p);
            return ['main', p];
        }
        case 'terms_close':
            return ['main', goDeref(goDeref(tree.parent).parent)];
        default:
            throw new SyntaxFailure(`unexpected token: ${tokenString(token)}`);
    }
}
function goDeref(n) {
    if (n === null)
        throw new GlobPanicError('runtime error: invalid memory address or nil pointer dereference');
    return n;
}
function parserRange(tree, lex) {
    let not = false;
    let lo = 0;
    let hi = 0;
    let chars = '';
    for (;;) {
        const token = lex.next();
        switch (token.type) {
            case 'eof':
                throw new SyntaxFailure('unexpected end');
            case 'error':
                throw new SyntaxFailure(token.raw);
            case 'not':
                not = true;
                break;
            case 'range_lo': {
                const [r, w] = (0,utf8/* decodeRune */.j6)(token.raw, 0);
                if (token.raw.length > w)
                    throw new SyntaxFailure('unexpected length of lo character');
                lo = r;
                break;
            }
            case 'range_between':
                break;
            case 'range_hi': {
                const [r, w] = (0,utf8/* decodeRune */.j6)(token.raw, 0);
                if (token.raw.length > w)
                    throw new SyntaxFailure('unexpected length of lo character');
                hi = r;
                if (hi < lo) {
                    throw new SyntaxFailure(`hi character '${(0,utf8/* fromByteString */.qL)((0,utf8/* runeString */.aG)(hi))}' should be greater than lo '${(0,utf8/* fromByteString */.qL)((0,utf8/* runeString */.aG)(lo))}'`);
                }
                break;
            }
            case 'text':
                chars = token.raw;
                break;
            case 'range_close': {
                const isRange = lo !== 0 && hi !== 0;
                const isChars = chars !== '';
                if (isChars === isRange)
                    throw new SyntaxFailure('could not parse range');
                if (isRange)
                    insert(tree, new Node('Range', { kind: 'range', lo, hi, not }));
                else
                    insert(tree, new Node('List', { kind: 'list', chars, not }));
                return ['main', tree];
            }
        }
    }
}

;// CONCATENATED MODULE: ./lib/go/glob/compiler.js
/**
 * gobwas/glob v0.2.3 compiler/compiler.go: the tree compiled, glued and optimised into matchers (the optimiser
 * is what makes gobwas differ from a regular expression).
 */























function optimizeMatcher(matcher) {
    if (matcher instanceof Any) {
        if (matcher.separators.length === 0)
            return new Super();
        return matcher;
    }
    if (matcher instanceof AnyOf) {
        if (matcher.matchers.length === 1)
            return matcher.matchers[0];
        return matcher;
    }
    if (matcher instanceof List) {
        if (!matcher.not && matcher.list.length === 1)
            return new Text((0,utf8/* runeString */.aG)(matcher.list[0]));
        return matcher;
    }
    if (matcher instanceof BTree) {
        const m = matcher.withChildren(matcher.left === null ? null : optimizeMatcher(matcher.left), matcher.right === null ? null : optimizeMatcher(matcher.right));
        const r = m.value;
        if (!(r instanceof Text))
            return m;
        const leftNil = m.left === null;
        const rightNil = m.right === null;
        if (leftNil && rightNil)
            return new Text(r.str);
        const leftSuper = m.left instanceof Super;
        const rightSuper = m.right instanceof Super;
        if (leftSuper && rightSuper)
            return new Contains(r.str, false);
        if (leftSuper && rightNil)
            return new Suffix(r.str);
        if (rightSuper && leftNil)
            return new Prefix(r.str);
        if (leftNil && m.right instanceof Suffix)
            return new PrefixSuffix(r.str, m.right.suffix);
        if (rightNil && m.left instanceof Prefix)
            return new PrefixSuffix(m.left.prefix, r.str);
        if (rightNil && m.left instanceof Any)
            return new SuffixAny(r.str, m.left.separators);
        if (leftNil && m.right instanceof Any)
            return new PrefixAny(r.str, m.right.separators);
        return m;
    }
    return matcher;
}
function compileMatchers(matchers) {
    if (matchers.length === 0)
        throw new SyntaxFailure('compile error: need at least one matcher');
    if (matchers.length === 1)
        return matchers[0];
    const glued = glueMatchers(matchers);
    if (glued !== null)
        return glued;
    let idx = -1;
    let maxLen = -1;
    let val = null;
    for (let i = 0; i < matchers.length; i++) {
        const l = matchers[i].len();
        if (l !== -1 && l >= maxLen) {
            maxLen = l;
            idx = i;
            val = matchers[i];
        }
    }
    if (val === null) {
        // not found matcher with static length
        const r = compileMatchers(matchers.slice(1));
        return new BTree(matchers[0], null, r);
    }
    const left = matchers.slice(0, idx);
    const right = matchers.length > idx + 1 ? matchers.slice(idx + 1) : [];
    const l = left.length > 0 ? compileMatchers(left) : null;
    const r = right.length > 0 ? compileMatchers(right) : null;
    return new BTree(val, l, r);
}
function glueMatchers(matchers) {
    return glueMatchersAsEvery(matchers) ?? glueMatchersAsRow(matchers);
}
function glueMatchersAsRow(matchers) {
    if (matchers.length <= 1)
        return null;
    let l = 0;
    for (const matcher of matchers) {
        const ml = matcher.len();
        if (ml === -1)
            return null;
        l += ml;
    }
    return new Row(l, [...matchers]);
}
function glueMatchersAsEvery(matchers) {
    if (matchers.length <= 1)
        return null;
    let hasAny = false;
    let hasSuper = false;
    let hasSingle = false;
    let min = 0;
    let separator = [];
    for (let i = 0; i < matchers.length; i++) {
        const m = matchers[i];
        let sep;
        if (m instanceof Super) {
            sep = [];
            hasSuper = true;
        }
        else if (m instanceof Any) {
            sep = m.separators;
            hasAny = true;
        }
        else if (m instanceof Single) {
            sep = m.separators;
            hasSingle = true;
            min++;
        }
        else if (m instanceof List) {
            if (!m.not)
                return null;
            sep = m.list;
            hasSingle = true;
            min++;
        }
        else {
            return null;
        }
        // initialize
        if (i === 0)
            separator = sep;
        if (runesEqual(sep, separator))
            continue;
        return null;
    }
    if (hasSuper && !hasAny && !hasSingle)
        return new Super();
    if (hasAny && !hasSuper && !hasSingle)
        return new Any(separator);
    if ((hasAny || hasSuper) && min > 0 && separator.length === 0)
        return new Min(min);
    const every = new EveryOf();
    if (min > 0) {
        every.add(new Min(min));
        if (!hasAny && !hasSuper)
            every.add(new Max(min));
    }
    // Sic: the separators become one needle, so `*?` with separators `/` and `.` only rejects the substring "/.".
    if (separator.length > 0)
        every.add(new Contains(separator.map(utf8/* runeString */.aG).join(''), true));
    return every;
}
function minimizeMatchers(matchers) {
    let done = null;
    let left = 0;
    let right = 0;
    let count = 0;
    for (let l = 0; l < matchers.length; l++) {
        for (let r = matchers.length; r > l; r--) {
            const glued = glueMatchers(matchers.slice(l, r));
            if (glued === null)
                continue;
            let swap;
            if (done === null) {
                swap = true;
            }
            else {
                const cl = done.len();
                const gl = glued.len();
                swap = cl > -1 && gl > -1 && gl > cl;
                swap = swap || count < r - l;
            }
            if (swap) {
                done = glued;
                left = l;
                right = r;
                count = r - l;
            }
        }
    }
    if (done === null)
        return matchers;
    const next = [...matchers.slice(0, left), done];
    if (right < matchers.length)
        next.push(...matchers.slice(right));
    if (next.length === matchers.length)
        return next;
    return minimizeMatchers(next);
}
/** compiler.minimizeTreeAnyOf: factors out children common to every alternative. */
function minimizeTreeAnyOf(tree) {
    if (!tree.children.every((n) => n.kind === 'Pattern'))
        return null;
    const [commonLeft, commonRight] = commonChildren(tree.children);
    if (commonLeft.length === 0 && commonRight.length === 0)
        return null; // there are no common parts
    const result = [];
    if (commonLeft.length > 0)
        result.push(new Node('Pattern', null, ...commonLeft));
    const anyOf = [];
    for (const child of tree.children) {
        const reuse = goSliceNodes(child.children, commonLeft.length, child.children.length - commonRight.length);
        // a pattern completely reduced by the common parts becomes nothing
        const node = reuse.length === 0 ? new Node('Nothing', null) : new Node('Pattern', null, ...reuse);
        if (!anyOf.some((n) => n.equal(node)))
            anyOf.push(node);
    }
    if (anyOf.length === 1 && anyOf[0].kind !== 'Nothing')
        result.push(anyOf[0]);
    else if (anyOf.length > 1)
        result.push(new Node('AnyOf', null, ...anyOf));
    if (commonRight.length > 0)
        result.push(new Node('Pattern', null, ...commonRight));
    return new Node('Pattern', null, ...result);
}
function goSliceNodes(nodes, lo, hi) {
    if (lo < 0 || hi < lo || hi > nodes.length) {
        throw new GlobPanicError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
    }
    return nodes.slice(lo, hi);
}
function commonChildren(nodes) {
    const commonLeft = [];
    if (nodes.length <= 1)
        return [commonLeft, []];
    // find node that has least number of children
    let min = -1;
    let idx = -1;
    for (let i = 0; i < nodes.length; i++) {
        if (idx === -1 || nodes[i].children.length < min) {
            min = nodes[i].children.length;
            idx = i;
        }
    }
    const tree = nodes[idx];
    const treeLength = tree.children.length;
    const commonRight = new Array(treeLength);
    let lastRight = treeLength;
    let breakLeft = false;
    let breakRight = false;
    let commonTotal = 0;
    for (let i = 0, j = treeLength - 1; commonTotal < treeLength && j >= 0 && !(breakLeft && breakRight); i = i + 1, j = j - 1) {
        const treeLeft = tree.children[i];
        const treeRight = tree.children[j];
        for (let k = 0; k < nodes.length && !(breakLeft && breakRight); k++) {
            // skip least children node
            if (k === idx)
                continue;
            const restLeft = nodes[k].children[i];
            const restRight = nodes[k].children[j + nodes[k].children.length - treeLength];
            breakLeft = breakLeft || !treeLeft.equal(restLeft);
            // disable searching for right common parts, if left part is already overlapping
            breakRight = breakRight || (!breakLeft && j <= i);
            breakRight = breakRight || !treeRight.equal(restRight);
        }
        if (!breakLeft) {
            commonTotal++;
            commonLeft.push(treeLeft);
        }
        if (!breakRight) {
            commonTotal++;
            lastRight = j;
            commonRight[j] = treeRight;
        }
    }
    return [commonLeft, commonRight.slice(lastRight)];
}
function compileTreeChildren(tree, sep) {
    return tree.children.map((desc) => optimizeMatcher(compileNode(desc, sep)));
}
/**
 * gobwas `compiler.Compile(tree, sep)`: the matcher for a parsed pattern.
 *
 * @throws SyntaxFailure (`compile error: …`) as gobwas returns it; GlobPanicError where gobwas panics.
 */
function compileNode(tree, sep) {
    let m;
    switch (tree.kind) {
        case 'AnyOf': {
            const n = minimizeTreeAnyOf(tree);
            if (n !== null)
                return compileNode(n, sep);
            return new AnyOf(compileTreeChildren(tree, sep));
        }
        case 'Pattern':
            if (tree.children.length === 0)
                return new Nothing();
            m = compileMatchers(minimizeMatchers(compileTreeChildren(tree, sep)));
            break;
        case 'Any':
            m = new Any(sep);
            break;
        case 'Super':
            m = new Super();
            break;
        case 'Single':
            m = new Single(sep);
            break;
        case 'Nothing':
            m = new Nothing();
            break;
        case 'List': {
            const v = tree.value;
            m = new List((0,utf8/* toRunes */.NG)(v.chars), v.not);
            break;
        }
        case 'Range': {
            const v = tree.value;
            m = new Range(v.lo, v.hi, v.not);
            break;
        }
        case 'Text':
            m = new Text(tree.value.text);
            break;
    }
    return optimizeMatcher(m);
}

;// CONCATENATED MODULE: ./lib/go/glob/glob.js
/**
 * github.com/gobwas/glob v0.2.3 (the version Grafana uses for `private-glob` root URLs), ported file by file; this
 * module is glob.go (`Compile`), the others sit beside it: lexer.ts (syntax/lexer), parser.ts (syntax/ast),
 * compiler.ts (compiler/compiler.go), match/*.ts (one per match/*.go), strings.ts (util/strings, util/runes),
 * errors.ts (gobwas's errors and Go's panics), and ../utf8.ts for unicode/utf8.
 *
 * This is the project's own code: no JavaScript glob library has gobwas semantics, and a regular expression
 * cannot reproduce them, because gobwas's optimiser changes what some patterns match. With separators `/` and `.`,
 * `*?` becomes "at least one character and no `/.` substring" (a `.` alone passes), `[!x]` matches separators,
 * `{a,b` without `}` compiles, and a NUL rune ends the pattern. Porting the lexer, parser, compiler and matchers as
 * they are reproduces Grafana's verdicts, bugs included.
 *
 * Like Go, the matchers work on UTF-8 bytes with rune decoding (`for i, r := range s`), so byte strings (JS strings
 * whose char codes are bytes 0–255) are used internally. Where Go would panic (a slice out of range), the matcher
 * throws {@link GlobPanicError}.
 */






/**
 * gobwas/glob v0.2.3 `glob.Compile(pattern, separators...)`, returning its `Match`. Syntax: `*` any run of
 * non-separator characters, `**` any run, `?` one non-separator character, `[abc]`, `[a-z]`, `[!…]` (a negated class
 * also matches separators), `{a,b}` alternatives that may hold patterns, `\` escapes the next character. Matching is
 * anchored at both ends and works on runes of the UTF-8 encoding. gobwas's quirks are kept (see the file comment).
 *
 * @param pattern the glob, e.g. `https://*.example.com/`
 * @param separators single characters (runes) that `*` and `?` do not cross; Grafana passes `['/', '.']`
 * @returns a function telling whether a whole string matches; it throws {@link GlobPanicError} where gobwas panics
 * @throws GlobSyntaxError with gobwas's message: `unexpected end of input` (unclosed `[`), `could not parse range`
 *   (`[]`, `[!]`), `expected close range character`, `hi character 'a' should be greater than lo 'z'`,
 *   `could not read rune` (invalid UTF-8 or U+FFFD in the pattern)
 * @throws TypeError when a separator is not exactly one character
 */
function compileGlob(pattern, separators) {
    const seps = separators.map((s) => {
        const cps = [...s];
        if (cps.length !== 1)
            throw new TypeError(`glob separator must be one character, got ${JSON.stringify(s)}`);
        return cps[0].codePointAt(0);
    });
    let matcher;
    try {
        matcher = compileNode(parse(new Lexer((0,utf8/* toByteString */.pv)(pattern))), seps);
    }
    catch (e) {
        if (e instanceof SyntaxFailure)
            throw new GlobSyntaxError(pattern, e.message);
        throw e;
    }
    return (s) => matcher.match((0,utf8/* toByteString */.pv)(s));
}


/***/ })

};
