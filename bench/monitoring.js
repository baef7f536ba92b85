// Times validateGrid on a workbook with monitoring tables (熱実績管理表): 1,000 facilities × 12 months = 12,000 monthly
// rows, each re-derived by the steam procedure (IF97 h and h'). One fiscal year, as a 実績 reports: a table's months
// must lie in the 年度 its title names. Prints figures, no thresholds.
"use strict";
const { loadGenerator } = require("./generator");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const FACILITIES = Number(process.env.BENCH_FACILITIES ?? 1000);
const YEARS = 1;
const FIRST_YEAR = 2020;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * The generated H002-2 workbook with a period of YEARS fiscal years and, per facility, a monitoring table whose months
 * give the facility's 3.1 exactly (the last month's 控除熱量 closes the sum) and 3.2 (the last month closes it).
 */
function monitoredGrid() {
  const { generatedGrid, mulberry32 } = loadGenerator();
  const { Decimal } = require(path.join(DIST, "src", "numbers"));
  const steam = require(path.join(DIST, "src", "steam"));
  const { HEAT_PROJECT_COLUMNS } = require(path.join(DIST, "src", "forms", "layout"));
  const grid = generatedGrid(FACILITIES, 7);
  const start = `${FIRST_YEAR}年4月1日`;
  const plan = grid.sheets[0];
  for (const line of plan.values) if (line[0] === "開始日") line[1] = start;
  const list = grid.sheets.find((s) => s.name === "別紙1");
  const col = (key) => HEAT_PROJECT_COLUMNS.findIndex((c) => c.key === key);
  const random = mulberry32(11);
  const months = YEARS * 12;
  const header = [
    "年月",
    "稼働日数",
    "蒸気圧力 月平均（ゲージ）",
    "蒸気圧力（絶対）",
    "蒸気温度 月平均",
    "蒸気温度",
    "蒸気比エンタルピー",
    "蒸気流量",
    "給水温度 月平均",
    "給水温度",
    "給水比エンタルピー",
    "給水流量",
    "控除熱量",
    "生成熱量",
    "補機消費電力量",
  ];
  const values = [];
  for (let f = 0; f < FACILITIES; f++) {
    const row = list.values[3 + f];
    row[col("startDate")] = start;
    row[col("facilityName")] = `生成バイオマス熱設備 ${f + 1}`;
    const qBl = row[col("qBl")];
    const ePs = row[col("ePs")];
    // flows sized so that Σ 生成熱量 is about 1.1 × 3.1 (the 控除熱量 takes the rest)
    const flow = (qBl * 1.1) / months / 2350;
    values.push(
      [`熱実績管理表 ${f + 1}`],
      ["熱設備名称", null, `生成バイオマス熱設備 ${f + 1} (${FIRST_YEAR + YEARS - 1}年度)`],
      header,
    );
    let sum = Decimal.zero;
    let epsUsed = 0;
    const rows = [];
    for (let m = 0; m < months; m++) {
      const g = Number((0.7 + 0.3 * random()).toFixed(5));
      const t = Number((186 + 13 * random()).toFixed(3));
      const tf = Number((100 + 5 * random()).toFixed(2));
      const fs_ = Number((flow * (0.9 + 0.2 * random())).toFixed(1));
      const ff = Number((fs_ * (1.005 + 0.02 * random())).toFixed(1));
      const pAbs = Decimal.from(g).roundUp(3).add("0.101325").roundUp(2).toNumber();
      const ts = Decimal.from(t).roundDown(1).toNumber();
      const tfw = Decimal.from(tf).roundDown(1).toNumber();
      const h = Number(steam.steamEnthalpy(pAbs, ts).toFixed(2));
      const hf = Number(steam.saturatedLiquidEnthalpy(tfw).toFixed(2));
      const q = Decimal.from(h).mul(fs_).sub(Decimal.from(hf).mul(ff)).toNumber();
      sum = sum.add(Decimal.from(q));
      const eps = m === months - 1 ? ePs - epsUsed : Math.floor(ePs / months);
      epsUsed += eps;
      const year = FIRST_YEAR + Math.floor((m + 3) / 12);
      rows.push([`${year}年${((m + 3) % 12) + 1}月`, 30, g, pAbs, t, ts, h, fs_, tf, tfw, hf, ff, 0, q, eps]);
    }
    // ROUNDDOWN(Σ Q − Σ 控除, 0) = 3.1: the whole MJ above 3.1 are deducted in the last month
    rows[months - 1][12] = sum.roundDown(0).sub(qBl).toNumber();
    values.push(...rows, ["合計"], [], []);
  }
  grid.sheets.push({ name: "熱実績管理表", values, origin: { row: 0, col: 0 } });
  return grid;
}

function ms(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function run({ print = false } = {}) {
  const enginePath = path.join(DIST, "src", "engine.js");
  if (!fs.existsSync(enginePath))
    throw new Error("dist/src/engine.js is missing: run `npm run -s build:node` first");
  const { validateGrid } = require(enginePath);
  const log = print ? (s) => console.log(s) : () => {};
  const t0 = process.hrtime.bigint();
  const grid = monitoredGrid();
  const built = ms(t0);
  const monthly = FACILITIES * YEARS * 12;
  let best = Infinity;
  let report;
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    report = validateGrid(grid);
    best = Math.min(best, ms(t));
  }
  const monitoring = report.findings.filter((f) => f.rule.startsWith("monitoring."));
  const errors = report.findings.filter((f) => f.severity === "error");
  const notes = monitoring.filter((f) => f.rule === "monitoring.convention").length;
  log(
    `validateGrid with monitoring tables: ${FACILITIES} facilities × ${YEARS} years × 12 months = ${monthly.toLocaleString("en-US")} monthly rows`,
  );
  log(
    `  workbook built in ${built.toFixed(0)} ms; best of ${RUNS}: ${best.toFixed(0)} ms (${((best * 1000) / monthly).toFixed(1)} µs per monthly row)`,
  );
  log(
    `  errors: ${errors.length}; convention notes (one per facility whose 3.1 follows its table): ${notes}`,
  );
  if (errors.length > 0)
    log(
      `  first errors: ${errors
        .slice(0, 3)
        .map((f) => `${f.rule} ${f.message.en}`)
        .join(" | ")}`,
    );
  return { monthly, ms: best, errors: errors.length, notes };
}

module.exports = { run };
if (require.main === module)
  run({ print: true }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
