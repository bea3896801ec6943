#!/usr/bin/env node

// src/cli/index.ts
import { fileURLToPath } from "node:url";

// src/cli/compile-cache.ts
import { createHash } from "node:crypto";
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import vm from "node:vm";
var loaded = /* @__PURE__ */ new Map();
function requireWithCodeCache(file, env = process.env) {
  const known = loaded.get(file);
  if (known) return known.exports;
  const source = readFileSync(file, "utf8");
  const cacheFile = env.BASELINE_GATE_COMPILE_CACHE === "0" ? null : cachePath(file);
  const cachedData = cacheFile ? readCache(cacheFile) : void 0;
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}
})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  const module = { exports: {} };
  const fn = script.runInThisContext();
  loaded.set(file, module);
  try {
    fn(module.exports, partsRequire(file, env), module, file, dirname(file));
  } catch (e) {
    loaded.delete(file);
    throw e;
  }
  if (cacheFile && (cachedData === void 0 || script.cachedDataRejected)) {
    process.once("beforeExit", () => writeCache(cacheFile, script));
  }
  return module.exports;
}
function partsRequire(file, env) {
  const plain = createRequire(file);
  const part = (id) => /^\.\/[\w-]+\.cjs$/.test(id) ? requireWithCodeCache(join(dirname(file), id), env) : plain(id);
  return Object.assign(part, plain);
}
function cachePath(file) {
  try {
    const uid = typeof process.getuid === "function" ? process.getuid() : -1;
    const dir = join(tmpdir(), `baseline-gate-compile-cache-${uid >= 0 ? uid : userInfo().username}`);
    mkdirSync(dir, { recursive: true, mode: 448 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || uid >= 0 && st.uid !== uid || (st.mode & 63) !== 0) return null;
    const f = statSync(file);
    const identity = `${file}\0${f.dev}\0${f.ino}\0${f.size}\0${f.mtimeMs}\0${process.version}\0${process.arch}`;
    const key = createHash("sha256").update(identity).digest("hex");
    return join(dir, `${key.slice(0, 32)}.bin`);
  } catch {
    return null;
  }
}
var CACHE_LIMIT_BYTES = 64 * 1024 * 1024;
var MARK_USED_AFTER_MS = 24 * 60 * 60 * 1e3;
var STALE_TMP_MS = 60 * 60 * 1e3;
function readCache(path) {
  try {
    const st = statSync(path);
    if (typeof process.getuid === "function" && st.uid !== process.getuid()) return void 0;
    const data = readFileSync(path);
    if (Date.now() - st.mtimeMs > MARK_USED_AFTER_MS) {
      const now = /* @__PURE__ */ new Date();
      utimesSync(path, now, now);
    }
    return data;
  } catch {
    return void 0;
  }
}
function pruneCache(dir, keep, limit = CACHE_LIMIT_BYTES, now = Date.now()) {
  const entries = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    if (name.endsWith(".tmp")) {
      if (now - st.mtimeMs > STALE_TMP_MS) unlinkSync(path);
    } else if (name.endsWith(".bin")) entries.push({ path, size: st.size, mtime: st.mtimeMs });
  }
  entries.sort((a, b) => b.mtime - a.mtime);
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > limit && e.path !== keep) unlinkSync(e.path);
  }
}
function writeCache(path, script) {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, "w", 384);
    try {
      writeSync(fd, script.createCachedData());
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    pruneCache(dirname(path), path);
  } catch {
  }
}

// src/cli/index.ts
var { main } = requireWithCodeCache(fileURLToPath(new URL("./main.cjs", import.meta.url)));
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
});
