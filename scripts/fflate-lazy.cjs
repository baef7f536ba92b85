// fflate as the gec bundle sees it: loaded on first use. Its top level builds Huffman tables and a TextDecoder, some
// 2 ms of every start, while a small workbook's parts go to zlib and never reach it (scripts/build-cli.js).
"use strict";
let fflate;
// resolved by build-cli.js's plugin to fflate's plain build
const load = () => (fflate ??= require("fflate"));
/** A class of fflate's, constructed on the module loaded at that moment (`new` of a function returning an object). */
const lazyClass = (name) =>
  function (...args) {
    return new (load()[name])(...args);
  };
exports.Inflate = lazyClass("Inflate");
exports.Zip = lazyClass("Zip");
exports.ZipDeflate = lazyClass("ZipDeflate");
exports.ZipPassThrough = lazyClass("ZipPassThrough");
exports.zipSync = (...args) => load().zipSync(...args);
