// The cell wrappers: a declared quantity, or a steam property of IF97, as the function a cell calls.
import type { Message } from "../../src/types";
import { Decimal, spreadsheetNumber } from "../../src/numbers";
import { evaluateDeclared, readQuantity } from "../../src/methodology";
import type { QuantitySpec } from "../../src/formula";
import { parsePressureUnit, toAbsoluteMPa } from "../../src/steam/units";
import { STANDARD_ATMOSPHERE_MPA } from "../../src/methodology/steamProcedure";
import { P, isBlank, m, numberOf, textOf } from "./arguments";
import type { FunctionDeclaration, ParameterDeclaration } from "./types";

// ---- functions of a declared quantity ----------------------------------------------------------------------

export type Binding =
  { name: string; key: string; optional?: boolean } | { name: string; param: string; optional?: boolean };

function describe(q: QuantitySpec, lang: "ja" | "en"): string {
  const ratio = q.domain === "ratio";
  const forms = lang === "ja" ? '0.9994、99.94、"99.94%" のいずれも可' : 'typed 0.9994, 99.94 or "99.94%"';
  return `${q.label[lang]} ${q.symbol} [${q.unit}]${ratio ? (lang === "ja" ? `: ${forms}` : `, ${forms}`) : ""}`;
}

/**
 * A custom function that evaluates one declared quantity: its arguments are the quantities (and parameters) it is
 * given, read by the one coercion layer, and the formula is the declaration's, so Excel, gec eval and the checks agree.
 */
export function quantityFunction(
  id: string,
  quantities: readonly QuantitySpec[],
  key: string,
  bindings: Binding[],
  text: { description: Message; result: Message; params?: Record<string, Message> },
): FunctionDeclaration {
  const specOf = (k: string) => {
    const q = quantities.find((x) => x.key === k);
    if (!q) throw new Error(`${id}: quantity "${k}" is not declared`);
    return q;
  };
  const parameters = bindings.map((b) => {
    const described: Message =
      text.params?.[b.name] ??
      ("key" in b
        ? { ja: describe(specOf(b.key), "ja"), en: describe(specOf(b.key), "en") }
        : { ja: b.param, en: b.param });
    const p: ParameterDeclaration = { name: b.name, description: described };
    if (b.optional) p.optional = true;
    return p;
  });
  return {
    id,
    group: "methodology",
    description: text.description,
    result: text.result,
    parameters,
    cell: (...args: unknown[]) => {
      const given: Record<string, unknown> = {};
      const params: Record<string, string | number | Decimal | null> = {};
      bindings.forEach((b, i) => {
        const raw = args[i];
        if ("key" in b) given[b.key] = raw ?? null;
        else if (!isBlank(raw)) {
          params[b.param] = readQuantity(raw, {
            symbol: b.name,
            label: text.params?.[b.name] ?? { ja: b.name, en: b.name },
            domain: "positive",
          });
        }
      });
      return evaluateDeclared(quantities, given, key, params).toNumber();
    },
  };
}

// ---- functions of a steam property ----------------------------------------------------------------------

/** The optional last argument of every function that takes a pressure: its unit, so gauge-vs-absolute is said. */
const UNIT_PARAMETER: ParameterDeclaration = {
  name: "unit",
  optional: true,
  description: m(
    '圧力の単位: "MPa"（絶対圧、省略時）、"MPaG"（ゲージ圧）、"kPa"、"bar"、"barG"',
    'Pressure unit: "MPa" (absolute, the default), "MPaG" (gauge), "kPa", "bar", "barG".',
  ),
};

export function steamFunction(
  id: string,
  args: { name: string; spec: typeof P; description: Message }[],
  property: ((a: number) => number) | ((a: number, b: number) => number),
  description: Message,
  result: Message,
): FunctionDeclaration {
  // a function of pressure takes its unit last (appended: Excel caches metadata, parameters are only ever added)
  const takesPressure = args.some((a) => a.spec === P);
  const decimalCell = (...raw: unknown[]): number => {
    const unit = takesPressure ? raw[args.length] : null;
    const unitText = isBlank(unit) ? null : textOf(unit, { ja: "圧力の単位", en: "Pressure unit" }, "unit");
    const values = args.map((a, i) =>
      a.spec === P
        ? toAbsoluteMPa(
            readQuantity(raw[i], { ...a.spec, domain: "signed" }),
            parsePressureUnit(unitText),
            STANDARD_ATMOSPHERE_MPA,
          ).toNumber()
        : numberOf(raw[i], { ...a.spec, domain: "signed" }),
    );
    // exactly the declared arguments: the steam functions take options after them that a cell never passes
    return values.length === 1
      ? (property as (a: number) => number)(values[0])
      : property(values[0], values[1]);
  };
  return {
    id,
    group: "steam",
    description,
    result,
    parameters: [
      ...args.map((a) => ({ name: a.name, description: a.description })),
      ...(takesPressure ? [UNIT_PARAMETER] : []),
    ],
    cell: plainNumberCell(args.length, takesPressure, property, decimalCell),
    decimalCell,
  };
}

/**
 * The cell Excel calls: plain numbers and no unit go to the kernel as the Decimal path would give them (15
 * significant digits, spreadsheetNumber) without a Decimal; anything else goes the Decimal path. One closure per
 * shape (one or two quantities, with or without a unit), each written out, so that V8 inlines spreadsheetNumber into
 * it (bench/functions.js: a helper between them cost a third of the wrapper).
 */
function plainNumberCell(
  quantities: number,
  takesPressure: boolean,
  property: ((a: number) => number) | ((a: number, b: number) => number),
  decimalCell: (...raw: unknown[]) => number,
): (...raw: unknown[]) => number {
  if (quantities === 1) {
    const one = property as (a: number) => number;
    return takesPressure
      ? (x: unknown, unit: unknown) => {
          const a = typeof x === "number" && isBlank(unit) ? spreadsheetNumber(x) : undefined;
          return a !== undefined ? one(a) : decimalCell(x, unit);
        }
      : (x: unknown) => {
          const a = typeof x === "number" ? spreadsheetNumber(x) : undefined;
          return a !== undefined ? one(a) : decimalCell(x);
        };
  }
  const two = property as (a: number, b: number) => number;
  return takesPressure
    ? (x: unknown, y: unknown, unit: unknown) => {
        if (typeof x === "number" && typeof y === "number" && isBlank(unit)) {
          const a = spreadsheetNumber(x);
          const b = spreadsheetNumber(y);
          if (a !== undefined && b !== undefined) return two(a, b);
        }
        return decimalCell(x, y, unit);
      }
    : (x: unknown, y: unknown) => {
        if (typeof x === "number" && typeof y === "number") {
          const a = spreadsheetNumber(x);
          const b = spreadsheetNumber(y);
          if (a !== undefined && b !== undefined) return two(a, b);
        }
        return decimalCell(x, y);
      };
}
