// Builds the Japanese custom-functions metadata (functions-ja.json) from the generated functions.json.
"use strict";

/**
 * Replaces each function's and parameter's description with its Japanese text. Ids and names stay ASCII:
 * a formula written with a translated name would give #NAME?. Throws when a description is missing, so the
 * build fails rather than ship a half-translated list.
 */
function localizeMetadata(metadata, ja) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const entry = ja[fn.id];
    if (!entry) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = (fn.parameters || []).map((param) => {
      const text = entry.parameters && entry.parameters[param.name];
      if (!text) missing.push(`${fn.id}(${param.name})`);
      return { ...param, description: text || param.description };
    });
    const localized = { ...fn, description: entry.description, parameters };
    if (fn.result && entry.result) localized.result = { ...fn.result, description: entry.result };
    return localized;
  });
  if (missing.length > 0) throw new Error(`Japanese descriptions missing for: ${missing.join(", ")}`);
  return { ...metadata, functions };
}

module.exports = { localizeMetadata };
