// A TemplateWorkbook written as a new .xlsx: SpreadsheetML made as text row by row and deflated as it goes (fflate),
// so that the working paper of 5,000 facilities (a million cells) is written in seconds and never held whole.
// Synchronous and free of Node: the CLI, the standalone page and the Excel pane (Excel.createWorkbook) share it.
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { cellAddress } from "../src/forms/a1";
import { CELL_LOOKS, printRanges } from "../src/template/sheets";
import type {
  TemplateCell,
  TemplateMerge,
  TemplateProperties,
  TemplateSheet,
  TemplateWorkbook,
} from "../src/template/types";
import type { CellValue } from "../src/types";
import { escapeText } from "./xmlText";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const attr = (s: string): string => escapeText(s).replace(/"/g, "&quot;");

/** A cell's look as a style: what the cellXfs entry is made of. */
interface StyleKey {
  kind: TemplateCell["kind"];
  wrap: boolean;
  unlocked: boolean;
  link: boolean;
  numberFormat: string | null;
}

/** Built-in number formats Excel knows by id; any other gets an id from 164 on. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

/** The styles the cells use, numbered as they first appear; styles.xml is written from them at the end. */
class Styles {
  private readonly ids = new Map<string, number>();
  private readonly keys: StyleKey[] = [];

  id(c: TemplateCell): number {
    const look = CELL_LOOKS[c.kind];
    const wrap = c.wrap ?? look.wrap ?? false;
    const unlocked = c.unlocked ?? look.unlocked ?? false;
    const link = c.link !== undefined;
    const numberFormat = c.numberFormat ?? null;
    // a key made without an object: asked for every cell of the workbook
    const text = `${c.kind}|${wrap ? 1 : 0}${unlocked ? 1 : 0}${link ? 1 : 0}|${numberFormat ?? ""}`;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.keys.length + 1; // xf 0 is the default
      this.ids.set(text, id);
      this.keys.push({ kind: c.kind, wrap, unlocked, link, numberFormat });
    }
    return id;
  }

  xml(): string {
    const formats = new Map<string, number>();
    const fonts = new Map<string, number>([
      ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>', 0],
    ]);
    const fills = new Map<string, number>([
      ['<fill><patternFill patternType="none"/></fill>', 0],
      ['<fill><patternFill patternType="gray125"/></fill>', 1],
    ]);
    const borders = new Map<string, number>([
      ["<border><left/><right/><top/><bottom/><diagonal/></border>", 0],
    ]);
    const indexOf = (map: Map<string, number>, xml: string): number => {
      let i = map.get(xml);
      if (i === undefined) map.set(xml, (i = map.size));
      return i;
    };
    const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
    for (const k of this.keys) {
      const look = CELL_LOOKS[k.kind];
      const color = k.link ? "FF0563C1" : look.fontColor ? `FF${look.fontColor}` : null;
      const font =
        `<font>${look.bold ? "<b/>" : ""}${k.link ? "<u/>" : ""}<sz val="${look.size ?? 11}"/>` +
        `${color ? `<color rgb="${color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`;
      const fill = look.fill
        ? `<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`
        : '<fill><patternFill patternType="none"/></fill>';
      const thin = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;
      const border = look.border
        ? `<border>${thin("left")}${thin("right")}${thin("top")}${thin("bottom")}<diagonal/></border>`
        : "<border><left/><right/><top/><bottom/><diagonal/></border>";
      let numFmtId = 0;
      if (k.numberFormat !== null) {
        numFmtId = BUILTIN_FORMATS[k.numberFormat] ?? formats.get(k.numberFormat) ?? 164 + formats.size;
        if (BUILTIN_FORMATS[k.numberFormat] === undefined) formats.set(k.numberFormat, numFmtId);
      }
      const alignment = k.wrap ? '<alignment vertical="top" wrapText="1"/>' : "";
      const protection = k.unlocked ? '<protection locked="0"/>' : "";
      xfs.push(
        `<xf numFmtId="${numFmtId}" fontId="${indexOf(fonts, font)}" fillId="${indexOf(fills, fill)}" ` +
          `borderId="${indexOf(borders, border)}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" ` +
          `applyBorder="1" applyAlignment="1" applyProtection="1">${alignment}${protection}</xf>`,
      );
    }
    const list = (tag: string, map: Map<string, number>) =>
      `<${tag} count="${map.size}">${[...map.keys()].join("")}</${tag}>`;
    const numFmts = formats.size
      ? `<numFmts count="${formats.size}">${[...formats]
          .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`)
          .join("")}</numFmts>`
      : "";
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN}">${numFmts}${list("fonts", fonts)}${list("fills", fills)}` +
      `${list("borders", borders)}<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/** Excel's longest cell text: a longer one is cut, with an ellipsis, rather than make a file Excel must repair. */
export const MAX_CELL_TEXT = 32767;

const fitted = (text: string): string =>
  text.length <= MAX_CELL_TEXT
    ? text
    : `${text.slice(0, MAX_CELL_TEXT - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;

/**
 * The workbook's shared strings: each text once, cells naming it by number. A paper repeats its facility names,
 * labels and verdicts tens of thousands of times; written once, the sheets are a third of the size.
 */
class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.index.set(text, i);
      this.texts.push(text);
    }
    return i;
  }
}

