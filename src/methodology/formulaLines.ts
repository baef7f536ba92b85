// 1.4's formula lines printed from the quantities' own expressions, without their roundings: the one source of
// what the template prints and what the plan-text rules compare a submission's 1.4 with.
import { Binary, Const, Param, Ref, Round, SumOf, WhenBlank, Call } from "../formula";
import type { Expr } from "../formula";
import type { MethodologyDeclaration, QuantityDeclaration } from "./types";
import { REFERENCE_PARAMETERS } from "./parameters";

/** One printed line: the quantity it defines, its text, and the numbers of the parameters it prints (9.484). */
export interface FormulaLine {
  quantity: QuantityDeclaration;
  text: string;
  /** Parameter values as printed, each with its key: the constants a 1.4 line must state. */
  constants: { key: string; value: string }[];
  /** The symbols the line uses, its own first. */
  symbols: string[];
}

const SHOWN: Record<string, string> = { "+": "+", "-": "−", "*": "×", "/": "÷" };
const PRECEDENCE: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2 };

function precedenceOf(e: Expr): number {
  if (e instanceof Binary) return PRECEDENCE[e.op];
  return 3;
}

/** The expression with its roundings dropped: a WhenBlank's formula branch, a Round's argument. */
function bare(e: Expr): Expr {
  if (e instanceof WhenBlank) return bare(e.otherwise);
  if (e instanceof Round) return bare(e.arg);
  return e;
}

export function formulaLines(declaration: Pick<MethodologyDeclaration, "quantities">): FormulaLine[] {
  const byKey = new Map(declaration.quantities.map((q) => [q.key, q]));
  const lines: FormulaLine[] = [];
  for (const q of declaration.quantities) {
    if (!q.expr || q.formulaLine === "inline" || q.formulaLine === "omit") continue;
    const constants: { key: string; value: string }[] = [];
    const symbols: string[] = [q.symbol];
    const print = (e: Expr, top: boolean): string => {
      if (e instanceof WhenBlank) return print(e.otherwise, top);
      if (e instanceof Round) {
        // a rounding inside a formula is printed as its bracket: Q_BL − (E_PS × 9.484)
        const inner = bare(e.arg);
        const text = print(inner, true);
        return !top && inner instanceof Binary ? `(${text})` : text;
      }
      if (e instanceof Ref) {
        const used = byKey.get(e.key);
        if (used?.formulaLine === "inline" && used.expr) {
          const inner = used.expr;
          const text = print(inner, top);
          return !top && bare(inner) instanceof Binary && !(inner instanceof Round) ? `(${text})` : text;
        }
        const symbol = used?.symbol ?? e.key;
        if (!symbols.includes(symbol)) symbols.push(symbol);
        return symbol;
      }
      if (e instanceof Param) {
        const spec = REFERENCE_PARAMETERS.find((p) => p.key === e.key);
        const value = spec?.value ?? e.key;
        constants.push({ key: e.key, value });
        return spec ? `${value} [${spec.unit}]` : value;
      }
      if (e instanceof Const) return e.value.toString();
      if (e instanceof SumOf) return `Σ ${byKey.get(e.key)?.symbol ?? e.key}`;
      if (e instanceof Call) return `${e.name}(${e.args.map((a) => print(a, true)).join(", ")})`;
      if (e instanceof Binary) {
        const p = PRECEDENCE[e.op];
        const left = print(e.left, false);
        const right = print(e.right, false);
        const rp = precedenceOf(bare(e.right));
        const lp = precedenceOf(bare(e.left));
        const l = lp < p && !(e.left instanceof Round) ? `(${left})` : left;
        const tight = !(e.right instanceof Round) && (rp < p || (rp === p && (e.op === "-" || e.op === "/")));
        return `${l} ${SHOWN[e.op]} ${tight ? `(${right})` : right}`;
      }
      return "";
    };
    const text = print(q.expr, true);
    lines.push({ quantity: q, text: `${q.symbol} = ${text}`, constants, symbols });
  }
  return lines;
}

/** Every symbol the 1.4 formulas use, in order of first use: what 1.4's 記号 table must define. */
export function formulaSymbols(declaration: MethodologyDeclaration): string[] {
  const out: string[] = [];
  for (const line of formulaLines(declaration))
    for (const s of line.symbols) if (!out.includes(s)) out.push(s);
  return out;
}
