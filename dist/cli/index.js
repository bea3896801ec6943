#!/usr/bin/env node
"use strict"; const __bgImportMetaUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli/index.ts
var import_node_url = require("node:url");

// src/cli/compile-cache.ts
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
var import_node_module = require("node:module");
var import_node_path = require("node:path");
var import_node_vm = __toESM(require("node:vm"), 1);
var loaded = /* @__PURE__ */ new Map();
function requireWithCodeCache(file, env = process.env, variant = "") {
  const known = loaded.get(file);
  if (known) return known.exports;
  const { bytes, size } = readWhole(file);
  const cacheFile = env.BASELINE_GATE_COMPILE_CACHE === "0" ? null : cachePath(file, bytes.subarray(0, size), variant, env);
  const text = bytes.toString("utf8", 0, size);
  const cachedData = cacheFile ? readCache(cacheFile, bytes) : void 0;
  const wrapper = text.startsWith(WRAPPER_HEAD) ? text : `${WRAPPER_HEAD}${text}
})`;
  const script = new import_node_vm.default.Script(wrapper, { filename: file, cachedData });
  const module2 = { exports: {} };
  const fn = script.runInThisContext();
  loaded.set(file, module2);
  try {
    fn(module2.exports, partsRequire(file, env), module2, file, (0, import_node_path.dirname)(file));
  } catch (e) {
    loaded.delete(file);
    throw e;
  }
  if (cacheFile && (cachedData === void 0 || script.cachedDataRejected)) {
    process.once("beforeExit", () => writeCache(cacheFile, script));
  }
  return module2.exports;
}
function partsRequire(file, env) {
  const plain = (0, import_node_module.createRequire)(file);
  const part = (id) => /^\.\/[\w-]+\.cjs$/.test(id) ? requireWithCodeCache((0, import_node_path.join)((0, import_node_path.dirname)(file), id), env) : plain(id);
  return Object.assign(part, plain);
}
var WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname) {";
function readWhole(file) {
  const fd = (0, import_node_fs.openSync)(file, "r");
  try {
    const size = (0, import_node_fs.fstatSync)(fd).size;
    const bytes = Buffer.allocUnsafeSlow(Math.max(size * ROOM_FOR_CACHE, 1));
    return { bytes, size: readInto(fd, bytes, size) };
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function readInto(fd, buf, size) {
  let n = 0;
  while (n < size) {
    const got = (0, import_node_fs.readSync)(fd, buf, n, size - n, n);
    if (got === 0) break;
    n += got;
  }
  return n;
}
var ROOM_FOR_CACHE = 3;
var CACHE_DIR = ".compile-cache";
function cachePath(file, bundle, variant, env) {
  try {
    const uid = typeof process.getuid === "function" ? process.getuid() : -1;
    const dir = (0, import_node_path.join)((0, import_node_path.dirname)(file), CACHE_DIR);
    (0, import_node_fs.mkdirSync)(dir, { recursive: true, mode: 448 });
    const st = (0, import_node_fs.lstatSync)(dir);
    if (!st.isDirectory() || uid >= 0 && st.uid !== uid || (st.mode & 63) !== 0) return null;
    const key = (0, import_node_crypto.createHash)("sha1").update(bundle).update(
      `\0${process.version}\0${process.arch}\0${variant}\0${process.execArgv.join("\0")}\0${env.NODE_OPTIONS ?? ""}`
    ).digest("hex");
    return (0, import_node_path.join)(dir, `${key.slice(0, 32)}.bin`);
  } catch {
    return null;
  }
}
var CHECKSUM_BYTES = 20;
var HEADER = 24;
var checksum = (data) => (0, import_node_crypto.createHash)("sha1").update(data).digest();
var header = (data) => Buffer.concat([checksum(data), Buffer.alloc(HEADER - CHECKSUM_BYTES)]);
var CACHE_LIMIT_BYTES = 64 * 1024 * 1024;
var MARK_USED_AFTER_MS = 24 * 60 * 60 * 1e3;
var STALE_TMP_MS = 60 * 60 * 1e3;
function readCache(path, room) {
  try {
    const fd = (0, import_node_fs.openSync)(path, "r");
    let entry;
    let st;
    try {
      st = (0, import_node_fs.fstatSync)(fd);
      if (typeof process.getuid === "function" && st.uid !== process.getuid()) return void 0;
      const into = st.size <= room.length ? room : Buffer.allocUnsafeSlow(st.size);
      entry = into.subarray(0, readInto(fd, into, st.size));
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
    const data = entry.subarray(HEADER);
    if (entry.length <= HEADER || !header(data).equals(entry.subarray(0, HEADER))) return void 0;
    if (Date.now() - st.mtimeMs > MARK_USED_AFTER_MS) {
      const now = /* @__PURE__ */ new Date();
      (0, import_node_fs.utimesSync)(path, now, now);
    }
    return data;
  } catch {
    return void 0;
  }
}
function pruneCache(dir, keep, limit = CACHE_LIMIT_BYTES, now = Date.now()) {
  const entries = [];
  for (const name of (0, import_node_fs.readdirSync)(dir)) {
    const path = (0, import_node_path.join)(dir, name);
    const st = (0, import_node_fs.lstatSync)(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    if (name.endsWith(".tmp")) {
      if (now - st.mtimeMs > STALE_TMP_MS) (0, import_node_fs.unlinkSync)(path);
    } else if (name.endsWith(".bin")) entries.push({ path, size: st.size, mtime: st.mtimeMs });
  }
  entries.sort((a, b) => b.mtime - a.mtime);
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > limit && e.path !== keep) (0, import_node_fs.unlinkSync)(e.path);
  }
}
function writeCache(path, script) {
  const tmp = `${path}.${(0, import_node_crypto.randomBytes)(8).toString("hex")}.tmp`;
  try {
    const fd = (0, import_node_fs.openSync)(tmp, "wx", 384);
    try {
      const data = script.createCachedData();
      (0, import_node_fs.writeSync)(fd, header(data));
      (0, import_node_fs.writeSync)(fd, data);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
    (0, import_node_fs.renameSync)(tmp, path);
    pruneCache((0, import_node_path.dirname)(path), path);
  } catch {
  }
}

// src/text/plural.ts
function thousands(n) {
  return Number.isSafeInteger(n) && !Object.is(n, -0) ? String(n).replace(/\B(?=(\d{3})+$)/g, ",") : n.toLocaleString("en-US");
}

// src/text/shorten.ts
function shorten(s, max, at = "char") {
  if (s.length <= max) return s;
  let end = max - 1;
  const last = s.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end--;
  if (at === "word") end = wordEnd(s, end);
  if (at === "quote") return `${s.slice(0, wholeWordsEnd(s, end))}\u2026`;
  return `${s.slice(0, end)}\u2026`;
}
function wholeWordsEnd(s, end) {
  if (/\s/.test(s.charAt(end))) return trimmedEnd(s, end);
  const space = s.slice(0, end).search(/\s\S*$/);
  return space < 0 ? 0 : trimmedEnd(s, space);
}
function wordEnd(s, end) {
  if (/\s/.test(s.charAt(end))) return trimmedEnd(s, end);
  const space = s.slice(0, end).search(/\s\S*$/);
  return space > end / 2 ? trimmedEnd(s, space) : end;
}
function trimmedEnd(s, end) {
  let e = end;
  while (e > 0 && /[\s,;:]/.test(s.charAt(e - 1))) e--;
  return e > 0 ? e : end;
}
function shortenMiddle(s, max) {
  if (s.length <= max) return s;
  const room = Math.max(2, max - 3);
  const headRoom = Math.floor(room * 0.35);
  const head = shorten(s, headRoom + 1, "word").replace(/\u2026$/, "");
  let from = s.length - (room - head.length);
  const first = s.charCodeAt(from);
  if (first >= 56320 && first <= 57343) from++;
  const space = s.slice(from).search(/\s/);
  if (space >= 0 && space < (s.length - from) / 2) from += space + 1;
  return `${head} \u2026 ${s.slice(from)}`;
}
var MAX_MESSAGE_SHOWN = 2e3;
function shownMessage(s) {
  if (s.length <= MAX_MESSAGE_SHOWN) return s;
  return `${shortenMiddle(s, MAX_MESSAGE_SHOWN)} (${thousands(s.length)} characters; the evidence packet holds it whole)`;
}

// src/text/terminal.ts
var SGR = "\\u001b\\[(?:1|2|22|31|32|33|39)m";
var CONTROL_RANGES = "\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff0-\\ufffb\\u{110bd}\\u{110cd}\\u{13430}-\\u{1343f}\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}";
var CONTROL = `[${CONTROL_RANGES}]`;
var CONTROL_IN_LINES = `(?![\\t\\n])${CONTROL}`;
var UNSAFE_KEEPING_COLOUR = new RegExp(`${SGR}|${CONTROL_IN_LINES}|##\\[`, "gu");
var UNSAFE_IN_A_LINE = new RegExp(`${CONTROL}|##\\[`, "gu");
var UNSAFE_IN_A_BLOCK = new RegExp(CONTROL_IN_LINES, "gu");
var UNSAFE_IN_A_LOG = new RegExp(`${CONTROL_IN_LINES}|##\\[`, "gu");
var COMMAND_LINE = new RegExp(`^((?:[^\\S\\n]|${SGR}|[\\uFE00-\\uFE0F])*)::`, "gmu");
function escape(ch) {
  if (ch === "\n") return "\\n";
  if (ch === "	") return "\\t";
  let out = "";
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}
var unsafe = (m) => m === "##[" ? `${escape("#")}#[` : escape(m);
function inlineSafe(text) {
  return text.replace(UNSAFE_IN_A_LINE, unsafe);
}

// src/cli/io.ts
var EXIT = { pass: 0, fail: 1, usage: 2 };
function internalErrorLine(e) {
  return `baseline-gate: internal error: ${inlineSafe(shownMessage(e?.message ?? String(e)))}
`;
}

// src/exec/inspector.ts
function refuseInspectorSignal() {
  if (process.platform !== "win32") process.on("SIGUSR1", ignore);
}
function ignore() {
}

// src/exec/stop-signals.ts
var import_node_fs2 = require("node:fs");
var STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
var STOP_NAMES = Object.keys(STOP_SIGNALS);
function dieOfHangUp(line) {
  if (line)
    try {
      (0, import_node_fs2.writeSync)(2, line);
    } catch {
    }
  process.removeAllListeners("SIGHUP");
  process.kill(process.pid, "SIGHUP");
}
function signalOfExit(code) {
  return STOP_NAMES.find((s) => STOP_SIGNALS[s] === code) ?? null;
}
function interruptedLine(code) {
  const signal = signalOfExit(code);
  return signal ? `baseline-gate: interrupted by ${signal}: no verdict; the processes the run started were stopped. What it wrote before stays: a rollback's restored trio was not verified (git status shows it; git checkout -- <the trio's files> puts the previous one back)
` : null;
}

// src/cli/std-output.ts
var import_node_fs3 = require("node:fs");
function stdOutput(fd, stream, onError) {
  const kind = directKind(fd);
  return kind ? directOutput(fd, import_node_fs3.writeSync, stream, onError, kind === "socket") : nodeStream(stream(), onError);
}
function directOutput(fd, write, stream, onError, socket = false) {
  let through = null;
  let failed = false;
  return {
    isTTY: false,
    write(s) {
      if (through) return through.write(s);
      if (failed) return false;
      const bytes = Buffer.from(s, "utf8");
      let at = 0;
      try {
        while (at < bytes.length) at += write(fd, bytes, at, bytes.length - at);
      } catch (e) {
        const err = e;
        if (err.code !== "EAGAIN" && !socket) {
          failed = true;
          onError(err);
          return false;
        }
        const s2 = stream();
        through = nodeStream(s2, onError);
        return s2.write(bytes.subarray(at));
      }
      return true;
    }
  };
}
function directKind(fd) {
  try {
    const st = (0, import_node_fs3.fstatSync)(fd);
    return st.isFIFO() || st.isFile() ? "file" : st.isSocket() ? "socket" : null;
  } catch {
    return null;
  }
}
function nodeStream(s, onError) {
  s.on("error", onError);
  return {
    write: (text) => s.write(text),
    isTTY: s.isTTY,
    get columns() {
      return s.columns;
    }
  };
}

// src/cli/index.ts
refuseInspectorSignal();
var stderr = stdOutput(
  2,
  () => process.stderr,
  () => {
  }
);
var unwritten = false;
var stdout = stdOutput(
  1,
  () => process.stdout,
  (e) => {
    if (e.code === "EPIPE" || unwritten) return;
    unwritten = true;
    process.exitCode = EXIT.usage;
    stderr.write(
      `baseline-gate: cannot write to stdout (${inlineSafe(e.code ?? e.message)}): no verdict; check where the output goes (a full disk, a closed file)
`
    );
  }
);
var settled = false;
process.exitCode = EXIT.usage;
process.once("exit", (code) => {
  if (!settled)
    stderr.write(interruptedLine(code) ?? internalErrorLine(new Error("the command ended without a verdict")));
});
var finish = (code) => {
  settled = true;
  process.exitCode = unwritten ? EXIT.usage : code;
  if (!unwritten && signalOfExit(code) === "SIGHUP") dieOfHangUp();
};
var fail = (e) => {
  stderr.write(internalErrorLine(e));
  finish(EXIT.usage);
};
async function earlyWalks(argv) {
  if (argv[0] !== "lkg") return null;
  try {
    const { beginLkgWalks } = requireWithCodeCache(
      (0, import_node_url.fileURLToPath)(new URL("./early-lkg.cjs", __bgImportMetaUrl)),
      process.env,
      "lkg"
    );
    return await beginLkgWalks(argv, { env: process.env, cwd: process.cwd() });
  } catch {
    return null;
  }
}
async function run(argv) {
  const early = await earlyWalks(argv);
  try {
    const word = argv[0] ?? "";
    const variant = /^[a-z][a-z-]{0,31}$/.test(word) ? word : "-";
    const { main } = requireWithCodeCache(
      (0, import_node_url.fileURLToPath)(new URL("./main.cjs", __bgImportMetaUrl)),
      process.env,
      variant
    );
    return await main(argv, {
      stdout,
      stderr,
      env: process.env,
      cwd: process.cwd(),
      ...early ? { early } : {}
    });
  } finally {
    void early?.stopAll();
  }
}
run(process.argv.slice(2)).then(finish, fail);