/** A cell's value as SpreadsheetML: a number, a boolean, a shared text, a formula with its cached result. */
function cellXml(c: TemplateCell, style: number, strings: SharedStrings): string {
  const ref = cellAddress(c);
  const head = `<c r="${ref}" s="${style}"`;
  const value: CellValue = c.value ?? null;
  if (c.formula !== undefined && c.formula !== "") {
    const f = escapeText(c.formula.startsWith("=") ? c.formula.slice(1) : c.formula);
    return `${head}><f>${f}</f></c>`;
  }
  if (c.link !== undefined) {
    // HYPERLINK rather than a hyperlink relationship: a jump inside the workbook that Excel and LibreOffice both
    // follow, with its text cached for readers that never calculate
    // a formula's text argument holds at most 255 characters
    const text = (value === null ? "" : String(value)).slice(0, 255);
    const formula = `HYPERLINK("#${c.link.replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`;
    return `${head} t="str"><f>${escapeText(formula)}</f><v>${escapeText(text)}</v></c>`;
  }
  if (value === null || value === "") return `${head}/>`;
  if (typeof value === "number")
    return Number.isFinite(value) ? `${head}><v>${String(value)}</v></c>` : `${head}/>`;
  if (typeof value === "boolean") return `${head} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `${head} t="s"><v>${strings.id(fitted(value))}</v></c>`;
}

/** Runs of one column's rows, as the sqref of a list validation ("M5:M41 N5:N41"). */
class Ranges {
  private readonly runs = new Map<number, { from: number; to: number }[]>();

  add(row: number, col: number): void {
    const list = this.runs.get(col) ?? [];
    const last = list[list.length - 1];
    if (last && last.to === row - 1) last.to = row;
    else if (!last || last.to !== row) list.push({ from: row, to: row });
    this.runs.set(col, list);
  }

  sqref(): string {
    const out: string[] = [];
    for (const [col, list] of this.runs)
      for (const { from, to } of list)
        out.push(
          from === to
            ? cellAddress({ row: from, col })
            : `${cellAddress({ row: from, col })}:${cellAddress({ row: to, col })}`,
        );
    return out.join(" ");
  }
}

const mergeRef = (m: TemplateMerge) =>
  `${cellAddress({ row: m.top, col: m.left })}:${cellAddress({ row: m.bottom, col: m.right })}`;

/** The sheet's XML, pushed out in pieces as its rows are made. */
function writeSheet(
  sheet: TemplateSheet,
  first: boolean,
  styles: Styles,
  strings: SharedStrings,
  push: (text: string) => void,
): void {
  const print = sheet.print;
  const area = print?.area;
  push(`${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`);
  if (print) push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  if (area) push(`<dimension ref="${mergeRef(area)}"/>`);
  push(sheetViewsXml(sheet, first));
  push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = sheet.columnWidths ?? [];
  if (widths.some((w) => w > 0))
    push(
      `<cols>${widths
        .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
        .join("")}</cols>`,
    );
  push("<sheetData>");
  const lists = writeRows(sheet, styles, strings, push);
  push("</sheetData>");
  if (sheet.protect)
    push(
      '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>',
    );
  if (sheet.autoFilter) push(`<autoFilter ref="${mergeRef(sheet.autoFilter)}"/>`);
  const merges = sheet.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  if (merges.length)
    push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${mergeRef(m)}"/>`).join("")}</mergeCells>`,
    );
  if (lists.size) push(dataValidationsXml(lists));
  push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>');
  if (print)
    push(
      `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" ` +
        `fitToHeight="${print.fitToPagesTall ?? 0}"/>`,
    );
  if (print?.footer)
    push(`<headerFooter><oddFooter>${escapeText(`&C${print.footer}`)}</oddFooter></headerFooter>`);
  push("</worksheet>");
}

