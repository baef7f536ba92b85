// (a) A gauge mean a spreadsheet's AVERAGE left at 0.8780000000000001 is the 0.878 Excel and LibreOffice show and
// compute with: p_abs = ROUNDUP(ROUNDUP(0.878, 3) + 0.101325, 2) = ROUNDUP(0.979325, 2) = 0.98 is the issuer's right
// value, and 0.99 (from ROUNDUP(0.8780000000000001, 3) = 0.879) is not (docs/numbers.md).
import { validateGrid } from "../../src/engine";
import { formatRef } from "../../src/forms/a1";
import { withCell } from "../fixtures/seedSubmissions";
import { cellOf, monitoredGrid } from "../fixtures/monitoring";

function withGauge(pAbs: number) {
  const { grid, places } = monitoredGrid();
  const place = places[0];
  const gauge = cellOf(place, "pGauge", 0);
  const abs = cellOf(place, "pAbs", 0);
  // 0.878 itself is a double a little below it; the sum of 30 daily readings ÷ 30 lands on the next one up
  expect(0.8780000000000001).not.toBe(0.878);
  const edited = withCell(withCell(grid, place.sheet, gauge, 0.8780000000000001), place.sheet, abs, pAbs);
  return { findings: validateGrid(edited).findings, abs: `${place.sheet}!${abs}` };
}

describe("(a) binary noise in a gauge mean", () => {
  it("the issuer's 0.98 passes: no p_abs error at the cell", () => {
    const { findings, abs } = withGauge(0.98);
    const atAbs = findings.filter((f) => formatRef(f.ref) === abs);
    expect(atAbs.map((f) => f.rule)).toEqual([]);
  });

  it("0.99, the double's own ROUNDUP, is the one flagged, expecting 0.98", () => {
    const { findings, abs } = withGauge(0.99);
    const hit = findings.find((f) => f.rule === "monitoring.pAbs.recompute" && formatRef(f.ref) === abs);
    expect(hit?.expected).toBe("0.98");
  });
});

describe('a gauge ≥ 100 "MPa" is read as kPa, or bar where the steam would be superheated as bar too', () => {
  function gaugeFinding(gauge: number, tMean?: number) {
    const { grid, places } = monitoredGrid();
    const place = places[0];
    let edited = withCell(grid, place.sheet, cellOf(place, "pGauge", 0), gauge);
    if (tMean !== undefined) edited = withCell(edited, place.sheet, cellOf(place, "tSteamMean", 0), tMean);
    return validateGrid(edited).findings.find((f) => f.rule === "monitoring.pressure.looksKpa");
  }

  it("842.37 at 185.468 °C: 0.84237 MPa; as bar (84.237 MPa) the steam would be liquid, so bar is not offered", () => {
    // t_sat(8.524 MPa) ≈ 300 °C > 185.468 °C
    const hit = gaugeFinding(842.37);
    expect(hit?.expected).toBe("0.84237");
    expect(hit?.message.en).not.toContain("bar");
  });

  it("110 at 540 °C: 0.11 MPa, or, as bar, 11 MPa (t_sat(11.1 MPa) ≈ 319 °C < 540 °C)", () => {
    const hit = gaugeFinding(110, 540);
    expect(hit?.expected).toBe("0.11");
    expect(hit?.message.en).toContain("if it is bar, 11 MPa");
    expect(hit?.message.ja).toContain("bar なら 11 MPa");
  });
});
