// Fill writes each 別紙2 block the t of the facility it names (as R7's check pairs them), and refuses a guess.
import { planFill, validateGrid } from "../../src/engine";
import { verificationPaper } from "../../src/report";
import { formatRef } from "../../src/forms/a1";
import type { CellWrite, Grid } from "../../src/types";
import { seedGrid, withCell } from "../fixtures/seedSubmissions";

const A2 = "別紙2";
// block tops at rows 1, 13, 25 of the plain seed: tCO2 in C2/C14/C26, a free cell beside the title row below (A4…)
const label = (grid: Grid, a1: string, name: string) => withCell(grid, A2, a1, `熱設備名称：${name}`);
const TSUBETSU = "津別単板協同組合バイオマスエネルギーセンター";
const KAWABE = "川辺木質バイオマス熱電供給設備";
const SEIHOKU = "セイホクバイオマス熱電供給設備";
const verificationReport = (grid: Grid) =>
  verificationPaper(grid, {
    source: { fileName: "a.xlsx", digestOf: "file", sha256: "", size: 0 },
    options: { toolVersion: "test", date: "2026-12-07" },
  });

function named(order: [string, string, string]): Grid {
  let g = seedGrid("H002-2", { corrected: true });
  g = label(g, "A4", order[0]);
  g = label(g, "A16", order[1]);
  return label(g, "A28", order[2]);
}

const allocationWrites = (grid: Grid) =>
  planFill(grid)
    .writes.filter((w: CellWrite) => w.ref.sheet === A2 && w.ref.col === 2)
    .map((w) => [formatRef(w.ref), w.value]);

describe("fill of 別紙2 blocks named in another order than 別紙1", () => {
  it("writes each block its named facility's t, not the t of the row at its position", () => {
    // blocks named セイホク, 川辺, 津別, each holding one tonne too many of its own facility's t
    // (seed 3.11: 津別 32,316, 川辺 13,687, セイホク 11,775 t)
    let g = named([SEIHOKU, KAWABE, TSUBETSU]);
    g = withCell(g, A2, "C2", 11776);
    g = withCell(g, A2, "C14", 13688);
    g = withCell(g, A2, "C26", 32317);
    expect(allocationWrites(g)).toEqual([
      ["別紙2!C2", 11775],
      ["別紙2!C14", 13687],
      ["別紙2!C26", 32316],
    ]);
  });

  it("refuses a block labelled with one facility that holds another's t (the check's error), at its cell", () => {
    // the seed's figures left in place: C2 holds 津別's 32,316 under the label セイホク, C26 セイホク's under 津別
    const g = named([SEIHOKU, KAWABE, TSUBETSU]);
    expect(validateGrid(g).findings.filter((f) => f.rule === "allocation.facility.tonnes").length).toBe(2);
    const plan = planFill(g);
    expect(allocationWrites(g).filter(([at]) => at === "別紙2!C2" || at === "別紙2!C26")).toEqual([]);
    const refused = plan.skipped
      .filter((f) => f.rule === "fill.refused.allocation")
      .map((f) => formatRef(f.ref));
    expect(refused).toEqual(["別紙2!C2", "別紙2!C26"]);
  });

  it("refuses a block whose name is one character off, and two blocks naming one facility", () => {
    let g = named(["津別単板協同組合バイオマスエネルギーセンタ", KAWABE, SEIHOKU]);
    let refused = planFill(g).skipped.filter((f) => f.rule === "fill.refused.allocation");
    expect(refused.map((f) => formatRef(f.ref))).toEqual(["別紙2!C2"]);
    expect(refused[0].message.ja).toMatch(/1 文字/);
    g = named([KAWABE, KAWABE, SEIHOKU]);
    refused = planFill(g).skipped.filter((f) => f.rule === "fill.refused.allocation");
    expect(refused.map((f) => formatRef(f.ref))).toEqual(["別紙2!C2", "別紙2!C14"]);
  });
});

describe("gec report's 別紙2 lines", () => {
  it("set each named block against the facility it names (セイホク's 11,775 t for a block labelled セイホク)", () => {
    let g = named([SEIHOKU, KAWABE, TSUBETSU]);
    g = withCell(g, A2, "C2", 11775);
    g = withCell(g, A2, "C26", 32316);
    const lines = verificationReport(g).allocation.map((l) => [
      l.cell,
      l.facility,
      l.recomputed?.toNumber(),
      l.verdict,
    ]);
    expect(lines).toEqual([
      ["別紙2!C2", SEIHOKU, 11775, "agrees"],
      ["別紙2!C14", KAWABE, 13687, "agrees"],
      ["別紙2!C26", TSUBETSU, 32316, "agrees"],
    ]);
  });
});