/** The sheet's view: selected when it is the first, with its frozen panes. */
function sheetViewsXml(sheet: TemplateSheet, first: boolean): string {
  const selected = first ? ' tabSelected="1"' : "";
  if (!sheet.freeze) return `<sheetViews><sheetView workbookViewId="0"${selected}/></sheetViews>`;
  const { rows, cols = 0 } = sheet.freeze;
  const topLeft = cellAddress({ row: rows, col: cols });
  const pane = cols > 0 ? (rows > 0 ? "bottomRight" : "topRight") : "bottomLeft";
  return (
    `<sheetViews><sheetView workbookViewId="0"${selected}><pane${cols > 0 ? ` xSplit="${cols}"` : ""}` +
    `${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** Drop-down lists by their choices, with the cells that offer them. */
type ChoiceLists = Map<string, { choices: string[]; ranges: Ranges }>;

/** The rows of sheetData: the fixed cells by row, then the generated rows; the drop-down lists their cells offer. */
function writeRows(
  sheet: TemplateSheet,
  styles: Styles,
  strings: SharedStrings,
  push: (text: string) => void,
): ChoiceLists {
  const lists: ChoiceLists = new Map();
  const rowXml = (row: number, cells: TemplateCell[], height: number | undefined) => {
    let xml = `<row r="${row + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>`;
    // cells in column order, as SpreadsheetML wants them (most rows come so already)
    const ordered = cells.every((c, i) => i === 0 || cells[i - 1].col < c.col)
      ? cells
      : [...cells].sort((a, b) => a.col - b.col);
    for (const c of ordered) {
      xml += cellXml(c, styles.id(c), strings);
      if (c.choices) {
        const key = c.choices.join("\u0000");
        const entry = lists.get(key) ?? { choices: c.choices, ranges: new Ranges() };
        entry.ranges.add(c.row, c.col);
        lists.set(key, entry);
      }
    }
    push(`${xml}</row>`);
  };
  const byRow = new Map<number, TemplateCell[]>();
  for (const c of sheet.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const heights = sheet.rowHeights ?? {};
  const heightRows = Object.keys(heights).map(Number);
  for (const row of [...new Set([...byRow.keys(), ...heightRows])].sort((a, b) => a - b))
    rowXml(row, byRow.get(row) ?? [], heights[row]);
  for (const row of sheet.rows?.() ?? []) rowXml(row.row, row.cells, row.height);
  return lists;
}

function dataValidationsXml(lists: ChoiceLists): string {
  return `<dataValidations count="${lists.size}">${[...lists.values()]
    .map(
      ({ choices, ranges }) =>
        `<dataValidation type="list" allowBlank="1" showInputMessage="1" sqref="${ranges.sqref()}">` +
        `<formula1>${escapeText(`"${choices.map((x) => x.replace(/[",]/g, "")).join(",")}"`)}</formula1></dataValidation>`,
    )
    .join("")}</dataValidations>`;
}

/** "A1:P41" → "$A$1:$P$41", as defined names hold ranges. */
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function workbookXml(template: TemplateWorkbook): string {
  const names: string[] = [];
  template.sheets.forEach((sheet, i) => {
    const sheetRef = quoteSheet(sheet.name);
    if (sheet.autoFilter) {
      const range = absolute(mergeRef(sheet.autoFilter));
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`${sheetRef}!${range}`)}</definedName>`,
      );
    }
    if (sheet.print) {
      const { area, titleRows } = printRanges(sheet.print);
      names.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeText(`${sheetRef}!${absolute(area)}`)}</definedName>`,
      );
      if (titleRows)
        names.push(
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(`${sheetRef}!$${titleRows.first}:$${titleRows.last}`)}</definedName>`,
        );
    }
  });
  const sheets = template.sheets
    .map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView xWindow="0" yWindow="0" ` +
    `windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews><sheets>${sheets}</sheets>` +
    `${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`
  );
}

