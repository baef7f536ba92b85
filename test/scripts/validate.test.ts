// `npm run validate` (scripts/validate.js): the manifests against Microsoft's schemas with xmllint, offline; a
// manifest the schema refuses fails with xmllint's line; without the schemas, well-formedness only, said aloud.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gec-validate-test-"));
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const haveXmllint = spawnSync("xmllint", ["--version"]).status === 0;

function validate(files: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["scripts/validate.js", ...files], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

(haveXmllint ? describe : describe.skip)("against the schemas in scripts/office-manifest-xsd", () => {
  it("passes manifest.xml and the manifest a production build writes for a host", () => {
    const r = validate([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/manifest\.xml: valid against .*OfficeAppManifestV1_1\.xsd/);
    expect(r.stdout).toMatch(/manifest\.xml rendered for https:\/\/example\.org\/gec\/: valid against/);
  });

  it("fails a manifest whose Id is no GUID, naming the file and the element", () => {
    const bad = path.join(dir, "bad-id.xml");
    fs.writeFileSync(bad, manifest.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"));
    const r = validate([bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toMatch(/element Id: Schemas validity error/);
  });

  it("fails a shared runtime with a lifetime the schema does not know", () => {
    const bad = path.join(dir, "bad-runtime.xml");
    fs.writeFileSync(bad, manifest.replace('lifetime="long"', 'lifetime="forever"'));
    expect(manifest).toContain('lifetime="long"');
    const r = validate([bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Runtime.*lifetime/);
  });
});

(haveXmllint ? describe : describe.skip)("without the schemas", () => {
  it("checks well-formedness only and says so", () => {
    const empty = fs.mkdtempSync(path.join(dir, "no-xsd-"));
    const ok = validate([], { GEC_MANIFEST_XSD: empty });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/well-formedness only/);
    expect(ok.stdout).toMatch(/manifest\.xml: well-formed/);
    const broken = path.join(dir, "broken.xml");
    fs.writeFileSync(broken, manifest.replace("</OfficeApp>", ""));
    expect(validate([broken], { GEC_MANIFEST_XSD: empty }).code).toBe(1);
  });
});
