// The standalone page's document: fill, revert and download through the package-preserving writer.
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { StandaloneDocument } from "../../../taskpane/web/document";
import { workbookBackend } from "../../../taskpane/web/standalone";
import { readGrid } from "../../../io/read";
import { planFill } from "../../../src/engine";
import { richWorkbook } from "../../io/richWorkbook";
import { XlsxError } from "../../../io/errors";

const published = new Uint8Array(
  fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "xlsx", "H002-2-published.xlsx")),
);

function differing(a: Uint8Array, b: Uint8Array): string[] {
  const x = unzipSync(a);
  const y = unzipSync(b);
  expect(Object.keys(y)).toEqual(Object.keys(x));
  return Object.keys(x).filter((n) => !Buffer.from(x[n]).equals(Buffer.from(y[n])));
}

describe("StandaloneDocument", () => {
  it("fills the published H002-2: the download differs from the upload in 別紙1's sheet part only", async () => {
    const doc = StandaloneDocument.open(published);
    const backend = workbookBackend(doc);
    const plan = planFill(await backend.readGrid(), {});
    // by the published inputs, two cells are wrong: N5 (3.3) and U6 (3.10)
    expect(plan.writes.map((w) => [w.ref.row, w.ref.col])).toEqual([
      [4, 13],
      [5, 20],
    ]);
    await backend.apply(plan.writes);
    const grid = await backend.readGrid();
    const s = grid.sheets.find((x) => x.name === "別紙1");
    expect(s?.values[4 - (s?.origin.row ?? 0)][13 - (s?.origin.col ?? 0)]).toBe(186081657);
    const saved = doc.save();
    expect(differing(published, saved)).toHaveLength(1);
  });

  it("keeps charts, images and comments, and a revert gives back the same cells", async () => {
    const rich = await richWorkbook();
    const doc = StandaloneDocument.open(rich);
    const backend = workbookBackend(doc);
    const write = { ref: { sheet: "別紙1", row: 4, col: 3 }, value: 42, previous: 1 };
    const { applied } = await backend.apply([write]);
    expect(differing(rich, doc.save())).toEqual(["xl/worksheets/sheet1.xml"]);
    await backend.revert(applied);
    expect(readGrid(doc.save())).toEqual(readGrid(rich));
    // the sheet part may even come out byte-identical; nothing else may differ
    for (const name of differing(rich, doc.save())) expect(name).toBe("xl/worksheets/sheet1.xml");
  });

  it("refuses a plan naming a missing sheet and keeps the writes it had", async () => {
    const doc = StandaloneDocument.open(published);
    expect(() => doc.apply([{ ref: { sheet: "別紙9", row: 0, col: 0 }, value: 1, previous: null }])).toThrow(
      expect.objectContaining({ reason: "xlsx.noSheet" }),
    );
    expect(doc.save()).toBe(published);
  });
});

describe("StandaloneDocument.openFile", () => {
  it("refuses a 1.9 GB file by its size, before reading any of it", async () => {
    let read = 0;
    const file = {
      size: 1.9 * 1024 * 1024 * 1024,
      arrayBuffer(): Promise<ArrayBuffer> {
        read++;
        return Promise.resolve(new ArrayBuffer(0));
      },
    };
    const refused = await StandaloneDocument.openFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(read).toBe(0);
    expect(refused).toBeInstanceOf(XlsxError);
    const e = refused as XlsxError;
    expect(e.reason).toBe("xlsx.tooLarge");
    // 1.9 GiB = 1945.6 MiB; the documented limit is 50 MiB
    expect(e.text.ja).toContain("1945.6 MB");
    expect(e.text.ja).toContain("上限 50.0 MB");
    expect(e.text.en).toContain("limit 50.0 MB");
  });

  it("reads a file within the limit", async () => {
    const file = {
      size: published.length,
      arrayBuffer: () => Promise.resolve(Uint8Array.from(published).buffer),
    };
    const doc = await StandaloneDocument.openFile(file);
    expect(doc.readGrid().sheets.map((s) => s.name)).toContain("別紙1");
  });
});
