// The writer's styles.xml patcher: a cellXfs entry (and numFmt) per new number format, styles.xml untouched otherwise.
import { XlsxError } from "./errors";
import { escapeText } from "./xmlText";
import { BUILTIN_FORMATS } from "./read";
import { splice } from "./patchEdit";
import type { Edit } from "./patchEdit";

const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

function decodeAttr(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] ?? "";
  });
}

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], decodeAttr(m[2] ?? m[3] ?? ""));
  return out;
}

/**
 * Adds cellXfs (and numFmts) entries on demand; leaves styles.xml untouched when never asked. styles.xml is
 * parsed once and the new entries are appended when the result is asked for (linear in the number of styles).
 */
export class StylePatcher {
  private readonly xml: string;
  private readonly cache = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly addedFormats: string[] = [];
  private readonly addedXfs: string[] = [];
  private xfBlock: {
    start: number;
    end: number;
    prefix: string;
    attrs: string;
    inner: string;
    xfs: string[];
  } | null = null;
  changed = false;

  constructor(xml: string) {
    this.xml = xml;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*?)\/?>/g)) {
      const a = attrs(m[1]);
      const id = parseInt(a.get("numFmtId") ?? "", 10);
      if (Number.isInteger(id)) {
        this.formats.set(a.get("formatCode") ?? "", id);
        this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      }
    }
  }

  private formatId(code: string): number {
    if (code === "General") return 0;
    for (const [id, f] of Object.entries(BUILTIN_FORMATS)) if (f === code) return Number(id);
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.addedFormats.push(`numFmtId="${id}" formatCode="${escapeAttr(code)}"`);
    this.formats.set(code, id);
    return id;
  }

  private cellXfs() {
    if (this.xfBlock) return this.xfBlock;
    const block = /<((?:[\w.-]+:)?)cellXfs\b([^>]*)>([\s\S]*?)<\/\1cellXfs>/.exec(this.xml);
    if (!block) throw noStyles();
    const p = block[1];
    const xfs = [...block[3].matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, "g"))].map(
      (m) => m[0],
    );
    this.xfBlock = {
      start: block.index,
      end: block.index + block[0].length,
      prefix: p,
      attrs: block[2],
      inner: block[3],
      xfs,
    };
    return this.xfBlock;
  }

  /** The index of an xf like `base` but with the format `code`. */
  indexFor(base: number, code: string): number {
    const key = `${base}\u0000${code}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const formatId = this.formatId(code);
    const { prefix: p, xfs } = this.cellXfs();
    const source =
      xfs[base] ?? xfs[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*?(\/?)>/.exec(source)?.[0] ?? "";
    let tag = open.replace(/\s+numFmtId\s*=\s*"[^"]*"/, "").replace(/\s+applyNumberFormat\s*=\s*"[^"]*"/, "");
    tag = tag.replace(new RegExp(`^<${p}xf`), `<${p}xf numFmtId="${formatId}" applyNumberFormat="1"`);
    const index = xfs.length + this.addedXfs.length;
    this.addedXfs.push(tag + source.slice(open.length));
    this.cache.set(key, index);
    this.changed = true;
    return index;
  }

  result(): string {
    if (!this.changed) return this.xml;
    const edits: Edit[] = [];
    if (this.addedFormats.length > 0) {
      const block = /<((?:[\w.-]+:)?)numFmts\b([^>]*?)(\/?)>/.exec(this.xml);
      if (block) {
        const p = block[1];
        const entries = this.addedFormats.map((e) => `<${p}numFmt ${e}/>`).join("");
        let existing = 0;
        if (block[3] !== "/") {
          const close = this.xml.indexOf(`</${p}numFmts>`, block.index);
          const inner = this.xml.slice(block.index + block[0].length, close < 0 ? block.index : close);
          existing = [...inner.matchAll(new RegExp(`<${p}numFmt\\b`, "g"))].length;
        }
        const count = existing + this.addedFormats.length;
        const open = `<${p}numFmts${block[2].replace(/\s*count\s*=\s*"[^"]*"/, "")} count="${count}">`;
        const text = block[3] === "/" ? `${open}${entries}</${p}numFmts>` : `${open}${entries}`;
        edits.push({ start: block.index, end: block.index + block[0].length, text });
      } else {
        const root = /<((?:[\w.-]+:)?)styleSheet\b[^>]*>/.exec(this.xml);
        if (!root) throw noStyles();
        const p = root[1];
        const at = root.index + root[0].length;
        const entries = this.addedFormats.map((e) => `<${p}numFmt ${e}/>`).join("");
        edits.push({
          start: at,
          end: at,
          text: `<${p}numFmts count="${this.addedFormats.length}">${entries}</${p}numFmts>`,
        });
      }
    }
    const x = this.cellXfs();
    const p = x.prefix;
    const head = `<${p}cellXfs${x.attrs.replace(/\s*count\s*=\s*"[^"]*"/, "")} count="${x.xfs.length + this.addedXfs.length}">`;
    edits.push({
      start: x.start,
      end: x.end,
      text: `${head}${x.inner}${this.addedXfs.join("")}</${p}cellXfs>`,
    });
    return splice(this.xml, edits);
  }
}

export function noStyles(): XlsxError {
  return new XlsxError("xlsx.corrupt", {
    ja: "ブックに書式の定義（xl/styles.xml）がないため、表示形式を書き込めません。Excel で保存し直してください。",
    en: "The workbook has no style part (xl/styles.xml), so a number format cannot be written. Re-save it in Excel.",
  });
}
