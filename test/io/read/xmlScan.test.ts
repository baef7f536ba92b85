// The reader's XML scanner against saxes, the parser it replaced: the same events on every part of the fixture
// workbooks, on any split into chunks, on hand-made edge cases, and the same refusals on mutated parts.
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { XmlScanError, XmlScanner } from "../../../io/read/xmlScan";
import { richWorkbook } from "../richWorkbook";
import { mulberry32 as random } from "../../fixtures/generated";

type Outcome = { events: string[] } | { refused: true };

/** saxes as io/read/xml.ts configured it: opentag, text, cdata and closetag; any error or a DOCTYPE refuses. */
function bySaxes(chunks: string[]): Outcome {
  const events: string[] = [];
  const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  let refused = false;
  parser.on("error", () => {
    refused = true;
    throw new Error("refused");
  });
  parser.on("doctype", () => {
    refused = true;
    throw new Error("refused");
  });
  parser.on("opentag", (t) => events.push(`open ${t.name} ${JSON.stringify(Object.entries(t.attributes))}`));
  parser.on("text", (t) => events.push(`text ${JSON.stringify(t)}`));
  parser.on("cdata", (t) => events.push(`text ${JSON.stringify(t)}`));
  parser.on("closetag", (t) => events.push(`close ${t.name}`));
  try {
    for (const c of chunks) parser.write(c);
    parser.close();
  } catch (e) {
    if (refused) return { refused: true };
    throw e;
  }
  return { events };
}

function byScanner(chunks: string[]): Outcome {
  const events: string[] = [];
  const scanner = new XmlScanner({
    open: (name, attributes) => events.push(`open ${name} ${JSON.stringify(Object.entries(attributes))}`),
    text: (t) => events.push(`text ${JSON.stringify(t)}`),
    close: (name) => events.push(`close ${name}`),
  });
  try {
    for (const c of chunks) scanner.write(c);
    scanner.close();
  } catch (e) {
    if (e instanceof XmlScanError) return { refused: true };
    throw e;
  }
  return { events };
}

const decode = (bytes: Uint8Array): string => new TextDecoder("utf-8").decode(bytes);

let parts: { name: string; xml: string }[] = [];

beforeAll(async () => {
  const dir = path.join(__dirname, "..", "..", "fixtures", "xlsx");
  const workbooks: [string, Uint8Array][] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => [f, new Uint8Array(fs.readFileSync(path.join(dir, f)))]);
  workbooks.push(["richWorkbook (ExcelJS)", await richWorkbook()]);
  parts = workbooks.flatMap(([file, bytes]) =>
    Object.entries(unzipSync(bytes))
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, data]) => ({ name: `${file}:${name}`, xml: decode(data) })),
  );
});

