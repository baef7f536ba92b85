// Issue 16 ("Never a wrong tonne"), the .xlsx layer: what gec reads is what Excel shows, and what `gec fill` says
// it wrote is what the file holds. Each case on the published H002-2 workbook and on a template-made one.
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { readGrid, sheetEntries, slideFormula } from "../../io/read";
import { patchPackage } from "../../io/patch";
import { XlsxError } from "../../io/errors";
import type { CellValue, Grid, WritePlan } from "../../src/types";
import { parseA1 } from "../../src/forms/a1";
import { craftedZip, localEntryBytes, storedZip } from "../fixtures/zip";
import type { CraftedDirectory, CraftedLocal } from "../fixtures/zip";
import { runGec, tempDir } from "../fixtures/runGec";
import { changedCells } from "../fixtures/gridCells";

const PUBLISHED = path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx");
const SHEET = "別紙1";

interface Entry {
  name: string;
  data: Uint8Array;
}

interface Layout {
  name: string;
  entries: Entry[];
  /** The entry of 別紙1. */
  entry: string;
}

function entriesOf(bytes: Uint8Array): Entry[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

function layoutOf(name: string, bytes: Uint8Array): Layout {
  const entries = entriesOf(bytes);
  const find = (n: string) => entries.find((e) => e.name === n)?.data ?? new Uint8Array(0);
  const sheets = sheetEntries(find("xl/workbook.xml"), find("xl/_rels/workbook.xml.rels"));
  const entry = sheets.find((s) => s.name === SHEET)?.entry ?? "";
  return { name, entries, entry };
}

/** The layout's entries with 別紙1's sheetData ending in `rows` (and `after` right after sheetData). */
function withRows(l: Layout, rows: string, after = ""): Entry[] {
  return l.entries.map((e) =>
    e.name === l.entry
      ? {
          name: e.name,
          data: strToU8(strFromU8(e.data).replace("</sheetData>", `${rows}</sheetData>${after}`)),
        }
      : e,
  );
}

const pack = (entries: Entry[]) => storedZip(entries.map((e) => ({ name: e.name, data: e.data })));

/** "V900" of a sheet of a Grid, as the reader gives it (value, formula, format). */
function cellAt(grid: Grid, ref: string, sheet = SHEET): { value: CellValue; formula: string | null } {
  const at = parseA1(ref);
  if (!at) throw new Error(`no cell address: ${ref}`);
  const { row, col } = at;
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const r = row - s.origin.row;
  const c = col - s.origin.col;
  return { value: s.values[r]?.[c] ?? null, formula: s.formulas?.[r]?.[c] ?? null };
}

function refusal(f: () => unknown): XlsxError {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error("not refused");
}

const HONEST_ROW = '<row r="900"><c r="V900"><v>11775</v></c></row>';
const EVIL_ROW = '<row r="900"><c r="V900"><v>99999</v></c></row>';

const layouts: Layout[] = [];
let dir = "";

beforeAll(async () => {
  dir = tempDir("integrity");
  const template = path.join(dir, "template.xlsx");
  const made = await runGec(["template", "H002-2", "--monitoring", "-o", template]);
  expect(made.code).toBe(0);
  layouts.push(layoutOf("the published H002-2", new Uint8Array(fs.readFileSync(PUBLISHED))));
  layouts.push(layoutOf("a template-made workbook", new Uint8Array(fs.readFileSync(template))));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const each = (title: string, test: (l: Layout) => void | Promise<void>) =>
  it.each([0, 1])(`${title} (layout %i: published, template)`, (i) => test(layouts[i]));

describe("the ZIP is read through its central directory, as Excel reads it", () => {
  /** Locals: every entry honestly, 別紙1 with `honest` rows; then `extra`. Directory: as `point` says. */
  function archive(
    l: Layout,
    change: (locals: CraftedLocal[], directory: CraftedDirectory[], target: number) => void,
  ): Uint8Array {
    const honest = withRows(l, HONEST_ROW);
    const locals: CraftedLocal[] = honest.map((e) => ({ name: e.name, data: e.data }));
    const directory: CraftedDirectory[] = honest.map((_, i) => ({ local: i }));
    change(
      locals,
      directory,
      honest.findIndex((e) => e.name === l.entry),
    );
    return craftedZip(locals, directory);
  }
  const evilXml = (l: Layout) => withRows(l, EVIL_ROW).find((e) => e.name === l.entry)?.data as Uint8Array;

  each("an entry the directory does not list is not read (the listed one is, as in Excel)", (l) => {
    const bytes = archive(l, (locals, directory, target) => {
      // the honest 別紙1 stays in the file as a local entry; the directory lists an appended one instead
      locals.push({ name: l.entry, data: evilXml(l) });
      directory[target] = { local: locals.length - 1 };
    });
    expect(cellAt(readGrid(bytes), "V900").value).toBe(99999);
  });

  each("a header hidden inside another entry's data is read where the directory points", (l) => {
    const bytes = archive(l, (locals, directory, target) => {
      const hidden = localEntryBytes(l.entry, evilXml(l));
      locals.push({ name: "xl/media/image1.bin", data: hidden });
      directory.push({ local: locals.length - 1 });
      directory[target] = { local: locals.length - 1, name: l.entry, inside: { at: 0, data: evilXml(l) } };
    });
    expect(cellAt(readGrid(bytes), "V900").value).toBe(99999);
  });

  const disagreements: [
    string,
    RegExp,
    (locals: CraftedLocal[], directory: CraftedDirectory[], t: number) => void,
  ][] = [
    ["name", /名前[\s\S]*name/, (locals, _d, t) => void (locals[t].localName = "xl/worksheets/sheet99.xml")],
    ["method", /圧縮方式[\s\S]*method/, (locals, _d, t) => void (locals[t].localMethod = 8)],
    ["sizes", /大きさ[\s\S]*sizes/, (locals, _d, t) => void (locals[t].localSize = 10)],
    ["offset", /位置[\s\S]*offset/, (_l, directory, t) => void (directory[t].offsetDelta = 3)],
  ];
  for (const [what, message, change] of disagreements) {
    each(`a local header that disagrees on the ${what} is refused, naming the entry`, (l) => {
      const e = refusal(() => readGrid(archive(l, change)));
      expect(e.reason).toBe("xlsx.corrupt");
      expect(e.text.ja).toMatch(/目次/);
      expect(`${e.text.ja} ${e.text.en}`).toMatch(message);
      expect(e.text.ja).toContain(l.entry);
      expect(e.text.en).toContain(l.entry);
    });
  }

  it("gec check exits 2 on it with both languages", async () => {
    const file = path.join(dir, "disagree.xlsx");
    fs.writeFileSync(
      file,
      archive(layouts[0], (_l, directory, t) => void (directory[t].offsetDelta = 3)),
    );
    const r = await runGec(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xl\/worksheets\/sheet2\.xml/);
    expect(r.stderr).toMatch(/目次/);
    expect(r.stderr).toMatch(/directory/);
  });
});

describe("the writer rewrites the cell the reader reads", () => {
  const plan: WritePlan = [{ ref: { sheet: SHEET, row: 899, col: 21 }, value: 12345, previous: 11775 }];
  const decoys: [string, string][] = [
    ["an XML comment", '<row r="900"><!--<c r="V900"><v>11775</v></c>--><c r="V900"><v>11775</v></c></row>'],
    [
      "CDATA in a neighbour",
      '<row r="900"><c r="A900" t="inlineStr"><is><t><![CDATA[</c><c r="V900"><v>1</v></c>]]></t></is></c><c r="V900"><v>11775</v></c></row>',
    ],
    [
      "a processing instruction",
      '<row r="900"><?gec <c r="V900"><v>1</v></c>?><c r="V900"><v>11775</v></c></row>',
    ],
  ];
  for (const [what, row] of decoys) {
    each(`past ${what}, and nothing else`, (l) => {
      const bytes = pack(withRows(l, row));
      const before = readGrid(bytes);
      expect(cellAt(before, "V900").value).toBe(11775);
      const after = readGrid(patchPackage(bytes, plan));
      expect(cellAt(after, "V900").value).toBe(12345);
      expect(changedCells(before, after)).toEqual([`${SHEET}!899,21`]);
    });
  }

  each("text with characters XML cannot hold reads back as written", (l) => {
    const bytes = pack(withRows(l, HONEST_ROW));
    // U+0001 is written as _x0001_, and a literal "_x0041_" as _x005F_x0041_ (Excel's escapes, ST_Xstring)
    const texts = ["x\u0001y", "a_x0041_b"];
    const after = readGrid(
      patchPackage(
        bytes,
        texts.map((value, i) => ({ ref: { sheet: SHEET, row: 899, col: i }, value, previous: null })),
      ),
    );
    expect([cellAt(after, "A900").value, cellAt(after, "B900").value]).toEqual(texts);
    // and in a formula: its string literal holds the literal "_x0041_"
    const formula = '="a_x0041_b"&"x"';
    const withFormula = readGrid(
      patchPackage(bytes, [
        { ref: { sheet: SHEET, row: 899, col: 2 }, value: "a_x0041_bx", formula, previous: null },
      ]),
    );
    expect(cellAt(withFormula, "C900")).toEqual({ value: "a_x0041_bx", formula });
  });

  each("a sheet with two <c> for one cell is refused by the reader and by the writer", (l) => {
    const bytes = pack(
      withRows(l, '<row r="900"><c r="V900"><v>99999</v></c><c r="V900"><v>11775</v></c></row>'),
    );
    for (const e of [refusal(() => readGrid(bytes)), refusal(() => patchPackage(bytes, plan))]) {
      expect(e.reason).toBe("xlsx.corrupt");
      expect(e.text.ja).toContain("V900");
      expect(e.text.en).toContain("V900");
    }
  });

  each("a plan that does not land is an error, not a success", (l) => {
    // W900 is inside the merged range V900:W900: its value is the range's first cell's, so a write there is lost
    const merge = '<mergeCells count="1"><mergeCell ref="V900:W900"/></mergeCells>';
    const bytes = pack(withRows(l, HONEST_ROW, merge));
    const e = refusal(() =>
      patchPackage(bytes, [{ ref: { sheet: SHEET, row: 899, col: 22 }, value: 5, previous: null }]),
    );
    expect(e.reason).toBe("xlsx.writeFailed");
    expect(e.text.ja).toContain("W900");
    expect(e.text.en).toContain("W900");
  });

  it("gec fill past a comment: the cell it reports is the cell the file holds", async () => {
    // 別紙1!N5 = L5 − ROUNDDOWN(M5 × 9.484, 0) = 257,572,286 − ROUNDDOWN(71,490,629.1) = 186,081,657 (the
    // published workbook says 186,081,857); a comment before N5 holds a decoy copy of the cell
    const l = layouts[0];
    const entries = l.entries.map((e) =>
      e.name === l.entry
        ? {
            name: e.name,
            data: strToU8(
              strFromU8(e.data).replace('<c r="N5">', '<!--<c r="N5"><v>186081857</v></c>--><c r="N5">'),
            ),
          }
        : e,
    );
    const file = path.join(dir, "comment.xlsx");
    const out = path.join(dir, "comment-filled.xlsx");
    fs.writeFileSync(file, pack(entries));
    const r = await runGec(["fill", file, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/別紙1!N5: 186081857 → 186081657/);
    expect(cellAt(readGrid(new Uint8Array(fs.readFileSync(out))), "N5").value).toBe(186081657);
  });
});

describe("a rewritten shared-formula master leaves its group as it was", () => {
  // A900:A902 = 1, 2, 3; B900 is the master of B900:B902: "FY2020" is text (a string literal), A900 moves per row,
  // $A$900 stays, A$900:A900 grows; cached values as Excel would have left them.
  const rows =
    '<row r="900"><c r="A900"><v>1</v></c><c r="B900" t="str"><f t="shared" ref="B900:B902" si="77">"FY2020"&amp;A900&amp;$A$900&amp;SUM(A$900:A900)</f><v>FY2020111</v></c></row>' +
    '<row r="901"><c r="A901"><v>2</v></c><c r="B901" t="str"><f t="shared" si="77"/><v>FY2020213</v></c></row>' +
    '<row r="902"><c r="A902"><v>3</v></c><c r="B902" t="str"><f t="shared" si="77"/><v>FY2020316</v></c></row>';
  const B901 = '="FY2020"&A901&$A$900&SUM(A$900:A901)';
  const B902 = '="FY2020"&A902&$A$900&SUM(A$900:A902)';

  each("the reader moves only the references", (l) => {
    const grid = readGrid(pack(withRows(l, rows)));
    expect(cellAt(grid, "B901")).toEqual({ value: "FY2020213", formula: B901 });
    expect(cellAt(grid, "B902")).toEqual({ value: "FY2020316", formula: B902 });
  });

  each("writing the master changes no other cell (every cell read before and after)", (l) => {
    const bytes = pack(withRows(l, rows));
    const before = readGrid(bytes);
    const patched = patchPackage(bytes, [
      { ref: { sheet: SHEET, row: 899, col: 1 }, value: "x", previous: null },
    ]);
    const after = readGrid(patched);
    expect(changedCells(before, after)).toEqual([`${SHEET}!899,1`]);
    expect(cellAt(after, "B901")).toEqual({ value: "FY2020213", formula: B901 });
    expect(cellAt(after, "B902")).toEqual({ value: "FY2020316", formula: B902 });
    // and the file itself holds the dependents' own formulas (what Excel will compute), text unmoved
    const xml = strFromU8(unzipSync(patched)[l.entry]);
    expect(xml).toContain(
      '<c r="B901" t="str"><f>"FY2020"&amp;A901&amp;$A$900&amp;SUM(A$900:A901)</f><v>FY2020213</v></c>',
    );
  });
});

describe("slideFormula", () => {
  const from = { row: 0, col: 0 };
  const to = { row: 2, col: 1 }; // two rows down, one column right
  it.each([
    ['"FY2020"&A1', '"FY2020"&B3'],
    [
      'A1+$A$1+A$1+$A1&"FY2020"&別紙1!L4&LOG10(A1)&ATAN2(A1,B1)&#REF!&1.5E+3',
      'B3+$A$1+B$1+$A3&"FY2020"&別紙1!M6&LOG10(B3)&ATAN2(B3,C3)&#REF!&1.5E+3',
    ],
    ['"say ""A1"""&A1', '"say ""A1"""&B3'],
    ["'Sheet A1'!A1+Sheet2!C4", "'Sheet A1'!B3+Sheet2!D6"],
    ["SUM(A:B)+SUM(1:2)+SUM($A:$A)", "SUM(B:C)+SUM(3:4)+SUM($A:$A)"],
    ["Table1[Col1]+A1", "Table1[Col1]+B3"],
    ["XFD1+A1048575", "#REF!+#REF!"],
  ])("%s -> %s", (formula, moved) => {
    expect(slideFormula(formula, from, to)).toBe(moved);
  });
});
