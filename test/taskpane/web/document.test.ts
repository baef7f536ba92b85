// The standalone page's document: fill, revert and download through the package-preserving writer.
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { StandaloneDocument } from "../../../taskpane/web/document";
import { documentBackend } from "../../../taskpane/backend";
import { engineService } from "../../../taskpane/engine/service";
import { readGrid } from "../../../io/read";
import { richWorkbook } from "../../io/richWorkbook";

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
    // the document as the pane's engine holds it (in its worker), written through the standalone backend
    const engine = engineService();
    await engine.openDocument(published);
    const backend = documentBackend(engine);
    const plan = await engine.planFill(await backend.source(), {});
    // by the published inputs, two cells are wrong: N5 (3.3) and U6 (3.10)
    expect(plan.writes.map((w) => [w.ref.row, w.ref.col])).toEqual([
      [4, 13],
      [5, 20],
    ]);
    await backend.apply(plan.writes);
    const saved = await engine.saveDocument();
    const s = readGrid(saved).sheets.find((x) => x.name === "別紙1");
    // 257,572,286 − ROUNDDOWN(7,538,025 × 9.484, 0) = 186,081,657
    expect(s?.values[4 - (s?.origin.row ?? 0)][13 - (s?.origin.col ?? 0)]).toBe(186081657);
    expect(differing(published, saved)).toHaveLength(1);
  });

  it("keeps charts, images and comments, and a revert gives back the same cells", async () => {
    const rich = await richWorkbook();
    const engine = engineService();
    await engine.openDocument(rich);
    const backend = documentBackend(engine);
    const write = { ref: { sheet: "別紙1", row: 4, col: 3 }, value: 42, previous: 1 };
    const { applied } = await backend.apply([write]);
    expect(differing(rich, await engine.saveDocument())).toEqual(["xl/worksheets/sheet1.xml"]);
    await backend.revert(applied);
    expect(readGrid(await engine.saveDocument())).toEqual(readGrid(rich));
    // the sheet part may even come out byte-identical; nothing else may differ
    for (const name of differing(rich, await engine.saveDocument()))
      expect(name).toBe("xl/worksheets/sheet1.xml");
  });

  it("refuses a plan naming a missing sheet and keeps the writes it had", async () => {
    const doc = StandaloneDocument.open(published);
    expect(() => doc.apply([{ ref: { sheet: "別紙9", row: 0, col: 0 }, value: 1, previous: null }])).toThrow(
      expect.objectContaining({ reason: "xlsx.noSheet" }),
    );
    expect(doc.save()).toBe(published);
  });
});
