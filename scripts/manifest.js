// The manifest for a host: manifest.xml's development URLs (https://localhost:3000/) moved under a base URL.
"use strict";

const DEV_ORIGIN = "https://localhost:3000";

/** A base URL the add-in can be served from: https (Office loads nothing else), ending in "/", no query or hash. */
function checkBase(base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`ベース URL として読めません / not a URL: ${base}`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ベース URL は https にしてください（Office は https しか読み込みません）/ the base URL must be https: ${base}`,
    );
  if (!base.endsWith("/") || url.search || url.hash)
    throw new Error(
      `ベース URL は "/" で終わるフォルダーにしてください / the base URL must be a folder ending in "/": ${base}`,
    );
  return url.href;
}

/** package.json's 1.2.3 as the manifest's four-part 1.2.3.0 (a pre-release tag is dropped). */
function manifestVersion(version) {
  const parts = String(version).split(/[-+]/)[0].split(".");
  if (parts.length > 4 || parts.some((p) => !/^\d{1,5}$/.test(p)))
    throw new Error(`package.json version ${version} has no four-part manifest form`);
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

/** manifest.xml with every URL under `base`, AppDomain its origin, and <Version> from package.json. */
function renderManifest(xml, { base, version }) {
  const origin = new URL(base).origin;
  const out = xml
    .split(`${DEV_ORIGIN}/`)
    .join(base)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  const stray = /(?:DefaultValue|Value)="(https?:[^"]*)"/g;
  for (const m of out.matchAll(stray))
    if (!m[1].startsWith(base)) throw new Error(`manifest.xml URL outside ${base}: ${m[1]}`);
  return out;
}

module.exports = { checkBase, manifestVersion, renderManifest, DEV_ORIGIN };
