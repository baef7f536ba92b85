// Exact decimal arithmetic on scaled BigInt: the scheme truncates at decimal places, binary floats cannot.

export type RoundingMode = "down" | "up" | "halfUp";

const TEN = BigInt(10);
const ZERO = BigInt(0);
const ONE = BigInt(1);

/** 10^0 … 10^40, the powers a 様式3-2 needs, made once: BigInt exponentiation on every operation shows in profiles. */
const POWERS: bigint[] = Array.from({ length: 41 }, (_, i) => TEN ** BigInt(i));

function pow10(n: number): bigint {
  return POWERS[n] ?? TEN ** BigInt(n);
}

/** Integer division of a by b (b > 0) rounded by `mode` (down = toward zero, up = away from zero, as Excel). */
function divRound(a: bigint, b: bigint, mode: RoundingMode): bigint {
  const negative = a < ZERO !== b < ZERO;
  const absA = a < ZERO ? -a : a;
  const absB = b < ZERO ? -b : b;
  let q = absA / absB;
  const r = absA % absB;
  if (r !== ZERO) {
    if (mode === "up") q += ONE;
    else if (mode === "halfUp" && r * BigInt(2) >= absB) q += ONE;
  }
  return negative ? -q : q;
}

/** A decimal number mantissa × 10^-scale, exact. */
export class Decimal {
  private constructor(
    readonly mantissa: bigint,
    readonly scale: number,
  ) {}

  /** Reads a number as the decimal it prints as (its shortest round-trip form), so 0.92022 is exactly 0.92022. */
  static from(x: number | string | bigint | Decimal): Decimal {
    if (x instanceof Decimal) return x;
    if (typeof x === "bigint") return new Decimal(x, 0);
    if (typeof x === "number") {
      if (Number.isSafeInteger(x)) return new Decimal(BigInt(x), 0);
      if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
      return Decimal.parse(String(x));
    }
    return Decimal.parse(x);
  }

  /** Parses plain decimal text: optional sign, digits, optional fraction and exponent ("-1.25e-3"). */
  static parse(text: string): Decimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) {
      throw new SyntaxError(`not a decimal number: ${text}`);
    }
    const fraction = m[3] ?? "";
    let mantissa = BigInt((m[2] || "0") + fraction);
    let scale = fraction.length - Number(m[4] ?? 0);
    if (scale < 0) {
      mantissa *= pow10(-scale);
      scale = 0;
    }
    return new Decimal(m[1] === "-" ? -mantissa : mantissa, scale).normalized();
  }

  static readonly zero = new Decimal(ZERO, 0);

  private normalized(): Decimal {
    let { mantissa, scale } = this;
    while (scale > 0 && mantissa % TEN === ZERO) {
      mantissa /= TEN;
      scale--;
    }
    // compare the scale, not the mantissa: zero stays 0n while its scale drops ("0.0000" → "0")
    return scale === this.scale ? this : new Decimal(mantissa, scale);
  }

  private withScale(scale: number): bigint {
    return scale === this.scale ? this.mantissa : this.mantissa * pow10(scale - this.scale);
  }

  add(other: Decimal | number | string): Decimal {
    const o = Decimal.from(other);
    const scale = Math.max(this.scale, o.scale);
    return new Decimal(this.withScale(scale) + o.withScale(scale), scale).normalized();
  }

  sub(other: Decimal | number | string): Decimal {
    const o = Decimal.from(other);
    const scale = Math.max(this.scale, o.scale);
    return new Decimal(this.withScale(scale) - o.withScale(scale), scale).normalized();
  }

  mul(other: Decimal | number | string): Decimal {
    const o = Decimal.from(other);
    return new Decimal(this.mantissa * o.mantissa, this.scale + o.scale).normalized();
  }

  /** this ÷ other to `places` decimals, rounded by `mode`. Division by zero throws RangeError. */
  div(other: Decimal | number | string, places: number, mode: RoundingMode): Decimal {
    const o = Decimal.from(other);
    if (o.mantissa === ZERO) throw new RangeError("division by zero");
    // (a·10^-sa) / (b·10^-sb) = (a / b)·10^(sb-sa); scale to `places`.
    const shift = places - this.scale + o.scale;
    const numerator = shift >= 0 ? this.mantissa * pow10(shift) : this.mantissa;
    const denominator = shift >= 0 ? o.mantissa : o.mantissa * pow10(-shift);
    return new Decimal(divRound(numerator, denominator, mode), places).normalized();
  }

  /** Rounds to `places` decimals (negative places round to tens, hundreds…). */
  round(places: number, mode: RoundingMode): Decimal {
    if (places >= this.scale) return this;
    const q = divRound(this.mantissa, pow10(this.scale - places), mode);
    return places >= 0 ? new Decimal(q, places).normalized() : new Decimal(q * pow10(-places), 0);
  }

  /** Excel ROUNDDOWN: toward zero. */
  roundDown(places: number): Decimal {
    return this.round(places, "down");
  }

  /** Excel ROUNDUP: away from zero. */
  roundUp(places: number): Decimal {
    return this.round(places, "up");
  }

  /** Excel ROUND: half away from zero. */
  roundHalfUp(places: number): Decimal {
    return this.round(places, "halfUp");
  }

  cmp(other: Decimal | number | string): number {
    const o = Decimal.from(other);
    if (o.scale === this.scale) return this.mantissa < o.mantissa ? -1 : this.mantissa > o.mantissa ? 1 : 0;
    const scale = Math.max(this.scale, o.scale);
    const a = this.withScale(scale);
    const b = o.withScale(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(other: Decimal | number | string): boolean {
    return this.cmp(other) === 0;
  }

  isZero(): boolean {
    return this.mantissa === ZERO;
  }

  isNegative(): boolean {
    return this.mantissa < ZERO;
  }

  toString(): string {
    const negative = this.mantissa < ZERO;
    const digits = (negative ? -this.mantissa : this.mantissa).toString();
    if (this.scale === 0) return (negative ? "-" : "") + digits;
    const padded = digits.padStart(this.scale + 1, "0");
    const text = `${padded.slice(0, padded.length - this.scale)}.${padded.slice(padded.length - this.scale)}`;
    return (negative ? "-" : "") + text;
  }

  /** Fixed decimals, truncating nothing: pads with zeros, or rounds half up when there are more digits. */
  toFixed(places: number): string {
    const r = this.roundHalfUp(places);
    const text = r.toString();
    if (places === 0) return text;
    const dot = text.indexOf(".");
    const decimals = dot < 0 ? 0 : text.length - dot - 1;
    return (dot < 0 ? text + "." : text) + "0".repeat(places - decimals);
  }

  /** The nearest double: exact for every value with at most 15 significant digits. */
  toNumber(): number {
    return Number(this.toString());
  }
}
