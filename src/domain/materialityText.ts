// The preview's wording of a materiality, apart from the engine so that the pane's first bundle can carry it.
import type { Materiality, Message } from "../types";

/** The preview's line: 「排出削減量（t）は変わりません」, or what changes (or that it cannot be known). */
export function previewMessage(m: Materiality): Message {
  if (m.tonnes === null)
    return { ja: `排出削減量: ${m.message.ja}。`, en: `Emission reductions: ${m.message.en}.` };
  return m.reaches.length === 0
    ? { ja: "排出削減量（t）は変わりません。", en: "The emission reductions (t) do not change." }
    : { ja: `排出削減量: ${m.message.ja}。`, en: `Emission reductions: ${m.message.en}.` };
}
