// monitoring.chain.failed by fault injection: every input the engine refuses is caught at its cell before a facility's
// chain runs, so no workbook reaches an engine failure inside one; should one happen, it is a finding at the cell the
// chain stood on, and the other facilities are still checked.
import { GecError } from "../../src/errors";
import { Decimal } from "../../src/numbers";
import type * as Formula from "../../src/formula/evaluate";

/** The steam flow of 津別's May (test/fixtures/monitoring.ts): the month whose 生成熱量 the injected fault breaks. */
const FAULTY_FLOW = Decimal.from(18750.5);

jest.mock("../../src/formula/evaluate", () => {
  const actual = jest.requireActual<typeof Formula>("../../src/formula/evaluate");
  return {
    ...actual,
    evaluateQuantities: (...args: Parameters<typeof actual.evaluateQuantities>) => {
      const [, given, wanted] = args;
      const flow = given.fSteam;
      if (wanted.includes("qMonth") && flow && flow.eq(FAULTY_FLOW) && given.hSteam) {
        throw new GecError("#NUM!", { ja: "注入した障害", en: "injected fault" });
      }
      return actual.evaluateQuantities(...args);
    },
  };
});

// imported after the mock is in place
const { validateGrid } = require("../../src/engine") as typeof import("../../src/engine");
const { formatRef } = require("../../src/forms/a1") as typeof import("../../src/forms/a1");
const fixtures = require("../fixtures/monitoring") as typeof import("../fixtures/monitoring");
const seed = require("../fixtures/seedSubmissions") as typeof import("../fixtures/seedSubmissions");

describe("an engine failure inside one facility's chain", () => {
  it("is monitoring.chain.failed at the month's cell; the run goes on and 川辺 is still checked", () => {
    const { grid, places } = fixtures.monitoredGrid();
    const t = places[0];
    // a fault in 川辺 that must still be found
    const k = places[1];
    const faulty = seed.withCell(grid, k.sheet, fixtures.cellOf(k, "pAbs", 0), 0.5);
    let report: ReturnType<typeof validateGrid> | undefined;
    expect(() => (report = validateGrid(faulty))).not.toThrow();
    const found = (report?.findings ?? []).map((f) => `${f.rule} ${formatRef(f.ref)}`);
    expect(found).toContain(`monitoring.chain.failed ${t.sheet}!${fixtures.cellOf(t, "month", 1)}`);
    expect(found).toContain(`monitoring.pAbs.recompute ${k.sheet}!${fixtures.cellOf(k, "pAbs", 0)}`);
    const hit = report?.findings.find((f) => f.rule === "monitoring.chain.failed");
    expect(hit?.message.ja).toContain("注入した障害");
    expect(hit?.message.en).toContain("injected fault");
  });
});
