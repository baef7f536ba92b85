// gec check / fill with files that are not what they seem: devices, FIFOs, folders, links to the input, outputs that
// cannot be written; and fill through the CLI keeps every part of the package.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { runGec, tempDir } from "../fixtures/runGec";
import { richWorkbook } from "../io/richWorkbook";

const dir = tempDir("files");
const published = path.join(__dirname, "..", "fixtures", "xlsx", "H002-2-published.xlsx");

/** Both languages are there, and no library text or stack trace. */
function expectOwnMessage(stderr: string): void {
  expect(stderr).toMatch(/[ぁ-んァ-ン一-龥]/);
  expect(stderr).toMatch(/[A-Za-z]{4,}/);
  expect(stderr).not.toMatch(/\n\s+at |Bug :|Cannot set properties|TypeError/);
}

function leftovers(folder: string): string[] {
  return fs.readdirSync(folder).filter((f) => f.endsWith(".tmp"));
}

describe("inputs that are not regular files are refused before they are opened", () => {
  it("a folder without a workbook (a folder is checked as many workbooks: test/cli/portfolio.test.ts)", async () => {
    const r = await runGec(["check", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("フォルダ");
    expectOwnMessage(r.stderr);
  });

  it("/dev/zero", async () => {
    const r = await runGec(["check", "/dev/zero"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("device");
    expectOwnMessage(r.stderr);
  });

  const fifoIt = process.platform === "win32" ? it.skip : it;
  fifoIt("a FIFO with no writer (does not hang)", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    spawnSync("mkfifo", [fifo]);
    const r = await runGec(["check", fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("FIFO");
  });

  it("a missing file", async () => {
    const r = await runGec(["fill", path.join(dir, "none.xlsx"), "-o", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file");
  });
});

describe("gec fill writes atomically, never over its input", () => {
  let input: string;
  let original: Buffer;
  beforeAll(() => {
    input = path.join(dir, "in.xlsx");
    fs.copyFileSync(published, input);
    original = fs.readFileSync(input);
  });

  it("refuses a symlink and a hard link to the input, and keeps the input", async () => {
    const sym = path.join(dir, "sym.xlsx");
    const hard = path.join(dir, "hard.xlsx");
    fs.symlinkSync(input, sym);
    fs.linkSync(input, hard);
    for (const out of [sym, hard, path.join(dir, ".", "in.xlsx")]) {
      const r = await runGec(["fill", input, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("input");
    }
    expect(fs.readFileSync(input).equals(original)).toBe(true);
  });

  it("names the output and the cause: a device, a missing folder, a read-only folder; leaves nothing behind", async () => {
    const full = await runGec(["fill", input, "-o", "/dev/full"]);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain("/dev/full");
    expectOwnMessage(full.stderr);

    const missing = path.join(dir, "no-such-folder", "out.xlsx");
    const m = await runGec(["fill", input, "-o", missing]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(missing);
    expect(m.stderr).toContain("does not exist");

    // root ignores folder permissions; a file in the way of the folder gives the same kind of failure
    const ro = path.join(dir, "ro");
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    const target = process.getuid?.() === 0 ? path.join(input, "out.xlsx") : path.join(ro, "out.xlsx");
    const r = await runGec(["fill", input, "-o", target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(target);
    expectOwnMessage(r.stderr);
    expect(leftovers(dir)).toEqual([]);
    expect(leftovers(ro)).toEqual([]);
  });

  it("keeps an existing output unless --force, which replaces it in one step (issue 16)", async () => {
    const out = path.join(dir, "out.xlsx");
    fs.writeFileSync(out, "old");
    const refused = await runGec(["fill", input, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(out);
    expect(refused.stderr).toContain("--force");
    expectOwnMessage(refused.stderr);
    expect(fs.readFileSync(out, "utf8")).toBe("old");
    const r = await runGec(["fill", input, "-o", out, "--force"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("gec fill keeps the package", () => {
  it("carries charts, drawings, images, comments and the rest over unchanged", async () => {
    // the rich workbook is no 様式3-2: fill plans nothing, so every entry must come out identical
    const input = path.join(dir, "rich.xlsx");
    fs.writeFileSync(input, await richWorkbook());
    const out = path.join(dir, "rich-out.xlsx");
    const r = await runGec(["fill", input, "-o", out]);
    expect(r.code).toBe(0);
    const a = unzipSync(fs.readFileSync(input));
    const b = unzipSync(fs.readFileSync(out));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(Buffer.from(b[name]).equals(Buffer.from(a[name]))).toBe(true);
  });

  it("on the published H002-2: only 別紙1's sheet part changes", async () => {
    const out = path.join(dir, "h2.xlsx");
    const r = await runGec(["fill", published, "-o", out]);
    expect(r.code).toBe(0);
    const a = unzipSync(fs.readFileSync(published));
    const b = unzipSync(fs.readFileSync(out));
    const differing = Object.keys(a).filter(
      (n) => !Buffer.from(a[n]).equals(Buffer.from(b[n] ?? new Uint8Array())),
    );
    expect(differing).toHaveLength(1);
    expect(differing[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
  });
});

describe("gec fill on a bomb in a part the reader skips", () => {
  it("refuses a media entry whose headers understate 1 GB, within the writer's budget", async () => {
    const { rawZip, deflateRepeated } = require("../fixtures/hostile/generate.js") as {
      rawZip(entries: { name: string; data: Buffer; size?: number; declaredSize?: number }[]): Buffer;
      deflateRepeated(prefix: string, chunk: string, times: number, suffix: string): Buffer;
    };
    const honest = unzipSync(fs.readFileSync(published));
    const zlib = await import("zlib");
    const entries: { name: string; data: Buffer; size: number }[] = Object.entries(honest).map(
      ([name, data]) => ({
        name,
        data: zlib.deflateRawSync(Buffer.from(data)),
        size: data.length,
      }),
    );
    entries.push({
      name: "xl/media/image1.png",
      data: deflateRepeated("", "\0".repeat(1024 * 1024), 1024, ""),
      size: 1000,
    });
    const input = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(input, rawZip(entries.map((e) => ({ ...e, declaredSize: e.size }))));
    expect((await runGec(["check", input])).code).toBe(1); // the reader never inflates the image
    const out = path.join(dir, "bomb-out.xlsx");
    const r = await runGec(["fill", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/上限/);
    expect(r.stderr).toMatch(/limit/);
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});
