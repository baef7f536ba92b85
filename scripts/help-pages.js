// The help pages shipped in dist/web/help: one per custom function and per verifier rule, an index and a support page.
"use strict";

const SEVERITY = {
  error: { ja: "エラー", en: "Error" },
  warning: { ja: "警告", en: "Warning" },
  info: { ja: "情報", en: "Note" },
};

function esc(text) {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A file name any static host serves as is, distinct on case-insensitive disks too (ids are ASCII). */
function safeName(id) {
  return String(id).replace(/[^A-Za-z0-9._-]/g, "_");
}

// Excel function ids are case-insensitive; rule ids are camelCase and differ by case alone (ePs, eps): "-p".
const functionPage = (id) => `functions/${safeName(id).toLowerCase()}.html`;
const rulePage = (id) => `rules/${safeName(id).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.html`;

const STYLE = `
  body { font-family: "Noto Sans JP", "Yu Gothic UI", Meiryo, system-ui, sans-serif; margin: 0 auto; max-width: 56rem;
         padding: 1rem 1.25rem 3rem; line-height: 1.6; color: #1b1b1b; background: #fff; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } code { font-size: 0.95em; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem;
  text-align: left; vertical-align: top; } th { background: #f3f3f3; }
  [lang="en"] { color: #424242; } nav { margin-bottom: 1rem; font-size: 0.9rem; }
  @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #eee; } th { background: #2b2b2b; }
    [lang="en"] { color: #c8c8c8; } a { color: #7fb4ff; } }`;

/** One page: Japanese first, English alongside; no script, no external resource. */
function page({ title, depth, body, version }) {
  const up = depth === 0 ? "" : "../".repeat(depth);
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav><a href="${up}index.html">ヘルプ目次 <span lang="en">/ Help index</span></a> ·
<a href="${up}support.html">サポート <span lang="en">/ Support</span></a></nav>
<main>
${body}
</main>
<footer><p><small>GEC 様式3-2 ツール <span lang="en">/ GEC Form 3-2 tool</span> ${esc(version)}</small></p></footer>
</body>
</html>
`;
}

/** "日本語 / English" as two spans, the English one marked for screen readers. */
const both = (ja, en) => `${esc(ja)} <span lang="en">/ ${esc(en)}</span>`;

function signature(fn) {
  const params = (fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=GEC.${fn.name}(${params.join(", ")})`;
}

function renderFunction(fn, ja, version) {
  const jaParams = new Map((ja.parameters || []).map((p) => [p.name, p]));
  const rows = (fn.parameters || [])
    .map((p) => {
      const pj = jaParams.get(p.name);
      const opt = p.optional ? ` <small>（省略可 <span lang="en">/ optional</span>）</small>` : "";
      return `<tr><td><code>${esc(p.name)}</code>${opt}</td><td>${esc(pj ? pj.description : "")}</td><td lang="en">${esc(p.description)}</td></tr>`;
    })
    .join("\n");
  const result =
    fn.result && (fn.result.description || (ja.result && ja.result.description))
      ? `<h2>戻り値 <span lang="en">/ Result</span></h2>
<p>${esc(ja.result ? ja.result.description : "")}</p><p lang="en">${esc(fn.result.description || "")}</p>`
      : "";
  return page({
    title: `GEC.${fn.name} — GEC 様式3-2 ツール`,
    depth: 1,
    version,
    body: `<h1><code>GEC.${esc(fn.name)}</code></h1>
<p><code>${esc(signature(fn))}</code></p>
<p>${esc(ja.description)}</p>
<p lang="en">${esc(fn.description)}</p>
<h2>引数 <span lang="en">/ Arguments</span></h2>
${rows ? `<table><thead><tr><th>名前 <span lang="en">/ Name</span></th><th>説明</th><th lang="en">Description</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>なし <span lang="en">/ none</span></p>'}
${result}
<h2>エラー <span lang="en">/ Errors</span></h2>
<p>範囲外・読めない入力は <code>#VALUE!</code>、表にない値は <code>#N/A</code> になり、セルのエラーメニューに理由が表示されます。範囲を渡すと結果もスピルした範囲になります。</p>
<p lang="en">An input out of range or unreadable gives <code>#VALUE!</code>, a value the tables do not have gives <code>#N/A</code>; the cell's error menu says why. A range in gives a spilled range out.</p>`,
  });
}

function renderRule(rule, families, version) {
  const family = families[rule.family] || { ja: "", en: "" };
  const severity = SEVERITY[rule.severity] || { ja: rule.severity, en: rule.severity };
  return page({
    title: `${rule.id} — GEC 様式3-2 ツール`,
    depth: 1,
    version,
    body: `<h1><code>${esc(rule.id)}</code></h1>
<p>${esc(rule.description.ja)}</p>
<p lang="en">${esc(rule.description.en)}</p>
<table><tbody>
<tr><th>分類 <span lang="en">/ Family</span></th><td>${esc(rule.family)}. ${both(family.ja, family.en)}</td></tr>
<tr><th>重要度 <span lang="en">/ Severity</span></th><td>${both(severity.ja, severity.en)}</td></tr>
<tr><th>自動修正 <span lang="en">/ Fix</span></th><td>${
      rule.fixable
        ? both(
            "あり：パネルの［修正］で 1 セルを書き換えます（［元に戻す］で戻せます）",
            "yes: 修正 (Fix) in the pane writes one cell, 元に戻す (Revert) restores it",
          )
        : both("なし：セルを確認して手で直してください", "no: check the cell and correct it by hand")
    }</td></tr>
</tbody></table>`,
  });
}

function renderIndex(functions, rules, families, version) {
  const fnRows = functions
    .map(
      ({ en, ja }) =>
        `<tr><td><a href="${functionPage(en.id)}"><code>GEC.${esc(en.name)}</code></a></td><td>${esc(ja.description)}</td><td lang="en">${esc(en.description)}</td></tr>`,
    )
    .join("\n");
  const byFamily = new Map();
  for (const r of rules) byFamily.set(r.family, [...(byFamily.get(r.family) || []), r]);
  const ruleSections = [...byFamily.keys()]
    .sort((a, b) => a - b)
    .map((f) => {
      const family = families[f] || { ja: "", en: "" };
      const items = byFamily
        .get(f)
        .map(
          (r) =>
            `<tr><td><a href="${rulePage(r.id)}"><code>${esc(r.id)}</code></a></td><td>${esc(r.description.ja)}</td><td lang="en">${esc(r.description.en)}</td></tr>`,
        )
        .join("\n");
      return `<h3>${esc(f)}. ${both(family.ja, family.en)}</h3>
<table><thead><tr><th>ID</th><th>内容</th><th lang="en">Description</th></tr></thead><tbody>
${items}
</tbody></table>`;
    })
    .join("\n");
  return page({
    title: "ヘルプ — GEC 様式3-2 ツール / Help",
    depth: 0,
    version,
    body: `<h1>GEC 様式3-2 ツール ヘルプ <span lang="en">/ GEC Form 3-2 tool help</span></h1>
<p>グリーンエネルギーCO2削減相当量認証制度の様式3-2（実績）を検証・自動入力する Excel アドインです。</p>
<p lang="en">An Excel add-in that validates and fills Form 3-2 (results) workbooks of the Green Energy CO2 certification scheme.</p>
<h2>関数 <span lang="en">/ Functions</span> (${functions.length})</h2>
<table><thead><tr><th>関数 <span lang="en">/ Function</span></th><th>説明</th><th lang="en">Description</th></tr></thead><tbody>
${fnRows}
</tbody></table>
<h2>検証ルール <span lang="en">/ Validation rules</span> (${rules.length})</h2>
${ruleSections}`,
  });
}

function renderSupport(version, contact) {
  const who = contact
    ? `<p>お問い合わせ <span lang="en">/ Contact</span>: <a href="mailto:${esc(contact)}">${esc(contact)}</a></p>`
    : `<p>お問い合わせは、このアドインを配布した組織の管理者（情報システム担当）へ。</p>
<p lang="en">Contact the administrator of the organisation that deployed this add-in.</p>`;
  return page({
    title: "サポート — GEC 様式3-2 ツール / Support",
    depth: 0,
    version,
    body: `<h1>サポート <span lang="en">/ Support</span></h1>
${who}
<h2>使い方 <span lang="en">/ How to use it</span></h2>
<ol>
<li>［ホーム］タブの［検証パネル］を開きます。 <span lang="en">Open 検証パネル (Validation pane) on the Home tab.</span></li>
<li>［検証］でブックを読み、指摘をセルごとに表示します。指摘をクリックするとそのセルを選択します。 <span lang="en">検証 (Validate) reads the workbook and lists each finding with its cell; a click selects the cell.</span></li>
<li>［修正］［自動入力］は書き込む前に変更内容を表示し、［書き込む］の後も［元に戻す］で戻せます。 <span lang="en">修正 (Fix) and 自動入力 (Fill) preview every change; 元に戻す (Revert) restores the previous values after 書き込む (Write).</span></li>
<li>［テンプレート挿入］で空の様式3-2 を新しいシートとして追加します（既存のシートは変更しません）。 <span lang="en">テンプレート挿入 (Insert template) adds a blank Form 3-2 as new sheets, never over existing ones.</span></li>
</ol>
<p><a href="index.html">関数と検証ルールの一覧 <span lang="en">/ Functions and validation rules</span></a></p>
<h2>よくある問題 <span lang="en">/ Common problems</span></h2>
<table><thead><tr><th>症状 <span lang="en">/ Symptom</span></th><th>対処 <span lang="en">/ What to do</span></th></tr></thead><tbody>
<tr><td>セルに <code>#NAME?</code> <span lang="en">/ <code>#NAME?</code> in a cell</span></td><td>アドインが読み込まれていません。［ホーム］›［アドイン］から有効にするか、管理者に配布状況を確認してください。 <span lang="en">The add-in is not loaded: enable it under Home › Add-ins, or ask your administrator whether it is deployed to you.</span></td></tr>
<tr><td><code>#VALUE!</code> / <code>#N/A</code></td><td>セルのエラーメニュー（!）に理由（どの引数が範囲外か）が表示されます。 <span lang="en">The cell's error menu (!) says which argument is out of range and why.</span></td></tr>
<tr><td>新しい関数が見つからない <span lang="en">/ a new function is missing</span></td><td>Excel は関数の定義を最大 24 時間キャッシュします。Excel を再起動するか、翌日に再度お試しください。 <span lang="en">Excel caches function metadata for up to 24 hours: restart Excel, or try again the next day.</span></td></tr>
<tr><td>シートが保護されている・セルを編集中 <span lang="en">/ protected sheet, cell in edit mode</span></td><td>保護を解除するか、Enter / Esc で編集を終えてからもう一度実行してください。 <span lang="en">Unprotect the sheet, or press Enter or Esc to finish editing, then try again.</span></td></tr>
</tbody></table>
<h2>データの扱い <span lang="en">/ Your data</span></h2>
<p>ブックの内容はこのアドインの中（お使いの PC のブラウザー部品）だけで処理され、外部に送信されません。</p>
<p lang="en">Workbook contents are processed inside the add-in on your computer and are never sent anywhere.</p>`,
  });
}

/**
 * All help pages as { "help/…html": text }. `metadata` and `metadataJa` are the functions.json and functions-ja.json
 * documents (read as data, whatever produced them); `rules` is the rule registry's list, `families` its families.
 */
function buildHelpPages({ metadata, metadataJa, rules, families, version, contact }) {
  const jaById = new Map(metadataJa.functions.map((f) => [f.id, f]));
  const functions = metadata.functions.map((en) => ({ en, ja: jaById.get(en.id) || en }));
  const files = {};
  for (const { en, ja } of functions) files[`help/${functionPage(en.id)}`] = renderFunction(en, ja, version);
  for (const rule of rules) files[`help/${rulePage(rule.id)}`] = renderRule(rule, families, version);
  const seen = new Map();
  for (const name of Object.keys(files)) {
    const other = seen.get(name.toLowerCase());
    if (other) throw new Error(`help pages ${other} and ${name} differ only in case`);
    seen.set(name.toLowerCase(), name);
  }
  files["help/index.html"] = renderIndex(functions, rules, families, version);
  files["help/support.html"] = renderSupport(version, contact);
  return files;
}

/** Adds each function's helpUrl (its page under `base`) to a functions.json document, whatever generated it. */
function withHelpUrls(metadata, base) {
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => ({ ...fn, helpUrl: `${base}help/${functionPage(fn.id)}` })),
  };
}

module.exports = { buildHelpPages, withHelpUrls, functionPage, rulePage };
