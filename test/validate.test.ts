// The validation summary: its numbers grouped as the pane shows every number (issue 20).
import { validateGrid } from "../src/validate";
import { HEAT_PROJECT_COLUMNS } from "../src/forms/layout";
import { generatedGrid } from "./fixtures/generated";

describe("validateGrid summary", () => {
  it("groups the facility and finding counts: 1,200 施設, エラー 1,200 件", () => {
    const grid = generatedGrid(1200, 3);
    // every row's 3.3 Q_WB one more than its inputs give: 1,200 recompute errors, one a row
    const list = grid.sheets[1];
    const qWb = HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === "qWb");
    for (let r = 3; r < 3 + 1200; r++) list.values[r][qWb] = (list.values[r][qWb] as number) + 1;
    const report = validateGrid(grid);
    expect(report.summary).toMatchObject({ facilities: 1200, errors: 1200 });
    expect(report.summary.text.ja).toContain("、1,200 施設、");
    expect(report.summary.text.ja).toContain("エラー 1,200 件");
    expect(report.summary.text.en).toContain(", 1,200 facilities, ");
    expect(report.summary.text.en).toContain(": 1,200 errors,");
  });
});
