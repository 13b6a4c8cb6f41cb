/**
 * gobwas/glob v0.2.3 compiler/compiler.go: the tree compiled, glued and optimised into matchers (the optimiser
 * is what makes gobwas differ from a regular expression).
 */
import { runeString, toRunes } from '../utf8.js';
import { GlobPanicError } from './errors.js';
import { AnyOf } from './match/any-of.js';
import { Any } from './match/any.js';
import { BTree } from './match/btree.js';
import { Contains } from './match/contains.js';
import { EveryOf } from './match/every-of.js';
import { List } from './match/list.js';
import type { Matcher } from './match/match.js';
import { Max } from './match/max.js';
import { Min } from './match/min.js';
import { Nothing } from './match/nothing.js';
import { PrefixAny } from './match/prefix-any.js';
import { PrefixSuffix } from './match/prefix-suffix.js';
import { Prefix } from './match/prefix.js';
import { Range } from './match/range.js';
import { Row } from './match/row.js';
import { Single } from './match/single.js';
import { SuffixAny } from './match/suffix-any.js';
import { Suffix } from './match/suffix.js';
import { Super } from './match/super.js';
import { Text } from './match/text.js';
import { Node, SyntaxFailure } from './parser.js';
import { runesEqual } from './strings.js';

function optimizeMatcher(matcher: Matcher): Matcher {
  if (matcher instanceof Any) {
    if (matcher.separators.length === 0) return new Super();
    return matcher;
  }
  if (matcher instanceof AnyOf) {
    if (matcher.matchers.length === 1) return matcher.matchers[0];
    return matcher;
  }
  if (matcher instanceof List) {
    if (!matcher.not && matcher.list.length === 1) return new Text(runeString(matcher.list[0]));
    return matcher;
  }
  if (matcher instanceof BTree) {
    const m = matcher.withChildren(
      matcher.left === null ? null : optimizeMatcher(matcher.left),
      matcher.right === null ? null : optimizeMatcher(matcher.right),
    );
    const r = m.value;
    if (!(r instanceof Text)) return m;
    const leftNil = m.left === null;
    const rightNil = m.right === null;
    if (leftNil && rightNil) return new Text(r.str);
    const leftSuper = m.left instanceof Super;
    const rightSuper = m.right instanceof Super;
    if (leftSuper && rightSuper) return new Contains(r.str, false);
    if (leftSuper && rightNil) return new Suffix(r.str);
    if (rightSuper && leftNil) return new Prefix(r.str);
    if (leftNil && m.right instanceof Suffix) return new PrefixSuffix(r.str, m.right.suffix);
    if (rightNil && m.left instanceof Prefix) return new PrefixSuffix(m.left.prefix, r.str);
    if (rightNil && m.left instanceof Any) return new SuffixAny(r.str, m.left.separators);
    if (leftNil && m.right instanceof Any) return new PrefixAny(r.str, m.right.separators);
    return m;
  }
  return matcher;
}

