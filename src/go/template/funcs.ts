/**
 * From Go's `text/template/funcs.go`: the names of the `builtins()` function map, which `template.New(name).Parse`
 * resolves function names against (the functions themselves are never run here).
 */

/** Function names of Go's `text/template` builtins (funcs.go `builtins()`). */
export const GO_TEMPLATE_BUILTINS: readonly string[] = [
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
];