describe("XmlScanner against saxes", () => {
  it("gives the same events on every part of the fixture workbooks", () => {
    expect(parts.length).toBeGreaterThan(40);
    for (const p of parts) {
      const expected = bySaxes([p.xml]);
      expect("events" in expected).toBe(true); // the fixtures are well-formed
      expect({ part: p.name, ...byScanner([p.xml]) }).toEqual({ part: p.name, ...expected });
    }
  });

  it("gives the same events whatever the chunks (text, tags, references and line ends cut anywhere)", () => {
    const next = random(20261208);
    for (const p of parts) {
      const whole = bySaxes([p.xml]);
      for (let k = 0; k < 4; k++) {
        const cuts = [0, ...Array.from({ length: 1 + k * 3 }, () => Math.floor(next() * p.xml.length))]
          .sort((a, b) => a - b)
          .concat(p.xml.length);
        const chunks = cuts.slice(1).map((end, i) => p.xml.slice(cuts[i], end));
        expect({ part: p.name, cuts, ...byScanner(chunks) }).toEqual({ part: p.name, cuts, ...whole });
      }
    }
    // every cut of a part that holds references, CDATA, comments and CR LF
    const tricky =
      '<?xml version="1.0"?>\r\n<a x="1&amp;2\r\n3">t&#x41;&lt;<![CDATA[c]]><!-- c -->u\r\nv</a>\r\n';
    for (let at = 0; at <= tricky.length; at++) {
      expect(byScanner([tricky.slice(0, at), tricky.slice(at)])).toEqual(bySaxes([tricky]));
    }
  });

  it("places each tag it tells in the text: its '<' and the index after its '>', whatever the chunks", () => {
    const next = random(11);
    let tags = 0;
    for (const p of parts) {
      const spans = (chunks: string[]): string[] => {
        const out: string[] = [];
        const scanner: XmlScanner = new XmlScanner({
          open: (name, _attributes, selfClosing) => {
            const tag = p.xml.slice(scanner.markupStart, scanner.markupEnd);
            expect(tag.startsWith(`<${name}`)).toBe(true);
            expect(tag.endsWith(selfClosing ? "/>" : ">")).toBe(true);
            out.push(`${scanner.markupStart}-${scanner.markupEnd}`);
          },
          text: () => undefined,
          close: (name, selfClosing) => {
            const tag = p.xml.slice(scanner.markupStart, scanner.markupEnd);
            if (!selfClosing)
              expect(tag).toMatch(new RegExp(`^</${name.replace(".", "\\.")}[ \\t\\r\\n]*>$`));
            out.push(`${scanner.markupStart}-${scanner.markupEnd}`);
          },
        });
        for (const c of chunks) scanner.write(c);
        scanner.close();
        return out;
      };
      const whole = spans([p.xml]);
      const cut = Math.floor(next() * p.xml.length);
      expect(spans([p.xml.slice(0, cut), p.xml.slice(cut)])).toEqual(whole);
      tags += whole.length;
    }
    expect(tags).toBeGreaterThan(10000);
  });

  const wellFormed: [string, string][] = [
    [
      "references in text and attributes",
      `<a b="&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&#x1F600;">&#9;&#10;&#13;x</a>`,
    ],
    ["line ends and tabs in attributes", `<a b="1\r\n2\r3\n4\t5" c='6'/>`],
    ["line ends in text", `<a>1\r\n2\r3\n</a>`],
    ["CDATA, also empty", `<a><![CDATA[<b>&amp;]]><![CDATA[]]></a>`],
    [
      "comments and PIs inside and outside the root",
      `<!-- x --><?pi body?><a><!----><?pi?>t</a><!-- y -->\n`,
    ],
    [
      "the declaration with encoding and standalone",
      `<?xml version='1.0' encoding="UTF-8" standalone='yes' ?><a/>`,
    ],
    ["white space around the root", `\n \t<a/>\r\n `],
    ["prefixed names and xmlns attributes", `<x:a xmlns:x="u" x:b="1"><x:c/></x:a>`],
    ["white space in tags", `<a  b = "1"\n c\t=\t'2' ></a >`],
    ["'>' and ']]>' in an attribute", `<a b="x>y]]>z"/>`],
    ["names with dots, dashes and non-ASCII", `<a.b-c é="1" 名前="2"><_x/></a.b-c>`],
    ["a PI named like the declaration but longer", `<?xml-stylesheet href="x"?><a/>`],
    ["attributes named like Object's own properties", `<a __proto__="1" constructor="2" toString="3"/>`],
  ];
  it.each(wellFormed)("reads %s as saxes does", (_, xml) => {
    const expected = bySaxes([xml]);
    expect("events" in expected).toBe(true);
    expect(byScanner([xml])).toEqual(expected);
  });

  const malformed: [string, string][] = [
    ["a DOCTYPE", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`],
    ["an undefined entity", `<a>&nbsp;</a>`],
    ["an unterminated reference", `<a>x &amp y</a>`],
    ["an empty reference", `<a>&;</a>`],
    ["a reference to a disallowed character", `<a>&#0;</a>`],
    ["a reference past Unicode", `<a>&#x110000;</a>`],
    ["an uppercase X in a hexadecimal reference", `<a>&#X41;</a>`],
    ["a control character", `<a>\u0001</a>`],
    ["U+FFFE", `<a>\ufffe</a>`],
    ["'<' in an attribute", `<a b="<"/>`],
    ["an unquoted attribute", `<a b=1/>`],
    ["an attribute without a value", `<a b/>`],
    ["a duplicate attribute", `<a b="1" b="2"/>`],
    ["a duplicate __proto__ attribute", `<a __proto__="1" __proto__="2"/>`],
    ["no white space between attributes", `<a b="1"c="2"/>`],
    ["a mismatched end tag", `<a><b></a></b>`],
    ["an unclosed element", `<a><b></b>`],
    ["an end tag without a start", `<a></a></b>`],
    ["two roots", `<a/><b/>`],
    ["no root", `<!-- only a comment -->`],
    ["an empty document", ``],
    ["text outside the root", `<a/>x`],
    ["text before the root", `x<a/>`],
    ["']]>' in text", `<a>]]></a>`],
    ["'--' in a comment", `<a><!-- a -- b --></a>`],
    ["a comment ending in '-'", `<a><!-- a ---></a>`],
    ["CDATA outside the root", `<![CDATA[x]]><a/>`],
    ["a declaration not at the start", ` <?xml version="1.0"?><a/>`],
    ["a second declaration", `<?xml version="1.0"?><?xml version="1.0"?><a/>`],
    ["a declaration without a version", `<?xml encoding="UTF-8"?><a/>`],
    ["a bad standalone", `<?xml version="1.0" standalone="maybe"?><a/>`],
    ["a PI without a target", `<a><? x?></a>`],
    ["a PI named xml", `<a><?XML x?></a>`],
    ["a bad name", `<1a/>`],
    ["a space after '<'", `< a/>`],
    ["a space after '</'", `<a></ a>`],
    ["'<!' of nothing known", `<a><!x></a>`],
    ["an unfinished tag", `<a><b`],
    ["an unfinished comment", `<a><!-- x`],
    ["an unfinished CDATA", `<a><![CDATA[x`],
    ["an unfinished PI", `<a><?x`],
  ];
  it.each(malformed)("refuses %s, as saxes does", (_, xml) => {
    expect(bySaxes([xml])).toEqual({ refused: true });
    expect(byScanner([xml])).toEqual({ refused: true });
  });

  it("refuses an XML 1.1 part (saxes would switch rules; no spreadsheet writer makes one)", () => {
    expect(byScanner([`<?xml version="1.1"?><a/>`])).toEqual({ refused: true });
  });

  it("agrees with saxes on 6,000 mutations of real parts: the same events or both refuse", () => {
    const next = random(7);
    const alphabet = [
      "<",
      ">",
      "&",
      ";",
      '"',
      "'",
      "/",
      "=",
      "!",
      "?",
      "-",
      "[",
      "]",
      "x",
      " ",
      "\r",
      "\n",
      "#",
      ":",
    ];
    const small = parts.filter((p) => p.xml.length < 20000);
    let refusedByBoth = 0;
    for (let k = 0; k < 6000; k++) {
      const p = small[k % small.length];
      let xml = p.xml;
      for (let edits = 1 + Math.floor(next() * 2); edits > 0; edits--) {
        const at = Math.floor(next() * xml.length);
        const ch = alphabet[Math.floor(next() * alphabet.length)];
        const kind = next();
        xml =
          kind < 0.34
            ? xml.slice(0, at) + ch + xml.slice(at)
            : kind < 0.67
              ? xml.slice(0, at) + xml.slice(at + 1)
              : xml.slice(0, at) + ch + xml.slice(at + 1);
      }
      if (/^<\?xml version="1\.[1-9]/.test(xml)) continue; // XML 1.1: refused on purpose (above)
      const expected = bySaxes([xml]);
      if ("refused" in expected) refusedByBoth++;
      expect({ mutation: k, part: p.name, ...byScanner([xml]) }).toEqual({
        mutation: k,
        part: p.name,
        ...expected,
      });
    }
    // the mutations reach both sides: most break the part, some leave it well-formed
    expect(refusedByBoth).toBeGreaterThan(1000);
    expect(refusedByBoth).toBeLessThan(6000);
  });
});
