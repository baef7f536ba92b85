// A strict XML 1.0 tokenizer for the parts of an .xlsx: the events and the well-formedness checks of saxes (which the
// tests hold it to), found with the host's native string search and regular expressions instead of a character loop.
//
// Why not saxes: a small workbook's ~50 KB of XML took saxes's per-character state machine, still interpreted when
// `gec check` starts, about a tenth of the start (bench/startup.js). Here every search is native code.
//
// Differences from saxes, on purpose: an XML 1.1 declaration is refused (no spreadsheet writer makes one, and its
// other character rules would need a second scanner); a PI's body is not checked beyond where it ends.

/**
 * What the scanner tells its user: element names as written (with any prefix), attributes and text decoded, and
 * whether an element is empty (`<a/>`: open then close). Where the tag lies: `markupStart` and `markupEnd` during
 * `open` and `close`.
 */
export interface XmlEvents {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  text(text: string): void;
  close(name: string, selfClosing: boolean): void;
}

/** Why a part is refused: a DOCTYPE (entity expansion is never wanted) or any other well-formedness error. */
export type XmlFault = "doctype" | "syntax";

export class XmlScanError extends Error {
  constructor(readonly fault: XmlFault) {
    super(fault === "doctype" ? "a DOCTYPE is not allowed" : "not well-formed XML");
  }
}

// XML 1.0 (5th edition) names: NameStartChar and NameChar.
const NAME_START =
  ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D" +
  "\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}";
const NAME = `[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`;
const S = "[ \\t\\r\\n]";
const QUOTED = `(?:"[^<"]*"|'[^<']*')`;
/**
 * The scanner's patterns for one kind of name. SpreadsheetML's names are ASCII: their patterns need no Unicode mode,
 * which V8 compiles several times faster (a tenth of a small `gec check`'s XML time); any other name is read by the
 * full XML patterns, built the first time one is met.
 */
interface TagPatterns {
  /** A whole start tag: its name, its attributes (each after white space), and the slash of an empty element. */
  startTag: RegExp;
  attribute: RegExp;
  endTag: RegExp;
}

function tagPatterns(name: string, flags: string): TagPatterns {
  return {
    startTag: new RegExp(`<(${name})((?:${S}+${name}${S}*=${S}*${QUOTED})*)${S}*(/?)>`, flags + "y"),
    attribute: new RegExp(`${S}+(${name})${S}*=${S}*(?:"([^<"]*)"|'([^<']*)')`, flags + "y"),
    endTag: new RegExp(`</(${name})${S}*>`, flags + "y"),
  };
}

const ASCII = tagPatterns("[A-Za-z_:][A-Za-z0-9_:.\\-]*", "");
let unicode: TagPatterns | null = null;
/* eslint-disable no-misleading-character-class -- XML's NameChar holds combining marks and ZWNJ/ZWJ on purpose */
const anyName = (): TagPatterns => (unicode ??= tagPatterns(NAME, "u"));
/** A PI's target: a name, then white space, "?" or the end. */
const PI_TARGET = new RegExp(`^(${NAME})(?:[ \\t\\r\\n?]|$)`, "u");
/* eslint-enable no-misleading-character-class */
const XML_DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(["'])(1\\.[0-9]+)\\1` +
    `(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][A-Za-z0-9._-]*\\3)?` +
    `(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\4)?${S}*\\?>$`,
);
/** Characters XML 1.0 does not allow anywhere (a decoded UTF-8 string holds no lone surrogate). */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const WHITE = /^[ \t\r\n]*$/;
/** The markup that starts with "<!" or "<?", whose start may be cut by a chunk's end. */
const OPENERS = ["<!--", "<![CDATA[", "<!DOCTYPE", "<?"];

function fail(fault: XmlFault = "syntax"): never {
  throw new XmlScanError(fault);
}

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** XML 1.0's Char production. */
const isChar = (c: number): boolean =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

/** One reference's text, from its name between "&" and ";". */
function reference(name: string): string {
  switch (name) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  let code = NaN;
  if (/^#x[0-9a-fA-F]+$/.test(name)) code = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
  return isChar(code) ? String.fromCodePoint(code) : fail();
}

/** Text with its references replaced; every "&" must start a defined one. */
function decodeReferences(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let at = 0;
  for (; amp >= 0; amp = s.indexOf("&", at)) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) fail();
    out += s.slice(at, amp) + reference(s.slice(amp + 1, semi));
    at = semi + 1;
  }
  return out + s.slice(at);
}

