// Crafted workbooks for the sheet-visibility tests: a sheet's part copied under a new name, hidden or visible,
// placed before or after the sheet it copies, as Excel's シートの移動またはコピー leaves it.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { SheetVisibility } from "../../src/types";

const WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The package `bytes` with a copy of sheet `source` named `name`, in state `state`, before or after `source`. */
export function withSheetCopy(
  bytes: Uint8Array,
  source: string,
  name: string,
  options: { state: SheetVisibility; place: "before" | "after" },
): Uint8Array {
  const files = unzipSync(bytes);
  const text = (entry: string) => strFromU8(files[entry]);
  let workbook = text("xl/workbook.xml");
  let rels = text("xl/_rels/workbook.xml.rels");
  let types = text("[Content_Types].xml");
  const tag = new RegExp(`<sheet\\b[^>]*\\bname="${escapeAttr(source)}"[^>]*/>`).exec(workbook);
  if (!tag) throw new Error(`no sheet ${source}`);
  const rid = /\br:id="([^"]+)"/.exec(tag[0])?.[1];
  const target = new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*/>`).exec(rels)?.[0];
  const part = target && /\bTarget="([^"]+)"/.exec(target)?.[1];
  if (!part) throw new Error(`no part for ${source}`);
  const entry = `xl/${part.replace(/^\/?xl\//, "")}`;
  let n = 1;
  while (files[`xl/worksheets/sheet${n}.xml`]) n++;
  const copy = `xl/worksheets/sheet${n}.xml`;
  // a copy is never the selected tab (Excel will not select a hidden sheet)
  files[copy] = strToU8(text(entry).replace(/\btabSelected="1"/g, 'tabSelected="0"'));
  const newId = `rIdGecCopy${n}`;
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="${newId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`,
  );
  const ids = [...workbook.matchAll(/\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheet = `<sheet name="${escapeAttr(name)}" sheetId="${Math.max(...ids) + 1}"${options.state === "visible" ? "" : ` state="${options.state}"`} r:id="${newId}"/>`;
  workbook =
    options.place === "before"
      ? workbook.replace(tag[0], sheet + tag[0])
      : workbook.replace(tag[0], tag[0] + sheet);
  // print areas name their sheet by index: a sheet put before others would move them, so they are dropped
  workbook = workbook.replace(/<definedNames>[\s\S]*?<\/definedNames>/, "");
  types = types.replace("</Types>", `<Override PartName="/${copy}" ContentType="${WORKSHEET}"/></Types>`);
  files["xl/workbook.xml"] = strToU8(workbook);
  files["xl/_rels/workbook.xml.rels"] = strToU8(rels);
  files["[Content_Types].xml"] = strToU8(types);
  // folder entries ("xl/") come back as empty files: keep only real parts
  for (const k of Object.keys(files)) if (k.endsWith("/")) delete files[k];
  return zipSync(files);
}

/** The package with sheet `name`'s state set (visible drops the attribute). */
export function withSheetState(bytes: Uint8Array, name: string, state: SheetVisibility): Uint8Array {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const tag = new RegExp(`<sheet\\b[^>]*\\bname="${escapeAttr(name)}"[^>]*/>`).exec(workbook);
  if (!tag) throw new Error(`no sheet ${name}`);
  const bare = tag[0].replace(/\s+state="[^"]*"/, "");
  const next = state === "visible" ? bare : bare.replace("<sheet ", `<sheet state="${state}" `);
  files["xl/workbook.xml"] = strToU8(workbook.replace(tag[0], next));
  for (const k of Object.keys(files)) if (k.endsWith("/")) delete files[k];
  return zipSync(files);
}