function coreXml(p: TemplateProperties | undefined, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  const el = (tag: string, v: string | undefined) =>
    v === undefined ? "" : `<${tag}>${escapeText(v)}</${tag}>`;
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `${el("dc:title", p?.title)}${el("dc:subject", p?.subject)}${el("dc:creator", p?.creator)}` +
    `${el("cp:keywords", p?.keywords)}${el("dc:description", p?.description)}${el("cp:lastModifiedBy", p?.creator)}` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** A zip being written: whole parts, and parts streamed in pieces; its bytes once ended. */
class PackageWriter {
  private readonly chunks: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip = new Zip((err, chunk) => {
    if (err) this.failure = err;
    else this.chunks.push(chunk);
  });
  private readonly encoder = new TextEncoder();

  private readonly created: Date;

  /**
   * `created` stamps every entry: else fflate stamps the clock, and two runs a second apart give other bytes. A ZIP
   * holds the years 1980–2099 only: a date outside them (a wrong clock) stamps 1980-01-01.
   */
  constructor(created: Date) {
    const year = created.getFullYear();
    this.created = year >= 1980 && year <= 2099 ? created : new Date(1980, 0, 1);
  }

  file(name: string, text: string, level: 0 | 6 = 6): void {
    const entry = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
    entry.mtime = this.created;
    this.zip.add(entry);
    entry.push(this.encoder.encode(text), true);
  }

  /** A part written in pieces of about 256 KiB: deflate works on a bounded buffer whatever the part's size. */
  streamed(name: string, write: (push: (text: string) => void) => void): void {
    const entry = new ZipDeflate(name, { level: 1 });
    entry.mtime = this.created;
    this.zip.add(entry);
    let pieces: string[] = [];
    let size = 0;
    write((text) => {
      pieces.push(text);
      size += text.length;
      if (size > 262144) {
        entry.push(this.encoder.encode(pieces.join("")));
        pieces = [];
        size = 0;
      }
    });
    entry.push(this.encoder.encode(pieces.join("")), true);
  }

  bytes(): Uint8Array {
    this.zip.end();
    if (this.failure) throw this.failure;
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of this.chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }
}

function contentTypesXml(template: TemplateWorkbook): string {
  const sheetTypes = template.sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

function workbookRelsXml(template: TemplateWorkbook): string {
  const sheets = template.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  const n = template.sheets.length;
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${sheets}` +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
}

/**
 * The workbook as .xlsx bytes. `created` stamps the core properties (the adapter's clock: this module reads none).
 * Rows generated by a sheet's `rows` are made, written and let go one at a time.
 */
export function templateToXlsxBytes(template: TemplateWorkbook, created: Date): Uint8Array {
  const pkg = new PackageWriter(created);
  const styles = new Styles();
  const strings = new SharedStrings();
  template.sheets.forEach((sheet, i) =>
    pkg.streamed(`xl/worksheets/sheet${i + 1}.xml`, (push) =>
      writeSheet(sheet, i === 0, styles, strings, push),
    ),
  );
  pkg.streamed("xl/sharedStrings.xml", (push) => {
    push(`${XML_HEAD}<sst xmlns="${MAIN}" count="${strings.count}" uniqueCount="${strings.texts.length}">`);
    for (const text of strings.texts) {
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      push(`<si><t${space}>${escapeText(text)}</t></si>`);
    }
    push("</sst>");
  });
  pkg.file("[Content_Types].xml", contentTypesXml(template));
  pkg.file("_rels/.rels", ROOT_RELS);
  pkg.file("docProps/core.xml", coreXml(template.properties, created));
  pkg.file(
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      `<Application>${escapeText(template.properties?.creator ?? "Microsoft Excel")}</Application></Properties>`,
  );
  pkg.file("xl/workbook.xml", workbookXml(template));
  pkg.file("xl/_rels/workbook.xml.rels", workbookRelsXml(template));
  pkg.file("xl/styles.xml", styles.xml());
  return pkg.bytes();
}
