// The writer's shared pieces: a planned text edit, the splice that applies edits to a part, a cell's A1 address.
import { cellAddress } from "../src/forms/a1";

export const address = (row: number, col: number) => cellAddress({ row, col });

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function splice(xml: string, edits: Edit[]): string {
  // stable by position: inserts at one point keep the order they were planned in
  const sorted = edits.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    out.push(xml.slice(at, s.start), s.text);
    at = Math.max(at, s.end);
  }
  out.push(xml.slice(at));
  return out.join("");
}