/** Line ends as XML reads them: CR LF and a lone CR are LF. */
const newlines = (s: string): string => (s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s);

/** An attribute value as XML reads it: each line end or tab a space, then references replaced. */
function attributeValue(v: string): string {
  if (v.indexOf("\n") >= 0 || v.indexOf("\r") >= 0 || v.indexOf("\t") >= 0)
    v = v.replace(/\r\n|[\r\n\t]/g, " ");
  return decodeReferences(v);
}

/** Where a start tag that did not match ends ("<" at `at`), quotes skipped; -1 when the chunk ends first. */
function tagEnd(buf: string, at: number): number {
  const stop = /[>"']/g;
  stop.lastIndex = at + 1;
  for (let m = stop.exec(buf); m !== null; m = stop.exec(buf)) {
    if (m[0] === ">") return m.index;
    const close = buf.indexOf(m[0], m.index + 1);
    if (close < 0) return -1;
    stop.lastIndex = close + 1;
  }
  return -1;
}

/**
 * Fed text in chunks (as decoded), it tells `events` each element, text run and end; `close()` when the input ends.
 * Text is told whole, when the markup after it is reached; a CDATA section is told as a text of its own.
 */
export class XmlScanner {
  /** Input not yet understood: an unfinished construct, or text whose end has not come. */
  private carry = "";
  private readonly openNames: string[] = [];
  private rootSeen = false;
  private rootEnded = false;
  private started = false;
  /** Some markup has been read: white space outside the root is told from then on (not before the first markup). */
  private markupSeen = false;
  /** Where `carry` starts in the whole input (UTF-16 code units). */
  private base = 0;
  /** The tag being told, in the whole input: its "<" and the index after its ">" (the writer splices there). */
  markupStart = 0;
  markupEnd = 0;

  constructor(private readonly events: XmlEvents) {}

  write(chunk: string): void {
    if (DISALLOWED.test(chunk)) fail();
    this.scan(this.carry + chunk, false);
  }

  close(): void {
    this.scan(this.carry, true);
    if (!this.rootSeen || this.openNames.length > 0) fail();
  }

  private scan(buf: string, final: boolean): void {
    let i = 0;
    const n = buf.length;
    if (!this.started && n > 0) {
      // "<?xml" and white space: the declaration, only at the very start ("<?xml-stylesheet" is a PI)
      if (!final && n < 6 && "<?xml".startsWith(buf.slice(0, 5))) {
        this.carry = buf;
        return;
      }
      if (/^<\?xml[ \t\r\n]/.test(buf)) {
        const decl = this.declaration(buf, final);
        if (decl < 0) {
          this.carry = buf;
          return;
        }
        i = decl;
        this.markupSeen = true;
      }
      this.started = true;
    }
    while (i < n) {
      const lt = buf.indexOf("<", i);
      if (lt !== i) {
        if (lt < 0 && !final) break; // the text goes on in the next chunk
        const end = lt < 0 ? n : lt;
        this.textRun(buf.slice(i, end));
        i = end;
        if (lt < 0) break;
      }
      const next = this.markup(buf, i, final);
      if (next < 0) break;
      i = next;
      this.markupSeen = true;
    }
    this.carry = i === 0 ? buf : buf.slice(i);
    this.base += i;
    if (final && this.carry !== "") fail();
  }

  /** The XML declaration at the very start: where it ends, or -1 when more input is needed. */
  private declaration(buf: string, final: boolean): number {
    const end = buf.indexOf("?>");
    if (end < 0) return final ? fail() : -1;
    const m = XML_DECLARATION.exec(buf.slice(0, end + 2));
    if (m === null || m[2] !== "1.0") fail();
    return end + 2;
  }

  private textRun(t: string): void {
    if (this.openNames.length === 0) {
      if (!WHITE.test(t)) fail();
      if (this.markupSeen) this.events.text(newlines(t));
      return;
    }
    if (t.includes("]]>")) fail();
    this.events.text(decodeReferences(newlines(t)));
  }

  /** The construct at `i` ("<"): where it ends, or -1 when the chunk ends inside it. */
  private markup(buf: string, i: number, final: boolean): number {
    const second = buf.charCodeAt(i + 1);
    if (second === 0x2f /* / */) return this.endTag(buf, i, final);
    if (second === 0x21 /* ! */ || second === 0x3f /* ? */ || i + 1 >= buf.length) {
      const rest = buf.slice(i, i + 9);
      if (!final && rest.length < 9 && OPENERS.some((o) => o.startsWith(rest) && o !== rest)) return -1;
      if (buf.startsWith("<!--", i)) return this.comment(buf, i, final);
      if (buf.startsWith("<![CDATA[", i)) return this.cdata(buf, i, final);
      if (buf.startsWith("<!DOCTYPE", i)) fail("doctype");
      if (second === 0x3f) return this.processingInstruction(buf, i, final);
      if (i + 1 >= buf.length && !final) return -1;
      fail();
    }
    return this.startTag(buf, i, final);
  }

  private startTag(buf: string, i: number, final: boolean): number {
    let patterns = ASCII;
    patterns.startTag.lastIndex = i;
    let m = patterns.startTag.exec(buf);
    if (m === null) {
      patterns = anyName();
      patterns.startTag.lastIndex = i;
      m = patterns.startTag.exec(buf);
    }
    if (m === null) {
      if (tagEnd(buf, i) < 0 && !final) return -1;
      fail();
    }
    if (this.rootEnded) fail(); // a second root
    const name = m[1];
    // a plain object, which V8 keeps in its fast form (a null-prototype one is a dictionary, ~2× slower to fill)
    const attributes: Record<string, string> = {};
    const list = m[2];
    if (list !== "") {
      const attribute = patterns.attribute;
      attribute.lastIndex = 0;
      for (let a = attribute.exec(list); a !== null; a = attribute.exec(list)) {
        const key = a[1];
        if (hasOwn(attributes, key)) fail(); // a duplicate attribute
        const value = attributeValue(a[2] ?? a[3]);
        // "__proto__" as a key would set the prototype: defined as an own property, as any other name is
        if (key === "__proto__")
          Object.defineProperty(attributes, key, { value, enumerable: true, writable: true });
        else attributes[key] = value;
      }
    }
    this.rootSeen = true;
    const selfClosing = m[3] === "/";
    this.markupStart = this.base + i;
    this.markupEnd = this.base + patterns.startTag.lastIndex;
    this.events.open(name, attributes, selfClosing);
    if (selfClosing) this.ended(name, true);
    else this.openNames.push(name);
    return patterns.startTag.lastIndex;
  }

  private endTag(buf: string, i: number, final: boolean): number {
    let pattern = ASCII.endTag;
    pattern.lastIndex = i;
    let m = pattern.exec(buf);
    if (m === null) {
      pattern = anyName().endTag;
      pattern.lastIndex = i;
      m = pattern.exec(buf);
    }
    if (m === null) {
      if (buf.indexOf(">", i) < 0 && !final) return -1;
      fail();
    }
    if (this.openNames.pop() !== m[1]) fail();
    this.markupStart = this.base + i;
    this.markupEnd = this.base + pattern.lastIndex;
    this.ended(m[1], false);
    return pattern.lastIndex;
  }

  private ended(name: string, selfClosing: boolean): void {
    this.events.close(name, selfClosing);
    if (this.openNames.length === 0) this.rootEnded = true;
  }

  private comment(buf: string, i: number, final: boolean): number {
    const end = buf.indexOf("-->", i + 4);
    if (end < 0) return final ? fail() : -1;
    const body = buf.slice(i + 4, end);
    if (body.includes("--") || body.endsWith("-")) fail();
    return end + 3;
  }

  private cdata(buf: string, i: number, final: boolean): number {
    if (this.openNames.length === 0) fail();
    const end = buf.indexOf("]]>", i + 9);
    if (end < 0) return final ? fail() : -1;
    this.events.text(newlines(buf.slice(i + 9, end)));
    return end + 3;
  }

  private processingInstruction(buf: string, i: number, final: boolean): number {
    const end = buf.indexOf("?>", i + 2);
    if (end < 0) return final ? fail() : -1;
    const m = PI_TARGET.exec(buf.slice(i + 2, end));
    if (m === null || m[1].toLowerCase() === "xml") fail();
    return end + 2;
  }
}
