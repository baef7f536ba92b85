#!/usr/bin/env node
// `npm run validate`: the add-in manifests against Microsoft's XML schemas, offline (xmllint): manifest.xml, the
// manifest a production build writes for a real host, and dist/web/manifest.xml when built. The schemas are in
// scripts/office-manifest-xsd (Microsoft's XSDs, patched to compile: its README), or GEC_MANIFEST_XSD=<folder>.
// Without them only well-formedness is checked, and it says so.
// Usage: node scripts/validate.js [MANIFEST.xml…]   (files given: only those)
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { renderManifest } = require("./manifest");

const root = path.resolve(__dirname, "..");
const SCHEMA = "OfficeAppManifestV1_1.xsd";
/** A base a production build might be given: every URL of the rendered manifest moves under it. */
const EXAMPLE_BASE = "https://example.org/gec/";

/** The folder holding the schemas: GEC_MANIFEST_XSD when set, else scripts/office-manifest-xsd; null if absent. */
function schemaFolder() {
  const dir = process.env.GEC_MANIFEST_XSD || path.join(__dirname, "office-manifest-xsd");
  return fs.existsSync(path.join(dir, SCHEMA)) ? dir : null;
}

/** The manifests to check: manifest.xml, its production rendering (written to `tmp`), dist/web's when built. */
function defaultManifests(tmp) {
  const source = path.join(root, "manifest.xml");
  const rendered = path.join(tmp, "manifest-production.xml");
  const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
  fs.writeFileSync(
    rendered,
    renderManifest(fs.readFileSync(source, "utf8"), { base: EXAMPLE_BASE, version }),
  );
  const files = [
    { file: source, name: "manifest.xml" },
    { file: rendered, name: `manifest.xml rendered for ${EXAMPLE_BASE}` },
  ];
  const built = path.join(root, "dist", "web", "manifest.xml");
  if (fs.existsSync(built)) files.push({ file: built, name: "dist/web/manifest.xml" });
  return files;
}

/**
 * Checks each manifest with xmllint: against the schema in `xsdDir`, or only for well-formedness when it is null.
 * Returns the failures, each with xmllint's own lines.
 */
function validateManifests(manifests, xsdDir) {
  const failures = [];
  for (const { file, name } of manifests) {
    const args = xsdDir ? ["--noout", "--schema", path.join(xsdDir, SCHEMA), file] : ["--noout", file];
    const r = spawnSync("xmllint", args, { encoding: "utf8" });
    if (r.error)
      throw new Error(
        `xmllint がありません / xmllint is missing (apt-get install libxml2-utils): ${r.error.message}`,
      );
    if (r.status !== 0) failures.push({ name, output: (r.stderr || r.stdout).trim() });
  }
  return failures;
}

function main() {
  const given = process.argv.slice(2);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gec-validate-"));
  try {
    const manifests = given.length
      ? given.map((f) => ({ file: path.resolve(f), name: f }))
      : defaultManifests(tmp);
    const xsdDir = schemaFolder();
    if (!xsdDir)
      process.stderr.write(
        "[gec] 注意: マニフェストのスキーマ（scripts/office-manifest-xsd または GEC_MANIFEST_XSD）がないため、" +
          "XML として正しいかだけを確かめます。\n" +
          "[gec] note: no manifest schemas (scripts/office-manifest-xsd or GEC_MANIFEST_XSD): checking " +
          "well-formedness only, not the schema.\n",
      );
    const failures = validateManifests(manifests, xsdDir);
    for (const f of failures) process.stderr.write(`[gec] ${f.name}:\n${f.output}\n`);
    const what = xsdDir ? `valid against ${path.relative(root, path.join(xsdDir, SCHEMA))}` : "well-formed";
    for (const m of manifests)
      if (!failures.some((f) => f.name === m.name)) process.stdout.write(`[gec] ${m.name}: ${what}\n`);
    return failures.length ? 1 : 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { schemaFolder, validateManifests };
if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (e) {
    process.stderr.write(`[gec] validate: ${e.message}\n`);
    process.exitCode = 2;
  }
}
