// src/ is layered as scripts/layers.json declares: no import points up or sideways, no cycle between its folders or
// its files, no I/O or UI package (ESLint's own refusal is test/layersLint.test.ts: it starts a process).
import * as path from "path";
import layersFile from "../scripts/layers.json";
import { importCycles, importGraph, unitOf, wrongWayEdges } from "./fixtures/importGraph";
import type { ImportEdge, LayersFile } from "./fixtures/importGraph";

const ROOT = path.join(__dirname, "..");
const declared: LayersFile = layersFile;
const { layers } = declared;
const edges = importGraph(path.join(ROOT, "src"));

describe("the import graph of src/", () => {
  it("places every file of src/ in a layer", () => {
    const files = [...new Set(edges.map((e) => e.from))];
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => unitOf(f, layers) === null)).toEqual([]);
  });

  it("has no import that points up a layer or across to another unit of its layer", () => {
    expect(wrongWayEdges(edges, layers)).toEqual([]);
  });

  it("has no cycle between its folders, nor between its files", () => {
    expect(importCycles(edges, layers)).toEqual({ files: [], units: [] });
  });

  it("imports no package at all: no Node module, UI, Office.js or .xlsx library, and no adapter folder", () => {
    const external = edges.filter((e) => !e.specifier.startsWith("."));
    expect(external.map((e) => `${e.from}: ${e.specifier}`)).toEqual([]);
    const outside = edges.filter((e) => e.specifier.startsWith(".") && e.to === null);
    expect(outside.map((e) => `${e.from}: ${e.specifier}`)).toEqual([]);
  });

  it("the checks find what they look for: a wrong-way edge, a cycle of files and a cycle of folders", () => {
    const planted: ImportEdge[] = [
      { from: "formula/expr.ts", specifier: "../methodology", to: "methodology/index.ts" },
      { from: "methodology/index.ts", specifier: "../formula", to: "formula/index.ts" },
      { from: "formula/index.ts", specifier: "./expr", to: "formula/expr.ts" },
      { from: "checks/a.ts", specifier: "../fill/b", to: "fill/b.ts" },
    ];
    expect(wrongWayEdges(planted, layers)).toEqual([
      "formula/expr.ts → methodology/index.ts (formula → methodology: above)",
      "checks/a.ts → fill/b.ts (checks → fill: beside)",
    ]);
    expect(importCycles(planted, layers)).toEqual({
      files: [["formula/expr.ts", "formula/index.ts", "methodology/index.ts"]],
      units: [["formula", "methodology"]],
    });
  });
});
