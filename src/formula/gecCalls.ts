// Which functions of the add-in a formula really calls: the formula is read token by token, so that "GEC." inside a
// text ("GEC.STEAM_H") or a sheet name ('GEC.data'!A1) is no call, and the forms a file may store a call in count.

/**
 * Prefixes Excel writes before a function name in the file: `_xludf.` (a function this Excel did not know),
 * `_xlfn.` and `_xlws.` (newer built-ins). The call is the name after them.
 */
const STORED_PREFIX = /^(?:_xludf\.|_xlfn\.|_xlws\.)+/i;

/**
 * GEC.STEAM_H as typed (any case), or `_xldudf_GEC_STEAM_H`: how Excel stores a custom function's call when the
 * workbook was saved by an Excel without the add-in.
 */
const GEC_NAME = /^(?:GEC\.[A-Za-z0-9_.]+|_xldudf_GEC_[A-Za-z0-9_]+)$/i;

const NAME_START = /[A-Za-z_\\\p{L}]/u;
const NAME_PART = /[A-Za-z0-9_.\\?\p{L}\p{N}]/u;

/** Skips a "text" or a 'sheet name' starting at `i` (its quote doubled inside); returns the index after it. */
function skipQuoted(f: string, i: number): number {
  const quote = f[i];
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === quote) {
      if (f[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return j;
}

/** Skips a [bracketed] part (a structured reference, an external workbook's [1]), nested, ' escaping a bracket. */
function skipBracket(f: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < f.length) {
    const c = f[j];
    if (c === "'") j++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return j + 1;
    j++;
  }
  return j;
}

/** The add-in's functions a formula calls, each as written ("GEC.STEAM_H", "_xldudf_GEC_Q_WB"), in order. */
export function gecCalls(formula: string): string[] {
  // most formulas of a workbook name no GEC at all: they are not tokenised
  if (!/gec/i.test(formula)) return [];
  const calls: string[] = [];
  const f = formula;
  let i = f.startsWith("=") ? 1 : 0;
  while (i < f.length) {
    const c = f[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(f, i);
      continue;
    }
    if (c === "[") {
      i = skipBracket(f, i);
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < f.length && NAME_PART.test(f[j])) j++;
      const name = f.slice(i, j);
      // a function is its name right before "(": GEC.data!A1 (a sheet) or =GEC.x (a defined name) is not a call
      if (f[j] === "(" && GEC_NAME.test(name.replace(STORED_PREFIX, ""))) calls.push(name);
      i = j;
      continue;
    }
    i++;
  }
  return calls;
}
