// The README's and docs/history.md's links resolve: every #anchor names a heading (GitHub's anchor rules), every
// relative file exists; prose lines stay within 120 characters. The README is read first by staff, in a clone.
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const CHECKED = ["README.md", "docs/history.md"];
const PROSE_WIDTH = 120;

/** The text outside fenced code blocks, line by line (a fence's lines become empty, so numbers stay right). */
function outsideFences(markdown: string): string[] {
  let fenced = false;
  return markdown.split("\n").map((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return "";
    }
    return fenced ? "" : line;
  });
}

/**
 * GitHub's anchor for a heading's text: markup dropped, lower case, every character that is not a letter, mark,
 * number, connector (`_`), hyphen or space dropped, each space a hyphen; a repeated anchor gets -1, -2, ….
 */
function anchorOf(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link or image: its text
    .replace(/[`*]/g, "")
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
}

/** Every anchor of a markdown file's headings, repeated ones numbered as GitHub numbers them. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of outsideFences(markdown)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = anchorOf(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Link {
  line: number;
  target: string;
}

/** The targets of `[text](target)` and `![alt](target)` outside code (fences and inline code spans). */
function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  outsideFences(markdown).forEach((line, i) => {
    const prose = line.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g))
      links.push({ line: i + 1, target: m[1] });
  });
  return links;
}

/** What is wrong with each relative link of `file` (repository-relative): a missing file or an unknown anchor. */
function brokenLinks(file: string, read: (f: string) => string | null): string[] {
  const markdown = read(file);
  if (markdown === null) return [`${file}: missing`];
  const broken: string[] = [];
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (f: string, text: string) => anchors.get(f) ?? anchors.set(f, anchorsOf(text)).get(f)!;
  for (const { line, target } of linksOf(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: — not checked offline
    const [pathPart, anchor] = target.split("#", 2) as [string, string | undefined];
    const linked =
      pathPart === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
    const text = read(linked);
    if (text === null) {
      broken.push(`${file}:${line}: ${target} — no file ${linked}`);
      continue;
    }
    if (
      anchor !== undefined &&
      linked.endsWith(".md") &&
      !anchorsIn(linked, text).has(decodeURIComponent(anchor))
    )
      broken.push(`${file}:${line}: ${target} — no heading with the anchor #${anchor} in ${linked}`);
  }
  return broken;
}

/** Prose lines (not code, tables, HTML comments or a line that is one link) longer than PROSE_WIDTH characters. */
function longProseLines(markdown: string): string[] {
  return outsideFences(markdown)
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => !/^\s*(\||<!--)/.test(line) && !/^\s*\S*\]\([^)]*\)\S*$/.test(line))
    .filter(({ line }) => [...line].length > PROSE_WIDTH)
    .map(({ line, n }) => `${n}: ${[...line].length} characters`);
}

const readRepo = (f: string): string | null => {
  const p = path.join(root, f);
  return fs.existsSync(p) && fs.statSync(p).isFile() ? fs.readFileSync(p, "utf8") : null;
};

describe("GitHub's heading anchors", () => {
  // expected anchors worked out by hand from GitHub's rules, as GitHub renders these headings
  it.each([
    ["For verifiers (検証機関の方へ)", "for-verifiers-検証機関の方へ"],
    ["担当者向けクイックスタート（日本語）", "担当者向けクイックスタート日本語"],
    ["Custom functions (`=GEC.…`)", "custom-functions-gec"],
    ["Speed (`npm run bench`)", "speed-npm-run-bench"],
    ["Many workbooks (`gec check` of a folder)", "many-workbooks-gec-check-of-a-folder"],
    ["The engine and reading .xlsx", "the-engine-and-reading-xlsx"],
    ["gec check start-up", "gec-check-start-up"],
    ["`gec check FILE|DIR ... [--summary SUMMARY.xlsx]`", "gec-check-filedir----summary-summaryxlsx"],
    ["A [linked](docs/x.md) heading", "a-linked-heading"],
    ["snake_case and ５０ 全角", "snake_case-and-５０-全角"],
  ])("%s → #%s", (heading, anchor) => {
    expect(anchorOf(heading)).toBe(anchor);
  });

  it("numbers a repeated heading as GitHub does, and ignores headings inside code", () => {
    const md = "# Speed\n## Speed\n```sh\n# Speed\n```\n### Speed\n";
    expect([...anchorsOf(md)]).toEqual(["speed", "speed-1", "speed-2"]);
  });
});

describe("the link checker", () => {
  const files: Record<string, string> = {
    "README.md":
      "# Top\n## Two words\n[a](#two-words) [b](#nowhere) `[c](#in-code)`\n[d](docs/x.md#x-head)\n",
    "docs/x.md": "# X head\n[back](../README.md#top) [gone](../README.md#gone) [file](missing.png)\n",
  };
  const read = (f: string) => files[f] ?? null;

  it("finds an unknown anchor and a missing file, and passes what resolves (also across files)", () => {
    expect(brokenLinks("README.md", read)).toEqual([
      "README.md:3: #nowhere — no heading with the anchor #nowhere in README.md",
    ]);
    expect(brokenLinks("docs/x.md", read)).toEqual([
      "docs/x.md:2: ../README.md#gone — no heading with the anchor #gone in README.md",
      "docs/x.md:2: missing.png — no file docs/missing.png",
    ]);
  });

  it("measures prose, not tables or code", () => {
    const long = "x".repeat(PROSE_WIDTH + 1);
    expect(
      longProseLines(`${long}\n| ${long} |\n\`\`\`\n${long}\n\`\`\`\n${"語".repeat(PROSE_WIDTH)}\n`),
    ).toEqual([`1: ${PROSE_WIDTH + 1} characters`]);
  });
});

describe.each(CHECKED)("%s", (file) => {
  const markdown = readRepo(file) ?? "";

  it("exists and links somewhere", () => {
    expect(readRepo(file)).not.toBeNull();
    expect(linksOf(markdown).length).toBeGreaterThan(0); // the checks below are not vacuous
  });

  it("every relative link and #anchor resolves", () => {
    expect(brokenLinks(file, readRepo)).toEqual([]);
  });

  it(`keeps prose lines within ${PROSE_WIDTH} characters`, () => {
    expect(longProseLines(markdown)).toEqual([]);
  });
});

describe("the README", () => {
  const readme = readRepo("README.md") ?? "";

  it("starts with the two commands, then the Japanese quick start, then the English one", () => {
    const lines = readme.split("\n");
    expect(lines.slice(2, 6)).toEqual([
      "```sh",
      "npm ci && npm start      # install, build and serve the add-in on localhost:3000 (standalone page works without Excel)",
      "npm ci && npm test       # install and run every test",
      "```",
    ]);
    const h2 = lines.filter((l) => l.startsWith("## "));
    expect(h2.slice(0, 2)).toEqual(["## 担当者向けクイックスタート（日本語）", "## Quick start (English)"]);
  });

  it("shows each of docs/'s pictures", () => {
    for (const png of fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".png")))
      expect(readme).toContain(`](docs/${png})`);
  });
});