function compileMatchers(matchers: Matcher[]): Matcher {
  if (matchers.length === 0) throw new SyntaxFailure('compile error: need at least one matcher');
  if (matchers.length === 1) return matchers[0];
  const glued = glueMatchers(matchers);
  if (glued !== null) return glued;

  let idx = -1;
  let maxLen = -1;
  let val: Matcher | null = null;
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

function glueMatchers(matchers: Matcher[]): Matcher | null {
  return glueMatchersAsEvery(matchers) ?? glueMatchersAsRow(matchers);
}

function glueMatchersAsRow(matchers: Matcher[]): Matcher | null {
  if (matchers.length <= 1) return null;
  let l = 0;
  for (const matcher of matchers) {
    const ml = matcher.len();
    if (ml === -1) return null;
    l += ml;
  }
  return new Row(l, [...matchers]);
}

function glueMatchersAsEvery(matchers: Matcher[]): Matcher | null {
  if (matchers.length <= 1) return null;
  let hasAny = false;
  let hasSuper = false;
  let hasSingle = false;
  let min = 0;
  let separator: number[] = [];
  for (let i = 0; i < matchers.length; i++) {
    const m = matchers[i];
    let sep: number[];
    if (m instanceof Super) {
      sep = [];
      hasSuper = true;
    } else if (m instanceof Any) {
      sep = m.separators;
      hasAny = true;
    } else if (m instanceof Single) {
      sep = m.separators;
      hasSingle = true;
      min++;
    } else if (m instanceof List) {
      if (!m.not) return null;
      sep = m.list;
      hasSingle = true;
      min++;
    } else {
      return null;
    }
    // initialize
    if (i === 0) separator = sep;
    if (runesEqual(sep, separator)) continue;
    return null;
  }
  if (hasSuper && !hasAny && !hasSingle) return new Super();
  if (hasAny && !hasSuper && !hasSingle) return new Any(separator);
  if ((hasAny || hasSuper) && min > 0 && separator.length === 0) return new Min(min);
  const every = new EveryOf();
  if (min > 0) {
    every.add(new Min(min));
    if (!hasAny && !hasSuper) every.add(new Max(min));
  }
  // Sic: the separators become one needle, so `*?` with separators `/` and `.` only rejects the substring "/.".
  if (separator.length > 0) every.add(new Contains(separator.map(runeString).join(''), true));
  return every;
}

function minimizeMatchers(matchers: Matcher[]): Matcher[] {
  let done: Matcher | null = null;
  let left = 0;
  let right = 0;
  let count = 0;
  for (let l = 0; l < matchers.length; l++) {
    for (let r = matchers.length; r > l; r--) {
      const glued = glueMatchers(matchers.slice(l, r));
      if (glued === null) continue;
      let swap: boolean;
      if (done === null) {
        swap = true;
      } else {
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
  if (done === null) return matchers;
  const next = [...matchers.slice(0, left), done];
  if (right < matchers.length) next.push(...matchers.slice(right));
  if (next.length === matchers.length) return next;
  return minimizeMatchers(next);
}

/** compiler.minimizeTreeAnyOf: factors out children common to every alternative. */
function minimizeTreeAnyOf(tree: Node): Node | null {
  if (!tree.children.every((n) => n.kind === 'Pattern')) return null;
  const [commonLeft, commonRight] = commonChildren(tree.children);
  if (commonLeft.length === 0 && commonRight.length === 0) return null; // there are no common parts
  const result: Node[] = [];
  if (commonLeft.length > 0) result.push(new Node('Pattern', null, ...commonLeft));
  const anyOf: Node[] = [];
  for (const child of tree.children) {
    const reuse = goSliceNodes(child.children, commonLeft.length, child.children.length - commonRight.length);
    // a pattern completely reduced by the common parts becomes nothing
    const node = reuse.length === 0 ? new Node('Nothing', null) : new Node('Pattern', null, ...reuse);
    if (!anyOf.some((n) => n.equal(node))) anyOf.push(node);
  }
  if (anyOf.length === 1 && anyOf[0].kind !== 'Nothing') result.push(anyOf[0]);
  else if (anyOf.length > 1) result.push(new Node('AnyOf', null, ...anyOf));
  if (commonRight.length > 0) result.push(new Node('Pattern', null, ...commonRight));
  return new Node('Pattern', null, ...result);
}

function goSliceNodes(nodes: Node[], lo: number, hi: number): Node[] {
  if (lo < 0 || hi < lo || hi > nodes.length) {
    throw new GlobPanicError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
  }
  return nodes.slice(lo, hi);
}

function commonChildren(nodes: Node[]): [Node[], Node[]] {
  const commonLeft: Node[] = [];
  if (nodes.length <= 1) return [commonLeft, []];
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
  const commonRight: (Node | undefined)[] = new Array<Node | undefined>(treeLength);
  let lastRight = treeLength;
  let breakLeft = false;
  let breakRight = false;
  let commonTotal = 0;
  for (
    let i = 0, j = treeLength - 1;
    commonTotal < treeLength && j >= 0 && !(breakLeft && breakRight);
    i = i + 1, j = j - 1
  ) {
    const treeLeft = tree.children[i];
    const treeRight = tree.children[j];
    for (let k = 0; k < nodes.length && !(breakLeft && breakRight); k++) {
      // skip least children node
      if (k === idx) continue;
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
  return [commonLeft, commonRight.slice(lastRight) as Node[]];
}

function compileTreeChildren(tree: Node, sep: number[]): Matcher[] {
  return tree.children.map((desc) => optimizeMatcher(compileNode(desc, sep)));
}

/**
 * gobwas `compiler.Compile(tree, sep)`: the matcher for a parsed pattern.
 *
 * @throws SyntaxFailure (`compile error: …`) as gobwas returns it; GlobPanicError where gobwas panics.
 */
export function compileNode(tree: Node, sep: number[]): Matcher {
  let m: Matcher;
  switch (tree.kind) {
    case 'AnyOf': {
      const n = minimizeTreeAnyOf(tree);
      if (n !== null) return compileNode(n, sep);
      return new AnyOf(compileTreeChildren(tree, sep));
    }
    case 'Pattern':
      if (tree.children.length === 0) return new Nothing();
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
      const v = tree.value as { chars: string; not: boolean };
      m = new List(toRunes(v.chars), v.not);
      break;
    }
    case 'Range': {
      const v = tree.value as { lo: number; hi: number; not: boolean };
      m = new Range(v.lo, v.hi, v.not);
      break;
    }
    case 'Text':
      m = new Text((tree.value as { text: string }).text);
      break;
  }
  return optimizeMatcher(m);
}
