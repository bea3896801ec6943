"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all2) => {
  for (var name in all2)
    __defProp(target, name, { get: all2[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  EXIT: () => EXIT,
  main: () => main
});
module.exports = __toCommonJS(main_exports);
var import_node_path7 = require("node:path");

// src/files/evidence-store.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");

// src/files/atomic-write.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
function writeFileAtomic(path, data, { durable = false } = {}) {
  (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(path), { recursive: true });
  const tmp = (0, import_node_path.join)((0, import_node_path.dirname)(path), `.${(0, import_node_path.basename)(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    (0, import_node_fs.writeFileSync)(tmp, data);
    if (durable) {
      const fd = (0, import_node_fs.openSync)(tmp, "r+");
      try {
        (0, import_node_fs.fsyncSync)(fd);
      } finally {
        (0, import_node_fs.closeSync)(fd);
      }
    }
    (0, import_node_fs.renameSync)(tmp, path);
  } catch (e) {
    (0, import_node_fs.rmSync)(tmp, { force: true });
    throw e;
  }
}

// src/files/evidence-store.ts
function createEvidenceStore(dir, options = {}) {
  const abs = (0, import_node_path2.resolve)(dir);
  return {
    dir: abs,
    write(name, content3) {
      if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`invalid evidence file name: ${name}`);
      (0, import_node_fs2.mkdirSync)(abs, { recursive: true });
      if (options.ignoreInGit) {
        const marker = (0, import_node_path2.join)((0, import_node_path2.resolve)(options.ignoreInGit), ".gitignore");
        if (!(0, import_node_fs2.existsSync)(marker))
          writeFileAtomic(marker, "# written by baseline-gate: local evidence, never committed\n*\n");
      }
      const path = (0, import_node_path2.join)(abs, name);
      writeFileAtomic(path, content3);
      return path;
    }
  };
}

// src/git/run-context.ts
var import_node_child_process = require("node:child_process");
var import_node_fs3 = require("node:fs");
var import_node_path3 = require("node:path");
var GIT_TIMEOUT_MS = 5e3;
async function readRunContext(root, env = process.env) {
  if (env.GITHUB_ACTIONS === "true") {
    return {
      repository: env.GITHUB_REPOSITORY || null,
      commit: env.GITHUB_SHA || null,
      ref: env.GITHUB_REF || null,
      event: env.GITHUB_EVENT_NAME || null,
      run_id: env.GITHUB_RUN_ID || null,
      run_attempt: env.GITHUB_RUN_ATTEMPT || null
    };
  }
  const head = readHeadFromDisk(root) ?? await readHeadWithGit(root);
  return {
    repository: null,
    commit: head.commit,
    ref: head.ref,
    event: "local",
    run_id: null,
    run_attempt: null
  };
}
function readHeadFromDisk(root) {
  try {
    const gitDir = findGitDir((0, import_node_path3.resolve)(root));
    if (!gitDir) return null;
    const head = (0, import_node_fs3.readFileSync)((0, import_node_path3.join)(gitDir, "HEAD"), "utf8").trim();
    if (/^[0-9a-f]{40}$/.test(head)) return { commit: head, ref: null };
    const m = /^ref: (refs\/[^\s]+)$/.exec(head);
    if (!m) return null;
    const ref = m[1];
    const commonFile = (0, import_node_path3.join)(gitDir, "commondir");
    const common = (0, import_node_fs3.existsSync)(commonFile) ? (0, import_node_path3.resolve)(gitDir, (0, import_node_fs3.readFileSync)(commonFile, "utf8").trim()) : gitDir;
    for (const dir of [gitDir, common]) {
      const loose = (0, import_node_path3.join)(dir, ref);
      if ((0, import_node_fs3.existsSync)(loose)) {
        const sha = (0, import_node_fs3.readFileSync)(loose, "utf8").trim();
        return /^[0-9a-f]{40}$/.test(sha) ? { commit: sha, ref } : null;
      }
    }
    const packed = (0, import_node_path3.join)(common, "packed-refs");
    if ((0, import_node_fs3.existsSync)(packed)) {
      for (const line of (0, import_node_fs3.readFileSync)(packed, "utf8").split("\n")) {
        const [sha, name] = line.trim().split(" ");
        if (name === ref && sha && /^[0-9a-f]{40}$/.test(sha)) return { commit: sha, ref };
      }
    }
    return { commit: null, ref };
  } catch {
    return null;
  }
}
function findGitDir(start) {
  for (let dir = start; ; dir = (0, import_node_path3.dirname)(dir)) {
    const dotGit = (0, import_node_path3.join)(dir, ".git");
    if ((0, import_node_fs3.existsSync)(dotGit)) {
      if ((0, import_node_fs3.statSync)(dotGit).isDirectory()) return dotGit;
      const m = /^gitdir: (.+)$/m.exec((0, import_node_fs3.readFileSync)(dotGit, "utf8"));
      if (!m) return null;
      const target = m[1].trim();
      return (0, import_node_path3.isAbsolute)(target) ? target : (0, import_node_path3.resolve)(dir, target);
    }
    if ((0, import_node_path3.dirname)(dir) === dir) return null;
  }
}
function readHeadWithGit(cwd) {
  return new Promise((done) => {
    (0, import_node_child_process.execFile)(
      "git",
      ["rev-parse", "HEAD", "--symbolic-full-name", "HEAD"],
      { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true },
      (err, stdout) => {
        const [commit, ref] = err ? [] : stdout.split("\n").map((l) => l.trim());
        done({ commit: commit && /^[0-9a-f]{40}$/.test(commit) ? commit : null, ref: ref || null });
      }
    );
  });
}

// src/operations/health.ts
var import_node_path5 = require("node:path");

// src/evidence/packet.ts
var EVIDENCE_SCHEMA = "evidence-packet.v1";
var TOOL_NAME = "baseline-gate";
function buildPacket(input) {
  const digest = (f) => ({
    path: f.path,
    sha256: f.sha256,
    bytes: f.read.kind === "ok" ? f.read.bytes.length : null
  });
  return {
    schema: EVIDENCE_SCHEMA,
    tool: { name: TOOL_NAME, version: input.toolVersion },
    operation: input.operation,
    baseline: input.baseline,
    started_at: input.startedAt.toISOString(),
    finished_at: input.finishedAt.toISOString(),
    duration_ms: Math.max(0, input.finishedAt.getTime() - input.startedAt.getTime()),
    git: input.git,
    policy: { source: input.policy.source, path: input.policy.path, sha256: input.policy.sha256 },
    trio: {
      pin: digest(input.trio.pin),
      manifest: digest(input.trio.manifest),
      matrix: digest(input.trio.matrix)
    },
    identity: input.identity,
    posture: input.posture,
    findings: input.findings,
    steps: [],
    tools: input.tools,
    redactions: 0,
    verdict: input.verdict
  };
}
function packetName(operation, baseline) {
  return `${operation}-${baseline}`;
}

// src/evidence/markdown.ts
function escapeMarkdown(text3) {
  return text3.replace(/\r?\n/g, " ").replace(/[\\`*_[\]#|]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function code(text3) {
  if (text3 === null || text3 === "") return "_unknown_";
  return `\`${text3.replace(/\r?\n/g, " ").replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}
function identityTable(identity, posture) {
  const rows = [
    ["Release tag", identity.release_tag],
    ["Commit", identity.commit_sha],
    ["Service contract", identity.service_contract_version],
    ["API contract", identity.api_contract_version],
    ["Integration baseline", identity.integration_baseline],
    ["Manifest SHA-256", identity.manifest_sha256],
    ["Runtime cutover posture", posture]
  ];
  return ["| | |", "| --- | --- |", ...rows.map(([k2, v2]) => `| ${k2} | ${code(v2)} |`)].join("\n");
}
function location(f) {
  if (!f.file) return "";
  return f.line ? `${f.file}:${f.line}${f.column ? `:${f.column}` : ""}` : f.file;
}
var ICON = { error: "\u274C", warning: "\u26A0\uFE0F", notice: "\u2139\uFE0F" };
function findingsTable(findings, limit = Infinity) {
  if (findings.length === 0) return "_No findings._";
  const shown = findings.slice(0, limit);
  const lines = [
    "| | Rule | Where | Message |",
    "| --- | --- | --- | --- |",
    ...shown.map(
      (f) => `| ${ICON[f.severity]} | ${f.rule} | ${code(location(f) || null)} | ${escapeMarkdown(f.message)} |`
    )
  ];
  if (findings.length > shown.length) {
    lines.push("", `_${findings.length - shown.length} more findings are in the evidence artifact._`);
  }
  return lines.join("\n");
}
function renderPacketMarkdown(p) {
  const trio = ["pin", "manifest", "matrix"].map(
    (role) => `| ${role} | ${code(p.trio[role].path)} | ${code(p.trio[role].sha256)} | ${p.trio[role].bytes ?? "-"} |`
  );
  const git = Object.entries(p.git).map(([k2, v2]) => `| ${k2} | ${code(v2)} |`);
  return [
    `# baseline-gate ${escapeMarkdown(p.operation)}: ${escapeMarkdown(p.baseline)} \u2014 ${p.verdict}`,
    "",
    `Tool ${code(`${p.tool.name} ${p.tool.version}`)}, started ${code(p.started_at)}, finished ${code(p.finished_at)} (${p.duration_ms} ms).`,
    "",
    "## Baseline",
    "",
    identityTable(p.identity, p.posture),
    "",
    "## Trio",
    "",
    "| Role | Path | SHA-256 | Bytes |",
    "| --- | --- | --- | --- |",
    ...trio,
    "",
    `Policy: ${p.policy.source === "file" ? code(p.policy.path) : "built-in defaults"} (SHA-256 ${code(p.policy.sha256)}).`,
    "",
    "## Findings",
    "",
    findingsTable(p.findings),
    "",
    "## Run",
    "",
    "| | |",
    "| --- | --- |",
    ...git,
    ...Object.entries(p.tools).map(([k2, v2]) => `| ${escapeMarkdown(k2)} | ${code(v2)} |`),
    "",
    `Verdict: **${p.verdict}**`,
    ""
  ].join("\n");
}

// src/source/source-file.ts
var BOM = Buffer.from([239, 187, 191]);
var strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var lenientUtf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
function sourceFromBytes(path, bytes) {
  const hasBom = bytes.length >= 3 && bytes.subarray(0, 3).equals(BOM);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text3;
  let validUtf8 = true;
  try {
    text3 = strictUtf8.decode(body);
  } catch {
    validUtf8 = false;
    text3 = lenientUtf8.decode(body);
  }
  return {
    path,
    bytes,
    text: text3,
    hasBom,
    validUtf8,
    hasCrlf: text3.includes("\r\n"),
    lineStarts: lineStartsOf(text3)
  };
}
function lineStartsOf(text3) {
  const starts = [0];
  for (let i = text3.indexOf("\n"); i !== -1; i = text3.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function positionAt(file, offset2) {
  const starts = file.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset2) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset2 - starts[lo] + 1 };
}

// src/rules/catalog.ts
var rules = {
  BG101: {
    title: "Trio file missing",
    severity: "error",
    description: "Each of the three trio files (pin, mirror, matrix) must exist at the path the policy names. A baseline with a missing file has no verifiable identity.",
    example: "`config/memorykernel-integration-pin.json` does not exist (renamed, or the policy points elsewhere)."
  },
  BG102: {
    title: "Trio file unreadable",
    severity: "error",
    description: "A trio file must be a regular, readable file inside the repository, of at most 4 MiB for the JSON files and 1 MiB for the matrix (about 7,000 ledger rows). Directories, FIFOs, paths outside the root and oversized files are refused before they are parsed, so nothing can hang the check.",
    example: "`docs/MEMORYKERNEL_COMPATIBILITY_MATRIX.md` is a directory, or a 40 MB file."
  },
  BG103: {
    title: "Trio file empty",
    severity: "error",
    description: "A trio file that is empty or only whitespace records nothing.",
    example: "`config/memorykernel-producer-manifest.json` has 0 bytes after a failed copy."
  },
  BG104: {
    title: "Byte-order mark in JSON",
    severity: "error",
    description: "JSON files must not start with a UTF-8 byte-order mark (RFC 8259 \xA78.1): the consumer reads the pin at start-up and strict JSON readers reject it. Some editors on Windows add one.",
    example: "The pin starts with the bytes `EF BB BF` before `{`."
  },
  BG105: {
    title: "Not valid UTF-8",
    severity: "error",
    description: "Trio files are UTF-8 text. Invalid byte sequences are shown as U+FFFD and the file is rejected.",
    example: "The matrix was saved as Latin-1 and contains the byte `0xE9`."
  },
  BG106: {
    title: "JSON syntax error",
    severity: "error",
    description: "The pin and the mirror must be strict JSON: no comments, no trailing commas. Every syntax error is reported with its line and column, not only the first.",
    example: '`"release_tag": "v0.4.0",` followed by `}` (a trailing comma).'
  },
  BG107: {
    title: "Duplicate JSON key",
    severity: "error",
    description: "An object must not hold the same key twice: JSON readers disagree on which value wins, so the pin would mean different things to different tools.",
    example: '`"release_tag": "v0.4.0"` and later `"release_tag": "v0.3.2"` in the same pin.'
  },
  BG108: {
    title: "Pin schema violation",
    severity: "error",
    description: "The pin must match config/schemas/pin.schema.json: every field present, no unknown field, a vX.Y.Z release tag, a 40-hex commit, a 64-hex manifest digest, https repository and http(s) base URLs, a timeout between 100 and 30000 ms, and a posture of GO or NO-GO.",
    example: '`"commit_sha": "7e4806a"` (abbreviated), or `"runtime_cutover_posture": "go"`.'
  },
  BG109: {
    title: "Manifest schema violation",
    severity: "error",
    description: "The mirrored producer manifest must match config/schemas/manifest.schema.json (producer-contract-manifest.v1): required fields, formats, a non-empty list of unique snake_case error codes, integer policy windows.",
    example: '`"error_code_enum": ["invalid_json", "invalid_json"]` (a duplicate code).'
  },
  BG201: {
    title: "Pin and mirror disagree",
    severity: "error",
    description: "The pin's release tag, commit, service and API contract versions and integration baseline must equal the mirror's (`integration_baseline` in the manifest).",
    example: 'The pin says `"release_tag": "v0.4.0"`, the mirror says `"release_tag": "v0.3.2"`.'
  },
  BG202: {
    title: "Mirror hash mismatch",
    severity: "error",
    description: "The SHA-256 of the mirror's raw bytes must equal the pin's `expected_producer_manifest_sha256`. Whitespace, key order, line endings and the final newline all count. When the bytes differ only by formatting, line endings, a byte-order mark or the final newline, the message says so.",
    example: "The mirror was reformatted by an editor, or checked out with CRLF line endings."
  },
  BG203: {
    title: "Matrix Updated marker",
    severity: "error",
    description: "The matrix carries an `Updated: YYYY-MM-DD` line with a real calendar date.",
    example: "`Updated: 2026-02-30`, or no Updated line at all."
  },
  BG204: {
    title: "Matrix section missing",
    severity: "error",
    description: "The matrix has a `## Baseline Pin` section and a `## Approved Version Pairs` section.",
    example: "The heading was renamed to `## Pinned Baseline`."
  },
  BG205: {
    title: "Baseline Pin line missing",
    severity: "error",
    description: "The Baseline Pin section lists every line: repo, release tag, commit SHA, the service and API contract versions, the integration baseline, the manifest SHA-256, the runtime cutover posture, and the paths of the pin and the mirror.",
    example: "No `- Expected producer manifest SHA-256: ...` line."
  },
  BG206: {
    title: "Baseline Pin line disagrees with the pin",
    severity: "error",
    description: "Each Baseline Pin line's value equals the pin's field (or, for the two path lines, the policy's relative path; absolute paths leak a machine's layout and are refused).",
    example: '`` - Runtime cutover posture: `GO` `` while the pin says `"runtime_cutover_posture": "NO-GO"`.'
  },
  BG207: {
    title: "Baseline Pin line repeated",
    severity: "error",
    description: "Each Baseline Pin line appears once; two release tag lines make the section ambiguous.",
    example: "Two `- MemoryKernel release tag:` lines, one old and one new."
  },
  BG208: {
    title: "Unrecognised Baseline Pin line",
    severity: "warning",
    description: "A line in the Baseline Pin section that is not one of the known lines is not checked against the pin; rename it or move it out of the section.",
    example: "`` - MemoryKernel relase tag: `v0.4.0` `` (a typo: the real line is then also missing)."
  },
  BG209: {
    title: "Ledger table malformed",
    severity: "error",
    description: "The Approved Version Pairs section holds one GFM table with the eight columns consumer version, consumer commit, producer tag, producer commit, service contract, API contract, integration baseline and status, and every row has eight cells.",
    example: "The delimiter row `| --- | --- |` is missing, or a row has seven cells."
  },
  BG210: {
    title: "Unknown ledger status",
    severity: "error",
    description: "Every row has a Status of `Approved`, `Superseded`, `Rolled back` or `Candidate`.",
    example: "A row with Status `Rejected` or `approved`."
  },
  BG211: {
    title: "Not exactly one Approved row",
    severity: "error",
    description: "Exactly one row is `Approved`: the baseline the pin names. Older rows are Superseded or Rolled back.",
    example: "Two Approved rows after a promotion forgot to supersede the old one, or none at all."
  },
  BG212: {
    title: "Approved row disagrees with the pin",
    severity: "error",
    description: "Every pin-related cell of the Approved row equals the pin: producer tag, producer commit, service contract, API contract and integration baseline (the original only looked at the tag and commit).",
    example: "The Approved row says `service.v1 | api.v9 | integration/v7` while the pin says service.v3 / api.v1 / integration/v1."
  },
  BG213: {
    title: "Ledger cell format",
    severity: "error",
    description: "Every row, current or historical, is well formed: a semver consumer version, a 7-40 hex consumer commit, a vX.Y.Z producer tag, a 40-hex producer commit, and service.vN / api.vN / integration/vN contracts. Rollback reads these rows.",
    example: "A Superseded row with producer commit `cf33144` (abbreviated)."
  },
  BG214: {
    title: "Producer tag in several rows",
    severity: "error",
    description: "Each producer tag has one row; the ledger keeps one row per baseline ever approved.",
    example: "Two rows for `v0.4.0` with different commits."
  }
};
var RULES = rules;
var RULE_IDS = Object.keys(rules).sort();

// src/rules/finding.ts
function finding(rule, file, at, message) {
  return {
    rule,
    severity: RULES[rule].severity,
    file,
    line: at?.line ?? null,
    column: at?.column ?? null,
    message
  };
}
var RANK = { error: 0, warning: 1, notice: 2 };
function sortFindings(findings) {
  return [...findings].sort(
    (a, b2) => (a.file ?? "").localeCompare(b2.file ?? "") || (a.line ?? 0) - (b2.line ?? 0) || (a.column ?? 0) - (b2.column ?? 0) || a.rule.localeCompare(b2.rule) || RANK[a.severity] - RANK[b2.severity]
  );
}
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

// src/rules/files.ts
var START = { line: 1, column: 1 };
var ROLE_NAME = {
  pin: "pin",
  manifest: "producer manifest mirror",
  matrix: "compatibility matrix"
};
function fileRules(trio) {
  return [
    ...readable(trio.pin),
    ...readable(trio.manifest),
    ...readable(trio.matrix),
    ...json(trio.pin, "BG108"),
    ...json(trio.manifest, "BG109")
  ];
}
function readable(file) {
  const name = ROLE_NAME[file.role];
  const r = file.read;
  switch (r.kind) {
    case "missing":
      return [
        finding(
          "BG101",
          file.path,
          null,
          `the ${name} ${file.path} does not exist; restore it (git checkout -- ${file.path}) or point the policy's trio.${file.role} at it`
        )
      ];
    case "not-a-file":
      return [
        finding("BG102", file.path, null, `the ${name} ${file.path} is not a regular file; it must be a file`)
      ];
    case "outside-root":
      return [
        finding(
          "BG102",
          file.path,
          null,
          `the ${name} path ${file.path} leaves the repository root; use a path inside it`
        )
      ];
    case "too-large":
      return [
        finding(
          "BG102",
          file.path,
          null,
          `the ${name} is ${mib(r.size)}, over the ${mib(r.limit)} a trio file may have; it was not parsed (is it the right file?)`
        )
      ];
    case "unreadable":
      return [
        finding("BG102", file.path, null, `the ${name} cannot be read (${r.reason}); check its permissions`)
      ];
    case "ok":
      break;
  }
  const src = file.source;
  const out = [];
  if (src.text.trim() === "") {
    out.push(
      finding(
        "BG103",
        file.path,
        START,
        `the ${name} is empty; restore its content (git checkout -- ${file.path})`
      )
    );
  }
  if (src.hasBom && file.role !== "matrix") {
    out.push(
      finding(
        "BG104",
        file.path,
        START,
        `the ${name} starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM`
      )
    );
  }
  if (!src.validUtf8) {
    const at = src.text.indexOf("\uFFFD");
    const pos2 = at === -1 ? START : positionAt(src, at);
    out.push(
      finding(
        "BG105",
        file.path,
        pos2,
        `the ${name} is not valid UTF-8 (first bad byte here); re-save it as UTF-8`
      )
    );
  }
  return out;
}
function json(file, schemaRule) {
  const doc = file.doc;
  if (!doc) return [];
  const name = ROLE_NAME[file.role];
  const out = doc.syntaxErrors.map(
    (e) => finding("BG106", file.path, e.position, `invalid JSON in the ${name}: ${e.message}`)
  );
  for (const d of doc.duplicateKeys) {
    out.push(
      finding(
        "BG107",
        file.path,
        d.position,
        `the key "${d.key}" appears more than once in the same object; keep one`
      )
    );
  }
  if (doc.syntaxErrors.length === 0) {
    for (const p of file.schemaProblems) {
      out.push(finding(schemaRule, file.path, p.position, `${name}: ${p.message}`));
    }
  }
  return out;
}
function mib(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

// src/generated/validators.js
var j = (n, t) => () => {
  try {
    return t || n((t = { exports: {} }).exports, t), t.exports;
  } catch (u) {
    throw t = 0, u;
  }
};
var I = j((q) => {
  "use strict";
  Object.defineProperty(q, "__esModule", { value: true });
  function Z(n) {
    let t = n.length, u = 0, f = 0, l;
    for (; f < t; ) u++, l = n.charCodeAt(f++), l >= 55296 && l <= 56319 && f < t && (l = n.charCodeAt(f), (l & 64512) === 56320 && f++);
    return u;
  }
  q.default = Z;
  Z.code = 'require("ajv/dist/runtime/ucs2length").default';
});
var R = j((se, M) => {
  "use strict";
  M.exports = function n(t, u) {
    if (t === u) return true;
    if (t && u && typeof t == "object" && typeof u == "object") {
      if (t.constructor !== u.constructor) return false;
      var f, l, y;
      if (Array.isArray(t)) {
        if (f = t.length, f != u.length) return false;
        for (l = f; l-- !== 0; ) if (!n(t[l], u[l])) return false;
        return true;
      }
      if (t.constructor === RegExp) return t.source === u.source && t.flags === u.flags;
      if (t.valueOf !== Object.prototype.valueOf) return t.valueOf() === u.valueOf();
      if (t.toString !== Object.prototype.toString) return t.toString() === u.toString();
      if (y = Object.keys(t), f = y.length, f !== Object.keys(u).length) return false;
      for (l = f; l-- !== 0; ) if (!Object.prototype.hasOwnProperty.call(u, y[l])) return false;
      for (l = f; l-- !== 0; ) {
        var e = y[l];
        if (!n(t[e], u[e])) return false;
      }
      return true;
    }
    return t !== t && u !== u;
  };
});
var C = j((A) => {
  "use strict";
  Object.defineProperty(A, "__esModule", { value: true });
  var S = R();
  S.code = 'require("ajv/dist/runtime/equal").default';
  A.default = S;
});
var ae = w;
var H = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://baseline-gate.dev/schemas/pin.schema.json", title: "Integration pin", description: "The consumer's runtime authority: the one approved producer baseline. Field names are those of the original runbook; runtime_cutover_posture is explicit state.", type: "object", additionalProperties: false, required: ["memorykernel_repo", "release_tag", "commit_sha", "expected_service_contract_version", "expected_api_contract_version", "expected_integration_baseline", "expected_producer_manifest_sha256", "default_base_url", "default_timeout_ms", "runtime_cutover_posture"], properties: { $schema: { type: "string" }, memorykernel_repo: { description: "HTTPS URL of the producer's source repository.", type: "string", pattern: "^https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?(\\.git)?$", errorMessage: "must be the HTTPS URL of the producer repository, like https://github.com/OWNER/REPO" }, release_tag: { description: "The producer release tag, vMAJOR.MINOR.PATCH.", $ref: "defs.schema.json#/$defs/releaseTag" }, commit_sha: { description: "The producer's runtime code commit, full 40-character lower-case hex.", $ref: "defs.schema.json#/$defs/commitSha" }, expected_service_contract_version: { $ref: "defs.schema.json#/$defs/serviceContract" }, expected_api_contract_version: { $ref: "defs.schema.json#/$defs/apiContract" }, expected_integration_baseline: { $ref: "defs.schema.json#/$defs/integrationBaseline" }, expected_producer_manifest_sha256: { description: "SHA-256 of the raw bytes of the mirrored producer contract manifest.", $ref: "defs.schema.json#/$defs/sha256" }, default_base_url: { description: "Where the consumer reaches the producer by default.", type: "string", pattern: "^https?://[^\\s/?#]+(/[^\\s?#]*)?$", errorMessage: "must be an http(s) URL with a host, like http://127.0.0.1:4010" }, default_timeout_ms: { description: "Per-call timeout; the consumer clamps overrides to the same range.", type: "integer", minimum: 100, maximum: 3e4, errorMessage: "must be an integer number of milliseconds between 100 and 30000" }, runtime_cutover_posture: { description: "GO: the consumer runtime may use this baseline's contract. NO-GO: held until joint approval.", $ref: "defs.schema.json#/$defs/posture" } } };
var F = { enum: ["GO", "NO-GO"], errorMessage: 'must be "GO" or "NO-GO"' };
var D = Object.prototype.hasOwnProperty;
var G = new RegExp("^https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?(\\.git)?$", "u");
var N = new RegExp("^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$", "u");
var O = new RegExp("^[0-9a-f]{40}$", "u");
var z = new RegExp("^service\\.v[1-9][0-9]*$", "u");
var L = new RegExp("^api\\.v[1-9][0-9]*$", "u");
var T = new RegExp("^integration/v[1-9][0-9]*$", "u");
var B = new RegExp("^[0-9a-f]{64}$", "u");
var V = new RegExp("^https?://[^\\s/?#]+(/[^\\s?#]*)?$", "u");
function w(n, { instancePath: t = "", parentData: u, parentDataProperty: f, rootData: l = n, dynamicAnchors: y = {} } = {}) {
  let e = null, a = 0, c = w.evaluated;
  if (c.dynamicProps && (c.props = void 0), c.dynamicItems && (c.items = void 0), n && typeof n == "object" && !Array.isArray(n)) {
    if (n.memorykernel_repo === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "memorykernel_repo" }, message: "must have required property 'memorykernel_repo'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.release_tag === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "release_tag" }, message: "must have required property 'release_tag'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.commit_sha === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "commit_sha" }, message: "must have required property 'commit_sha'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.expected_service_contract_version === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expected_service_contract_version" }, message: "must have required property 'expected_service_contract_version'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.expected_api_contract_version === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expected_api_contract_version" }, message: "must have required property 'expected_api_contract_version'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.expected_integration_baseline === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expected_integration_baseline" }, message: "must have required property 'expected_integration_baseline'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.expected_producer_manifest_sha256 === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expected_producer_manifest_sha256" }, message: "must have required property 'expected_producer_manifest_sha256'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.default_base_url === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "default_base_url" }, message: "must have required property 'default_base_url'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.default_timeout_ms === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "default_timeout_ms" }, message: "must have required property 'default_timeout_ms'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.runtime_cutover_posture === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "runtime_cutover_posture" }, message: "must have required property 'runtime_cutover_posture'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    for (let s in n) if (!D.call(H.properties, s)) {
      let r = { instancePath: t, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: s }, message: "must NOT have additional properties" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.$schema !== void 0 && typeof n.$schema != "string") {
      let s = { instancePath: t + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.memorykernel_repo !== void 0) {
      let s = n.memorykernel_repo;
      if (typeof s == "string") {
        if (!G.test(s)) {
          let r = { instancePath: t + "/memorykernel_repo", schemaPath: "#/properties/memorykernel_repo/pattern", keyword: "pattern", params: { pattern: "^https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?(\\.git)?$" }, message: 'must match pattern "^https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?(\\.git)?$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/memorykernel_repo", schemaPath: "#/properties/memorykernel_repo/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.release_tag !== void 0) {
      let s = n.release_tag;
      if (typeof s == "string") {
        if (!N.test(s)) {
          let r = { instancePath: t + "/release_tag", schemaPath: "defs.schema.json#/$defs/releaseTag/pattern", keyword: "pattern", params: { pattern: "^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$" }, message: 'must match pattern "^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/release_tag", schemaPath: "defs.schema.json#/$defs/releaseTag/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.commit_sha !== void 0) {
      let s = n.commit_sha;
      if (typeof s == "string") {
        if (!O.test(s)) {
          let r = { instancePath: t + "/commit_sha", schemaPath: "defs.schema.json#/$defs/commitSha/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{40}$" }, message: 'must match pattern "^[0-9a-f]{40}$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/commit_sha", schemaPath: "defs.schema.json#/$defs/commitSha/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.expected_service_contract_version !== void 0) {
      let s = n.expected_service_contract_version;
      if (typeof s == "string") {
        if (!z.test(s)) {
          let r = { instancePath: t + "/expected_service_contract_version", schemaPath: "defs.schema.json#/$defs/serviceContract/pattern", keyword: "pattern", params: { pattern: "^service\\.v[1-9][0-9]*$" }, message: 'must match pattern "^service\\.v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/expected_service_contract_version", schemaPath: "defs.schema.json#/$defs/serviceContract/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.expected_api_contract_version !== void 0) {
      let s = n.expected_api_contract_version;
      if (typeof s == "string") {
        if (!L.test(s)) {
          let r = { instancePath: t + "/expected_api_contract_version", schemaPath: "defs.schema.json#/$defs/apiContract/pattern", keyword: "pattern", params: { pattern: "^api\\.v[1-9][0-9]*$" }, message: 'must match pattern "^api\\.v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/expected_api_contract_version", schemaPath: "defs.schema.json#/$defs/apiContract/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.expected_integration_baseline !== void 0) {
      let s = n.expected_integration_baseline;
      if (typeof s == "string") {
        if (!T.test(s)) {
          let r = { instancePath: t + "/expected_integration_baseline", schemaPath: "defs.schema.json#/$defs/integrationBaseline/pattern", keyword: "pattern", params: { pattern: "^integration/v[1-9][0-9]*$" }, message: 'must match pattern "^integration/v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/expected_integration_baseline", schemaPath: "defs.schema.json#/$defs/integrationBaseline/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.expected_producer_manifest_sha256 !== void 0) {
      let s = n.expected_producer_manifest_sha256;
      if (typeof s == "string") {
        if (!B.test(s)) {
          let r = { instancePath: t + "/expected_producer_manifest_sha256", schemaPath: "defs.schema.json#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/expected_producer_manifest_sha256", schemaPath: "defs.schema.json#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.default_base_url !== void 0) {
      let s = n.default_base_url;
      if (typeof s == "string") {
        if (!V.test(s)) {
          let r = { instancePath: t + "/default_base_url", schemaPath: "#/properties/default_base_url/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/?#]+(/[^\\s?#]*)?$" }, message: 'must match pattern "^https?://[^\\s/?#]+(/[^\\s?#]*)?$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/default_base_url", schemaPath: "#/properties/default_base_url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.default_timeout_ms !== void 0) {
      let s = n.default_timeout_ms;
      if (!(typeof s == "number" && !(s % 1) && !isNaN(s) && isFinite(s))) {
        let r = { instancePath: t + "/default_timeout_ms", schemaPath: "#/properties/default_timeout_ms/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        e === null ? e = [r] : e.push(r), a++;
      }
      if (typeof s == "number" && isFinite(s)) {
        if (s > 3e4 || isNaN(s)) {
          let r = { instancePath: t + "/default_timeout_ms", schemaPath: "#/properties/default_timeout_ms/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3e4 }, message: "must be <= 30000" };
          e === null ? e = [r] : e.push(r), a++;
        }
        if (s < 100 || isNaN(s)) {
          let r = { instancePath: t + "/default_timeout_ms", schemaPath: "#/properties/default_timeout_ms/minimum", keyword: "minimum", params: { comparison: ">=", limit: 100 }, message: "must be >= 100" };
          e === null ? e = [r] : e.push(r), a++;
        }
      }
    }
    if (n.runtime_cutover_posture !== void 0) {
      let s = n.runtime_cutover_posture;
      if (!(s === "GO" || s === "NO-GO")) {
        let r = { instancePath: t + "/runtime_cutover_posture", schemaPath: "defs.schema.json#/$defs/posture/enum", keyword: "enum", params: { allowedValues: F.enum }, message: "must be equal to one of the allowed values" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
  } else {
    let s = { instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [s] : e.push(s), a++;
  }
  return w.errors = e, a === 0;
}
w.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
var ie = P;
var W = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://baseline-gate.dev/schemas/manifest.schema.json", title: "Producer contract manifest (producer-contract-manifest.v1)", description: "Published by the producer at each release tag; the consumer keeps a byte-exact mirror.", type: "object", additionalProperties: false, required: ["manifest_contract_version", "release_tag", "commit_sha", "expected_service_contract_version", "expected_api_contract_version", "integration_baseline", "error_code_enum", "stability_window", "additive_error_code_notice_policy"], properties: { manifest_contract_version: { const: "producer-contract-manifest.v1", errorMessage: 'must be "producer-contract-manifest.v1" (the only manifest format this tool reads)' }, release_tag: { $ref: "defs.schema.json#/$defs/releaseTag" }, commit_sha: { $ref: "defs.schema.json#/$defs/commitSha" }, expected_service_contract_version: { $ref: "defs.schema.json#/$defs/serviceContract" }, expected_api_contract_version: { $ref: "defs.schema.json#/$defs/apiContract" }, integration_baseline: { $ref: "defs.schema.json#/$defs/integrationBaseline" }, error_code_enum: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", pattern: "^[a-z][a-z0-9_]*$", errorMessage: "must be a snake_case error code like invalid_json" }, errorMessage: { type: "must be an array of error codes", minItems: "must list at least one error code", uniqueItems: "must not list an error code twice" } }, stability_window: { type: "object", additionalProperties: false, required: ["minimum_sprint_days"], properties: { minimum_sprint_days: { type: "integer", minimum: 0, errorMessage: "must be a whole number of days (0 or more)" } } }, additive_error_code_notice_policy: { type: "object", additionalProperties: false, required: ["standard_business_days", "emergency_notice_hours", "emergency_requires_same_day_docs_spec_tests"], properties: { standard_business_days: { type: "integer", minimum: 0 }, emergency_notice_hours: { type: "integer", minimum: 0 }, emergency_requires_same_day_docs_spec_tests: { type: "boolean" } } }, service_v3_transition_guard: { type: "object", additionalProperties: { type: "boolean" } } } };
var U = new RegExp("^[a-z][a-z0-9_]*$", "u");
function P(n, { instancePath: t = "", parentData: u, parentDataProperty: f, rootData: l = n, dynamicAnchors: y = {} } = {}) {
  let e = null, a = 0, c = P.evaluated;
  if (c.dynamicProps && (c.props = void 0), c.dynamicItems && (c.items = void 0), n && typeof n == "object" && !Array.isArray(n)) {
    if (n.manifest_contract_version === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "manifest_contract_version" }, message: "must have required property 'manifest_contract_version'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.release_tag === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "release_tag" }, message: "must have required property 'release_tag'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.commit_sha === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "commit_sha" }, message: "must have required property 'commit_sha'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.expected_service_contract_version === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expected_service_contract_version" }, message: "must have required property 'expected_service_contract_version'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.expected_api_contract_version === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expected_api_contract_version" }, message: "must have required property 'expected_api_contract_version'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.integration_baseline === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "integration_baseline" }, message: "must have required property 'integration_baseline'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.error_code_enum === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "error_code_enum" }, message: "must have required property 'error_code_enum'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.stability_window === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stability_window" }, message: "must have required property 'stability_window'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.additive_error_code_notice_policy === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "additive_error_code_notice_policy" }, message: "must have required property 'additive_error_code_notice_policy'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    for (let s in n) if (!D.call(W.properties, s)) {
      let r = { instancePath: t, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: s }, message: "must NOT have additional properties" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.manifest_contract_version !== void 0 && n.manifest_contract_version !== "producer-contract-manifest.v1") {
      let s = { instancePath: t + "/manifest_contract_version", schemaPath: "#/properties/manifest_contract_version/const", keyword: "const", params: { allowedValue: "producer-contract-manifest.v1" }, message: "must be equal to constant" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.release_tag !== void 0) {
      let s = n.release_tag;
      if (typeof s == "string") {
        if (!N.test(s)) {
          let r = { instancePath: t + "/release_tag", schemaPath: "defs.schema.json#/$defs/releaseTag/pattern", keyword: "pattern", params: { pattern: "^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$" }, message: 'must match pattern "^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/release_tag", schemaPath: "defs.schema.json#/$defs/releaseTag/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.commit_sha !== void 0) {
      let s = n.commit_sha;
      if (typeof s == "string") {
        if (!O.test(s)) {
          let r = { instancePath: t + "/commit_sha", schemaPath: "defs.schema.json#/$defs/commitSha/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{40}$" }, message: 'must match pattern "^[0-9a-f]{40}$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/commit_sha", schemaPath: "defs.schema.json#/$defs/commitSha/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.expected_service_contract_version !== void 0) {
      let s = n.expected_service_contract_version;
      if (typeof s == "string") {
        if (!z.test(s)) {
          let r = { instancePath: t + "/expected_service_contract_version", schemaPath: "defs.schema.json#/$defs/serviceContract/pattern", keyword: "pattern", params: { pattern: "^service\\.v[1-9][0-9]*$" }, message: 'must match pattern "^service\\.v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/expected_service_contract_version", schemaPath: "defs.schema.json#/$defs/serviceContract/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.expected_api_contract_version !== void 0) {
      let s = n.expected_api_contract_version;
      if (typeof s == "string") {
        if (!L.test(s)) {
          let r = { instancePath: t + "/expected_api_contract_version", schemaPath: "defs.schema.json#/$defs/apiContract/pattern", keyword: "pattern", params: { pattern: "^api\\.v[1-9][0-9]*$" }, message: 'must match pattern "^api\\.v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/expected_api_contract_version", schemaPath: "defs.schema.json#/$defs/apiContract/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.integration_baseline !== void 0) {
      let s = n.integration_baseline;
      if (typeof s == "string") {
        if (!T.test(s)) {
          let r = { instancePath: t + "/integration_baseline", schemaPath: "defs.schema.json#/$defs/integrationBaseline/pattern", keyword: "pattern", params: { pattern: "^integration/v[1-9][0-9]*$" }, message: 'must match pattern "^integration/v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/integration_baseline", schemaPath: "defs.schema.json#/$defs/integrationBaseline/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.error_code_enum !== void 0) {
      let s = n.error_code_enum;
      if (Array.isArray(s)) {
        if (s.length < 1) {
          let p = { instancePath: t + "/error_code_enum", schemaPath: "#/properties/error_code_enum/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          e === null ? e = [p] : e.push(p), a++;
        }
        let r = s.length;
        for (let p = 0; p < r; p++) {
          let m = s[p];
          if (typeof m == "string") {
            if (!U.test(m)) {
              let d = { instancePath: t + "/error_code_enum/" + p, schemaPath: "#/properties/error_code_enum/items/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9_]*$" }, message: 'must match pattern "^[a-z][a-z0-9_]*$"' };
              e === null ? e = [d] : e.push(d), a++;
            }
          } else {
            let d = { instancePath: t + "/error_code_enum/" + p, schemaPath: "#/properties/error_code_enum/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [d] : e.push(d), a++;
          }
        }
        let i = s.length, o;
        if (i > 1) {
          let p = {};
          for (; i--; ) {
            let m = s[i];
            if (typeof m == "string") {
              if (typeof p[m] == "number") {
                o = p[m];
                let d = { instancePath: t + "/error_code_enum", schemaPath: "#/properties/error_code_enum/uniqueItems", keyword: "uniqueItems", params: { i, j: o }, message: "must NOT have duplicate items (items ## " + o + " and " + i + " are identical)" };
                e === null ? e = [d] : e.push(d), a++;
                break;
              }
              p[m] = i;
            }
          }
        }
      } else {
        let r = { instancePath: t + "/error_code_enum", schemaPath: "#/properties/error_code_enum/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.stability_window !== void 0) {
      let s = n.stability_window;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        if (s.minimum_sprint_days === void 0) {
          let r = { instancePath: t + "/stability_window", schemaPath: "#/properties/stability_window/required", keyword: "required", params: { missingProperty: "minimum_sprint_days" }, message: "must have required property 'minimum_sprint_days'" };
          e === null ? e = [r] : e.push(r), a++;
        }
        for (let r in s) if (r !== "minimum_sprint_days") {
          let i = { instancePath: t + "/stability_window", schemaPath: "#/properties/stability_window/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        if (s.minimum_sprint_days !== void 0) {
          let r = s.minimum_sprint_days;
          if (!(typeof r == "number" && !(r % 1) && !isNaN(r) && isFinite(r))) {
            let i = { instancePath: t + "/stability_window/minimum_sprint_days", schemaPath: "#/properties/stability_window/properties/minimum_sprint_days/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            e === null ? e = [i] : e.push(i), a++;
          }
          if (typeof r == "number" && isFinite(r) && (r < 0 || isNaN(r))) {
            let i = { instancePath: t + "/stability_window/minimum_sprint_days", schemaPath: "#/properties/stability_window/properties/minimum_sprint_days/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
      } else {
        let r = { instancePath: t + "/stability_window", schemaPath: "#/properties/stability_window/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.additive_error_code_notice_policy !== void 0) {
      let s = n.additive_error_code_notice_policy;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        if (s.standard_business_days === void 0) {
          let r = { instancePath: t + "/additive_error_code_notice_policy", schemaPath: "#/properties/additive_error_code_notice_policy/required", keyword: "required", params: { missingProperty: "standard_business_days" }, message: "must have required property 'standard_business_days'" };
          e === null ? e = [r] : e.push(r), a++;
        }
        if (s.emergency_notice_hours === void 0) {
          let r = { instancePath: t + "/additive_error_code_notice_policy", schemaPath: "#/properties/additive_error_code_notice_policy/required", keyword: "required", params: { missingProperty: "emergency_notice_hours" }, message: "must have required property 'emergency_notice_hours'" };
          e === null ? e = [r] : e.push(r), a++;
        }
        if (s.emergency_requires_same_day_docs_spec_tests === void 0) {
          let r = { instancePath: t + "/additive_error_code_notice_policy", schemaPath: "#/properties/additive_error_code_notice_policy/required", keyword: "required", params: { missingProperty: "emergency_requires_same_day_docs_spec_tests" }, message: "must have required property 'emergency_requires_same_day_docs_spec_tests'" };
          e === null ? e = [r] : e.push(r), a++;
        }
        for (let r in s) if (!(r === "standard_business_days" || r === "emergency_notice_hours" || r === "emergency_requires_same_day_docs_spec_tests")) {
          let i = { instancePath: t + "/additive_error_code_notice_policy", schemaPath: "#/properties/additive_error_code_notice_policy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        if (s.standard_business_days !== void 0) {
          let r = s.standard_business_days;
          if (!(typeof r == "number" && !(r % 1) && !isNaN(r) && isFinite(r))) {
            let i = { instancePath: t + "/additive_error_code_notice_policy/standard_business_days", schemaPath: "#/properties/additive_error_code_notice_policy/properties/standard_business_days/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            e === null ? e = [i] : e.push(i), a++;
          }
          if (typeof r == "number" && isFinite(r) && (r < 0 || isNaN(r))) {
            let i = { instancePath: t + "/additive_error_code_notice_policy/standard_business_days", schemaPath: "#/properties/additive_error_code_notice_policy/properties/standard_business_days/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.emergency_notice_hours !== void 0) {
          let r = s.emergency_notice_hours;
          if (!(typeof r == "number" && !(r % 1) && !isNaN(r) && isFinite(r))) {
            let i = { instancePath: t + "/additive_error_code_notice_policy/emergency_notice_hours", schemaPath: "#/properties/additive_error_code_notice_policy/properties/emergency_notice_hours/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            e === null ? e = [i] : e.push(i), a++;
          }
          if (typeof r == "number" && isFinite(r) && (r < 0 || isNaN(r))) {
            let i = { instancePath: t + "/additive_error_code_notice_policy/emergency_notice_hours", schemaPath: "#/properties/additive_error_code_notice_policy/properties/emergency_notice_hours/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.emergency_requires_same_day_docs_spec_tests !== void 0 && typeof s.emergency_requires_same_day_docs_spec_tests != "boolean") {
          let r = { instancePath: t + "/additive_error_code_notice_policy/emergency_requires_same_day_docs_spec_tests", schemaPath: "#/properties/additive_error_code_notice_policy/properties/emergency_requires_same_day_docs_spec_tests/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/additive_error_code_notice_policy", schemaPath: "#/properties/additive_error_code_notice_policy/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.service_v3_transition_guard !== void 0) {
      let s = n.service_v3_transition_guard;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        for (let r in s) if (typeof s[r] != "boolean") {
          let i = { instancePath: t + "/service_v3_transition_guard/" + r.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/service_v3_transition_guard/additionalProperties/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          e === null ? e = [i] : e.push(i), a++;
        }
      } else {
        let r = { instancePath: t + "/service_v3_transition_guard", schemaPath: "#/properties/service_v3_transition_guard/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
  } else {
    let s = { instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [s] : e.push(s), a++;
  }
  return P.errors = e, a === 0;
}
P.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
var ne = $;
var J = { enum: ["Approved", "Superseded", "Rolled back", "Candidate"], errorMessage: "must be one of Approved, Superseded, Rolled back, Candidate" };
var K = new RegExp("^v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$", "u");
var Q = new RegExp("^[0-9a-f]{7,40}$", "u");
function $(n, { instancePath: t = "", parentData: u, parentDataProperty: f, rootData: l = n, dynamicAnchors: y = {} } = {}) {
  let e = null, a = 0, c = $.evaluated;
  if (c.dynamicProps && (c.props = void 0), c.dynamicItems && (c.items = void 0), n && typeof n == "object" && !Array.isArray(n)) {
    if (n.consumer_version === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "consumer_version" }, message: "must have required property 'consumer_version'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.consumer_commit === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "consumer_commit" }, message: "must have required property 'consumer_commit'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.producer_tag === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "producer_tag" }, message: "must have required property 'producer_tag'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.producer_commit === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "producer_commit" }, message: "must have required property 'producer_commit'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.service === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "service" }, message: "must have required property 'service'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.api === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "api" }, message: "must have required property 'api'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.integration === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "integration" }, message: "must have required property 'integration'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.status === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    for (let s in n) if (!(s === "consumer_version" || s === "consumer_commit" || s === "producer_tag" || s === "producer_commit" || s === "service" || s === "api" || s === "integration" || s === "status")) {
      let r = { instancePath: t, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: s }, message: "must NOT have additional properties" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.consumer_version !== void 0) {
      let s = n.consumer_version;
      if (typeof s == "string") {
        if (!K.test(s)) {
          let r = { instancePath: t + "/consumer_version", schemaPath: "defs.schema.json#/$defs/semver/pattern", keyword: "pattern", params: { pattern: "^v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$" }, message: 'must match pattern "^v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/consumer_version", schemaPath: "defs.schema.json#/$defs/semver/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.consumer_commit !== void 0) {
      let s = n.consumer_commit;
      if (typeof s == "string") {
        if (!Q.test(s)) {
          let r = { instancePath: t + "/consumer_commit", schemaPath: "defs.schema.json#/$defs/shortCommitSha/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{7,40}$" }, message: 'must match pattern "^[0-9a-f]{7,40}$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/consumer_commit", schemaPath: "defs.schema.json#/$defs/shortCommitSha/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.producer_tag !== void 0) {
      let s = n.producer_tag;
      if (typeof s == "string") {
        if (!N.test(s)) {
          let r = { instancePath: t + "/producer_tag", schemaPath: "defs.schema.json#/$defs/releaseTag/pattern", keyword: "pattern", params: { pattern: "^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$" }, message: 'must match pattern "^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/producer_tag", schemaPath: "defs.schema.json#/$defs/releaseTag/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.producer_commit !== void 0) {
      let s = n.producer_commit;
      if (typeof s == "string") {
        if (!O.test(s)) {
          let r = { instancePath: t + "/producer_commit", schemaPath: "defs.schema.json#/$defs/commitSha/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{40}$" }, message: 'must match pattern "^[0-9a-f]{40}$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/producer_commit", schemaPath: "defs.schema.json#/$defs/commitSha/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.service !== void 0) {
      let s = n.service;
      if (typeof s == "string") {
        if (!z.test(s)) {
          let r = { instancePath: t + "/service", schemaPath: "defs.schema.json#/$defs/serviceContract/pattern", keyword: "pattern", params: { pattern: "^service\\.v[1-9][0-9]*$" }, message: 'must match pattern "^service\\.v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/service", schemaPath: "defs.schema.json#/$defs/serviceContract/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.api !== void 0) {
      let s = n.api;
      if (typeof s == "string") {
        if (!L.test(s)) {
          let r = { instancePath: t + "/api", schemaPath: "defs.schema.json#/$defs/apiContract/pattern", keyword: "pattern", params: { pattern: "^api\\.v[1-9][0-9]*$" }, message: 'must match pattern "^api\\.v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/api", schemaPath: "defs.schema.json#/$defs/apiContract/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.integration !== void 0) {
      let s = n.integration;
      if (typeof s == "string") {
        if (!T.test(s)) {
          let r = { instancePath: t + "/integration", schemaPath: "defs.schema.json#/$defs/integrationBaseline/pattern", keyword: "pattern", params: { pattern: "^integration/v[1-9][0-9]*$" }, message: 'must match pattern "^integration/v[1-9][0-9]*$"' };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/integration", schemaPath: "defs.schema.json#/$defs/integrationBaseline/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.status !== void 0) {
      let s = n.status;
      if (!(s === "Approved" || s === "Superseded" || s === "Rolled back" || s === "Candidate")) {
        let r = { instancePath: t + "/status", schemaPath: "defs.schema.json#/$defs/ledgerStatus/enum", keyword: "enum", params: { allowedValues: J.enum }, message: "must be equal to one of the allowed values" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
  } else {
    let s = { instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [s] : e.push(s), a++;
  }
  return $.errors = e, a === 0;
}
$.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
var oe = k;
var X = new RegExp("^[a-z0-9][a-z0-9_-]{0,62}$", "u");
var h = I().default;
var x = C().default;
var v = new RegExp("^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$", "u");
var E = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/[A-Za-z0-9_.-]+)?$", "u");
var Y = { type: "object", additionalProperties: false, required: ["name", "run"], properties: { name: { type: "string", minLength: 1, maxLength: 100 }, run: { $ref: "#/$defs/argv" }, cwd: { type: "string", minLength: 1, description: "Working directory; may use {repo_root} or {producer_root}. Relative paths are from the repository root." }, timeout_s: { type: "integer", minimum: 1, maximum: 21600 }, operations: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ["health", "promotion", "rollback"] } } } };
function g(n, { instancePath: t = "", parentData: u, parentDataProperty: f, rootData: l = n, dynamicAnchors: y = {} } = {}) {
  let e = null, a = 0, c = g.evaluated;
  if (c.dynamicProps && (c.props = void 0), c.dynamicItems && (c.items = void 0), n && typeof n == "object" && !Array.isArray(n)) {
    if (n.name === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    if (n.run === void 0) {
      let s = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'" };
      e === null ? e = [s] : e.push(s), a++;
    }
    for (let s in n) if (!(s === "name" || s === "run" || s === "cwd" || s === "timeout_s" || s === "operations")) {
      let r = { instancePath: t, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: s }, message: "must NOT have additional properties" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.name !== void 0) {
      let s = n.name;
      if (typeof s == "string") {
        if (h(s) > 100) {
          let r = { instancePath: t + "/name", schemaPath: "#/properties/name/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters" };
          e === null ? e = [r] : e.push(r), a++;
        }
        if (h(s) < 1) {
          let r = { instancePath: t + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.run !== void 0) {
      let s = n.run;
      if (Array.isArray(s)) {
        if (s.length < 1) {
          let i = { instancePath: t + "/run", schemaPath: "#/$defs/argv/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          e === null ? e = [i] : e.push(i), a++;
        }
        let r = s.length;
        for (let i = 0; i < r; i++) {
          let o = s[i];
          if (typeof o == "string") {
            if (h(o) < 1) {
              let p = { instancePath: t + "/run/" + i, schemaPath: "#/$defs/argv/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [p] : e.push(p), a++;
            }
          } else {
            let p = { instancePath: t + "/run/" + i, schemaPath: "#/$defs/argv/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [p] : e.push(p), a++;
          }
        }
      } else {
        let r = { instancePath: t + "/run", schemaPath: "#/$defs/argv/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.cwd !== void 0) {
      let s = n.cwd;
      if (typeof s == "string") {
        if (h(s) < 1) {
          let r = { instancePath: t + "/cwd", schemaPath: "#/properties/cwd/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/cwd", schemaPath: "#/properties/cwd/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.timeout_s !== void 0) {
      let s = n.timeout_s;
      if (!(typeof s == "number" && !(s % 1) && !isNaN(s) && isFinite(s))) {
        let r = { instancePath: t + "/timeout_s", schemaPath: "#/properties/timeout_s/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        e === null ? e = [r] : e.push(r), a++;
      }
      if (typeof s == "number" && isFinite(s)) {
        if (s > 21600 || isNaN(s)) {
          let r = { instancePath: t + "/timeout_s", schemaPath: "#/properties/timeout_s/maximum", keyword: "maximum", params: { comparison: "<=", limit: 21600 }, message: "must be <= 21600" };
          e === null ? e = [r] : e.push(r), a++;
        }
        if (s < 1 || isNaN(s)) {
          let r = { instancePath: t + "/timeout_s", schemaPath: "#/properties/timeout_s/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
          e === null ? e = [r] : e.push(r), a++;
        }
      }
    }
    if (n.operations !== void 0) {
      let s = n.operations;
      if (Array.isArray(s)) {
        if (s.length < 1) {
          let p = { instancePath: t + "/operations", schemaPath: "#/properties/operations/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          e === null ? e = [p] : e.push(p), a++;
        }
        let r = s.length;
        for (let p = 0; p < r; p++) {
          let m = s[p];
          if (!(m === "health" || m === "promotion" || m === "rollback")) {
            let d = { instancePath: t + "/operations/" + p, schemaPath: "#/properties/operations/items/enum", keyword: "enum", params: { allowedValues: Y.properties.operations.items.enum }, message: "must be equal to one of the allowed values" };
            e === null ? e = [d] : e.push(d), a++;
          }
        }
        let i = s.length, o;
        if (i > 1) {
          e: for (; i--; ) for (o = i; o--; ) if (x(s[i], s[o])) {
            let p = { instancePath: t + "/operations", schemaPath: "#/properties/operations/uniqueItems", keyword: "uniqueItems", params: { i, j: o }, message: "must NOT have duplicate items (items ## " + o + " and " + i + " are identical)" };
            e === null ? e = [p] : e.push(p), a++;
            break e;
          }
        }
      } else {
        let r = { instancePath: t + "/operations", schemaPath: "#/properties/operations/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
  } else {
    let s = { instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [s] : e.push(s), a++;
  }
  return g.errors = e, a === 0;
}
g.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function b(n, { instancePath: t = "", parentData: u, parentDataProperty: f, rootData: l = n, dynamicAnchors: y = {} } = {}) {
  let e = null, a = 0, c = b.evaluated;
  if (c.dynamicProps && (c.props = void 0), c.dynamicItems && (c.items = void 0), n && typeof n == "object" && !Array.isArray(n)) {
    for (let s in n) if (!(s === "display_name" || s === "trio" || s === "producer" || s === "suites" || s === "owners" || s === "adapter")) {
      let r = { instancePath: t, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: s }, message: "must NOT have additional properties" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.display_name !== void 0) {
      let s = n.display_name;
      if (typeof s == "string") {
        if (h(s) > 60) {
          let r = { instancePath: t + "/display_name", schemaPath: "#/properties/display_name/maxLength", keyword: "maxLength", params: { limit: 60 }, message: "must NOT have more than 60 characters" };
          e === null ? e = [r] : e.push(r), a++;
        }
        if (h(s) < 1) {
          let r = { instancePath: t + "/display_name", schemaPath: "#/properties/display_name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          e === null ? e = [r] : e.push(r), a++;
        }
      } else {
        let r = { instancePath: t + "/display_name", schemaPath: "#/properties/display_name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.trio !== void 0) {
      let s = n.trio;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        for (let r in s) if (!(r === "pin" || r === "manifest" || r === "matrix")) {
          let i = { instancePath: t + "/trio", schemaPath: "#/properties/trio/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        if (s.pin !== void 0) {
          let r = s.pin;
          if (typeof r == "string") {
            if (h(r) < 1) {
              let i = { instancePath: t + "/trio/pin", schemaPath: "#/$defs/relpath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [i] : e.push(i), a++;
            }
            if (!v.test(r)) {
              let i = { instancePath: t + "/trio/pin", schemaPath: "#/$defs/relpath/pattern", keyword: "pattern", params: { pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$" }, message: 'must match pattern "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$"' };
              e === null ? e = [i] : e.push(i), a++;
            }
          } else {
            let i = { instancePath: t + "/trio/pin", schemaPath: "#/$defs/relpath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.manifest !== void 0) {
          let r = s.manifest;
          if (typeof r == "string") {
            if (h(r) < 1) {
              let i = { instancePath: t + "/trio/manifest", schemaPath: "#/$defs/relpath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [i] : e.push(i), a++;
            }
            if (!v.test(r)) {
              let i = { instancePath: t + "/trio/manifest", schemaPath: "#/$defs/relpath/pattern", keyword: "pattern", params: { pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$" }, message: 'must match pattern "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$"' };
              e === null ? e = [i] : e.push(i), a++;
            }
          } else {
            let i = { instancePath: t + "/trio/manifest", schemaPath: "#/$defs/relpath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.matrix !== void 0) {
          let r = s.matrix;
          if (typeof r == "string") {
            if (h(r) < 1) {
              let i = { instancePath: t + "/trio/matrix", schemaPath: "#/$defs/relpath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [i] : e.push(i), a++;
            }
            if (!v.test(r)) {
              let i = { instancePath: t + "/trio/matrix", schemaPath: "#/$defs/relpath/pattern", keyword: "pattern", params: { pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$" }, message: 'must match pattern "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$"' };
              e === null ? e = [i] : e.push(i), a++;
            }
          } else {
            let i = { instancePath: t + "/trio/matrix", schemaPath: "#/$defs/relpath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
      } else {
        let r = { instancePath: t + "/trio", schemaPath: "#/properties/trio/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.producer !== void 0) {
      let s = n.producer;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        for (let r in s) if (!(r === "root" || r === "manifest" || r === "handoff" || r === "start")) {
          let i = { instancePath: t + "/producer", schemaPath: "#/properties/producer/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        if (s.root !== void 0) {
          let r = s.root;
          if (typeof r == "string") {
            if (h(r) < 1) {
              let i = { instancePath: t + "/producer/root", schemaPath: "#/$defs/relpath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [i] : e.push(i), a++;
            }
            if (!v.test(r)) {
              let i = { instancePath: t + "/producer/root", schemaPath: "#/$defs/relpath/pattern", keyword: "pattern", params: { pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$" }, message: 'must match pattern "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$"' };
              e === null ? e = [i] : e.push(i), a++;
            }
          } else {
            let i = { instancePath: t + "/producer/root", schemaPath: "#/$defs/relpath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.manifest !== void 0) {
          let r = s.manifest;
          if (typeof r == "string") {
            if (h(r) < 1) {
              let i = { instancePath: t + "/producer/manifest", schemaPath: "#/$defs/relpath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [i] : e.push(i), a++;
            }
            if (!v.test(r)) {
              let i = { instancePath: t + "/producer/manifest", schemaPath: "#/$defs/relpath/pattern", keyword: "pattern", params: { pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$" }, message: 'must match pattern "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$"' };
              e === null ? e = [i] : e.push(i), a++;
            }
          } else {
            let i = { instancePath: t + "/producer/manifest", schemaPath: "#/$defs/relpath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.handoff !== void 0) {
          let r = s.handoff;
          if (typeof r == "string") {
            if (h(r) < 1) {
              let i = { instancePath: t + "/producer/handoff", schemaPath: "#/$defs/relpath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [i] : e.push(i), a++;
            }
            if (!v.test(r)) {
              let i = { instancePath: t + "/producer/handoff", schemaPath: "#/$defs/relpath/pattern", keyword: "pattern", params: { pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$" }, message: 'must match pattern "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$"' };
              e === null ? e = [i] : e.push(i), a++;
            }
          } else {
            let i = { instancePath: t + "/producer/handoff", schemaPath: "#/$defs/relpath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.start !== void 0) {
          let r = s.start;
          if (r && typeof r == "object" && !Array.isArray(r)) {
            for (let i in r) if (!(i === "run" || i === "cwd" || i === "ready_timeout_s")) {
              let o = { instancePath: t + "/producer/start", schemaPath: "#/properties/producer/properties/start/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: i }, message: "must NOT have additional properties" };
              e === null ? e = [o] : e.push(o), a++;
            }
            if (r.run !== void 0) {
              let i = r.run;
              if (Array.isArray(i)) {
                if (i.length < 1) {
                  let p = { instancePath: t + "/producer/start/run", schemaPath: "#/$defs/argv/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                  e === null ? e = [p] : e.push(p), a++;
                }
                let o = i.length;
                for (let p = 0; p < o; p++) {
                  let m = i[p];
                  if (typeof m == "string") {
                    if (h(m) < 1) {
                      let d = { instancePath: t + "/producer/start/run/" + p, schemaPath: "#/$defs/argv/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      e === null ? e = [d] : e.push(d), a++;
                    }
                  } else {
                    let d = { instancePath: t + "/producer/start/run/" + p, schemaPath: "#/$defs/argv/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    e === null ? e = [d] : e.push(d), a++;
                  }
                }
              } else {
                let o = { instancePath: t + "/producer/start/run", schemaPath: "#/$defs/argv/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                e === null ? e = [o] : e.push(o), a++;
              }
            }
            if (r.cwd !== void 0) {
              let i = r.cwd;
              if (typeof i == "string") {
                if (h(i) < 1) {
                  let o = { instancePath: t + "/producer/start/cwd", schemaPath: "#/properties/producer/properties/start/properties/cwd/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [o] : e.push(o), a++;
                }
              } else {
                let o = { instancePath: t + "/producer/start/cwd", schemaPath: "#/properties/producer/properties/start/properties/cwd/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [o] : e.push(o), a++;
              }
            }
            if (r.ready_timeout_s !== void 0) {
              let i = r.ready_timeout_s;
              if (!(typeof i == "number" && !(i % 1) && !isNaN(i) && isFinite(i))) {
                let o = { instancePath: t + "/producer/start/ready_timeout_s", schemaPath: "#/properties/producer/properties/start/properties/ready_timeout_s/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                e === null ? e = [o] : e.push(o), a++;
              }
              if (typeof i == "number" && isFinite(i)) {
                if (i > 3600 || isNaN(i)) {
                  let o = { instancePath: t + "/producer/start/ready_timeout_s", schemaPath: "#/properties/producer/properties/start/properties/ready_timeout_s/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3600 }, message: "must be <= 3600" };
                  e === null ? e = [o] : e.push(o), a++;
                }
                if (i < 1 || isNaN(i)) {
                  let o = { instancePath: t + "/producer/start/ready_timeout_s", schemaPath: "#/properties/producer/properties/start/properties/ready_timeout_s/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                  e === null ? e = [o] : e.push(o), a++;
                }
              }
            }
          } else {
            let i = { instancePath: t + "/producer/start", schemaPath: "#/properties/producer/properties/start/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
      } else {
        let r = { instancePath: t + "/producer", schemaPath: "#/properties/producer/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.suites !== void 0) {
      let s = n.suites;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        for (let r in s) if (!(r === "concurrent" || r === "consumer" || r === "producer")) {
          let i = { instancePath: t + "/suites", schemaPath: "#/properties/suites/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        if (s.concurrent !== void 0 && typeof s.concurrent != "boolean") {
          let r = { instancePath: t + "/suites/concurrent", schemaPath: "#/properties/suites/properties/concurrent/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          e === null ? e = [r] : e.push(r), a++;
        }
        if (s.consumer !== void 0) {
          let r = s.consumer;
          if (Array.isArray(r)) {
            let i = r.length;
            for (let o = 0; o < i; o++) g(r[o], { instancePath: t + "/suites/consumer/" + o, parentData: r, parentDataProperty: o, rootData: l, dynamicAnchors: y }) || (e = e === null ? g.errors : e.concat(g.errors), a = e.length);
          } else {
            let i = { instancePath: t + "/suites/consumer", schemaPath: "#/properties/suites/properties/consumer/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.producer !== void 0) {
          let r = s.producer;
          if (Array.isArray(r)) {
            let i = r.length;
            for (let o = 0; o < i; o++) g(r[o], { instancePath: t + "/suites/producer/" + o, parentData: r, parentDataProperty: o, rootData: l, dynamicAnchors: y }) || (e = e === null ? g.errors : e.concat(g.errors), a = e.length);
          } else {
            let i = { instancePath: t + "/suites/producer", schemaPath: "#/properties/suites/properties/producer/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
      } else {
        let r = { instancePath: t + "/suites", schemaPath: "#/properties/suites/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.owners !== void 0) {
      let s = n.owners;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        for (let r in s) if (!(r === "consumer" || r === "producer")) {
          let i = { instancePath: t + "/owners", schemaPath: "#/properties/owners/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        if (s.consumer !== void 0) {
          let r = s.consumer;
          if (Array.isArray(r)) {
            let i = r.length;
            for (let m = 0; m < i; m++) {
              let d = r[m];
              if (typeof d == "string") {
                if (!E.test(d)) {
                  let _ = { instancePath: t + "/owners/consumer/" + m, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/[A-Za-z0-9_.-]+)?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/[A-Za-z0-9_.-]+)?$"' };
                  e === null ? e = [_] : e.push(_), a++;
                }
              } else {
                let _ = { instancePath: t + "/owners/consumer/" + m, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [_] : e.push(_), a++;
              }
            }
            let o = r.length, p;
            if (o > 1) {
              e: for (; o--; ) for (p = o; p--; ) if (x(r[o], r[p])) {
                let m = { instancePath: t + "/owners/consumer", schemaPath: "#/properties/owners/properties/consumer/uniqueItems", keyword: "uniqueItems", params: { i: o, j: p }, message: "must NOT have duplicate items (items ## " + p + " and " + o + " are identical)" };
                e === null ? e = [m] : e.push(m), a++;
                break e;
              }
            }
          } else {
            let i = { instancePath: t + "/owners/consumer", schemaPath: "#/properties/owners/properties/consumer/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.producer !== void 0) {
          let r = s.producer;
          if (Array.isArray(r)) {
            let i = r.length;
            for (let m = 0; m < i; m++) {
              let d = r[m];
              if (typeof d == "string") {
                if (!E.test(d)) {
                  let _ = { instancePath: t + "/owners/producer/" + m, schemaPath: "#/$defs/principal/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/[A-Za-z0-9_.-]+)?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(/[A-Za-z0-9_.-]+)?$"' };
                  e === null ? e = [_] : e.push(_), a++;
                }
              } else {
                let _ = { instancePath: t + "/owners/producer/" + m, schemaPath: "#/$defs/principal/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [_] : e.push(_), a++;
              }
            }
            let o = r.length, p;
            if (o > 1) {
              e: for (; o--; ) for (p = o; p--; ) if (x(r[o], r[p])) {
                let m = { instancePath: t + "/owners/producer", schemaPath: "#/properties/owners/properties/producer/uniqueItems", keyword: "uniqueItems", params: { i: o, j: p }, message: "must NOT have duplicate items (items ## " + p + " and " + o + " are identical)" };
                e === null ? e = [m] : e.push(m), a++;
                break e;
              }
            }
          } else {
            let i = { instancePath: t + "/owners/producer", schemaPath: "#/properties/owners/properties/producer/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
      } else {
        let r = { instancePath: t + "/owners", schemaPath: "#/properties/owners/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
    if (n.adapter !== void 0) {
      let s = n.adapter;
      if (s && typeof s == "object" && !Array.isArray(s)) {
        for (let r in s) if (!(r === "file" || r === "endpoints" || r === "scan" || r === "exclude")) {
          let i = { instancePath: t + "/adapter", schemaPath: "#/properties/adapter/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        if (s.file !== void 0) {
          let r = s.file;
          if (typeof r == "string") {
            if (h(r) < 1) {
              let i = { instancePath: t + "/adapter/file", schemaPath: "#/$defs/relpath/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [i] : e.push(i), a++;
            }
            if (!v.test(r)) {
              let i = { instancePath: t + "/adapter/file", schemaPath: "#/$defs/relpath/pattern", keyword: "pattern", params: { pattern: "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$" }, message: 'must match pattern "^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$"' };
              e === null ? e = [i] : e.push(i), a++;
            }
          } else {
            let i = { instancePath: t + "/adapter/file", schemaPath: "#/$defs/relpath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.endpoints !== void 0) {
          let r = s.endpoints;
          if (Array.isArray(r)) {
            let i = r.length;
            for (let o = 0; o < i; o++) {
              let p = r[o];
              if (typeof p == "string") {
                if (h(p) < 1) {
                  let m = { instancePath: t + "/adapter/endpoints/" + o, schemaPath: "#/properties/adapter/properties/endpoints/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                let m = { instancePath: t + "/adapter/endpoints/" + o, schemaPath: "#/properties/adapter/properties/endpoints/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            let i = { instancePath: t + "/adapter/endpoints", schemaPath: "#/properties/adapter/properties/endpoints/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.scan !== void 0) {
          let r = s.scan;
          if (Array.isArray(r)) {
            let i = r.length;
            for (let o = 0; o < i; o++) {
              let p = r[o];
              if (typeof p == "string") {
                if (h(p) < 1) {
                  let m = { instancePath: t + "/adapter/scan/" + o, schemaPath: "#/properties/adapter/properties/scan/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                let m = { instancePath: t + "/adapter/scan/" + o, schemaPath: "#/properties/adapter/properties/scan/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            let i = { instancePath: t + "/adapter/scan", schemaPath: "#/properties/adapter/properties/scan/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
        if (s.exclude !== void 0) {
          let r = s.exclude;
          if (Array.isArray(r)) {
            let i = r.length;
            for (let o = 0; o < i; o++) {
              let p = r[o];
              if (typeof p == "string") {
                if (h(p) < 1) {
                  let m = { instancePath: t + "/adapter/exclude/" + o, schemaPath: "#/properties/adapter/properties/exclude/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                let m = { instancePath: t + "/adapter/exclude/" + o, schemaPath: "#/properties/adapter/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            let i = { instancePath: t + "/adapter/exclude", schemaPath: "#/properties/adapter/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [i] : e.push(i), a++;
          }
        }
      } else {
        let r = { instancePath: t + "/adapter", schemaPath: "#/properties/adapter/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [r] : e.push(r), a++;
      }
    }
  } else {
    let s = { instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [s] : e.push(s), a++;
  }
  return b.errors = e, a === 0;
}
b.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function k(n, { instancePath: t = "", parentData: u, parentDataProperty: f, rootData: l = n, dynamicAnchors: y = {} } = {}) {
  let e = null, a = 0, c = k.evaluated;
  if (c.dynamicProps && (c.props = void 0), c.dynamicItems && (c.items = void 0), n && typeof n == "object" && !Array.isArray(n)) {
    if (n.policy_version === void 0) {
      let r = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policy_version" }, message: "must have required property 'policy_version'" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.baselines === void 0) {
      let r = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "baselines" }, message: "must have required property 'baselines'" };
      e === null ? e = [r] : e.push(r), a++;
    }
    for (let r in n) if (!(r === "$schema" || r === "policy_version" || r === "baselines")) {
      let i = { instancePath: t, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
      e === null ? e = [i] : e.push(i), a++;
    }
    if (n.$schema !== void 0 && typeof n.$schema != "string") {
      let r = { instancePath: t + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.policy_version !== void 0 && n.policy_version !== "baseline-policy.v1") {
      let r = { instancePath: t + "/policy_version", schemaPath: "#/properties/policy_version/const", keyword: "const", params: { allowedValue: "baseline-policy.v1" }, message: "must be equal to constant" };
      e === null ? e = [r] : e.push(r), a++;
    }
    if (n.baselines !== void 0) {
      let r = n.baselines;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        if (Object.keys(r).length < 1) {
          let i = { instancePath: t + "/baselines", schemaPath: "#/properties/baselines/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          e === null ? e = [i] : e.push(i), a++;
        }
        for (let i in r) {
          let o = a;
          if (typeof i == "string" && !X.test(i)) {
            let p = { instancePath: t + "/baselines", schemaPath: "#/properties/baselines/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9_-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9_-]{0,62}$"', propertyName: i };
            e === null ? e = [p] : e.push(p), a++;
          }
          var s = o === a;
          if (!s) {
            let p = { instancePath: t + "/baselines", schemaPath: "#/properties/baselines/propertyNames", keyword: "propertyNames", params: { propertyName: i }, message: "property name must be valid" };
            e === null ? e = [p] : e.push(p), a++;
          }
        }
        for (let i in r) b(r[i], { instancePath: t + "/baselines/" + i.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: r, parentDataProperty: i, rootData: l, dynamicAnchors: y }) || (e = e === null ? b.errors : e.concat(b.errors), a = e.length);
      } else {
        let i = { instancePath: t + "/baselines", schemaPath: "#/properties/baselines/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [i] : e.push(i), a++;
      }
    }
  } else {
    let r = { instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [r] : e.push(r), a++;
  }
  return k.errors = e, a === 0;
}
k.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
var pe = { validatePin: "pin.schema.json", validateManifest: "manifest.schema.json", validateLedgerRow: "ledger-row.schema.json", validatePolicy: "baseline-policy.schema.json" };
var me = { "defs.schema.json#/$defs/releaseTag": "must be a release tag vMAJOR.MINOR.PATCH, like v1.2.3 (no pre-release or build suffix)", "defs.schema.json#/$defs/commitSha": "must be a full 40-character lower-case hex commit SHA (git rev-parse <commit>)", "defs.schema.json#/$defs/shortCommitSha": "must be a lower-case hex commit SHA of 7 to 40 characters", "defs.schema.json#/$defs/sha256": "must be a 64-character lower-case hex SHA-256 (sha256sum of the file)", "defs.schema.json#/$defs/serviceContract": "must be a service contract version like service.v3", "defs.schema.json#/$defs/apiContract": "must be an API contract version like api.v1", "defs.schema.json#/$defs/integrationBaseline": "must be an integration baseline like integration/v1", "defs.schema.json#/$defs/semver": "must be a semantic version like 1.4.0", "defs.schema.json#/$defs/posture": 'must be "GO" or "NO-GO"', "defs.schema.json#/$defs/ledgerStatus": "must be one of Approved, Superseded, Rolled back, Candidate", "pin.schema.json#/properties/memorykernel_repo": "must be the HTTPS URL of the producer repository, like https://github.com/OWNER/REPO", "pin.schema.json#/properties/default_base_url": "must be an http(s) URL with a host, like http://127.0.0.1:4010", "pin.schema.json#/properties/default_timeout_ms": "must be an integer number of milliseconds between 100 and 30000", "manifest.schema.json#/properties/manifest_contract_version": 'must be "producer-contract-manifest.v1" (the only manifest format this tool reads)', "manifest.schema.json#/properties/error_code_enum/items": "must be a snake_case error code like invalid_json", "manifest.schema.json#/properties/error_code_enum": { type: "must be an array of error codes", minItems: "must list at least one error code", uniqueItems: "must not list an error code twice" }, "manifest.schema.json#/properties/stability_window/properties/minimum_sprint_days": "must be a whole number of days (0 or more)", "baseline-policy.schema.json#/properties/policy_version": 'must be "baseline-policy.v1"', "baseline-policy.schema.json#/properties/baselines/propertyNames": "baseline names are lower-case letters, digits, '-' and '_' (at most 63), starting with a letter or digit", "baseline-policy.schema.json#/properties/baselines": { minProperties: "must define at least one baseline" }, "baseline-policy.schema.json#/$defs/relpath": "must be a path relative to the repository root, without '..'", "baseline-policy.schema.json#/$defs/argv": 'must be an argv array of non-empty strings, like ["npm", "run", "test"] (never a shell string)', "baseline-policy.schema.json#/$defs/principal": "must be a GitHub login or an org/team slug" };

// src/ledger/model.ts
var LEDGER_STATUSES = ["Approved", "Superseded", "Rolled back", "Candidate"];
var PIN_LINES = [
  { key: "repo", label: "repo", named: true },
  { key: "release_tag", label: "release tag", named: true },
  { key: "commit_sha", label: "commit SHA", named: true },
  { key: "service", label: "Expected service contract version", named: false },
  { key: "api", label: "Expected API contract version", named: false },
  { key: "integration", label: "Expected integration baseline", named: false },
  { key: "manifest_sha256", label: "Expected producer manifest SHA-256", named: false },
  { key: "posture", label: "Runtime cutover posture", named: false },
  { key: "pin_path", label: "Pin manifest (source of truth)", named: false },
  { key: "mirror_path", label: "Producer manifest mirror", named: false }
];
var LEDGER_COLUMNS = [
  { key: "consumer_version", header: "version" },
  { key: "consumer_commit", header: "commit" },
  { key: "producer_tag", header: "tag" },
  { key: "producer_commit", header: "commit" },
  { key: "service", header: "Service contract" },
  { key: "api", header: "API contract" },
  { key: "integration", header: "Integration baseline" },
  { key: "status", header: "Status" }
];
var PIN_SECTION_TITLE = "Baseline Pin";
var LEDGER_SECTION_TITLE = "Approved Version Pairs";

// node_modules/mdast-util-to-string/lib/index.js
var emptyOptions = {};
function toString(value, options) {
  const settings = options || emptyOptions;
  const includeImageAlt = typeof settings.includeImageAlt === "boolean" ? settings.includeImageAlt : true;
  const includeHtml = typeof settings.includeHtml === "boolean" ? settings.includeHtml : true;
  return one(value, includeImageAlt, includeHtml);
}
function one(value, includeImageAlt, includeHtml) {
  if (node(value)) {
    if ("value" in value) {
      return value.type === "html" && !includeHtml ? "" : value.value;
    }
    if (includeImageAlt && "alt" in value && value.alt) {
      return value.alt;
    }
    if ("children" in value) {
      return all(value.children, includeImageAlt, includeHtml);
    }
  }
  if (Array.isArray(value)) {
    return all(value, includeImageAlt, includeHtml);
  }
  return "";
}
function all(values, includeImageAlt, includeHtml) {
  const result = [];
  let index2 = -1;
  while (++index2 < values.length) {
    result[index2] = one(values[index2], includeImageAlt, includeHtml);
  }
  return result.join("");
}
function node(value) {
  return Boolean(value && typeof value === "object");
}

// node_modules/character-entities/index.js
var characterEntities = {
  AElig: "\xC6",
  AMP: "&",
  Aacute: "\xC1",
  Abreve: "\u0102",
  Acirc: "\xC2",
  Acy: "\u0410",
  Afr: "\u{1D504}",
  Agrave: "\xC0",
  Alpha: "\u0391",
  Amacr: "\u0100",
  And: "\u2A53",
  Aogon: "\u0104",
  Aopf: "\u{1D538}",
  ApplyFunction: "\u2061",
  Aring: "\xC5",
  Ascr: "\u{1D49C}",
  Assign: "\u2254",
  Atilde: "\xC3",
  Auml: "\xC4",
  Backslash: "\u2216",
  Barv: "\u2AE7",
  Barwed: "\u2306",
  Bcy: "\u0411",
  Because: "\u2235",
  Bernoullis: "\u212C",
  Beta: "\u0392",
  Bfr: "\u{1D505}",
  Bopf: "\u{1D539}",
  Breve: "\u02D8",
  Bscr: "\u212C",
  Bumpeq: "\u224E",
  CHcy: "\u0427",
  COPY: "\xA9",
  Cacute: "\u0106",
  Cap: "\u22D2",
  CapitalDifferentialD: "\u2145",
  Cayleys: "\u212D",
  Ccaron: "\u010C",
  Ccedil: "\xC7",
  Ccirc: "\u0108",
  Cconint: "\u2230",
  Cdot: "\u010A",
  Cedilla: "\xB8",
  CenterDot: "\xB7",
  Cfr: "\u212D",
  Chi: "\u03A7",
  CircleDot: "\u2299",
  CircleMinus: "\u2296",
  CirclePlus: "\u2295",
  CircleTimes: "\u2297",
  ClockwiseContourIntegral: "\u2232",
  CloseCurlyDoubleQuote: "\u201D",
  CloseCurlyQuote: "\u2019",
  Colon: "\u2237",
  Colone: "\u2A74",
  Congruent: "\u2261",
  Conint: "\u222F",
  ContourIntegral: "\u222E",
  Copf: "\u2102",
  Coproduct: "\u2210",
  CounterClockwiseContourIntegral: "\u2233",
  Cross: "\u2A2F",
  Cscr: "\u{1D49E}",
  Cup: "\u22D3",
  CupCap: "\u224D",
  DD: "\u2145",
  DDotrahd: "\u2911",
  DJcy: "\u0402",
  DScy: "\u0405",
  DZcy: "\u040F",
  Dagger: "\u2021",
  Darr: "\u21A1",
  Dashv: "\u2AE4",
  Dcaron: "\u010E",
  Dcy: "\u0414",
  Del: "\u2207",
  Delta: "\u0394",
  Dfr: "\u{1D507}",
  DiacriticalAcute: "\xB4",
  DiacriticalDot: "\u02D9",
  DiacriticalDoubleAcute: "\u02DD",
  DiacriticalGrave: "`",
  DiacriticalTilde: "\u02DC",
  Diamond: "\u22C4",
  DifferentialD: "\u2146",
  Dopf: "\u{1D53B}",
  Dot: "\xA8",
  DotDot: "\u20DC",
  DotEqual: "\u2250",
  DoubleContourIntegral: "\u222F",
  DoubleDot: "\xA8",
  DoubleDownArrow: "\u21D3",
  DoubleLeftArrow: "\u21D0",
  DoubleLeftRightArrow: "\u21D4",
  DoubleLeftTee: "\u2AE4",
  DoubleLongLeftArrow: "\u27F8",
  DoubleLongLeftRightArrow: "\u27FA",
  DoubleLongRightArrow: "\u27F9",
  DoubleRightArrow: "\u21D2",
  DoubleRightTee: "\u22A8",
  DoubleUpArrow: "\u21D1",
  DoubleUpDownArrow: "\u21D5",
  DoubleVerticalBar: "\u2225",
  DownArrow: "\u2193",
  DownArrowBar: "\u2913",
  DownArrowUpArrow: "\u21F5",
  DownBreve: "\u0311",
  DownLeftRightVector: "\u2950",
  DownLeftTeeVector: "\u295E",
  DownLeftVector: "\u21BD",
  DownLeftVectorBar: "\u2956",
  DownRightTeeVector: "\u295F",
  DownRightVector: "\u21C1",
  DownRightVectorBar: "\u2957",
  DownTee: "\u22A4",
  DownTeeArrow: "\u21A7",
  Downarrow: "\u21D3",
  Dscr: "\u{1D49F}",
  Dstrok: "\u0110",
  ENG: "\u014A",
  ETH: "\xD0",
  Eacute: "\xC9",
  Ecaron: "\u011A",
  Ecirc: "\xCA",
  Ecy: "\u042D",
  Edot: "\u0116",
  Efr: "\u{1D508}",
  Egrave: "\xC8",
  Element: "\u2208",
  Emacr: "\u0112",
  EmptySmallSquare: "\u25FB",
  EmptyVerySmallSquare: "\u25AB",
  Eogon: "\u0118",
  Eopf: "\u{1D53C}",
  Epsilon: "\u0395",
  Equal: "\u2A75",
  EqualTilde: "\u2242",
  Equilibrium: "\u21CC",
  Escr: "\u2130",
  Esim: "\u2A73",
  Eta: "\u0397",
  Euml: "\xCB",
  Exists: "\u2203",
  ExponentialE: "\u2147",
  Fcy: "\u0424",
  Ffr: "\u{1D509}",
  FilledSmallSquare: "\u25FC",
  FilledVerySmallSquare: "\u25AA",
  Fopf: "\u{1D53D}",
  ForAll: "\u2200",
  Fouriertrf: "\u2131",
  Fscr: "\u2131",
  GJcy: "\u0403",
  GT: ">",
  Gamma: "\u0393",
  Gammad: "\u03DC",
  Gbreve: "\u011E",
  Gcedil: "\u0122",
  Gcirc: "\u011C",
  Gcy: "\u0413",
  Gdot: "\u0120",
  Gfr: "\u{1D50A}",
  Gg: "\u22D9",
  Gopf: "\u{1D53E}",
  GreaterEqual: "\u2265",
  GreaterEqualLess: "\u22DB",
  GreaterFullEqual: "\u2267",
  GreaterGreater: "\u2AA2",
  GreaterLess: "\u2277",
  GreaterSlantEqual: "\u2A7E",
  GreaterTilde: "\u2273",
  Gscr: "\u{1D4A2}",
  Gt: "\u226B",
  HARDcy: "\u042A",
  Hacek: "\u02C7",
  Hat: "^",
  Hcirc: "\u0124",
  Hfr: "\u210C",
  HilbertSpace: "\u210B",
  Hopf: "\u210D",
  HorizontalLine: "\u2500",
  Hscr: "\u210B",
  Hstrok: "\u0126",
  HumpDownHump: "\u224E",
  HumpEqual: "\u224F",
  IEcy: "\u0415",
  IJlig: "\u0132",
  IOcy: "\u0401",
  Iacute: "\xCD",
  Icirc: "\xCE",
  Icy: "\u0418",
  Idot: "\u0130",
  Ifr: "\u2111",
  Igrave: "\xCC",
  Im: "\u2111",
  Imacr: "\u012A",
  ImaginaryI: "\u2148",
  Implies: "\u21D2",
  Int: "\u222C",
  Integral: "\u222B",
  Intersection: "\u22C2",
  InvisibleComma: "\u2063",
  InvisibleTimes: "\u2062",
  Iogon: "\u012E",
  Iopf: "\u{1D540}",
  Iota: "\u0399",
  Iscr: "\u2110",
  Itilde: "\u0128",
  Iukcy: "\u0406",
  Iuml: "\xCF",
  Jcirc: "\u0134",
  Jcy: "\u0419",
  Jfr: "\u{1D50D}",
  Jopf: "\u{1D541}",
  Jscr: "\u{1D4A5}",
  Jsercy: "\u0408",
  Jukcy: "\u0404",
  KHcy: "\u0425",
  KJcy: "\u040C",
  Kappa: "\u039A",
  Kcedil: "\u0136",
  Kcy: "\u041A",
  Kfr: "\u{1D50E}",
  Kopf: "\u{1D542}",
  Kscr: "\u{1D4A6}",
  LJcy: "\u0409",
  LT: "<",
  Lacute: "\u0139",
  Lambda: "\u039B",
  Lang: "\u27EA",
  Laplacetrf: "\u2112",
  Larr: "\u219E",
  Lcaron: "\u013D",
  Lcedil: "\u013B",
  Lcy: "\u041B",
  LeftAngleBracket: "\u27E8",
  LeftArrow: "\u2190",
  LeftArrowBar: "\u21E4",
  LeftArrowRightArrow: "\u21C6",
  LeftCeiling: "\u2308",
  LeftDoubleBracket: "\u27E6",
  LeftDownTeeVector: "\u2961",
  LeftDownVector: "\u21C3",
  LeftDownVectorBar: "\u2959",
  LeftFloor: "\u230A",
  LeftRightArrow: "\u2194",
  LeftRightVector: "\u294E",
  LeftTee: "\u22A3",
  LeftTeeArrow: "\u21A4",
  LeftTeeVector: "\u295A",
  LeftTriangle: "\u22B2",
  LeftTriangleBar: "\u29CF",
  LeftTriangleEqual: "\u22B4",
  LeftUpDownVector: "\u2951",
  LeftUpTeeVector: "\u2960",
  LeftUpVector: "\u21BF",
  LeftUpVectorBar: "\u2958",
  LeftVector: "\u21BC",
  LeftVectorBar: "\u2952",
  Leftarrow: "\u21D0",
  Leftrightarrow: "\u21D4",
  LessEqualGreater: "\u22DA",
  LessFullEqual: "\u2266",
  LessGreater: "\u2276",
  LessLess: "\u2AA1",
  LessSlantEqual: "\u2A7D",
  LessTilde: "\u2272",
  Lfr: "\u{1D50F}",
  Ll: "\u22D8",
  Lleftarrow: "\u21DA",
  Lmidot: "\u013F",
  LongLeftArrow: "\u27F5",
  LongLeftRightArrow: "\u27F7",
  LongRightArrow: "\u27F6",
  Longleftarrow: "\u27F8",
  Longleftrightarrow: "\u27FA",
  Longrightarrow: "\u27F9",
  Lopf: "\u{1D543}",
  LowerLeftArrow: "\u2199",
  LowerRightArrow: "\u2198",
  Lscr: "\u2112",
  Lsh: "\u21B0",
  Lstrok: "\u0141",
  Lt: "\u226A",
  Map: "\u2905",
  Mcy: "\u041C",
  MediumSpace: "\u205F",
  Mellintrf: "\u2133",
  Mfr: "\u{1D510}",
  MinusPlus: "\u2213",
  Mopf: "\u{1D544}",
  Mscr: "\u2133",
  Mu: "\u039C",
  NJcy: "\u040A",
  Nacute: "\u0143",
  Ncaron: "\u0147",
  Ncedil: "\u0145",
  Ncy: "\u041D",
  NegativeMediumSpace: "\u200B",
  NegativeThickSpace: "\u200B",
  NegativeThinSpace: "\u200B",
  NegativeVeryThinSpace: "\u200B",
  NestedGreaterGreater: "\u226B",
  NestedLessLess: "\u226A",
  NewLine: "\n",
  Nfr: "\u{1D511}",
  NoBreak: "\u2060",
  NonBreakingSpace: "\xA0",
  Nopf: "\u2115",
  Not: "\u2AEC",
  NotCongruent: "\u2262",
  NotCupCap: "\u226D",
  NotDoubleVerticalBar: "\u2226",
  NotElement: "\u2209",
  NotEqual: "\u2260",
  NotEqualTilde: "\u2242\u0338",
  NotExists: "\u2204",
  NotGreater: "\u226F",
  NotGreaterEqual: "\u2271",
  NotGreaterFullEqual: "\u2267\u0338",
  NotGreaterGreater: "\u226B\u0338",
  NotGreaterLess: "\u2279",
  NotGreaterSlantEqual: "\u2A7E\u0338",
  NotGreaterTilde: "\u2275",
  NotHumpDownHump: "\u224E\u0338",
  NotHumpEqual: "\u224F\u0338",
  NotLeftTriangle: "\u22EA",
  NotLeftTriangleBar: "\u29CF\u0338",
  NotLeftTriangleEqual: "\u22EC",
  NotLess: "\u226E",
  NotLessEqual: "\u2270",
  NotLessGreater: "\u2278",
  NotLessLess: "\u226A\u0338",
  NotLessSlantEqual: "\u2A7D\u0338",
  NotLessTilde: "\u2274",
  NotNestedGreaterGreater: "\u2AA2\u0338",
  NotNestedLessLess: "\u2AA1\u0338",
  NotPrecedes: "\u2280",
  NotPrecedesEqual: "\u2AAF\u0338",
  NotPrecedesSlantEqual: "\u22E0",
  NotReverseElement: "\u220C",
  NotRightTriangle: "\u22EB",
  NotRightTriangleBar: "\u29D0\u0338",
  NotRightTriangleEqual: "\u22ED",
  NotSquareSubset: "\u228F\u0338",
  NotSquareSubsetEqual: "\u22E2",
  NotSquareSuperset: "\u2290\u0338",
  NotSquareSupersetEqual: "\u22E3",
  NotSubset: "\u2282\u20D2",
  NotSubsetEqual: "\u2288",
  NotSucceeds: "\u2281",
  NotSucceedsEqual: "\u2AB0\u0338",
  NotSucceedsSlantEqual: "\u22E1",
  NotSucceedsTilde: "\u227F\u0338",
  NotSuperset: "\u2283\u20D2",
  NotSupersetEqual: "\u2289",
  NotTilde: "\u2241",
  NotTildeEqual: "\u2244",
  NotTildeFullEqual: "\u2247",
  NotTildeTilde: "\u2249",
  NotVerticalBar: "\u2224",
  Nscr: "\u{1D4A9}",
  Ntilde: "\xD1",
  Nu: "\u039D",
  OElig: "\u0152",
  Oacute: "\xD3",
  Ocirc: "\xD4",
  Ocy: "\u041E",
  Odblac: "\u0150",
  Ofr: "\u{1D512}",
  Ograve: "\xD2",
  Omacr: "\u014C",
  Omega: "\u03A9",
  Omicron: "\u039F",
  Oopf: "\u{1D546}",
  OpenCurlyDoubleQuote: "\u201C",
  OpenCurlyQuote: "\u2018",
  Or: "\u2A54",
  Oscr: "\u{1D4AA}",
  Oslash: "\xD8",
  Otilde: "\xD5",
  Otimes: "\u2A37",
  Ouml: "\xD6",
  OverBar: "\u203E",
  OverBrace: "\u23DE",
  OverBracket: "\u23B4",
  OverParenthesis: "\u23DC",
  PartialD: "\u2202",
  Pcy: "\u041F",
  Pfr: "\u{1D513}",
  Phi: "\u03A6",
  Pi: "\u03A0",
  PlusMinus: "\xB1",
  Poincareplane: "\u210C",
  Popf: "\u2119",
  Pr: "\u2ABB",
  Precedes: "\u227A",
  PrecedesEqual: "\u2AAF",
  PrecedesSlantEqual: "\u227C",
  PrecedesTilde: "\u227E",
  Prime: "\u2033",
  Product: "\u220F",
  Proportion: "\u2237",
  Proportional: "\u221D",
  Pscr: "\u{1D4AB}",
  Psi: "\u03A8",
  QUOT: '"',
  Qfr: "\u{1D514}",
  Qopf: "\u211A",
  Qscr: "\u{1D4AC}",
  RBarr: "\u2910",
  REG: "\xAE",
  Racute: "\u0154",
  Rang: "\u27EB",
  Rarr: "\u21A0",
  Rarrtl: "\u2916",
  Rcaron: "\u0158",
  Rcedil: "\u0156",
  Rcy: "\u0420",
  Re: "\u211C",
  ReverseElement: "\u220B",
  ReverseEquilibrium: "\u21CB",
  ReverseUpEquilibrium: "\u296F",
  Rfr: "\u211C",
  Rho: "\u03A1",
  RightAngleBracket: "\u27E9",
  RightArrow: "\u2192",
  RightArrowBar: "\u21E5",
  RightArrowLeftArrow: "\u21C4",
  RightCeiling: "\u2309",
  RightDoubleBracket: "\u27E7",
  RightDownTeeVector: "\u295D",
  RightDownVector: "\u21C2",
  RightDownVectorBar: "\u2955",
  RightFloor: "\u230B",
  RightTee: "\u22A2",
  RightTeeArrow: "\u21A6",
  RightTeeVector: "\u295B",
  RightTriangle: "\u22B3",
  RightTriangleBar: "\u29D0",
  RightTriangleEqual: "\u22B5",
  RightUpDownVector: "\u294F",
  RightUpTeeVector: "\u295C",
  RightUpVector: "\u21BE",
  RightUpVectorBar: "\u2954",
  RightVector: "\u21C0",
  RightVectorBar: "\u2953",
  Rightarrow: "\u21D2",
  Ropf: "\u211D",
  RoundImplies: "\u2970",
  Rrightarrow: "\u21DB",
  Rscr: "\u211B",
  Rsh: "\u21B1",
  RuleDelayed: "\u29F4",
  SHCHcy: "\u0429",
  SHcy: "\u0428",
  SOFTcy: "\u042C",
  Sacute: "\u015A",
  Sc: "\u2ABC",
  Scaron: "\u0160",
  Scedil: "\u015E",
  Scirc: "\u015C",
  Scy: "\u0421",
  Sfr: "\u{1D516}",
  ShortDownArrow: "\u2193",
  ShortLeftArrow: "\u2190",
  ShortRightArrow: "\u2192",
  ShortUpArrow: "\u2191",
  Sigma: "\u03A3",
  SmallCircle: "\u2218",
  Sopf: "\u{1D54A}",
  Sqrt: "\u221A",
  Square: "\u25A1",
  SquareIntersection: "\u2293",
  SquareSubset: "\u228F",
  SquareSubsetEqual: "\u2291",
  SquareSuperset: "\u2290",
  SquareSupersetEqual: "\u2292",
  SquareUnion: "\u2294",
  Sscr: "\u{1D4AE}",
  Star: "\u22C6",
  Sub: "\u22D0",
  Subset: "\u22D0",
  SubsetEqual: "\u2286",
  Succeeds: "\u227B",
  SucceedsEqual: "\u2AB0",
  SucceedsSlantEqual: "\u227D",
  SucceedsTilde: "\u227F",
  SuchThat: "\u220B",
  Sum: "\u2211",
  Sup: "\u22D1",
  Superset: "\u2283",
  SupersetEqual: "\u2287",
  Supset: "\u22D1",
  THORN: "\xDE",
  TRADE: "\u2122",
  TSHcy: "\u040B",
  TScy: "\u0426",
  Tab: "	",
  Tau: "\u03A4",
  Tcaron: "\u0164",
  Tcedil: "\u0162",
  Tcy: "\u0422",
  Tfr: "\u{1D517}",
  Therefore: "\u2234",
  Theta: "\u0398",
  ThickSpace: "\u205F\u200A",
  ThinSpace: "\u2009",
  Tilde: "\u223C",
  TildeEqual: "\u2243",
  TildeFullEqual: "\u2245",
  TildeTilde: "\u2248",
  Topf: "\u{1D54B}",
  TripleDot: "\u20DB",
  Tscr: "\u{1D4AF}",
  Tstrok: "\u0166",
  Uacute: "\xDA",
  Uarr: "\u219F",
  Uarrocir: "\u2949",
  Ubrcy: "\u040E",
  Ubreve: "\u016C",
  Ucirc: "\xDB",
  Ucy: "\u0423",
  Udblac: "\u0170",
  Ufr: "\u{1D518}",
  Ugrave: "\xD9",
  Umacr: "\u016A",
  UnderBar: "_",
  UnderBrace: "\u23DF",
  UnderBracket: "\u23B5",
  UnderParenthesis: "\u23DD",
  Union: "\u22C3",
  UnionPlus: "\u228E",
  Uogon: "\u0172",
  Uopf: "\u{1D54C}",
  UpArrow: "\u2191",
  UpArrowBar: "\u2912",
  UpArrowDownArrow: "\u21C5",
  UpDownArrow: "\u2195",
  UpEquilibrium: "\u296E",
  UpTee: "\u22A5",
  UpTeeArrow: "\u21A5",
  Uparrow: "\u21D1",
  Updownarrow: "\u21D5",
  UpperLeftArrow: "\u2196",
  UpperRightArrow: "\u2197",
  Upsi: "\u03D2",
  Upsilon: "\u03A5",
  Uring: "\u016E",
  Uscr: "\u{1D4B0}",
  Utilde: "\u0168",
  Uuml: "\xDC",
  VDash: "\u22AB",
  Vbar: "\u2AEB",
  Vcy: "\u0412",
  Vdash: "\u22A9",
  Vdashl: "\u2AE6",
  Vee: "\u22C1",
  Verbar: "\u2016",
  Vert: "\u2016",
  VerticalBar: "\u2223",
  VerticalLine: "|",
  VerticalSeparator: "\u2758",
  VerticalTilde: "\u2240",
  VeryThinSpace: "\u200A",
  Vfr: "\u{1D519}",
  Vopf: "\u{1D54D}",
  Vscr: "\u{1D4B1}",
  Vvdash: "\u22AA",
  Wcirc: "\u0174",
  Wedge: "\u22C0",
  Wfr: "\u{1D51A}",
  Wopf: "\u{1D54E}",
  Wscr: "\u{1D4B2}",
  Xfr: "\u{1D51B}",
  Xi: "\u039E",
  Xopf: "\u{1D54F}",
  Xscr: "\u{1D4B3}",
  YAcy: "\u042F",
  YIcy: "\u0407",
  YUcy: "\u042E",
  Yacute: "\xDD",
  Ycirc: "\u0176",
  Ycy: "\u042B",
  Yfr: "\u{1D51C}",
  Yopf: "\u{1D550}",
  Yscr: "\u{1D4B4}",
  Yuml: "\u0178",
  ZHcy: "\u0416",
  Zacute: "\u0179",
  Zcaron: "\u017D",
  Zcy: "\u0417",
  Zdot: "\u017B",
  ZeroWidthSpace: "\u200B",
  Zeta: "\u0396",
  Zfr: "\u2128",
  Zopf: "\u2124",
  Zscr: "\u{1D4B5}",
  aacute: "\xE1",
  abreve: "\u0103",
  ac: "\u223E",
  acE: "\u223E\u0333",
  acd: "\u223F",
  acirc: "\xE2",
  acute: "\xB4",
  acy: "\u0430",
  aelig: "\xE6",
  af: "\u2061",
  afr: "\u{1D51E}",
  agrave: "\xE0",
  alefsym: "\u2135",
  aleph: "\u2135",
  alpha: "\u03B1",
  amacr: "\u0101",
  amalg: "\u2A3F",
  amp: "&",
  and: "\u2227",
  andand: "\u2A55",
  andd: "\u2A5C",
  andslope: "\u2A58",
  andv: "\u2A5A",
  ang: "\u2220",
  ange: "\u29A4",
  angle: "\u2220",
  angmsd: "\u2221",
  angmsdaa: "\u29A8",
  angmsdab: "\u29A9",
  angmsdac: "\u29AA",
  angmsdad: "\u29AB",
  angmsdae: "\u29AC",
  angmsdaf: "\u29AD",
  angmsdag: "\u29AE",
  angmsdah: "\u29AF",
  angrt: "\u221F",
  angrtvb: "\u22BE",
  angrtvbd: "\u299D",
  angsph: "\u2222",
  angst: "\xC5",
  angzarr: "\u237C",
  aogon: "\u0105",
  aopf: "\u{1D552}",
  ap: "\u2248",
  apE: "\u2A70",
  apacir: "\u2A6F",
  ape: "\u224A",
  apid: "\u224B",
  apos: "'",
  approx: "\u2248",
  approxeq: "\u224A",
  aring: "\xE5",
  ascr: "\u{1D4B6}",
  ast: "*",
  asymp: "\u2248",
  asympeq: "\u224D",
  atilde: "\xE3",
  auml: "\xE4",
  awconint: "\u2233",
  awint: "\u2A11",
  bNot: "\u2AED",
  backcong: "\u224C",
  backepsilon: "\u03F6",
  backprime: "\u2035",
  backsim: "\u223D",
  backsimeq: "\u22CD",
  barvee: "\u22BD",
  barwed: "\u2305",
  barwedge: "\u2305",
  bbrk: "\u23B5",
  bbrktbrk: "\u23B6",
  bcong: "\u224C",
  bcy: "\u0431",
  bdquo: "\u201E",
  becaus: "\u2235",
  because: "\u2235",
  bemptyv: "\u29B0",
  bepsi: "\u03F6",
  bernou: "\u212C",
  beta: "\u03B2",
  beth: "\u2136",
  between: "\u226C",
  bfr: "\u{1D51F}",
  bigcap: "\u22C2",
  bigcirc: "\u25EF",
  bigcup: "\u22C3",
  bigodot: "\u2A00",
  bigoplus: "\u2A01",
  bigotimes: "\u2A02",
  bigsqcup: "\u2A06",
  bigstar: "\u2605",
  bigtriangledown: "\u25BD",
  bigtriangleup: "\u25B3",
  biguplus: "\u2A04",
  bigvee: "\u22C1",
  bigwedge: "\u22C0",
  bkarow: "\u290D",
  blacklozenge: "\u29EB",
  blacksquare: "\u25AA",
  blacktriangle: "\u25B4",
  blacktriangledown: "\u25BE",
  blacktriangleleft: "\u25C2",
  blacktriangleright: "\u25B8",
  blank: "\u2423",
  blk12: "\u2592",
  blk14: "\u2591",
  blk34: "\u2593",
  block: "\u2588",
  bne: "=\u20E5",
  bnequiv: "\u2261\u20E5",
  bnot: "\u2310",
  bopf: "\u{1D553}",
  bot: "\u22A5",
  bottom: "\u22A5",
  bowtie: "\u22C8",
  boxDL: "\u2557",
  boxDR: "\u2554",
  boxDl: "\u2556",
  boxDr: "\u2553",
  boxH: "\u2550",
  boxHD: "\u2566",
  boxHU: "\u2569",
  boxHd: "\u2564",
  boxHu: "\u2567",
  boxUL: "\u255D",
  boxUR: "\u255A",
  boxUl: "\u255C",
  boxUr: "\u2559",
  boxV: "\u2551",
  boxVH: "\u256C",
  boxVL: "\u2563",
  boxVR: "\u2560",
  boxVh: "\u256B",
  boxVl: "\u2562",
  boxVr: "\u255F",
  boxbox: "\u29C9",
  boxdL: "\u2555",
  boxdR: "\u2552",
  boxdl: "\u2510",
  boxdr: "\u250C",
  boxh: "\u2500",
  boxhD: "\u2565",
  boxhU: "\u2568",
  boxhd: "\u252C",
  boxhu: "\u2534",
  boxminus: "\u229F",
  boxplus: "\u229E",
  boxtimes: "\u22A0",
  boxuL: "\u255B",
  boxuR: "\u2558",
  boxul: "\u2518",
  boxur: "\u2514",
  boxv: "\u2502",
  boxvH: "\u256A",
  boxvL: "\u2561",
  boxvR: "\u255E",
  boxvh: "\u253C",
  boxvl: "\u2524",
  boxvr: "\u251C",
  bprime: "\u2035",
  breve: "\u02D8",
  brvbar: "\xA6",
  bscr: "\u{1D4B7}",
  bsemi: "\u204F",
  bsim: "\u223D",
  bsime: "\u22CD",
  bsol: "\\",
  bsolb: "\u29C5",
  bsolhsub: "\u27C8",
  bull: "\u2022",
  bullet: "\u2022",
  bump: "\u224E",
  bumpE: "\u2AAE",
  bumpe: "\u224F",
  bumpeq: "\u224F",
  cacute: "\u0107",
  cap: "\u2229",
  capand: "\u2A44",
  capbrcup: "\u2A49",
  capcap: "\u2A4B",
  capcup: "\u2A47",
  capdot: "\u2A40",
  caps: "\u2229\uFE00",
  caret: "\u2041",
  caron: "\u02C7",
  ccaps: "\u2A4D",
  ccaron: "\u010D",
  ccedil: "\xE7",
  ccirc: "\u0109",
  ccups: "\u2A4C",
  ccupssm: "\u2A50",
  cdot: "\u010B",
  cedil: "\xB8",
  cemptyv: "\u29B2",
  cent: "\xA2",
  centerdot: "\xB7",
  cfr: "\u{1D520}",
  chcy: "\u0447",
  check: "\u2713",
  checkmark: "\u2713",
  chi: "\u03C7",
  cir: "\u25CB",
  cirE: "\u29C3",
  circ: "\u02C6",
  circeq: "\u2257",
  circlearrowleft: "\u21BA",
  circlearrowright: "\u21BB",
  circledR: "\xAE",
  circledS: "\u24C8",
  circledast: "\u229B",
  circledcirc: "\u229A",
  circleddash: "\u229D",
  cire: "\u2257",
  cirfnint: "\u2A10",
  cirmid: "\u2AEF",
  cirscir: "\u29C2",
  clubs: "\u2663",
  clubsuit: "\u2663",
  colon: ":",
  colone: "\u2254",
  coloneq: "\u2254",
  comma: ",",
  commat: "@",
  comp: "\u2201",
  compfn: "\u2218",
  complement: "\u2201",
  complexes: "\u2102",
  cong: "\u2245",
  congdot: "\u2A6D",
  conint: "\u222E",
  copf: "\u{1D554}",
  coprod: "\u2210",
  copy: "\xA9",
  copysr: "\u2117",
  crarr: "\u21B5",
  cross: "\u2717",
  cscr: "\u{1D4B8}",
  csub: "\u2ACF",
  csube: "\u2AD1",
  csup: "\u2AD0",
  csupe: "\u2AD2",
  ctdot: "\u22EF",
  cudarrl: "\u2938",
  cudarrr: "\u2935",
  cuepr: "\u22DE",
  cuesc: "\u22DF",
  cularr: "\u21B6",
  cularrp: "\u293D",
  cup: "\u222A",
  cupbrcap: "\u2A48",
  cupcap: "\u2A46",
  cupcup: "\u2A4A",
  cupdot: "\u228D",
  cupor: "\u2A45",
  cups: "\u222A\uFE00",
  curarr: "\u21B7",
  curarrm: "\u293C",
  curlyeqprec: "\u22DE",
  curlyeqsucc: "\u22DF",
  curlyvee: "\u22CE",
  curlywedge: "\u22CF",
  curren: "\xA4",
  curvearrowleft: "\u21B6",
  curvearrowright: "\u21B7",
  cuvee: "\u22CE",
  cuwed: "\u22CF",
  cwconint: "\u2232",
  cwint: "\u2231",
  cylcty: "\u232D",
  dArr: "\u21D3",
  dHar: "\u2965",
  dagger: "\u2020",
  daleth: "\u2138",
  darr: "\u2193",
  dash: "\u2010",
  dashv: "\u22A3",
  dbkarow: "\u290F",
  dblac: "\u02DD",
  dcaron: "\u010F",
  dcy: "\u0434",
  dd: "\u2146",
  ddagger: "\u2021",
  ddarr: "\u21CA",
  ddotseq: "\u2A77",
  deg: "\xB0",
  delta: "\u03B4",
  demptyv: "\u29B1",
  dfisht: "\u297F",
  dfr: "\u{1D521}",
  dharl: "\u21C3",
  dharr: "\u21C2",
  diam: "\u22C4",
  diamond: "\u22C4",
  diamondsuit: "\u2666",
  diams: "\u2666",
  die: "\xA8",
  digamma: "\u03DD",
  disin: "\u22F2",
  div: "\xF7",
  divide: "\xF7",
  divideontimes: "\u22C7",
  divonx: "\u22C7",
  djcy: "\u0452",
  dlcorn: "\u231E",
  dlcrop: "\u230D",
  dollar: "$",
  dopf: "\u{1D555}",
  dot: "\u02D9",
  doteq: "\u2250",
  doteqdot: "\u2251",
  dotminus: "\u2238",
  dotplus: "\u2214",
  dotsquare: "\u22A1",
  doublebarwedge: "\u2306",
  downarrow: "\u2193",
  downdownarrows: "\u21CA",
  downharpoonleft: "\u21C3",
  downharpoonright: "\u21C2",
  drbkarow: "\u2910",
  drcorn: "\u231F",
  drcrop: "\u230C",
  dscr: "\u{1D4B9}",
  dscy: "\u0455",
  dsol: "\u29F6",
  dstrok: "\u0111",
  dtdot: "\u22F1",
  dtri: "\u25BF",
  dtrif: "\u25BE",
  duarr: "\u21F5",
  duhar: "\u296F",
  dwangle: "\u29A6",
  dzcy: "\u045F",
  dzigrarr: "\u27FF",
  eDDot: "\u2A77",
  eDot: "\u2251",
  eacute: "\xE9",
  easter: "\u2A6E",
  ecaron: "\u011B",
  ecir: "\u2256",
  ecirc: "\xEA",
  ecolon: "\u2255",
  ecy: "\u044D",
  edot: "\u0117",
  ee: "\u2147",
  efDot: "\u2252",
  efr: "\u{1D522}",
  eg: "\u2A9A",
  egrave: "\xE8",
  egs: "\u2A96",
  egsdot: "\u2A98",
  el: "\u2A99",
  elinters: "\u23E7",
  ell: "\u2113",
  els: "\u2A95",
  elsdot: "\u2A97",
  emacr: "\u0113",
  empty: "\u2205",
  emptyset: "\u2205",
  emptyv: "\u2205",
  emsp13: "\u2004",
  emsp14: "\u2005",
  emsp: "\u2003",
  eng: "\u014B",
  ensp: "\u2002",
  eogon: "\u0119",
  eopf: "\u{1D556}",
  epar: "\u22D5",
  eparsl: "\u29E3",
  eplus: "\u2A71",
  epsi: "\u03B5",
  epsilon: "\u03B5",
  epsiv: "\u03F5",
  eqcirc: "\u2256",
  eqcolon: "\u2255",
  eqsim: "\u2242",
  eqslantgtr: "\u2A96",
  eqslantless: "\u2A95",
  equals: "=",
  equest: "\u225F",
  equiv: "\u2261",
  equivDD: "\u2A78",
  eqvparsl: "\u29E5",
  erDot: "\u2253",
  erarr: "\u2971",
  escr: "\u212F",
  esdot: "\u2250",
  esim: "\u2242",
  eta: "\u03B7",
  eth: "\xF0",
  euml: "\xEB",
  euro: "\u20AC",
  excl: "!",
  exist: "\u2203",
  expectation: "\u2130",
  exponentiale: "\u2147",
  fallingdotseq: "\u2252",
  fcy: "\u0444",
  female: "\u2640",
  ffilig: "\uFB03",
  fflig: "\uFB00",
  ffllig: "\uFB04",
  ffr: "\u{1D523}",
  filig: "\uFB01",
  fjlig: "fj",
  flat: "\u266D",
  fllig: "\uFB02",
  fltns: "\u25B1",
  fnof: "\u0192",
  fopf: "\u{1D557}",
  forall: "\u2200",
  fork: "\u22D4",
  forkv: "\u2AD9",
  fpartint: "\u2A0D",
  frac12: "\xBD",
  frac13: "\u2153",
  frac14: "\xBC",
  frac15: "\u2155",
  frac16: "\u2159",
  frac18: "\u215B",
  frac23: "\u2154",
  frac25: "\u2156",
  frac34: "\xBE",
  frac35: "\u2157",
  frac38: "\u215C",
  frac45: "\u2158",
  frac56: "\u215A",
  frac58: "\u215D",
  frac78: "\u215E",
  frasl: "\u2044",
  frown: "\u2322",
  fscr: "\u{1D4BB}",
  gE: "\u2267",
  gEl: "\u2A8C",
  gacute: "\u01F5",
  gamma: "\u03B3",
  gammad: "\u03DD",
  gap: "\u2A86",
  gbreve: "\u011F",
  gcirc: "\u011D",
  gcy: "\u0433",
  gdot: "\u0121",
  ge: "\u2265",
  gel: "\u22DB",
  geq: "\u2265",
  geqq: "\u2267",
  geqslant: "\u2A7E",
  ges: "\u2A7E",
  gescc: "\u2AA9",
  gesdot: "\u2A80",
  gesdoto: "\u2A82",
  gesdotol: "\u2A84",
  gesl: "\u22DB\uFE00",
  gesles: "\u2A94",
  gfr: "\u{1D524}",
  gg: "\u226B",
  ggg: "\u22D9",
  gimel: "\u2137",
  gjcy: "\u0453",
  gl: "\u2277",
  glE: "\u2A92",
  gla: "\u2AA5",
  glj: "\u2AA4",
  gnE: "\u2269",
  gnap: "\u2A8A",
  gnapprox: "\u2A8A",
  gne: "\u2A88",
  gneq: "\u2A88",
  gneqq: "\u2269",
  gnsim: "\u22E7",
  gopf: "\u{1D558}",
  grave: "`",
  gscr: "\u210A",
  gsim: "\u2273",
  gsime: "\u2A8E",
  gsiml: "\u2A90",
  gt: ">",
  gtcc: "\u2AA7",
  gtcir: "\u2A7A",
  gtdot: "\u22D7",
  gtlPar: "\u2995",
  gtquest: "\u2A7C",
  gtrapprox: "\u2A86",
  gtrarr: "\u2978",
  gtrdot: "\u22D7",
  gtreqless: "\u22DB",
  gtreqqless: "\u2A8C",
  gtrless: "\u2277",
  gtrsim: "\u2273",
  gvertneqq: "\u2269\uFE00",
  gvnE: "\u2269\uFE00",
  hArr: "\u21D4",
  hairsp: "\u200A",
  half: "\xBD",
  hamilt: "\u210B",
  hardcy: "\u044A",
  harr: "\u2194",
  harrcir: "\u2948",
  harrw: "\u21AD",
  hbar: "\u210F",
  hcirc: "\u0125",
  hearts: "\u2665",
  heartsuit: "\u2665",
  hellip: "\u2026",
  hercon: "\u22B9",
  hfr: "\u{1D525}",
  hksearow: "\u2925",
  hkswarow: "\u2926",
  hoarr: "\u21FF",
  homtht: "\u223B",
  hookleftarrow: "\u21A9",
  hookrightarrow: "\u21AA",
  hopf: "\u{1D559}",
  horbar: "\u2015",
  hscr: "\u{1D4BD}",
  hslash: "\u210F",
  hstrok: "\u0127",
  hybull: "\u2043",
  hyphen: "\u2010",
  iacute: "\xED",
  ic: "\u2063",
  icirc: "\xEE",
  icy: "\u0438",
  iecy: "\u0435",
  iexcl: "\xA1",
  iff: "\u21D4",
  ifr: "\u{1D526}",
  igrave: "\xEC",
  ii: "\u2148",
  iiiint: "\u2A0C",
  iiint: "\u222D",
  iinfin: "\u29DC",
  iiota: "\u2129",
  ijlig: "\u0133",
  imacr: "\u012B",
  image: "\u2111",
  imagline: "\u2110",
  imagpart: "\u2111",
  imath: "\u0131",
  imof: "\u22B7",
  imped: "\u01B5",
  in: "\u2208",
  incare: "\u2105",
  infin: "\u221E",
  infintie: "\u29DD",
  inodot: "\u0131",
  int: "\u222B",
  intcal: "\u22BA",
  integers: "\u2124",
  intercal: "\u22BA",
  intlarhk: "\u2A17",
  intprod: "\u2A3C",
  iocy: "\u0451",
  iogon: "\u012F",
  iopf: "\u{1D55A}",
  iota: "\u03B9",
  iprod: "\u2A3C",
  iquest: "\xBF",
  iscr: "\u{1D4BE}",
  isin: "\u2208",
  isinE: "\u22F9",
  isindot: "\u22F5",
  isins: "\u22F4",
  isinsv: "\u22F3",
  isinv: "\u2208",
  it: "\u2062",
  itilde: "\u0129",
  iukcy: "\u0456",
  iuml: "\xEF",
  jcirc: "\u0135",
  jcy: "\u0439",
  jfr: "\u{1D527}",
  jmath: "\u0237",
  jopf: "\u{1D55B}",
  jscr: "\u{1D4BF}",
  jsercy: "\u0458",
  jukcy: "\u0454",
  kappa: "\u03BA",
  kappav: "\u03F0",
  kcedil: "\u0137",
  kcy: "\u043A",
  kfr: "\u{1D528}",
  kgreen: "\u0138",
  khcy: "\u0445",
  kjcy: "\u045C",
  kopf: "\u{1D55C}",
  kscr: "\u{1D4C0}",
  lAarr: "\u21DA",
  lArr: "\u21D0",
  lAtail: "\u291B",
  lBarr: "\u290E",
  lE: "\u2266",
  lEg: "\u2A8B",
  lHar: "\u2962",
  lacute: "\u013A",
  laemptyv: "\u29B4",
  lagran: "\u2112",
  lambda: "\u03BB",
  lang: "\u27E8",
  langd: "\u2991",
  langle: "\u27E8",
  lap: "\u2A85",
  laquo: "\xAB",
  larr: "\u2190",
  larrb: "\u21E4",
  larrbfs: "\u291F",
  larrfs: "\u291D",
  larrhk: "\u21A9",
  larrlp: "\u21AB",
  larrpl: "\u2939",
  larrsim: "\u2973",
  larrtl: "\u21A2",
  lat: "\u2AAB",
  latail: "\u2919",
  late: "\u2AAD",
  lates: "\u2AAD\uFE00",
  lbarr: "\u290C",
  lbbrk: "\u2772",
  lbrace: "{",
  lbrack: "[",
  lbrke: "\u298B",
  lbrksld: "\u298F",
  lbrkslu: "\u298D",
  lcaron: "\u013E",
  lcedil: "\u013C",
  lceil: "\u2308",
  lcub: "{",
  lcy: "\u043B",
  ldca: "\u2936",
  ldquo: "\u201C",
  ldquor: "\u201E",
  ldrdhar: "\u2967",
  ldrushar: "\u294B",
  ldsh: "\u21B2",
  le: "\u2264",
  leftarrow: "\u2190",
  leftarrowtail: "\u21A2",
  leftharpoondown: "\u21BD",
  leftharpoonup: "\u21BC",
  leftleftarrows: "\u21C7",
  leftrightarrow: "\u2194",
  leftrightarrows: "\u21C6",
  leftrightharpoons: "\u21CB",
  leftrightsquigarrow: "\u21AD",
  leftthreetimes: "\u22CB",
  leg: "\u22DA",
  leq: "\u2264",
  leqq: "\u2266",
  leqslant: "\u2A7D",
  les: "\u2A7D",
  lescc: "\u2AA8",
  lesdot: "\u2A7F",
  lesdoto: "\u2A81",
  lesdotor: "\u2A83",
  lesg: "\u22DA\uFE00",
  lesges: "\u2A93",
  lessapprox: "\u2A85",
  lessdot: "\u22D6",
  lesseqgtr: "\u22DA",
  lesseqqgtr: "\u2A8B",
  lessgtr: "\u2276",
  lesssim: "\u2272",
  lfisht: "\u297C",
  lfloor: "\u230A",
  lfr: "\u{1D529}",
  lg: "\u2276",
  lgE: "\u2A91",
  lhard: "\u21BD",
  lharu: "\u21BC",
  lharul: "\u296A",
  lhblk: "\u2584",
  ljcy: "\u0459",
  ll: "\u226A",
  llarr: "\u21C7",
  llcorner: "\u231E",
  llhard: "\u296B",
  lltri: "\u25FA",
  lmidot: "\u0140",
  lmoust: "\u23B0",
  lmoustache: "\u23B0",
  lnE: "\u2268",
  lnap: "\u2A89",
  lnapprox: "\u2A89",
  lne: "\u2A87",
  lneq: "\u2A87",
  lneqq: "\u2268",
  lnsim: "\u22E6",
  loang: "\u27EC",
  loarr: "\u21FD",
  lobrk: "\u27E6",
  longleftarrow: "\u27F5",
  longleftrightarrow: "\u27F7",
  longmapsto: "\u27FC",
  longrightarrow: "\u27F6",
  looparrowleft: "\u21AB",
  looparrowright: "\u21AC",
  lopar: "\u2985",
  lopf: "\u{1D55D}",
  loplus: "\u2A2D",
  lotimes: "\u2A34",
  lowast: "\u2217",
  lowbar: "_",
  loz: "\u25CA",
  lozenge: "\u25CA",
  lozf: "\u29EB",
  lpar: "(",
  lparlt: "\u2993",
  lrarr: "\u21C6",
  lrcorner: "\u231F",
  lrhar: "\u21CB",
  lrhard: "\u296D",
  lrm: "\u200E",
  lrtri: "\u22BF",
  lsaquo: "\u2039",
  lscr: "\u{1D4C1}",
  lsh: "\u21B0",
  lsim: "\u2272",
  lsime: "\u2A8D",
  lsimg: "\u2A8F",
  lsqb: "[",
  lsquo: "\u2018",
  lsquor: "\u201A",
  lstrok: "\u0142",
  lt: "<",
  ltcc: "\u2AA6",
  ltcir: "\u2A79",
  ltdot: "\u22D6",
  lthree: "\u22CB",
  ltimes: "\u22C9",
  ltlarr: "\u2976",
  ltquest: "\u2A7B",
  ltrPar: "\u2996",
  ltri: "\u25C3",
  ltrie: "\u22B4",
  ltrif: "\u25C2",
  lurdshar: "\u294A",
  luruhar: "\u2966",
  lvertneqq: "\u2268\uFE00",
  lvnE: "\u2268\uFE00",
  mDDot: "\u223A",
  macr: "\xAF",
  male: "\u2642",
  malt: "\u2720",
  maltese: "\u2720",
  map: "\u21A6",
  mapsto: "\u21A6",
  mapstodown: "\u21A7",
  mapstoleft: "\u21A4",
  mapstoup: "\u21A5",
  marker: "\u25AE",
  mcomma: "\u2A29",
  mcy: "\u043C",
  mdash: "\u2014",
  measuredangle: "\u2221",
  mfr: "\u{1D52A}",
  mho: "\u2127",
  micro: "\xB5",
  mid: "\u2223",
  midast: "*",
  midcir: "\u2AF0",
  middot: "\xB7",
  minus: "\u2212",
  minusb: "\u229F",
  minusd: "\u2238",
  minusdu: "\u2A2A",
  mlcp: "\u2ADB",
  mldr: "\u2026",
  mnplus: "\u2213",
  models: "\u22A7",
  mopf: "\u{1D55E}",
  mp: "\u2213",
  mscr: "\u{1D4C2}",
  mstpos: "\u223E",
  mu: "\u03BC",
  multimap: "\u22B8",
  mumap: "\u22B8",
  nGg: "\u22D9\u0338",
  nGt: "\u226B\u20D2",
  nGtv: "\u226B\u0338",
  nLeftarrow: "\u21CD",
  nLeftrightarrow: "\u21CE",
  nLl: "\u22D8\u0338",
  nLt: "\u226A\u20D2",
  nLtv: "\u226A\u0338",
  nRightarrow: "\u21CF",
  nVDash: "\u22AF",
  nVdash: "\u22AE",
  nabla: "\u2207",
  nacute: "\u0144",
  nang: "\u2220\u20D2",
  nap: "\u2249",
  napE: "\u2A70\u0338",
  napid: "\u224B\u0338",
  napos: "\u0149",
  napprox: "\u2249",
  natur: "\u266E",
  natural: "\u266E",
  naturals: "\u2115",
  nbsp: "\xA0",
  nbump: "\u224E\u0338",
  nbumpe: "\u224F\u0338",
  ncap: "\u2A43",
  ncaron: "\u0148",
  ncedil: "\u0146",
  ncong: "\u2247",
  ncongdot: "\u2A6D\u0338",
  ncup: "\u2A42",
  ncy: "\u043D",
  ndash: "\u2013",
  ne: "\u2260",
  neArr: "\u21D7",
  nearhk: "\u2924",
  nearr: "\u2197",
  nearrow: "\u2197",
  nedot: "\u2250\u0338",
  nequiv: "\u2262",
  nesear: "\u2928",
  nesim: "\u2242\u0338",
  nexist: "\u2204",
  nexists: "\u2204",
  nfr: "\u{1D52B}",
  ngE: "\u2267\u0338",
  nge: "\u2271",
  ngeq: "\u2271",
  ngeqq: "\u2267\u0338",
  ngeqslant: "\u2A7E\u0338",
  nges: "\u2A7E\u0338",
  ngsim: "\u2275",
  ngt: "\u226F",
  ngtr: "\u226F",
  nhArr: "\u21CE",
  nharr: "\u21AE",
  nhpar: "\u2AF2",
  ni: "\u220B",
  nis: "\u22FC",
  nisd: "\u22FA",
  niv: "\u220B",
  njcy: "\u045A",
  nlArr: "\u21CD",
  nlE: "\u2266\u0338",
  nlarr: "\u219A",
  nldr: "\u2025",
  nle: "\u2270",
  nleftarrow: "\u219A",
  nleftrightarrow: "\u21AE",
  nleq: "\u2270",
  nleqq: "\u2266\u0338",
  nleqslant: "\u2A7D\u0338",
  nles: "\u2A7D\u0338",
  nless: "\u226E",
  nlsim: "\u2274",
  nlt: "\u226E",
  nltri: "\u22EA",
  nltrie: "\u22EC",
  nmid: "\u2224",
  nopf: "\u{1D55F}",
  not: "\xAC",
  notin: "\u2209",
  notinE: "\u22F9\u0338",
  notindot: "\u22F5\u0338",
  notinva: "\u2209",
  notinvb: "\u22F7",
  notinvc: "\u22F6",
  notni: "\u220C",
  notniva: "\u220C",
  notnivb: "\u22FE",
  notnivc: "\u22FD",
  npar: "\u2226",
  nparallel: "\u2226",
  nparsl: "\u2AFD\u20E5",
  npart: "\u2202\u0338",
  npolint: "\u2A14",
  npr: "\u2280",
  nprcue: "\u22E0",
  npre: "\u2AAF\u0338",
  nprec: "\u2280",
  npreceq: "\u2AAF\u0338",
  nrArr: "\u21CF",
  nrarr: "\u219B",
  nrarrc: "\u2933\u0338",
  nrarrw: "\u219D\u0338",
  nrightarrow: "\u219B",
  nrtri: "\u22EB",
  nrtrie: "\u22ED",
  nsc: "\u2281",
  nsccue: "\u22E1",
  nsce: "\u2AB0\u0338",
  nscr: "\u{1D4C3}",
  nshortmid: "\u2224",
  nshortparallel: "\u2226",
  nsim: "\u2241",
  nsime: "\u2244",
  nsimeq: "\u2244",
  nsmid: "\u2224",
  nspar: "\u2226",
  nsqsube: "\u22E2",
  nsqsupe: "\u22E3",
  nsub: "\u2284",
  nsubE: "\u2AC5\u0338",
  nsube: "\u2288",
  nsubset: "\u2282\u20D2",
  nsubseteq: "\u2288",
  nsubseteqq: "\u2AC5\u0338",
  nsucc: "\u2281",
  nsucceq: "\u2AB0\u0338",
  nsup: "\u2285",
  nsupE: "\u2AC6\u0338",
  nsupe: "\u2289",
  nsupset: "\u2283\u20D2",
  nsupseteq: "\u2289",
  nsupseteqq: "\u2AC6\u0338",
  ntgl: "\u2279",
  ntilde: "\xF1",
  ntlg: "\u2278",
  ntriangleleft: "\u22EA",
  ntrianglelefteq: "\u22EC",
  ntriangleright: "\u22EB",
  ntrianglerighteq: "\u22ED",
  nu: "\u03BD",
  num: "#",
  numero: "\u2116",
  numsp: "\u2007",
  nvDash: "\u22AD",
  nvHarr: "\u2904",
  nvap: "\u224D\u20D2",
  nvdash: "\u22AC",
  nvge: "\u2265\u20D2",
  nvgt: ">\u20D2",
  nvinfin: "\u29DE",
  nvlArr: "\u2902",
  nvle: "\u2264\u20D2",
  nvlt: "<\u20D2",
  nvltrie: "\u22B4\u20D2",
  nvrArr: "\u2903",
  nvrtrie: "\u22B5\u20D2",
  nvsim: "\u223C\u20D2",
  nwArr: "\u21D6",
  nwarhk: "\u2923",
  nwarr: "\u2196",
  nwarrow: "\u2196",
  nwnear: "\u2927",
  oS: "\u24C8",
  oacute: "\xF3",
  oast: "\u229B",
  ocir: "\u229A",
  ocirc: "\xF4",
  ocy: "\u043E",
  odash: "\u229D",
  odblac: "\u0151",
  odiv: "\u2A38",
  odot: "\u2299",
  odsold: "\u29BC",
  oelig: "\u0153",
  ofcir: "\u29BF",
  ofr: "\u{1D52C}",
  ogon: "\u02DB",
  ograve: "\xF2",
  ogt: "\u29C1",
  ohbar: "\u29B5",
  ohm: "\u03A9",
  oint: "\u222E",
  olarr: "\u21BA",
  olcir: "\u29BE",
  olcross: "\u29BB",
  oline: "\u203E",
  olt: "\u29C0",
  omacr: "\u014D",
  omega: "\u03C9",
  omicron: "\u03BF",
  omid: "\u29B6",
  ominus: "\u2296",
  oopf: "\u{1D560}",
  opar: "\u29B7",
  operp: "\u29B9",
  oplus: "\u2295",
  or: "\u2228",
  orarr: "\u21BB",
  ord: "\u2A5D",
  order: "\u2134",
  orderof: "\u2134",
  ordf: "\xAA",
  ordm: "\xBA",
  origof: "\u22B6",
  oror: "\u2A56",
  orslope: "\u2A57",
  orv: "\u2A5B",
  oscr: "\u2134",
  oslash: "\xF8",
  osol: "\u2298",
  otilde: "\xF5",
  otimes: "\u2297",
  otimesas: "\u2A36",
  ouml: "\xF6",
  ovbar: "\u233D",
  par: "\u2225",
  para: "\xB6",
  parallel: "\u2225",
  parsim: "\u2AF3",
  parsl: "\u2AFD",
  part: "\u2202",
  pcy: "\u043F",
  percnt: "%",
  period: ".",
  permil: "\u2030",
  perp: "\u22A5",
  pertenk: "\u2031",
  pfr: "\u{1D52D}",
  phi: "\u03C6",
  phiv: "\u03D5",
  phmmat: "\u2133",
  phone: "\u260E",
  pi: "\u03C0",
  pitchfork: "\u22D4",
  piv: "\u03D6",
  planck: "\u210F",
  planckh: "\u210E",
  plankv: "\u210F",
  plus: "+",
  plusacir: "\u2A23",
  plusb: "\u229E",
  pluscir: "\u2A22",
  plusdo: "\u2214",
  plusdu: "\u2A25",
  pluse: "\u2A72",
  plusmn: "\xB1",
  plussim: "\u2A26",
  plustwo: "\u2A27",
  pm: "\xB1",
  pointint: "\u2A15",
  popf: "\u{1D561}",
  pound: "\xA3",
  pr: "\u227A",
  prE: "\u2AB3",
  prap: "\u2AB7",
  prcue: "\u227C",
  pre: "\u2AAF",
  prec: "\u227A",
  precapprox: "\u2AB7",
  preccurlyeq: "\u227C",
  preceq: "\u2AAF",
  precnapprox: "\u2AB9",
  precneqq: "\u2AB5",
  precnsim: "\u22E8",
  precsim: "\u227E",
  prime: "\u2032",
  primes: "\u2119",
  prnE: "\u2AB5",
  prnap: "\u2AB9",
  prnsim: "\u22E8",
  prod: "\u220F",
  profalar: "\u232E",
  profline: "\u2312",
  profsurf: "\u2313",
  prop: "\u221D",
  propto: "\u221D",
  prsim: "\u227E",
  prurel: "\u22B0",
  pscr: "\u{1D4C5}",
  psi: "\u03C8",
  puncsp: "\u2008",
  qfr: "\u{1D52E}",
  qint: "\u2A0C",
  qopf: "\u{1D562}",
  qprime: "\u2057",
  qscr: "\u{1D4C6}",
  quaternions: "\u210D",
  quatint: "\u2A16",
  quest: "?",
  questeq: "\u225F",
  quot: '"',
  rAarr: "\u21DB",
  rArr: "\u21D2",
  rAtail: "\u291C",
  rBarr: "\u290F",
  rHar: "\u2964",
  race: "\u223D\u0331",
  racute: "\u0155",
  radic: "\u221A",
  raemptyv: "\u29B3",
  rang: "\u27E9",
  rangd: "\u2992",
  range: "\u29A5",
  rangle: "\u27E9",
  raquo: "\xBB",
  rarr: "\u2192",
  rarrap: "\u2975",
  rarrb: "\u21E5",
  rarrbfs: "\u2920",
  rarrc: "\u2933",
  rarrfs: "\u291E",
  rarrhk: "\u21AA",
  rarrlp: "\u21AC",
  rarrpl: "\u2945",
  rarrsim: "\u2974",
  rarrtl: "\u21A3",
  rarrw: "\u219D",
  ratail: "\u291A",
  ratio: "\u2236",
  rationals: "\u211A",
  rbarr: "\u290D",
  rbbrk: "\u2773",
  rbrace: "}",
  rbrack: "]",
  rbrke: "\u298C",
  rbrksld: "\u298E",
  rbrkslu: "\u2990",
  rcaron: "\u0159",
  rcedil: "\u0157",
  rceil: "\u2309",
  rcub: "}",
  rcy: "\u0440",
  rdca: "\u2937",
  rdldhar: "\u2969",
  rdquo: "\u201D",
  rdquor: "\u201D",
  rdsh: "\u21B3",
  real: "\u211C",
  realine: "\u211B",
  realpart: "\u211C",
  reals: "\u211D",
  rect: "\u25AD",
  reg: "\xAE",
  rfisht: "\u297D",
  rfloor: "\u230B",
  rfr: "\u{1D52F}",
  rhard: "\u21C1",
  rharu: "\u21C0",
  rharul: "\u296C",
  rho: "\u03C1",
  rhov: "\u03F1",
  rightarrow: "\u2192",
  rightarrowtail: "\u21A3",
  rightharpoondown: "\u21C1",
  rightharpoonup: "\u21C0",
  rightleftarrows: "\u21C4",
  rightleftharpoons: "\u21CC",
  rightrightarrows: "\u21C9",
  rightsquigarrow: "\u219D",
  rightthreetimes: "\u22CC",
  ring: "\u02DA",
  risingdotseq: "\u2253",
  rlarr: "\u21C4",
  rlhar: "\u21CC",
  rlm: "\u200F",
  rmoust: "\u23B1",
  rmoustache: "\u23B1",
  rnmid: "\u2AEE",
  roang: "\u27ED",
  roarr: "\u21FE",
  robrk: "\u27E7",
  ropar: "\u2986",
  ropf: "\u{1D563}",
  roplus: "\u2A2E",
  rotimes: "\u2A35",
  rpar: ")",
  rpargt: "\u2994",
  rppolint: "\u2A12",
  rrarr: "\u21C9",
  rsaquo: "\u203A",
  rscr: "\u{1D4C7}",
  rsh: "\u21B1",
  rsqb: "]",
  rsquo: "\u2019",
  rsquor: "\u2019",
  rthree: "\u22CC",
  rtimes: "\u22CA",
  rtri: "\u25B9",
  rtrie: "\u22B5",
  rtrif: "\u25B8",
  rtriltri: "\u29CE",
  ruluhar: "\u2968",
  rx: "\u211E",
  sacute: "\u015B",
  sbquo: "\u201A",
  sc: "\u227B",
  scE: "\u2AB4",
  scap: "\u2AB8",
  scaron: "\u0161",
  sccue: "\u227D",
  sce: "\u2AB0",
  scedil: "\u015F",
  scirc: "\u015D",
  scnE: "\u2AB6",
  scnap: "\u2ABA",
  scnsim: "\u22E9",
  scpolint: "\u2A13",
  scsim: "\u227F",
  scy: "\u0441",
  sdot: "\u22C5",
  sdotb: "\u22A1",
  sdote: "\u2A66",
  seArr: "\u21D8",
  searhk: "\u2925",
  searr: "\u2198",
  searrow: "\u2198",
  sect: "\xA7",
  semi: ";",
  seswar: "\u2929",
  setminus: "\u2216",
  setmn: "\u2216",
  sext: "\u2736",
  sfr: "\u{1D530}",
  sfrown: "\u2322",
  sharp: "\u266F",
  shchcy: "\u0449",
  shcy: "\u0448",
  shortmid: "\u2223",
  shortparallel: "\u2225",
  shy: "\xAD",
  sigma: "\u03C3",
  sigmaf: "\u03C2",
  sigmav: "\u03C2",
  sim: "\u223C",
  simdot: "\u2A6A",
  sime: "\u2243",
  simeq: "\u2243",
  simg: "\u2A9E",
  simgE: "\u2AA0",
  siml: "\u2A9D",
  simlE: "\u2A9F",
  simne: "\u2246",
  simplus: "\u2A24",
  simrarr: "\u2972",
  slarr: "\u2190",
  smallsetminus: "\u2216",
  smashp: "\u2A33",
  smeparsl: "\u29E4",
  smid: "\u2223",
  smile: "\u2323",
  smt: "\u2AAA",
  smte: "\u2AAC",
  smtes: "\u2AAC\uFE00",
  softcy: "\u044C",
  sol: "/",
  solb: "\u29C4",
  solbar: "\u233F",
  sopf: "\u{1D564}",
  spades: "\u2660",
  spadesuit: "\u2660",
  spar: "\u2225",
  sqcap: "\u2293",
  sqcaps: "\u2293\uFE00",
  sqcup: "\u2294",
  sqcups: "\u2294\uFE00",
  sqsub: "\u228F",
  sqsube: "\u2291",
  sqsubset: "\u228F",
  sqsubseteq: "\u2291",
  sqsup: "\u2290",
  sqsupe: "\u2292",
  sqsupset: "\u2290",
  sqsupseteq: "\u2292",
  squ: "\u25A1",
  square: "\u25A1",
  squarf: "\u25AA",
  squf: "\u25AA",
  srarr: "\u2192",
  sscr: "\u{1D4C8}",
  ssetmn: "\u2216",
  ssmile: "\u2323",
  sstarf: "\u22C6",
  star: "\u2606",
  starf: "\u2605",
  straightepsilon: "\u03F5",
  straightphi: "\u03D5",
  strns: "\xAF",
  sub: "\u2282",
  subE: "\u2AC5",
  subdot: "\u2ABD",
  sube: "\u2286",
  subedot: "\u2AC3",
  submult: "\u2AC1",
  subnE: "\u2ACB",
  subne: "\u228A",
  subplus: "\u2ABF",
  subrarr: "\u2979",
  subset: "\u2282",
  subseteq: "\u2286",
  subseteqq: "\u2AC5",
  subsetneq: "\u228A",
  subsetneqq: "\u2ACB",
  subsim: "\u2AC7",
  subsub: "\u2AD5",
  subsup: "\u2AD3",
  succ: "\u227B",
  succapprox: "\u2AB8",
  succcurlyeq: "\u227D",
  succeq: "\u2AB0",
  succnapprox: "\u2ABA",
  succneqq: "\u2AB6",
  succnsim: "\u22E9",
  succsim: "\u227F",
  sum: "\u2211",
  sung: "\u266A",
  sup1: "\xB9",
  sup2: "\xB2",
  sup3: "\xB3",
  sup: "\u2283",
  supE: "\u2AC6",
  supdot: "\u2ABE",
  supdsub: "\u2AD8",
  supe: "\u2287",
  supedot: "\u2AC4",
  suphsol: "\u27C9",
  suphsub: "\u2AD7",
  suplarr: "\u297B",
  supmult: "\u2AC2",
  supnE: "\u2ACC",
  supne: "\u228B",
  supplus: "\u2AC0",
  supset: "\u2283",
  supseteq: "\u2287",
  supseteqq: "\u2AC6",
  supsetneq: "\u228B",
  supsetneqq: "\u2ACC",
  supsim: "\u2AC8",
  supsub: "\u2AD4",
  supsup: "\u2AD6",
  swArr: "\u21D9",
  swarhk: "\u2926",
  swarr: "\u2199",
  swarrow: "\u2199",
  swnwar: "\u292A",
  szlig: "\xDF",
  target: "\u2316",
  tau: "\u03C4",
  tbrk: "\u23B4",
  tcaron: "\u0165",
  tcedil: "\u0163",
  tcy: "\u0442",
  tdot: "\u20DB",
  telrec: "\u2315",
  tfr: "\u{1D531}",
  there4: "\u2234",
  therefore: "\u2234",
  theta: "\u03B8",
  thetasym: "\u03D1",
  thetav: "\u03D1",
  thickapprox: "\u2248",
  thicksim: "\u223C",
  thinsp: "\u2009",
  thkap: "\u2248",
  thksim: "\u223C",
  thorn: "\xFE",
  tilde: "\u02DC",
  times: "\xD7",
  timesb: "\u22A0",
  timesbar: "\u2A31",
  timesd: "\u2A30",
  tint: "\u222D",
  toea: "\u2928",
  top: "\u22A4",
  topbot: "\u2336",
  topcir: "\u2AF1",
  topf: "\u{1D565}",
  topfork: "\u2ADA",
  tosa: "\u2929",
  tprime: "\u2034",
  trade: "\u2122",
  triangle: "\u25B5",
  triangledown: "\u25BF",
  triangleleft: "\u25C3",
  trianglelefteq: "\u22B4",
  triangleq: "\u225C",
  triangleright: "\u25B9",
  trianglerighteq: "\u22B5",
  tridot: "\u25EC",
  trie: "\u225C",
  triminus: "\u2A3A",
  triplus: "\u2A39",
  trisb: "\u29CD",
  tritime: "\u2A3B",
  trpezium: "\u23E2",
  tscr: "\u{1D4C9}",
  tscy: "\u0446",
  tshcy: "\u045B",
  tstrok: "\u0167",
  twixt: "\u226C",
  twoheadleftarrow: "\u219E",
  twoheadrightarrow: "\u21A0",
  uArr: "\u21D1",
  uHar: "\u2963",
  uacute: "\xFA",
  uarr: "\u2191",
  ubrcy: "\u045E",
  ubreve: "\u016D",
  ucirc: "\xFB",
  ucy: "\u0443",
  udarr: "\u21C5",
  udblac: "\u0171",
  udhar: "\u296E",
  ufisht: "\u297E",
  ufr: "\u{1D532}",
  ugrave: "\xF9",
  uharl: "\u21BF",
  uharr: "\u21BE",
  uhblk: "\u2580",
  ulcorn: "\u231C",
  ulcorner: "\u231C",
  ulcrop: "\u230F",
  ultri: "\u25F8",
  umacr: "\u016B",
  uml: "\xA8",
  uogon: "\u0173",
  uopf: "\u{1D566}",
  uparrow: "\u2191",
  updownarrow: "\u2195",
  upharpoonleft: "\u21BF",
  upharpoonright: "\u21BE",
  uplus: "\u228E",
  upsi: "\u03C5",
  upsih: "\u03D2",
  upsilon: "\u03C5",
  upuparrows: "\u21C8",
  urcorn: "\u231D",
  urcorner: "\u231D",
  urcrop: "\u230E",
  uring: "\u016F",
  urtri: "\u25F9",
  uscr: "\u{1D4CA}",
  utdot: "\u22F0",
  utilde: "\u0169",
  utri: "\u25B5",
  utrif: "\u25B4",
  uuarr: "\u21C8",
  uuml: "\xFC",
  uwangle: "\u29A7",
  vArr: "\u21D5",
  vBar: "\u2AE8",
  vBarv: "\u2AE9",
  vDash: "\u22A8",
  vangrt: "\u299C",
  varepsilon: "\u03F5",
  varkappa: "\u03F0",
  varnothing: "\u2205",
  varphi: "\u03D5",
  varpi: "\u03D6",
  varpropto: "\u221D",
  varr: "\u2195",
  varrho: "\u03F1",
  varsigma: "\u03C2",
  varsubsetneq: "\u228A\uFE00",
  varsubsetneqq: "\u2ACB\uFE00",
  varsupsetneq: "\u228B\uFE00",
  varsupsetneqq: "\u2ACC\uFE00",
  vartheta: "\u03D1",
  vartriangleleft: "\u22B2",
  vartriangleright: "\u22B3",
  vcy: "\u0432",
  vdash: "\u22A2",
  vee: "\u2228",
  veebar: "\u22BB",
  veeeq: "\u225A",
  vellip: "\u22EE",
  verbar: "|",
  vert: "|",
  vfr: "\u{1D533}",
  vltri: "\u22B2",
  vnsub: "\u2282\u20D2",
  vnsup: "\u2283\u20D2",
  vopf: "\u{1D567}",
  vprop: "\u221D",
  vrtri: "\u22B3",
  vscr: "\u{1D4CB}",
  vsubnE: "\u2ACB\uFE00",
  vsubne: "\u228A\uFE00",
  vsupnE: "\u2ACC\uFE00",
  vsupne: "\u228B\uFE00",
  vzigzag: "\u299A",
  wcirc: "\u0175",
  wedbar: "\u2A5F",
  wedge: "\u2227",
  wedgeq: "\u2259",
  weierp: "\u2118",
  wfr: "\u{1D534}",
  wopf: "\u{1D568}",
  wp: "\u2118",
  wr: "\u2240",
  wreath: "\u2240",
  wscr: "\u{1D4CC}",
  xcap: "\u22C2",
  xcirc: "\u25EF",
  xcup: "\u22C3",
  xdtri: "\u25BD",
  xfr: "\u{1D535}",
  xhArr: "\u27FA",
  xharr: "\u27F7",
  xi: "\u03BE",
  xlArr: "\u27F8",
  xlarr: "\u27F5",
  xmap: "\u27FC",
  xnis: "\u22FB",
  xodot: "\u2A00",
  xopf: "\u{1D569}",
  xoplus: "\u2A01",
  xotime: "\u2A02",
  xrArr: "\u27F9",
  xrarr: "\u27F6",
  xscr: "\u{1D4CD}",
  xsqcup: "\u2A06",
  xuplus: "\u2A04",
  xutri: "\u25B3",
  xvee: "\u22C1",
  xwedge: "\u22C0",
  yacute: "\xFD",
  yacy: "\u044F",
  ycirc: "\u0177",
  ycy: "\u044B",
  yen: "\xA5",
  yfr: "\u{1D536}",
  yicy: "\u0457",
  yopf: "\u{1D56A}",
  yscr: "\u{1D4CE}",
  yucy: "\u044E",
  yuml: "\xFF",
  zacute: "\u017A",
  zcaron: "\u017E",
  zcy: "\u0437",
  zdot: "\u017C",
  zeetrf: "\u2128",
  zeta: "\u03B6",
  zfr: "\u{1D537}",
  zhcy: "\u0436",
  zigrarr: "\u21DD",
  zopf: "\u{1D56B}",
  zscr: "\u{1D4CF}",
  zwj: "\u200D",
  zwnj: "\u200C"
};

// node_modules/decode-named-character-reference/index.js
var own = {}.hasOwnProperty;
function decodeNamedCharacterReference(value) {
  return own.call(characterEntities, value) ? characterEntities[value] : false;
}

// node_modules/micromark-util-chunked/index.js
function splice(list2, start, remove, items) {
  const end = list2.length;
  let chunkStart = 0;
  let parameters;
  if (start < 0) {
    start = -start > end ? 0 : end + start;
  } else {
    start = start > end ? end : start;
  }
  remove = remove > 0 ? remove : 0;
  if (items.length < 1e4) {
    parameters = Array.from(items);
    parameters.unshift(start, remove);
    list2.splice(...parameters);
  } else {
    if (remove) list2.splice(start, remove);
    while (chunkStart < items.length) {
      parameters = items.slice(chunkStart, chunkStart + 1e4);
      parameters.unshift(start, 0);
      list2.splice(...parameters);
      chunkStart += 1e4;
      start += 1e4;
    }
  }
}
function push(list2, items) {
  if (list2.length > 0) {
    splice(list2, list2.length, 0, items);
    return list2;
  }
  return items;
}

// node_modules/micromark-util-combine-extensions/index.js
var hasOwnProperty = {}.hasOwnProperty;
function combineExtensions(extensions) {
  const all2 = {};
  let index2 = -1;
  while (++index2 < extensions.length) {
    syntaxExtension(all2, extensions[index2]);
  }
  return all2;
}
function syntaxExtension(all2, extension2) {
  let hook;
  for (hook in extension2) {
    const maybe = hasOwnProperty.call(all2, hook) ? all2[hook] : void 0;
    const left = maybe || (all2[hook] = {});
    const right = extension2[hook];
    let code2;
    if (right) {
      for (code2 in right) {
        if (!hasOwnProperty.call(left, code2)) left[code2] = [];
        const value = right[code2];
        constructs(
          // @ts-expect-error Looks like a list.
          left[code2],
          Array.isArray(value) ? value : value ? [value] : []
        );
      }
    }
  }
}
function constructs(existing, list2) {
  let index2 = -1;
  const before = [];
  while (++index2 < list2.length) {
    ;
    (list2[index2].add === "after" ? existing : before).push(list2[index2]);
  }
  splice(existing, 0, 0, before);
}

// node_modules/micromark-util-decode-numeric-character-reference/index.js
function decodeNumericCharacterReference(value, base) {
  const code2 = Number.parseInt(value, base);
  if (
    // C0 except for HT, LF, FF, CR, space.
    code2 < 9 || code2 === 11 || code2 > 13 && code2 < 32 || // Control character (DEL) of C0, and C1 controls.
    code2 > 126 && code2 < 160 || // Lone high surrogates and low surrogates.
    code2 > 55295 && code2 < 57344 || // Noncharacters.
    code2 > 64975 && code2 < 65008 || /* eslint-disable no-bitwise */
    (code2 & 65535) === 65535 || (code2 & 65535) === 65534 || /* eslint-enable no-bitwise */
    // Out of range
    code2 > 1114111
  ) {
    return "\uFFFD";
  }
  return String.fromCodePoint(code2);
}

// node_modules/micromark-util-normalize-identifier/index.js
function normalizeIdentifier(value) {
  return value.replace(/[\t\n\r ]+/g, " ").replace(/^ | $/g, "").toLowerCase().toUpperCase();
}

// node_modules/micromark-util-character/index.js
var asciiAlpha = regexCheck(/[A-Za-z]/);
var asciiAlphanumeric = regexCheck(/[\dA-Za-z]/);
var asciiAtext = regexCheck(/[#-'*+\--9=?A-Z^-~]/);
function asciiControl(code2) {
  return (
    // Special whitespace codes (which have negative values), C0 and Control
    // character DEL
    code2 !== null && (code2 < 32 || code2 === 127)
  );
}
var asciiDigit = regexCheck(/\d/);
var asciiHexDigit = regexCheck(/[\dA-Fa-f]/);
var asciiPunctuation = regexCheck(/[!-/:-@[-`{-~]/);
function markdownLineEnding(code2) {
  return code2 !== null && code2 < -2;
}
function markdownLineEndingOrSpace(code2) {
  return code2 !== null && (code2 < 0 || code2 === 32);
}
function markdownSpace(code2) {
  return code2 === -2 || code2 === -1 || code2 === 32;
}
var unicodePunctuation = regexCheck(new RegExp("\\p{P}|\\p{S}", "u"));
var unicodeWhitespace = regexCheck(/\s/);
function regexCheck(regex) {
  return check;
  function check(code2) {
    return code2 !== null && code2 > -1 && regex.test(String.fromCharCode(code2));
  }
}

// node_modules/micromark-factory-space/index.js
function factorySpace(effects, ok2, type, max) {
  const limit = max ? max - 1 : Infinity;
  let size = 0;
  return start;
  function start(code2) {
    if (markdownSpace(code2)) {
      effects.enter(type);
      return prefix(code2);
    }
    return ok2(code2);
  }
  function prefix(code2) {
    if (markdownSpace(code2) && size++ < limit) {
      effects.consume(code2);
      return prefix;
    }
    effects.exit(type);
    return ok2(code2);
  }
}
function factorySpaceMinMax(effects, ok2, nok, type, min, max) {
  let size = 0;
  return start;
  function start(code2) {
    if (max > 0 && markdownSpace(code2)) {
      effects.enter(type);
      return prefix(code2);
    }
    return after(code2);
  }
  function prefix(code2) {
    if (markdownSpace(code2) && size < max) {
      effects.consume(code2);
      size++;
      return prefix;
    }
    effects.exit(type);
    return after(code2);
  }
  function after(code2) {
    return size >= min ? ok2(code2) : nok(code2);
  }
}

// node_modules/micromark/lib/initialize/content.js
var content = {
  tokenize: initializeContent
};
function initializeContent(effects) {
  const contentStart = effects.attempt(this.parser.constructs.contentInitial, afterContentStartConstruct, paragraphInitial);
  let previous2;
  return contentStart;
  function afterContentStartConstruct(code2) {
    if (code2 === null) {
      effects.consume(code2);
      return;
    }
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return factorySpace(effects, contentStart, "linePrefix");
  }
  function paragraphInitial(code2) {
    effects.enter("paragraph");
    return lineStart(code2);
  }
  function lineStart(code2) {
    const token = effects.enter("chunkText", {
      contentType: "text",
      previous: previous2
    });
    if (previous2) {
      previous2.next = token;
    }
    previous2 = token;
    return data(code2);
  }
  function data(code2) {
    if (code2 === null) {
      effects.exit("chunkText");
      effects.exit("paragraph");
      effects.consume(code2);
      return;
    }
    if (markdownLineEnding(code2)) {
      effects.consume(code2);
      effects.exit("chunkText");
      return lineStart;
    }
    effects.consume(code2);
    return data;
  }
}

// node_modules/micromark-util-edit-map/index.js
var EditMap = class {
  /**
   * Create a new edit map.
   *
   * @returns
   *   New instance.
   */
  constructor() {
    this.index = /* @__PURE__ */ new Map();
    this.map = [];
  }
  /**
   * Create an edit: a remove and/or add at a certain place.
   *
   * @param {number} index
   *   Index at which to apply the edit.
   * @param {number} remove
   *   Count of items to remove at the index.
   * @param {Array<Event>} add
   *   Items to add at the index.
   * @returns {undefined}
   *   Nothing.
   */
  add(index2, remove, add) {
    addImplementation(this, index2, remove, add, false);
  }
  /**
   * Create an edit: but insert `add` before existing additions, instead of
   * after them.
   *
   * @param {number} index
   *   Index at which to apply the edit.
   * @param {number} remove
   *   Count of items to remove at the index.
   * @param {Array<Event>} add
   *   Items to add at the index.
   * @returns {undefined}
   *   Nothing.
   */
  addBefore(index2, remove, add) {
    addImplementation(this, index2, remove, add, true);
  }
  /**
   * Done, change the events.
   *
   * @param {Array<Event>} events
   *   List of events to apply the edits to.
   * @returns {undefined}
   *   Nothing.
   */
  consume(events) {
    this.map.sort(function(a, b2) {
      return a[0] - b2[0];
    });
    if (this.map.length === 0) {
      return;
    }
    let index2 = this.map.length;
    const vecs = [];
    while (index2 > 0) {
      index2 -= 1;
      vecs.push(events.slice(this.map[index2][0] + this.map[index2][1]), this.map[index2][2]);
      events.length = this.map[index2][0];
    }
    vecs.push(events.slice());
    events.length = 0;
    let slice = vecs.pop();
    while (slice) {
      for (const element of slice) {
        events.push(element);
      }
      slice = vecs.pop();
    }
    this.map.length = 0;
    this.index.clear();
  }
};
function addImplementation(editMap, at, remove, add, before) {
  if (remove === 0 && add.length === 0) {
    return;
  }
  const existing = editMap.index.get(at);
  if (existing) {
    existing[1] += remove;
    if (before) {
      add.push(...existing[2]);
      existing[2] = add;
    } else {
      existing[2].push(...add);
    }
    return;
  }
  const change = [at, remove, add];
  editMap.map.push(change);
  editMap.index.set(at, change);
}

// node_modules/micromark/lib/initialize/document.js
var document = {
  tokenize: initializeDocument
};
var containerConstruct = {
  tokenize: tokenizeContainer
};
function initializeDocument(effects) {
  const self = this;
  const stack = [];
  let continued = 0;
  let childFlow;
  let childToken;
  let lineStartOffset;
  return start;
  function start(code2) {
    if (continued < stack.length) {
      const item = stack[continued];
      self.containerState = item[1];
      return effects.attempt(item[0].continuation, documentContinue, checkNewContainers)(code2);
    }
    return checkNewContainers(code2);
  }
  function documentContinue(code2) {
    continued++;
    if (self.containerState._closeFlow) {
      self.containerState._closeFlow = void 0;
      if (childFlow) {
        closeFlow();
      }
      const indexBeforeExits = self.events.length;
      let indexBeforeFlow = indexBeforeExits;
      let point3;
      while (indexBeforeFlow--) {
        if (self.events[indexBeforeFlow][0] === "exit" && self.events[indexBeforeFlow][1].type === "chunkFlow") {
          point3 = self.events[indexBeforeFlow][1].end;
          break;
        }
      }
      exitContainers(continued);
      let index2 = indexBeforeExits;
      while (index2 < self.events.length) {
        self.events[index2][1].end = {
          ...point3
        };
        index2++;
      }
      const editMap = new EditMap();
      editMap.add(indexBeforeFlow + 1, 0, self.events.slice(indexBeforeExits));
      editMap.add(indexBeforeExits, index2 - indexBeforeExits, []);
      editMap.consume(self.events);
      return checkNewContainers(code2);
    }
    return start(code2);
  }
  function checkNewContainers(code2) {
    if (continued === stack.length) {
      if (!childFlow) {
        return documentContinued(code2);
      }
      if (childFlow.currentConstruct && childFlow.currentConstruct.concrete) {
        return flowStart(code2);
      }
      self.interrupt = Boolean(childFlow.currentConstruct && !childFlow._gfmTableDynamicInterruptHack);
    }
    self.containerState = {};
    return effects.check(containerConstruct, thereIsANewContainer, thereIsNoNewContainer)(code2);
  }
  function thereIsANewContainer(code2) {
    if (childFlow) {
      closeFlow();
    }
    exitContainers(continued);
    return documentContinued(code2);
  }
  function thereIsNoNewContainer(code2) {
    self.parser.lazy[self.now().line] = continued !== stack.length;
    lineStartOffset = self.now().offset;
    return flowStart(code2);
  }
  function documentContinued(code2) {
    self.containerState = {};
    return effects.attempt(containerConstruct, containerContinue, flowStart)(code2);
  }
  function containerContinue(code2) {
    continued++;
    stack.push([self.currentConstruct, self.containerState]);
    return documentContinued(code2);
  }
  function flowStart(code2) {
    if (code2 === null) {
      if (childFlow) {
        closeFlow();
      }
      exitContainers(0);
      effects.consume(code2);
      return;
    }
    childFlow = childFlow || self.parser.flow(self.now());
    effects.enter("chunkFlow", {
      _tokenizer: childFlow,
      contentType: "flow",
      previous: childToken
    });
    return flowContinue(code2);
  }
  function flowContinue(code2) {
    if (code2 === null) {
      writeToChild(effects.exit("chunkFlow"), true);
      exitContainers(0);
      effects.consume(code2);
      return;
    }
    if (markdownLineEnding(code2)) {
      effects.consume(code2);
      writeToChild(effects.exit("chunkFlow"));
      continued = 0;
      self.interrupt = void 0;
      return start;
    }
    effects.consume(code2);
    return flowContinue;
  }
  function writeToChild(token, endOfFile) {
    const stream = self.sliceStream(token);
    if (endOfFile) {
      stream.push(null);
    }
    token.previous = childToken;
    if (childToken) {
      childToken.next = token;
    }
    childToken = token;
    childFlow.defineSkip(token.start);
    childFlow.write(stream);
    if (self.parser.lazy[token.start.line]) {
      let index2 = childFlow.events.length;
      while (index2--) {
        if (
          // The token starts before the line ending…
          childFlow.events[index2][1].start.offset < lineStartOffset && // …and either is not ended yet…
          (!childFlow.events[index2][1].end || // …or ends after it.
          childFlow.events[index2][1].end.offset > lineStartOffset)
        ) {
          return;
        }
      }
      const indexBeforeExits = self.events.length;
      let indexBeforeFlow = indexBeforeExits;
      let seen;
      let point3;
      while (indexBeforeFlow--) {
        if (self.events[indexBeforeFlow][0] === "exit" && self.events[indexBeforeFlow][1].type === "chunkFlow") {
          if (seen) {
            point3 = self.events[indexBeforeFlow][1].end;
            break;
          }
          seen = true;
        }
      }
      exitContainers(continued);
      index2 = indexBeforeExits;
      while (index2 < self.events.length) {
        self.events[index2][1].end = {
          ...point3
        };
        index2++;
      }
      const editMap = new EditMap();
      editMap.add(indexBeforeFlow + 1, 0, self.events.slice(indexBeforeExits));
      editMap.add(indexBeforeExits, index2 - indexBeforeExits, []);
      editMap.consume(self.events);
    }
  }
  function exitContainers(size) {
    let index2 = stack.length;
    while (index2-- > size) {
      const entry = stack[index2];
      self.containerState = entry[1];
      entry[0].exit.call(self, effects);
    }
    stack.length = size;
  }
  function closeFlow() {
    childFlow.write([null]);
    childToken = void 0;
    childFlow = void 0;
    self.containerState._closeFlow = void 0;
  }
}
function tokenizeContainer(effects, ok2, nok) {
  return factorySpace(effects, effects.attempt(this.parser.constructs.document, ok2, nok), "linePrefix", this.parser.constructs.disable.null.includes("codeIndented") ? void 0 : 4);
}

// node_modules/micromark-util-classify-character/index.js
function classifyCharacter(code2) {
  if (code2 === null || markdownLineEndingOrSpace(code2) || unicodeWhitespace(code2)) {
    return 1;
  }
  if (unicodePunctuation(code2)) {
    return 2;
  }
}

// node_modules/micromark-util-resolve-all/index.js
function resolveAll(constructs2, events, context) {
  const called = [];
  let index2 = -1;
  while (++index2 < constructs2.length) {
    const resolve6 = constructs2[index2].resolveAll;
    if (resolve6 && !called.includes(resolve6)) {
      events = resolve6(events, context);
      called.push(resolve6);
    }
  }
  return events;
}

// node_modules/micromark-core-commonmark/lib/attention.js
var attention = {
  name: "attention",
  resolveAll: resolveAllAttention,
  tokenize: tokenizeAttention
};
function resolveAllAttention(events, context) {
  let index2 = -1;
  let nextEvents;
  while (++index2 < events.length) {
    if (events[index2][0] === "enter" && events[index2][1].type === "attentionSequence" && events[index2][1]._close) {
      let open = index2;
      while (open--) {
        if (events[open][0] === "exit" && events[open][1].type === "attentionSequence" && events[open][1]._open && // If the markers are the same:
        context.sliceSerialize(events[open][1]).charCodeAt(0) === context.sliceSerialize(events[index2][1]).charCodeAt(0)) {
          if ((events[open][1]._close || events[index2][1]._open) && (events[index2][1].end.offset - events[index2][1].start.offset) % 3 && !((events[open][1].end.offset - events[open][1].start.offset + events[index2][1].end.offset - events[index2][1].start.offset) % 3)) {
            continue;
          }
          const use = events[open][1].end.offset - events[open][1].start.offset > 1 && events[index2][1].end.offset - events[index2][1].start.offset > 1 ? 2 : 1;
          const start = {
            ...events[open][1].end
          };
          const end = {
            ...events[index2][1].start
          };
          movePoint(start, -use);
          movePoint(end, use);
          const openingSequence = {
            type: use > 1 ? "strongSequence" : "emphasisSequence",
            start,
            end: {
              ...events[open][1].end
            }
          };
          const closingSequence = {
            type: use > 1 ? "strongSequence" : "emphasisSequence",
            start: {
              ...events[index2][1].start
            },
            end
          };
          const text3 = {
            type: use > 1 ? "strongText" : "emphasisText",
            start: {
              ...events[open][1].end
            },
            end: {
              ...events[index2][1].start
            }
          };
          const group = {
            type: use > 1 ? "strong" : "emphasis",
            start: {
              ...openingSequence.start
            },
            end: {
              ...closingSequence.end
            }
          };
          events[open][1].end = {
            ...openingSequence.start
          };
          events[index2][1].start = {
            ...closingSequence.end
          };
          nextEvents = [];
          if (events[open][1].end.offset - events[open][1].start.offset) {
            nextEvents = push(nextEvents, [["enter", events[open][1], context], ["exit", events[open][1], context]]);
          }
          nextEvents = push(nextEvents, [["enter", group, context], ["enter", openingSequence, context], ["exit", openingSequence, context], ["enter", text3, context]]);
          nextEvents = push(nextEvents, resolveAll(context.parser.constructs.insideSpan.null, events.slice(open + 1, index2), context));
          nextEvents = push(nextEvents, [["exit", text3, context], ["enter", closingSequence, context], ["exit", closingSequence, context], ["exit", group, context]]);
          let offset2 = 0;
          if (events[index2][1].end.offset - events[index2][1].start.offset) {
            offset2 = 2;
            nextEvents = push(nextEvents, [["enter", events[index2][1], context], ["exit", events[index2][1], context]]);
          }
          splice(events, open - 1, index2 - open + 3, nextEvents);
          index2 = open + nextEvents.length - offset2 - 2;
          break;
        }
      }
    }
  }
  index2 = -1;
  while (++index2 < events.length) {
    if (events[index2][1].type === "attentionSequence") {
      events[index2][1].type = "data";
    }
  }
  return events;
}
function tokenizeAttention(effects, ok2) {
  const attentionMarkers2 = this.parser.constructs.attentionMarkers.null;
  const previous2 = this.previous;
  const before = classifyCharacter(previous2);
  let marker;
  return start;
  function start(code2) {
    marker = code2;
    effects.enter("attentionSequence");
    return inside(code2);
  }
  function inside(code2) {
    if (code2 === marker) {
      effects.consume(code2);
      return inside;
    }
    const token = effects.exit("attentionSequence");
    const after = classifyCharacter(code2);
    const open = !after || after === 2 && before || attentionMarkers2.includes(code2) && code2 !== 42 && code2 !== 95;
    const close = !before || before === 2 && after || attentionMarkers2.includes(previous2) && previous2 !== 42 && previous2 !== 95;
    token._open = Boolean(marker === 42 ? open : open && (before || !close));
    token._close = Boolean(marker === 42 ? close : close && (after || !open));
    return ok2(code2);
  }
}
function movePoint(point3, offset2) {
  point3.column += offset2;
  point3.offset += offset2;
  point3._bufferIndex += offset2;
}

// node_modules/micromark-core-commonmark/lib/autolink.js
var autolink = {
  name: "autolink",
  tokenize: tokenizeAutolink
};
function tokenizeAutolink(effects, ok2, nok) {
  let size = 0;
  return start;
  function start(code2) {
    effects.enter("autolink");
    effects.enter("autolinkMarker");
    effects.consume(code2);
    effects.exit("autolinkMarker");
    effects.enter("autolinkProtocol");
    return open;
  }
  function open(code2) {
    if (asciiAlpha(code2)) {
      effects.consume(code2);
      return schemeOrEmailAtext;
    }
    if (code2 === 64) {
      return nok(code2);
    }
    return emailAtext(code2);
  }
  function schemeOrEmailAtext(code2) {
    if (code2 === 43 || code2 === 45 || code2 === 46 || asciiAlphanumeric(code2)) {
      size = 1;
      return schemeInsideOrEmailAtext(code2);
    }
    return emailAtext(code2);
  }
  function schemeInsideOrEmailAtext(code2) {
    if (code2 === 58) {
      effects.consume(code2);
      size = 0;
      return urlInside;
    }
    if ((code2 === 43 || code2 === 45 || code2 === 46 || asciiAlphanumeric(code2)) && size++ < 32) {
      effects.consume(code2);
      return schemeInsideOrEmailAtext;
    }
    size = 0;
    return emailAtext(code2);
  }
  function urlInside(code2) {
    if (code2 === 62) {
      effects.exit("autolinkProtocol");
      effects.enter("autolinkMarker");
      effects.consume(code2);
      effects.exit("autolinkMarker");
      effects.exit("autolink");
      return ok2;
    }
    if (code2 === null || code2 === 32 || code2 === 60 || asciiControl(code2)) {
      return nok(code2);
    }
    effects.consume(code2);
    return urlInside;
  }
  function emailAtext(code2) {
    if (code2 === 64) {
      effects.consume(code2);
      return emailAtSignOrDot;
    }
    if (asciiAtext(code2)) {
      effects.consume(code2);
      return emailAtext;
    }
    return nok(code2);
  }
  function emailAtSignOrDot(code2) {
    return asciiAlphanumeric(code2) ? emailLabel(code2) : nok(code2);
  }
  function emailLabel(code2) {
    if (code2 === 46) {
      effects.consume(code2);
      size = 0;
      return emailAtSignOrDot;
    }
    if (code2 === 62) {
      effects.exit("autolinkProtocol").type = "autolinkEmail";
      effects.enter("autolinkMarker");
      effects.consume(code2);
      effects.exit("autolinkMarker");
      effects.exit("autolink");
      return ok2;
    }
    return emailValue(code2);
  }
  function emailValue(code2) {
    if ((code2 === 45 || asciiAlphanumeric(code2)) && size++ < 63) {
      const next = code2 === 45 ? emailValue : emailLabel;
      effects.consume(code2);
      return next;
    }
    return nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/blank-line.js
var blankLine = {
  partial: true,
  tokenize: tokenizeBlankLine
};
function tokenizeBlankLine(effects, ok2, nok) {
  return start;
  function start(code2) {
    return markdownSpace(code2) ? factorySpace(effects, after, "linePrefix")(code2) : after(code2);
  }
  function after(code2) {
    return code2 === null || markdownLineEnding(code2) ? ok2(code2) : nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/block-quote.js
var blockQuote = {
  continuation: {
    tokenize: tokenizeBlockQuoteContinuation
  },
  exit,
  name: "blockQuote",
  tokenize: tokenizeBlockQuoteStart
};
function tokenizeBlockQuoteStart(effects, ok2, nok) {
  const self = this;
  return start;
  function start(code2) {
    if (code2 === 62) {
      const state = self.containerState;
      if (!state.open) {
        effects.enter("blockQuote", {
          _container: true
        });
        state.open = true;
      }
      effects.enter("blockQuotePrefix");
      effects.enter("blockQuoteMarker");
      effects.consume(code2);
      effects.exit("blockQuoteMarker");
      return after;
    }
    return nok(code2);
  }
  function after(code2) {
    if (markdownSpace(code2)) {
      effects.enter("blockQuotePrefixWhitespace");
      effects.consume(code2);
      effects.exit("blockQuotePrefixWhitespace");
      effects.exit("blockQuotePrefix");
      return ok2;
    }
    effects.exit("blockQuotePrefix");
    return ok2(code2);
  }
}
function tokenizeBlockQuoteContinuation(effects, ok2, nok) {
  const self = this;
  return contStart;
  function contStart(code2) {
    if (markdownSpace(code2)) {
      return factorySpace(effects, contBefore, "linePrefix", self.parser.constructs.disable.null.includes("codeIndented") ? void 0 : 4)(code2);
    }
    return contBefore(code2);
  }
  function contBefore(code2) {
    return effects.attempt(blockQuote, ok2, nok)(code2);
  }
}
function exit(effects) {
  effects.exit("blockQuote");
}

// node_modules/micromark-core-commonmark/lib/character-escape.js
var characterEscape = {
  name: "characterEscape",
  tokenize: tokenizeCharacterEscape
};
function tokenizeCharacterEscape(effects, ok2, nok) {
  return start;
  function start(code2) {
    effects.enter("characterEscape");
    effects.enter("escapeMarker");
    effects.consume(code2);
    effects.exit("escapeMarker");
    return inside;
  }
  function inside(code2) {
    if (asciiPunctuation(code2)) {
      effects.enter("characterEscapeValue");
      effects.consume(code2);
      effects.exit("characterEscapeValue");
      effects.exit("characterEscape");
      return ok2;
    }
    return nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/character-reference.js
var characterReference = {
  name: "characterReference",
  tokenize: tokenizeCharacterReference
};
function tokenizeCharacterReference(effects, ok2, nok) {
  const self = this;
  let size = 0;
  let max;
  let test;
  return start;
  function start(code2) {
    effects.enter("characterReference");
    effects.enter("characterReferenceMarker");
    effects.consume(code2);
    effects.exit("characterReferenceMarker");
    return open;
  }
  function open(code2) {
    if (code2 === 35) {
      effects.enter("characterReferenceMarkerNumeric");
      effects.consume(code2);
      effects.exit("characterReferenceMarkerNumeric");
      return numeric;
    }
    effects.enter("characterReferenceValue");
    max = 31;
    test = asciiAlphanumeric;
    return value(code2);
  }
  function numeric(code2) {
    if (code2 === 88 || code2 === 120) {
      effects.enter("characterReferenceMarkerHexadecimal");
      effects.consume(code2);
      effects.exit("characterReferenceMarkerHexadecimal");
      effects.enter("characterReferenceValue");
      max = 6;
      test = asciiHexDigit;
      return value;
    }
    effects.enter("characterReferenceValue");
    max = 7;
    test = asciiDigit;
    return value(code2);
  }
  function value(code2) {
    if (code2 === 59 && size) {
      const token = effects.exit("characterReferenceValue");
      if (test === asciiAlphanumeric && !decodeNamedCharacterReference(self.sliceSerialize(token))) {
        return nok(code2);
      }
      effects.enter("characterReferenceMarker");
      effects.consume(code2);
      effects.exit("characterReferenceMarker");
      effects.exit("characterReference");
      return ok2;
    }
    if (test(code2) && size++ < max) {
      effects.consume(code2);
      return value;
    }
    return nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/partial-non-lazy-continuation.js
var nonLazyContinuation = {
  partial: true,
  tokenize: tokenizeNonLazyContinuation
};
function tokenizeNonLazyContinuation(effects, ok2, nok) {
  const self = this;
  return start;
  function start(code2) {
    if (code2 === null) {
      return nok(code2);
    }
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return after;
  }
  function after(code2) {
    return self.parser.lazy[self.now().line] ? nok(code2) : ok2(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/code-fenced.js
var codeFenced = {
  concrete: true,
  name: "codeFenced",
  tokenize: tokenizeCodeFenced
};
function tokenizeCodeFenced(effects, ok2, nok) {
  const self = this;
  const closeStart = {
    partial: true,
    tokenize: tokenizeCloseStart
  };
  let initialPrefix = 0;
  let sizeOpen = 0;
  let marker;
  return start;
  function start(code2) {
    return beforeSequenceOpen(code2);
  }
  function beforeSequenceOpen(code2) {
    const tail = self.events[self.events.length - 1];
    initialPrefix = tail && tail[1].type === "linePrefix" ? tail[2].sliceSerialize(tail[1], true).length : 0;
    marker = code2;
    effects.enter("codeFenced");
    effects.enter("codeFencedFence");
    effects.enter("codeFencedFenceSequence");
    return sequenceOpen(code2);
  }
  function sequenceOpen(code2) {
    if (code2 === marker) {
      sizeOpen++;
      effects.consume(code2);
      return sequenceOpen;
    }
    if (sizeOpen < 3) {
      return nok(code2);
    }
    effects.exit("codeFencedFenceSequence");
    return markdownSpace(code2) ? factorySpace(effects, infoBefore, "whitespace")(code2) : infoBefore(code2);
  }
  function infoBefore(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("codeFencedFence");
      return self.interrupt ? ok2(code2) : effects.check(nonLazyContinuation, atNonLazyBreak, after)(code2);
    }
    effects.enter("codeFencedFenceInfo");
    effects.enter("chunkString", {
      contentType: "string"
    });
    return info(code2);
  }
  function info(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("chunkString");
      effects.exit("codeFencedFenceInfo");
      return infoBefore(code2);
    }
    if (markdownSpace(code2)) {
      effects.exit("chunkString");
      effects.exit("codeFencedFenceInfo");
      return factorySpace(effects, metaBefore, "whitespace")(code2);
    }
    if (code2 === 96 && code2 === marker) {
      return nok(code2);
    }
    effects.consume(code2);
    return info;
  }
  function metaBefore(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      return infoBefore(code2);
    }
    effects.enter("codeFencedFenceMeta");
    effects.enter("chunkString", {
      contentType: "string"
    });
    return meta(code2);
  }
  function meta(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("chunkString");
      effects.exit("codeFencedFenceMeta");
      return infoBefore(code2);
    }
    if (code2 === 96 && code2 === marker) {
      return nok(code2);
    }
    effects.consume(code2);
    return meta;
  }
  function atNonLazyBreak(code2) {
    return effects.attempt(closeStart, after, contentBefore)(code2);
  }
  function contentBefore(code2) {
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return contentStart;
  }
  function contentStart(code2) {
    return initialPrefix > 0 && markdownSpace(code2) ? factorySpace(effects, beforeContentChunk, "linePrefix", initialPrefix + 1)(code2) : beforeContentChunk(code2);
  }
  function beforeContentChunk(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      return effects.check(nonLazyContinuation, atNonLazyBreak, after)(code2);
    }
    effects.enter("codeFlowValue");
    return contentChunk(code2);
  }
  function contentChunk(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("codeFlowValue");
      return beforeContentChunk(code2);
    }
    effects.consume(code2);
    return contentChunk;
  }
  function after(code2) {
    effects.exit("codeFenced");
    return ok2(code2);
  }
  function tokenizeCloseStart(effects2, ok3, nok2) {
    let size = 0;
    return startBefore;
    function startBefore(code2) {
      effects2.enter("lineEnding");
      effects2.consume(code2);
      effects2.exit("lineEnding");
      return start2;
    }
    function start2(code2) {
      effects2.enter("codeFencedFence");
      return markdownSpace(code2) ? factorySpace(effects2, beforeSequenceClose, "linePrefix", self.parser.constructs.disable.null.includes("codeIndented") ? void 0 : 4)(code2) : beforeSequenceClose(code2);
    }
    function beforeSequenceClose(code2) {
      if (code2 === marker) {
        effects2.enter("codeFencedFenceSequence");
        return sequenceClose(code2);
      }
      return nok2(code2);
    }
    function sequenceClose(code2) {
      if (code2 === marker) {
        size++;
        effects2.consume(code2);
        return sequenceClose;
      }
      if (size >= sizeOpen) {
        effects2.exit("codeFencedFenceSequence");
        return markdownSpace(code2) ? factorySpace(effects2, sequenceCloseAfter, "whitespace")(code2) : sequenceCloseAfter(code2);
      }
      return nok2(code2);
    }
    function sequenceCloseAfter(code2) {
      if (code2 === null || markdownLineEnding(code2)) {
        effects2.exit("codeFencedFence");
        return ok3(code2);
      }
      return nok2(code2);
    }
  }
}

// node_modules/micromark-core-commonmark/lib/code-indented.js
var codeIndented = {
  name: "codeIndented",
  tokenize: tokenizeCodeIndented
};
var furtherStart = {
  partial: true,
  tokenize: tokenizeFurtherStart
};
function tokenizeCodeIndented(effects, ok2, nok) {
  return start;
  function start(code2) {
    effects.enter("codeIndented");
    return factorySpaceMinMax(effects, atBreak, nok, "linePrefix", 4, 4)(code2);
  }
  function atBreak(code2) {
    if (code2 === null) {
      return after(code2);
    }
    if (markdownLineEnding(code2)) {
      return effects.attempt(furtherStart, atBreak, after)(code2);
    }
    effects.enter("codeFlowValue");
    return inside(code2);
  }
  function inside(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("codeFlowValue");
      return atBreak(code2);
    }
    effects.consume(code2);
    return inside;
  }
  function after(code2) {
    effects.exit("codeIndented");
    return ok2(code2);
  }
}
function tokenizeFurtherStart(effects, ok2, nok) {
  const self = this;
  return furtherStart2;
  function furtherStart2(code2) {
    if (self.parser.lazy[self.now().line]) {
      return nok(code2);
    }
    if (markdownLineEnding(code2)) {
      effects.enter("lineEnding");
      effects.consume(code2);
      effects.exit("lineEnding");
      return furtherStart2;
    }
    return factorySpaceMinMax(effects, ok2, onNotEnoughPrefix, "linePrefix", 4, 4)(code2);
  }
  function onNotEnoughPrefix(code2) {
    return markdownLineEnding(code2) ? furtherStart2(code2) : nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/code-text.js
var codeText = {
  name: "codeText",
  previous,
  resolve: resolveCodeText,
  tokenize: tokenizeCodeText
};
function resolveCodeText(events) {
  let tailExitIndex = events.length - 4;
  let headEnterIndex = 3;
  let index2;
  let enter;
  if ((events[headEnterIndex][1].type === "lineEnding" || events[headEnterIndex][1].type === "space") && (events[tailExitIndex][1].type === "lineEnding" || events[tailExitIndex][1].type === "space")) {
    index2 = headEnterIndex;
    while (++index2 < tailExitIndex) {
      if (events[index2][1].type === "codeTextData") {
        events[headEnterIndex][1].type = "codeTextPadding";
        events[tailExitIndex][1].type = "codeTextPadding";
        headEnterIndex += 2;
        tailExitIndex -= 2;
        break;
      }
    }
  }
  index2 = headEnterIndex - 1;
  tailExitIndex++;
  while (++index2 <= tailExitIndex) {
    if (enter === void 0) {
      if (index2 !== tailExitIndex && events[index2][1].type !== "lineEnding") {
        enter = index2;
      }
    } else if (index2 === tailExitIndex || events[index2][1].type === "lineEnding") {
      events[enter][1].type = "codeTextData";
      if (index2 !== enter + 2) {
        events[enter][1].end = events[index2 - 1][1].end;
        events.splice(enter + 2, index2 - enter - 2);
        tailExitIndex -= index2 - enter - 2;
        index2 = enter + 2;
      }
      enter = void 0;
    }
  }
  return events;
}
function previous(code2) {
  return code2 !== 96 || this.events[this.events.length - 1][1].type === "characterEscape";
}
function tokenizeCodeText(effects, ok2, nok) {
  const self = this;
  let sizeOpen = 0;
  let size;
  let token;
  return start;
  function start(code2) {
    effects.enter("codeText");
    effects.enter("codeTextSequence");
    return sequenceOpen(code2);
  }
  function sequenceOpen(code2) {
    if (code2 === 96) {
      effects.consume(code2);
      sizeOpen++;
      return sequenceOpen;
    }
    effects.exit("codeTextSequence");
    return between(code2);
  }
  function between(code2) {
    if (code2 === null) {
      return nok(code2);
    }
    if (code2 === 32) {
      effects.enter("space");
      effects.consume(code2);
      effects.exit("space");
      return between;
    }
    if (code2 === 96) {
      token = effects.enter("codeTextSequence");
      size = 0;
      return sequenceClose(code2);
    }
    if (markdownLineEnding(code2)) {
      effects.enter("lineEnding");
      effects.consume(code2);
      effects.exit("lineEnding");
      return between;
    }
    effects.enter("codeTextData");
    return data(code2);
  }
  function data(code2) {
    if (code2 === null || code2 === 32 || code2 === 96 || markdownLineEnding(code2)) {
      effects.exit("codeTextData");
      return between(code2);
    }
    effects.consume(code2);
    return data;
  }
  function sequenceClose(code2) {
    if (code2 === 96) {
      effects.consume(code2);
      size++;
      return sequenceClose;
    }
    if (size === sizeOpen) {
      effects.exit("codeTextSequence");
      effects.exit("codeText");
      return ok2(code2);
    }
    token.type = "codeTextData";
    return data(code2);
  }
}

// node_modules/micromark-util-subtokenize/lib/splice-buffer.js
var SpliceBuffer = class {
  /**
   * @param {ReadonlyArray<T> | null | undefined} [initial]
   *   Initial items (optional).
   * @returns
   *   Splice buffer.
   */
  constructor(initial) {
    this.left = initial ? [...initial] : [];
    this.right = [];
  }
  /**
   * Array access;
   * does not move the cursor.
   *
   * @param {number} index
   *   Index.
   * @return {T}
   *   Item.
   */
  get(index2) {
    if (index2 < 0 || index2 >= this.left.length + this.right.length) {
      throw new RangeError("Cannot access index `" + index2 + "` in a splice buffer of size `" + (this.left.length + this.right.length) + "`");
    }
    if (index2 < this.left.length) return this.left[index2];
    return this.right[this.right.length - index2 + this.left.length - 1];
  }
  /**
   * The length of the splice buffer, one greater than the largest index in the
   * array.
   */
  get length() {
    return this.left.length + this.right.length;
  }
  /**
   * Remove and return `list[0]`;
   * moves the cursor to `0`.
   *
   * @returns {T | undefined}
   *   Item, optional.
   */
  shift() {
    this.setCursor(0);
    return this.right.pop();
  }
  /**
   * Slice the buffer to get an array;
   * does not move the cursor.
   *
   * @param {number} start
   *   Start.
   * @param {number | null | undefined} [end]
   *   End (optional).
   * @returns {Array<T>}
   *   Array of items.
   */
  slice(start, end) {
    const stop = end === null || end === void 0 ? Number.POSITIVE_INFINITY : end;
    if (stop < this.left.length) {
      return this.left.slice(start, stop);
    }
    if (start > this.left.length) {
      return this.right.slice(this.right.length - stop + this.left.length, this.right.length - start + this.left.length).reverse();
    }
    return this.left.slice(start).concat(this.right.slice(this.right.length - stop + this.left.length).reverse());
  }
  /**
   * Mimics the behavior of Array.prototype.splice() except for the change of
   * interface necessary to avoid segfaults when patching in very large arrays.
   *
   * This operation moves cursor is moved to `start` and results in the cursor
   * placed after any inserted items.
   *
   * @param {number} start
   *   Start;
   *   zero-based index at which to start changing the array;
   *   negative numbers count backwards from the end of the array and values
   *   that are out-of bounds are clamped to the appropriate end of the array.
   * @param {number | null | undefined} [deleteCount=0]
   *   Delete count (default: `0`);
   *   maximum number of elements to delete, starting from start.
   * @param {Array<T> | null | undefined} [items=[]]
   *   Items to include in place of the deleted items (default: `[]`).
   * @return {Array<T>}
   *   Any removed items.
   */
  splice(start, deleteCount, items) {
    const count = deleteCount || 0;
    this.setCursor(Math.trunc(start));
    const removed = this.right.splice(this.right.length - count, Number.POSITIVE_INFINITY);
    if (items) chunkedPush(this.left, items);
    return removed.reverse();
  }
  /**
   * Remove and return the highest-numbered item in the array, so
   * `list[list.length - 1]`;
   * Moves the cursor to `length`.
   *
   * @returns {T | undefined}
   *   Item, optional.
   */
  pop() {
    this.setCursor(Number.POSITIVE_INFINITY);
    return this.left.pop();
  }
  /**
   * Inserts a single item to the high-numbered side of the array;
   * moves the cursor to `length`.
   *
   * @param {T} item
   *   Item.
   * @returns {undefined}
   *   Nothing.
   */
  push(item) {
    this.setCursor(Number.POSITIVE_INFINITY);
    this.left.push(item);
  }
  /**
   * Inserts many items to the high-numbered side of the array.
   * Moves the cursor to `length`.
   *
   * @param {Array<T>} items
   *   Items.
   * @returns {undefined}
   *   Nothing.
   */
  pushMany(items) {
    this.setCursor(Number.POSITIVE_INFINITY);
    chunkedPush(this.left, items);
  }
  /**
   * Inserts a single item to the low-numbered side of the array;
   * Moves the cursor to `0`.
   *
   * @param {T} item
   *   Item.
   * @returns {undefined}
   *   Nothing.
   */
  unshift(item) {
    this.setCursor(0);
    this.right.push(item);
  }
  /**
   * Inserts many items to the low-numbered side of the array;
   * moves the cursor to `0`.
   *
   * @param {Array<T>} items
   *   Items.
   * @returns {undefined}
   *   Nothing.
   */
  unshiftMany(items) {
    this.setCursor(0);
    chunkedPush(this.right, items.reverse());
  }
  /**
   * Move the cursor to a specific position in the array. Requires
   * time proportional to the distance moved.
   *
   * If `n < 0`, the cursor will end up at the beginning.
   * If `n > length`, the cursor will end up at the end.
   *
   * @param {number} n
   *   Position.
   * @return {undefined}
   *   Nothing.
   */
  setCursor(n) {
    if (n === this.left.length || n > this.left.length && this.right.length === 0 || n < 0 && this.left.length === 0) return;
    if (n < this.left.length) {
      const removed = this.left.splice(n, Number.POSITIVE_INFINITY);
      chunkedPush(this.right, removed.reverse());
    } else {
      const removed = this.right.splice(this.left.length + this.right.length - n, Number.POSITIVE_INFINITY);
      chunkedPush(this.left, removed.reverse());
    }
  }
};
function chunkedPush(list2, right) {
  let chunkStart = 0;
  if (right.length < 1e4) {
    list2.push(...right);
  } else {
    while (chunkStart < right.length) {
      list2.push(...right.slice(chunkStart, chunkStart + 1e4));
      chunkStart += 1e4;
    }
  }
}

// node_modules/micromark-util-subtokenize/index.js
function subtokenize(eventsArray) {
  const jumps = {};
  let index2 = -1;
  let event;
  let lineIndex;
  let otherIndex;
  let otherEvent;
  let parameters;
  let subevents;
  let more2;
  const events = new SpliceBuffer(eventsArray);
  while (++index2 < events.length) {
    while (index2 in jumps) {
      index2 = jumps[index2];
    }
    event = events.get(index2);
    if (index2 && event[1].type === "chunkFlow" && events.get(index2 - 1)[1].type === "listItemPrefix") {
      subevents = event[1]._tokenizer.events;
      otherIndex = 0;
      if (otherIndex < subevents.length && subevents[otherIndex][1].type === "lineEndingBlank") {
        otherIndex += 2;
      }
      if (otherIndex < subevents.length && subevents[otherIndex][1].type === "content") {
        while (++otherIndex < subevents.length) {
          if (subevents[otherIndex][1].type === "content") {
            break;
          }
          if (subevents[otherIndex][1].type === "chunkText") {
            subevents[otherIndex][1]._isInFirstContentOfListItem = true;
            otherIndex++;
          }
        }
      }
    }
    if (event[0] === "enter") {
      if (event[1].contentType) {
        Object.assign(jumps, subcontent(events, index2));
        index2 = jumps[index2];
        more2 = true;
      }
    } else if (event[1]._container) {
      otherIndex = index2;
      lineIndex = void 0;
      while (otherIndex--) {
        otherEvent = events.get(otherIndex);
        if (otherEvent[1].type === "lineEnding" || otherEvent[1].type === "lineEndingBlank") {
          if (otherEvent[0] === "enter") {
            if (lineIndex) {
              events.get(lineIndex)[1].type = "lineEndingBlank";
            }
            otherEvent[1].type = "lineEnding";
            lineIndex = otherIndex;
          }
        } else if (otherEvent[1].type === "linePrefix" || otherEvent[1].type === "listItemIndent") {
        } else {
          break;
        }
      }
      if (lineIndex) {
        event[1].end = {
          ...events.get(lineIndex)[1].start
        };
        parameters = events.slice(lineIndex, index2);
        parameters.unshift(event);
        events.splice(lineIndex, index2 - lineIndex + 1, parameters);
      }
    }
  }
  splice(eventsArray, 0, Number.POSITIVE_INFINITY, events.slice(0));
  return !more2;
}
function subcontent(events, eventIndex) {
  const token = events.get(eventIndex)[1];
  const context = events.get(eventIndex)[2];
  let startPosition = eventIndex - 1;
  const startPositions = [];
  let tokenizer = token._tokenizer;
  if (!tokenizer) {
    tokenizer = context.parser[token.contentType](token.start);
    if (token._contentTypeTextTrailing) {
      tokenizer._contentTypeTextTrailing = true;
    }
  }
  const childEvents = tokenizer.events;
  const jumps = [];
  const gaps = {};
  let stream;
  let previous2;
  let index2 = -1;
  let current = token;
  let adjust = 0;
  let start = 0;
  const breaks = [start];
  while (current) {
    while (events.get(++startPosition)[1] !== current) {
    }
    startPositions.push(startPosition);
    if (!current._tokenizer) {
      stream = context.sliceStream(current);
      if (!current.next) {
        stream.push(null);
      }
      if (previous2) {
        tokenizer.defineSkip(current.start);
      }
      if (current._isInFirstContentOfListItem) {
        tokenizer._gfmTasklistFirstContentOfListItem = true;
      }
      tokenizer.write(stream);
      if (current._isInFirstContentOfListItem) {
        tokenizer._gfmTasklistFirstContentOfListItem = void 0;
      }
    }
    previous2 = current;
    current = current.next;
  }
  current = token;
  while (++index2 < childEvents.length) {
    if (
      // Find a void token that includes a break.
      childEvents[index2][0] === "exit" && childEvents[index2 - 1][0] === "enter" && childEvents[index2][1].type === childEvents[index2 - 1][1].type && childEvents[index2][1].start.line !== childEvents[index2][1].end.line
    ) {
      start = index2 + 1;
      breaks.push(start);
      current._tokenizer = void 0;
      current.previous = void 0;
      current = current.next;
    }
  }
  tokenizer.events = [];
  if (current) {
    current._tokenizer = void 0;
    current.previous = void 0;
  } else {
    breaks.pop();
  }
  index2 = breaks.length;
  while (index2--) {
    const slice = childEvents.slice(breaks[index2], breaks[index2 + 1]);
    const start2 = startPositions.pop();
    jumps.push([start2, start2 + slice.length - 1]);
    events.splice(start2, 2, slice);
  }
  jumps.reverse();
  index2 = -1;
  while (++index2 < jumps.length) {
    gaps[adjust + jumps[index2][0]] = adjust + jumps[index2][1];
    adjust += jumps[index2][1] - jumps[index2][0] - 1;
  }
  return gaps;
}

// node_modules/micromark-core-commonmark/lib/content.js
var content2 = {
  resolve: resolveContent,
  tokenize: tokenizeContent
};
var continuationConstruct = {
  partial: true,
  tokenize: tokenizeContinuation
};
function resolveContent(events) {
  subtokenize(events);
  return events;
}
function tokenizeContent(effects, ok2) {
  let previous2;
  return chunkStart;
  function chunkStart(code2) {
    effects.enter("content");
    previous2 = effects.enter("chunkContent", {
      contentType: "content"
    });
    return chunkInside(code2);
  }
  function chunkInside(code2) {
    if (code2 === null) {
      return contentEnd(code2);
    }
    if (markdownLineEnding(code2)) {
      return effects.check(continuationConstruct, contentContinue, contentEnd)(code2);
    }
    effects.consume(code2);
    return chunkInside;
  }
  function contentEnd(code2) {
    effects.exit("chunkContent");
    effects.exit("content");
    return ok2(code2);
  }
  function contentContinue(code2) {
    effects.consume(code2);
    effects.exit("chunkContent");
    previous2.next = effects.enter("chunkContent", {
      contentType: "content",
      previous: previous2
    });
    previous2 = previous2.next;
    return chunkInside;
  }
}
function tokenizeContinuation(effects, ok2, nok) {
  const self = this;
  return startLookahead;
  function startLookahead(code2) {
    effects.exit("chunkContent");
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return factorySpace(effects, prefixed, "linePrefix");
  }
  function prefixed(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      return nok(code2);
    }
    const tail = self.events[self.events.length - 1];
    if (!self.parser.constructs.disable.null.includes("codeIndented") && tail && tail[1].type === "linePrefix" && tail[2].sliceSerialize(tail[1], true).length >= 4) {
      return ok2(code2);
    }
    return effects.interrupt(self.parser.constructs.flow, nok, ok2)(code2);
  }
}

// node_modules/micromark-factory-destination/index.js
function factoryDestination(effects, ok2, nok, type, literalType, literalMarkerType, rawType, stringType, max) {
  const limit = max || Number.POSITIVE_INFINITY;
  let balance = 0;
  return start;
  function start(code2) {
    if (code2 === 60) {
      effects.enter(type);
      effects.enter(literalType);
      effects.enter(literalMarkerType);
      effects.consume(code2);
      effects.exit(literalMarkerType);
      return enclosedBefore;
    }
    if (code2 === null || code2 === 32 || code2 === 41 || asciiControl(code2)) {
      return nok(code2);
    }
    effects.enter(type);
    effects.enter(rawType);
    effects.enter(stringType);
    effects.enter("chunkString", {
      contentType: "string"
    });
    return raw(code2);
  }
  function enclosedBefore(code2) {
    if (code2 === 62) {
      effects.enter(literalMarkerType);
      effects.consume(code2);
      effects.exit(literalMarkerType);
      effects.exit(literalType);
      effects.exit(type);
      return ok2;
    }
    effects.enter(stringType);
    effects.enter("chunkString", {
      contentType: "string"
    });
    return enclosed(code2);
  }
  function enclosed(code2) {
    if (code2 === 62) {
      effects.exit("chunkString");
      effects.exit(stringType);
      return enclosedBefore(code2);
    }
    if (code2 === null || code2 === 60 || markdownLineEnding(code2)) {
      return nok(code2);
    }
    effects.consume(code2);
    return code2 === 92 ? enclosedEscape : enclosed;
  }
  function enclosedEscape(code2) {
    if (code2 === 60 || code2 === 62 || code2 === 92) {
      effects.consume(code2);
      return enclosed;
    }
    return enclosed(code2);
  }
  function raw(code2) {
    if (!balance && (code2 === null || code2 === 41 || markdownLineEndingOrSpace(code2))) {
      effects.exit("chunkString");
      effects.exit(stringType);
      effects.exit(rawType);
      effects.exit(type);
      return ok2(code2);
    }
    if (balance < limit && code2 === 40) {
      effects.consume(code2);
      balance++;
      return raw;
    }
    if (code2 === 41) {
      effects.consume(code2);
      balance--;
      return raw;
    }
    if (code2 === null || code2 === 32 || code2 === 40 || asciiControl(code2)) {
      return nok(code2);
    }
    effects.consume(code2);
    return code2 === 92 ? rawEscape : raw;
  }
  function rawEscape(code2) {
    if (code2 === 40 || code2 === 41 || code2 === 92) {
      effects.consume(code2);
      return raw;
    }
    return raw(code2);
  }
}

// node_modules/micromark-factory-label/index.js
function factoryLabel(effects, ok2, nok, type, markerType, stringType) {
  const self = this;
  let size = 0;
  let seen;
  return start;
  function start(code2) {
    effects.enter(type);
    effects.enter(markerType);
    effects.consume(code2);
    effects.exit(markerType);
    effects.enter(stringType);
    return atBreak;
  }
  function atBreak(code2) {
    if (size > 999 || code2 === null || code2 === 91 || code2 === 93 && !seen || // To do: remove in the future once we’ve switched from
    // `micromark-extension-footnote` to `micromark-extension-gfm-footnote`,
    // which doesn’t need this.
    // Hidden footnotes hook.
    /* c8 ignore next 3 */
    code2 === 94 && !size && "_hiddenFootnoteSupport" in self.parser.constructs) {
      return nok(code2);
    }
    if (code2 === 93) {
      effects.exit(stringType);
      effects.enter(markerType);
      effects.consume(code2);
      effects.exit(markerType);
      effects.exit(type);
      return ok2;
    }
    if (markdownLineEnding(code2)) {
      effects.enter("lineEnding");
      effects.consume(code2);
      effects.exit("lineEnding");
      return atBreak;
    }
    effects.enter("chunkString", {
      contentType: "string"
    });
    return labelInside(code2);
  }
  function labelInside(code2) {
    if (code2 === null || code2 === 91 || code2 === 93 || markdownLineEnding(code2) || size++ > 999) {
      effects.exit("chunkString");
      return atBreak(code2);
    }
    effects.consume(code2);
    if (!seen) seen = !markdownSpace(code2);
    return code2 === 92 ? labelEscape : labelInside;
  }
  function labelEscape(code2) {
    if (code2 === 91 || code2 === 92 || code2 === 93) {
      effects.consume(code2);
      size++;
      return labelInside;
    }
    return labelInside(code2);
  }
}

// node_modules/micromark-factory-title/index.js
function factoryTitle(effects, ok2, nok, type, markerType, stringType) {
  let marker;
  return start;
  function start(code2) {
    if (code2 === 34 || code2 === 39 || code2 === 40) {
      effects.enter(type);
      effects.enter(markerType);
      effects.consume(code2);
      effects.exit(markerType);
      marker = code2 === 40 ? 41 : code2;
      return begin;
    }
    return nok(code2);
  }
  function begin(code2) {
    if (code2 === marker) {
      effects.enter(markerType);
      effects.consume(code2);
      effects.exit(markerType);
      effects.exit(type);
      return ok2;
    }
    effects.enter(stringType);
    return atBreak(code2);
  }
  function atBreak(code2) {
    if (code2 === marker) {
      effects.exit(stringType);
      return begin(marker);
    }
    if (code2 === null) {
      return nok(code2);
    }
    if (markdownLineEnding(code2)) {
      effects.enter("lineEnding");
      effects.consume(code2);
      effects.exit("lineEnding");
      return factorySpace(effects, atBreak, "linePrefix");
    }
    effects.enter("chunkString", {
      contentType: "string"
    });
    return inside(code2);
  }
  function inside(code2) {
    if (code2 === marker || code2 === null || markdownLineEnding(code2)) {
      effects.exit("chunkString");
      return atBreak(code2);
    }
    effects.consume(code2);
    return code2 === 92 ? escape : inside;
  }
  function escape(code2) {
    if (code2 === marker || code2 === 92) {
      effects.consume(code2);
      return inside;
    }
    return inside(code2);
  }
}

// node_modules/micromark-factory-whitespace/index.js
function factoryWhitespace(effects, ok2) {
  let seen;
  return start;
  function start(code2) {
    if (markdownLineEnding(code2)) {
      effects.enter("lineEnding");
      effects.consume(code2);
      effects.exit("lineEnding");
      seen = true;
      return start;
    }
    if (markdownSpace(code2)) {
      return factorySpace(effects, start, seen ? "linePrefix" : "lineSuffix")(code2);
    }
    return ok2(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/definition.js
var definition = {
  name: "definition",
  tokenize: tokenizeDefinition
};
var titleBefore = {
  partial: true,
  tokenize: tokenizeTitleBefore
};
function tokenizeDefinition(effects, ok2, nok) {
  const self = this;
  let identifier;
  return start;
  function start(code2) {
    effects.enter("definition");
    return before(code2);
  }
  function before(code2) {
    return factoryLabel.call(
      self,
      effects,
      labelAfter,
      // Note: we don’t need to reset the way `markdown-rs` does.
      nok,
      "definitionLabel",
      "definitionLabelMarker",
      "definitionLabelString"
    )(code2);
  }
  function labelAfter(code2) {
    identifier = normalizeIdentifier(self.sliceSerialize(self.events[self.events.length - 1][1]).slice(1, -1));
    if (code2 === 58) {
      effects.enter("definitionMarker");
      effects.consume(code2);
      effects.exit("definitionMarker");
      return markerAfter;
    }
    return nok(code2);
  }
  function markerAfter(code2) {
    return markdownLineEndingOrSpace(code2) ? factoryWhitespace(effects, destinationBefore)(code2) : destinationBefore(code2);
  }
  function destinationBefore(code2) {
    return factoryDestination(
      effects,
      destinationAfter,
      // Note: we don’t need to reset the way `markdown-rs` does.
      nok,
      "definitionDestination",
      "definitionDestinationLiteral",
      "definitionDestinationLiteralMarker",
      "definitionDestinationRaw",
      "definitionDestinationString"
    )(code2);
  }
  function destinationAfter(code2) {
    return effects.attempt(titleBefore, after, after)(code2);
  }
  function after(code2) {
    return markdownSpace(code2) ? factorySpace(effects, afterWhitespace, "whitespace")(code2) : afterWhitespace(code2);
  }
  function afterWhitespace(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("definition");
      self.parser.defined.push(identifier);
      return ok2(code2);
    }
    return nok(code2);
  }
}
function tokenizeTitleBefore(effects, ok2, nok) {
  return titleBefore2;
  function titleBefore2(code2) {
    return markdownLineEndingOrSpace(code2) ? factoryWhitespace(effects, beforeMarker)(code2) : nok(code2);
  }
  function beforeMarker(code2) {
    return factoryTitle(effects, titleAfter, nok, "definitionTitle", "definitionTitleMarker", "definitionTitleString")(code2);
  }
  function titleAfter(code2) {
    return markdownSpace(code2) ? factorySpace(effects, titleAfterOptionalWhitespace, "whitespace")(code2) : titleAfterOptionalWhitespace(code2);
  }
  function titleAfterOptionalWhitespace(code2) {
    return code2 === null || markdownLineEnding(code2) ? ok2(code2) : nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/hard-break-escape.js
var hardBreakEscape = {
  name: "hardBreakEscape",
  tokenize: tokenizeHardBreakEscape
};
function tokenizeHardBreakEscape(effects, ok2, nok) {
  return start;
  function start(code2) {
    effects.enter("hardBreakEscape");
    effects.consume(code2);
    return after;
  }
  function after(code2) {
    if (markdownLineEnding(code2)) {
      effects.exit("hardBreakEscape");
      return ok2(code2);
    }
    return nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/heading-atx.js
var headingAtx = {
  name: "headingAtx",
  resolve: resolveHeadingAtx,
  tokenize: tokenizeHeadingAtx
};
function resolveHeadingAtx(events, context) {
  let contentEnd = events.length - 2;
  let contentStart = 3;
  if (events[contentStart][1].type === "whitespace") {
    contentStart += 2;
  }
  if (contentEnd - 2 > contentStart && events[contentEnd][1].type === "whitespace") {
    contentEnd -= 2;
  }
  if (events[contentEnd][1].type === "atxHeadingSequence" && (contentStart === contentEnd - 1 || contentEnd - 4 > contentStart && events[contentEnd - 2][1].type === "whitespace")) {
    contentEnd -= contentStart + 1 === contentEnd ? 2 : 4;
  }
  if (contentEnd > contentStart) {
    const content3 = {
      type: "atxHeadingText",
      start: events[contentStart][1].start,
      end: events[contentEnd][1].end
    };
    const text3 = {
      type: "chunkText",
      start: events[contentStart][1].start,
      end: events[contentEnd][1].end,
      contentType: "text"
    };
    splice(events, contentStart, contentEnd - contentStart + 1, [["enter", content3, context], ["enter", text3, context], ["exit", text3, context], ["exit", content3, context]]);
  }
  return events;
}
function tokenizeHeadingAtx(effects, ok2, nok) {
  let size = 0;
  return start;
  function start(code2) {
    effects.enter("atxHeading");
    return before(code2);
  }
  function before(code2) {
    effects.enter("atxHeadingSequence");
    return sequenceOpen(code2);
  }
  function sequenceOpen(code2) {
    if (code2 === 35 && size++ < 6) {
      effects.consume(code2);
      return sequenceOpen;
    }
    if (code2 === null || markdownLineEndingOrSpace(code2)) {
      effects.exit("atxHeadingSequence");
      return atBreak(code2);
    }
    return nok(code2);
  }
  function atBreak(code2) {
    if (code2 === 35) {
      effects.enter("atxHeadingSequence");
      return sequenceFurther(code2);
    }
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("atxHeading");
      return ok2(code2);
    }
    if (markdownSpace(code2)) {
      return factorySpace(effects, atBreak, "whitespace")(code2);
    }
    effects.enter("atxHeadingText");
    return data(code2);
  }
  function sequenceFurther(code2) {
    if (code2 === 35) {
      effects.consume(code2);
      return sequenceFurther;
    }
    effects.exit("atxHeadingSequence");
    return atBreak(code2);
  }
  function data(code2) {
    if (code2 === null || code2 === 35 || markdownLineEndingOrSpace(code2)) {
      effects.exit("atxHeadingText");
      return atBreak(code2);
    }
    effects.consume(code2);
    return data;
  }
}

// node_modules/micromark-util-html-tag-name/index.js
var htmlBlockNames = [
  "address",
  "article",
  "aside",
  "base",
  "basefont",
  "blockquote",
  "body",
  "caption",
  "center",
  "col",
  "colgroup",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "frame",
  "frameset",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "head",
  "header",
  "hr",
  "html",
  "iframe",
  "legend",
  "li",
  "link",
  "main",
  "menu",
  "menuitem",
  "nav",
  "noframes",
  "ol",
  "optgroup",
  "option",
  "p",
  "param",
  "search",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "title",
  "tr",
  "track",
  "ul"
];
var htmlRawNames = ["pre", "script", "style", "textarea"];

// node_modules/micromark-core-commonmark/lib/html-flow.js
var htmlFlow = {
  concrete: true,
  name: "htmlFlow",
  resolveTo: resolveToHtmlFlow,
  tokenize: tokenizeHtmlFlow
};
var blankLineBefore = {
  partial: true,
  tokenize: tokenizeBlankLineBefore
};
function resolveToHtmlFlow(events) {
  let index2 = events.length;
  while (index2--) {
    if (events[index2][0] === "enter" && events[index2][1].type === "htmlFlow") {
      break;
    }
  }
  if (index2 > 1 && events[index2 - 2][1].type === "linePrefix") {
    events[index2][1].start = events[index2 - 2][1].start;
    events[index2 + 1][1].start = events[index2 - 2][1].start;
    events.splice(index2 - 2, 2);
  }
  return events;
}
function tokenizeHtmlFlow(effects, ok2, nok) {
  const self = this;
  let marker;
  let closingTag;
  let buffer;
  let index2;
  let markerB;
  return start;
  function start(code2) {
    return before(code2);
  }
  function before(code2) {
    effects.enter("htmlFlow");
    effects.enter("htmlFlowData");
    effects.consume(code2);
    return open;
  }
  function open(code2) {
    if (code2 === 33) {
      effects.consume(code2);
      return declarationOpen;
    }
    if (code2 === 47) {
      effects.consume(code2);
      closingTag = true;
      return tagCloseStart;
    }
    if (code2 === 63) {
      effects.consume(code2);
      marker = 3;
      return self.interrupt ? ok2 : continuationDeclarationInside;
    }
    if (asciiAlpha(code2)) {
      effects.consume(code2);
      buffer = String.fromCharCode(code2);
      return tagName;
    }
    return nok(code2);
  }
  function declarationOpen(code2) {
    if (code2 === 45) {
      effects.consume(code2);
      marker = 2;
      return commentOpenInside;
    }
    if (code2 === 91) {
      effects.consume(code2);
      marker = 5;
      index2 = 0;
      return cdataOpenInside;
    }
    if (asciiAlpha(code2)) {
      effects.consume(code2);
      marker = 4;
      return self.interrupt ? ok2 : continuationDeclarationInside;
    }
    return nok(code2);
  }
  function commentOpenInside(code2) {
    if (code2 === 45) {
      effects.consume(code2);
      return self.interrupt ? ok2 : continuationDeclarationInside;
    }
    return nok(code2);
  }
  function cdataOpenInside(code2) {
    const value = "CDATA[";
    if (code2 === value.charCodeAt(index2++)) {
      effects.consume(code2);
      if (index2 === value.length) {
        return self.interrupt ? ok2 : continuation;
      }
      return cdataOpenInside;
    }
    return nok(code2);
  }
  function tagCloseStart(code2) {
    if (asciiAlpha(code2)) {
      effects.consume(code2);
      buffer = String.fromCharCode(code2);
      return tagName;
    }
    return nok(code2);
  }
  function tagName(code2) {
    if (code2 === null || code2 === 47 || code2 === 62 || markdownLineEndingOrSpace(code2)) {
      const slash = code2 === 47;
      const name = buffer.toLowerCase();
      if (!slash && !closingTag && htmlRawNames.includes(name)) {
        marker = 1;
        return self.interrupt ? ok2(code2) : continuation(code2);
      }
      if (htmlBlockNames.includes(buffer.toLowerCase())) {
        marker = 6;
        if (slash) {
          effects.consume(code2);
          return basicSelfClosing;
        }
        return self.interrupt ? ok2(code2) : continuation(code2);
      }
      marker = 7;
      return self.interrupt && !self.parser.lazy[self.now().line] ? nok(code2) : closingTag ? completeClosingTagAfter(code2) : completeAttributeNameBefore(code2);
    }
    if (code2 === 45 || asciiAlphanumeric(code2)) {
      effects.consume(code2);
      buffer += String.fromCharCode(code2);
      return tagName;
    }
    return nok(code2);
  }
  function basicSelfClosing(code2) {
    if (code2 === 62) {
      effects.consume(code2);
      return self.interrupt ? ok2 : continuation;
    }
    return nok(code2);
  }
  function completeClosingTagAfter(code2) {
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return completeClosingTagAfter;
    }
    return completeEnd(code2);
  }
  function completeAttributeNameBefore(code2) {
    if (code2 === 47) {
      effects.consume(code2);
      return completeEnd;
    }
    if (code2 === 58 || code2 === 95 || asciiAlpha(code2)) {
      effects.consume(code2);
      return completeAttributeName;
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return completeAttributeNameBefore;
    }
    return completeEnd(code2);
  }
  function completeAttributeName(code2) {
    if (code2 === 45 || code2 === 46 || code2 === 58 || code2 === 95 || asciiAlphanumeric(code2)) {
      effects.consume(code2);
      return completeAttributeName;
    }
    return completeAttributeNameAfter(code2);
  }
  function completeAttributeNameAfter(code2) {
    if (code2 === 61) {
      effects.consume(code2);
      return completeAttributeValueBefore;
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return completeAttributeNameAfter;
    }
    return completeAttributeNameBefore(code2);
  }
  function completeAttributeValueBefore(code2) {
    if (code2 === null || code2 === 60 || code2 === 61 || code2 === 62 || code2 === 96) {
      return nok(code2);
    }
    if (code2 === 34 || code2 === 39) {
      effects.consume(code2);
      markerB = code2;
      return completeAttributeValueQuoted;
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return completeAttributeValueBefore;
    }
    return completeAttributeValueUnquoted(code2);
  }
  function completeAttributeValueQuoted(code2) {
    if (code2 === markerB) {
      effects.consume(code2);
      markerB = null;
      return completeAttributeValueQuotedAfter;
    }
    if (code2 === null || markdownLineEnding(code2)) {
      return nok(code2);
    }
    effects.consume(code2);
    return completeAttributeValueQuoted;
  }
  function completeAttributeValueUnquoted(code2) {
    if (code2 === null || code2 === 34 || code2 === 39 || code2 === 47 || code2 === 60 || code2 === 61 || code2 === 62 || code2 === 96 || markdownLineEndingOrSpace(code2)) {
      return completeAttributeNameAfter(code2);
    }
    effects.consume(code2);
    return completeAttributeValueUnquoted;
  }
  function completeAttributeValueQuotedAfter(code2) {
    if (code2 === 47 || code2 === 62 || markdownSpace(code2)) {
      return completeAttributeNameBefore(code2);
    }
    return nok(code2);
  }
  function completeEnd(code2) {
    if (code2 === 62) {
      effects.consume(code2);
      return completeAfter;
    }
    return nok(code2);
  }
  function completeAfter(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      return continuation(code2);
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return completeAfter;
    }
    return nok(code2);
  }
  function continuation(code2) {
    if (code2 === 45 && marker === 2) {
      effects.consume(code2);
      return continuationCommentInside;
    }
    if (code2 === 60 && marker === 1) {
      effects.consume(code2);
      return continuationRawTagOpen;
    }
    if (code2 === 62 && marker === 4) {
      effects.consume(code2);
      return continuationClose;
    }
    if (code2 === 63 && marker === 3) {
      effects.consume(code2);
      return continuationDeclarationInside;
    }
    if (code2 === 93 && marker === 5) {
      effects.consume(code2);
      return continuationCdataInside;
    }
    if (markdownLineEnding(code2) && (marker === 6 || marker === 7)) {
      effects.exit("htmlFlowData");
      return effects.check(blankLineBefore, continuationAfter, continuationStart)(code2);
    }
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("htmlFlowData");
      return continuationStart(code2);
    }
    effects.consume(code2);
    return continuation;
  }
  function continuationStart(code2) {
    return effects.check(nonLazyContinuation, continuationStartNonLazy, continuationAfter)(code2);
  }
  function continuationStartNonLazy(code2) {
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return continuationBefore;
  }
  function continuationBefore(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      return continuationStart(code2);
    }
    effects.enter("htmlFlowData");
    return continuation(code2);
  }
  function continuationCommentInside(code2) {
    if (code2 === 45) {
      effects.consume(code2);
      return continuationDeclarationInside;
    }
    return continuation(code2);
  }
  function continuationRawTagOpen(code2) {
    if (code2 === 47) {
      effects.consume(code2);
      buffer = "";
      return continuationRawEndTag;
    }
    return continuation(code2);
  }
  function continuationRawEndTag(code2) {
    if (code2 === 62) {
      const name = buffer.toLowerCase();
      if (htmlRawNames.includes(name)) {
        effects.consume(code2);
        return continuationClose;
      }
      return continuation(code2);
    }
    if (asciiAlpha(code2) && buffer.length < 8) {
      effects.consume(code2);
      buffer += String.fromCharCode(code2);
      return continuationRawEndTag;
    }
    return continuation(code2);
  }
  function continuationCdataInside(code2) {
    if (code2 === 93) {
      effects.consume(code2);
      return continuationDeclarationInside;
    }
    return continuation(code2);
  }
  function continuationDeclarationInside(code2) {
    if (code2 === 62) {
      effects.consume(code2);
      return continuationClose;
    }
    if (code2 === 45 && marker === 2) {
      effects.consume(code2);
      return continuationDeclarationInside;
    }
    return continuation(code2);
  }
  function continuationClose(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("htmlFlowData");
      return continuationAfter(code2);
    }
    effects.consume(code2);
    return continuationClose;
  }
  function continuationAfter(code2) {
    effects.exit("htmlFlow");
    return ok2(code2);
  }
}
function tokenizeBlankLineBefore(effects, ok2, nok) {
  return start;
  function start(code2) {
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return effects.attempt(blankLine, ok2, nok);
  }
}

// node_modules/micromark-core-commonmark/lib/html-text.js
var htmlText = {
  name: "htmlText",
  tokenize: tokenizeHtmlText
};
function tokenizeHtmlText(effects, ok2, nok) {
  const self = this;
  let marker;
  let index2;
  let returnState;
  return start;
  function start(code2) {
    effects.enter("htmlText");
    effects.enter("htmlTextData");
    effects.consume(code2);
    return open;
  }
  function open(code2) {
    if (code2 === 33) {
      effects.consume(code2);
      return declarationOpen;
    }
    if (code2 === 47) {
      effects.consume(code2);
      return tagCloseStart;
    }
    if (code2 === 63) {
      effects.consume(code2);
      return instruction;
    }
    if (asciiAlpha(code2)) {
      effects.consume(code2);
      return tagOpen;
    }
    return nok(code2);
  }
  function declarationOpen(code2) {
    if (code2 === 45) {
      effects.consume(code2);
      return commentOpenInside;
    }
    if (code2 === 91) {
      effects.consume(code2);
      index2 = 0;
      return cdataOpenInside;
    }
    if (asciiAlpha(code2)) {
      effects.consume(code2);
      return declaration;
    }
    return nok(code2);
  }
  function commentOpenInside(code2) {
    if (code2 === 45) {
      effects.consume(code2);
      return commentEnd;
    }
    return nok(code2);
  }
  function comment(code2) {
    if (code2 === null) {
      return nok(code2);
    }
    if (code2 === 45) {
      effects.consume(code2);
      return commentClose;
    }
    if (markdownLineEnding(code2)) {
      returnState = comment;
      return lineEndingBefore(code2);
    }
    effects.consume(code2);
    return comment;
  }
  function commentClose(code2) {
    if (code2 === 45) {
      effects.consume(code2);
      return commentEnd;
    }
    return comment(code2);
  }
  function commentEnd(code2) {
    return code2 === 62 ? end(code2) : code2 === 45 ? commentClose(code2) : comment(code2);
  }
  function cdataOpenInside(code2) {
    const value = "CDATA[";
    if (code2 === value.charCodeAt(index2++)) {
      effects.consume(code2);
      return index2 === value.length ? cdata : cdataOpenInside;
    }
    return nok(code2);
  }
  function cdata(code2) {
    if (code2 === null) {
      return nok(code2);
    }
    if (code2 === 93) {
      effects.consume(code2);
      return cdataClose;
    }
    if (markdownLineEnding(code2)) {
      returnState = cdata;
      return lineEndingBefore(code2);
    }
    effects.consume(code2);
    return cdata;
  }
  function cdataClose(code2) {
    if (code2 === 93) {
      effects.consume(code2);
      return cdataEnd;
    }
    return cdata(code2);
  }
  function cdataEnd(code2) {
    if (code2 === 62) {
      return end(code2);
    }
    if (code2 === 93) {
      effects.consume(code2);
      return cdataEnd;
    }
    return cdata(code2);
  }
  function declaration(code2) {
    if (code2 === null || code2 === 62) {
      return end(code2);
    }
    if (markdownLineEnding(code2)) {
      returnState = declaration;
      return lineEndingBefore(code2);
    }
    effects.consume(code2);
    return declaration;
  }
  function instruction(code2) {
    if (code2 === null) {
      return nok(code2);
    }
    if (code2 === 63) {
      effects.consume(code2);
      return instructionClose;
    }
    if (markdownLineEnding(code2)) {
      returnState = instruction;
      return lineEndingBefore(code2);
    }
    effects.consume(code2);
    return instruction;
  }
  function instructionClose(code2) {
    return code2 === 62 ? end(code2) : instruction(code2);
  }
  function tagCloseStart(code2) {
    if (asciiAlpha(code2)) {
      effects.consume(code2);
      return tagClose;
    }
    return nok(code2);
  }
  function tagClose(code2) {
    if (code2 === 45 || asciiAlphanumeric(code2)) {
      effects.consume(code2);
      return tagClose;
    }
    return tagCloseBetween(code2);
  }
  function tagCloseBetween(code2) {
    if (markdownLineEnding(code2)) {
      returnState = tagCloseBetween;
      return lineEndingBefore(code2);
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return tagCloseBetween;
    }
    return end(code2);
  }
  function tagOpen(code2) {
    if (code2 === 45 || asciiAlphanumeric(code2)) {
      effects.consume(code2);
      return tagOpen;
    }
    if (code2 === 47 || code2 === 62 || markdownLineEndingOrSpace(code2)) {
      return tagOpenBetween(code2);
    }
    return nok(code2);
  }
  function tagOpenBetween(code2) {
    if (code2 === 47) {
      effects.consume(code2);
      return end;
    }
    if (code2 === 58 || code2 === 95 || asciiAlpha(code2)) {
      effects.consume(code2);
      return tagOpenAttributeName;
    }
    if (markdownLineEnding(code2)) {
      returnState = tagOpenBetween;
      return lineEndingBefore(code2);
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return tagOpenBetween;
    }
    return end(code2);
  }
  function tagOpenAttributeName(code2) {
    if (code2 === 45 || code2 === 46 || code2 === 58 || code2 === 95 || asciiAlphanumeric(code2)) {
      effects.consume(code2);
      return tagOpenAttributeName;
    }
    return tagOpenAttributeNameAfter(code2);
  }
  function tagOpenAttributeNameAfter(code2) {
    if (code2 === 61) {
      effects.consume(code2);
      return tagOpenAttributeValueBefore;
    }
    if (markdownLineEnding(code2)) {
      returnState = tagOpenAttributeNameAfter;
      return lineEndingBefore(code2);
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return tagOpenAttributeNameAfter;
    }
    return tagOpenBetween(code2);
  }
  function tagOpenAttributeValueBefore(code2) {
    if (code2 === null || code2 === 60 || code2 === 61 || code2 === 62 || code2 === 96) {
      return nok(code2);
    }
    if (code2 === 34 || code2 === 39) {
      effects.consume(code2);
      marker = code2;
      return tagOpenAttributeValueQuoted;
    }
    if (markdownLineEnding(code2)) {
      returnState = tagOpenAttributeValueBefore;
      return lineEndingBefore(code2);
    }
    if (markdownSpace(code2)) {
      effects.consume(code2);
      return tagOpenAttributeValueBefore;
    }
    effects.consume(code2);
    return tagOpenAttributeValueUnquoted;
  }
  function tagOpenAttributeValueQuoted(code2) {
    if (code2 === marker) {
      effects.consume(code2);
      marker = void 0;
      return tagOpenAttributeValueQuotedAfter;
    }
    if (code2 === null) {
      return nok(code2);
    }
    if (markdownLineEnding(code2)) {
      returnState = tagOpenAttributeValueQuoted;
      return lineEndingBefore(code2);
    }
    effects.consume(code2);
    return tagOpenAttributeValueQuoted;
  }
  function tagOpenAttributeValueUnquoted(code2) {
    if (code2 === null || code2 === 34 || code2 === 39 || code2 === 60 || code2 === 61 || code2 === 96) {
      return nok(code2);
    }
    if (code2 === 47 || code2 === 62 || markdownLineEndingOrSpace(code2)) {
      return tagOpenBetween(code2);
    }
    effects.consume(code2);
    return tagOpenAttributeValueUnquoted;
  }
  function tagOpenAttributeValueQuotedAfter(code2) {
    if (code2 === 47 || code2 === 62 || markdownLineEndingOrSpace(code2)) {
      return tagOpenBetween(code2);
    }
    return nok(code2);
  }
  function end(code2) {
    if (code2 === 62) {
      effects.consume(code2);
      effects.exit("htmlTextData");
      effects.exit("htmlText");
      return ok2;
    }
    return nok(code2);
  }
  function lineEndingBefore(code2) {
    effects.exit("htmlTextData");
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return lineEndingAfter;
  }
  function lineEndingAfter(code2) {
    return markdownSpace(code2) ? factorySpace(effects, lineEndingAfterPrefix, "linePrefix", self.parser.constructs.disable.null.includes("codeIndented") ? void 0 : 4)(code2) : lineEndingAfterPrefix(code2);
  }
  function lineEndingAfterPrefix(code2) {
    effects.enter("htmlTextData");
    return returnState(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/label-end.js
var labelEnd = {
  name: "labelEnd",
  resolveAll: resolveAllLabelEnd,
  resolveTo: resolveToLabelEnd,
  tokenize: tokenizeLabelEnd
};
var resourceConstruct = {
  tokenize: tokenizeResource
};
var referenceFullConstruct = {
  tokenize: tokenizeReferenceFull
};
var referenceCollapsedConstruct = {
  tokenize: tokenizeReferenceCollapsed
};
function resolveAllLabelEnd(events) {
  let index2 = -1;
  const newEvents = [];
  while (++index2 < events.length) {
    const token = events[index2][1];
    newEvents.push(events[index2]);
    if (token.type === "labelImage" || token.type === "labelLink" || token.type === "labelEnd") {
      const offset2 = token.type === "labelImage" ? 4 : 2;
      token.type = "data";
      index2 += offset2;
    }
  }
  if (events.length !== newEvents.length) {
    splice(events, 0, events.length, newEvents);
  }
  return events;
}
function resolveToLabelEnd(events, context) {
  let index2 = events.length;
  let offset2 = 0;
  let open;
  let close;
  let media;
  while (index2--) {
    const token = events[index2][1];
    if (open) {
      if (token.type === "link" || token.type === "labelLink" && token._inactive) {
        break;
      }
      if (events[index2][0] === "enter" && token.type === "labelLink") {
        token._inactive = true;
      }
    } else if (close) {
      if (events[index2][0] === "enter" && (token.type === "labelImage" || token.type === "labelLink") && !token._balanced) {
        open = index2;
        if (token.type !== "labelLink") {
          offset2 = 2;
          break;
        }
      }
    } else if (token.type === "labelEnd") {
      close = index2;
    }
  }
  const group = {
    type: events[open][1].type === "labelLink" ? "link" : "image",
    start: {
      ...events[open][1].start
    },
    end: {
      ...events[events.length - 1][1].end
    }
  };
  const label = {
    type: "label",
    start: {
      ...events[open][1].start
    },
    end: {
      ...events[close][1].end
    }
  };
  const text3 = {
    type: "labelText",
    start: {
      ...events[open + offset2 + 2][1].end
    },
    end: {
      ...events[close - 2][1].start
    }
  };
  media = [["enter", group, context], ["enter", label, context]];
  media = push(media, events.slice(open + 1, open + offset2 + 3));
  media = push(media, [["enter", text3, context]]);
  media = push(media, resolveAll(context.parser.constructs.insideSpan.null, events.slice(open + offset2 + 4, close - 3), context));
  media = push(media, [["exit", text3, context], events[close - 2], events[close - 1], ["exit", label, context]]);
  media = push(media, events.slice(close + 1));
  media = push(media, [["exit", group, context]]);
  splice(events, open, events.length, media);
  return events;
}
function tokenizeLabelEnd(effects, ok2, nok) {
  const self = this;
  const labelStarts = self._labelStarts;
  let labelStart;
  let defined;
  if (labelStarts) {
    while (labelStarts.length > 0 && labelStarts[labelStarts.length - 1]._balanced) {
      labelStarts.pop();
    }
    labelStart = labelStarts[labelStarts.length - 1];
  }
  return start;
  function start(code2) {
    if (!labelStart) {
      return nok(code2);
    }
    if (labelStart._inactive) {
      return labelEndNok(code2);
    }
    defined = self.parser.defined.includes(normalizeIdentifier(self.sliceSerialize({
      start: labelStart.end,
      end: self.now()
    })));
    effects.enter("labelEnd");
    effects.enter("labelMarker");
    effects.consume(code2);
    effects.exit("labelMarker");
    effects.exit("labelEnd");
    return after;
  }
  function after(code2) {
    if (code2 === 40) {
      return effects.attempt(resourceConstruct, labelEndOk, defined ? labelEndOk : labelEndNok)(code2);
    }
    if (code2 === 91) {
      return effects.attempt(referenceFullConstruct, labelEndOk, defined ? referenceNotFull : labelEndNok)(code2);
    }
    return defined ? labelEndOk(code2) : labelEndNok(code2);
  }
  function referenceNotFull(code2) {
    return effects.attempt(referenceCollapsedConstruct, labelEndOk, labelEndNok)(code2);
  }
  function labelEndOk(code2) {
    labelStarts.pop();
    return ok2(code2);
  }
  function labelEndNok(code2) {
    labelStart._balanced = true;
    return nok(code2);
  }
}
function tokenizeResource(effects, ok2, nok) {
  return resourceStart;
  function resourceStart(code2) {
    effects.enter("resource");
    effects.enter("resourceMarker");
    effects.consume(code2);
    effects.exit("resourceMarker");
    return resourceBefore;
  }
  function resourceBefore(code2) {
    return markdownLineEndingOrSpace(code2) ? factoryWhitespace(effects, resourceOpen)(code2) : resourceOpen(code2);
  }
  function resourceOpen(code2) {
    if (code2 === 41) {
      return resourceEnd(code2);
    }
    return factoryDestination(effects, resourceDestinationAfter, resourceDestinationMissing, "resourceDestination", "resourceDestinationLiteral", "resourceDestinationLiteralMarker", "resourceDestinationRaw", "resourceDestinationString", 32)(code2);
  }
  function resourceDestinationAfter(code2) {
    return markdownLineEndingOrSpace(code2) ? factoryWhitespace(effects, resourceBetween)(code2) : resourceEnd(code2);
  }
  function resourceDestinationMissing(code2) {
    return nok(code2);
  }
  function resourceBetween(code2) {
    if (code2 === 34 || code2 === 39 || code2 === 40) {
      return factoryTitle(effects, resourceTitleAfter, nok, "resourceTitle", "resourceTitleMarker", "resourceTitleString")(code2);
    }
    return resourceEnd(code2);
  }
  function resourceTitleAfter(code2) {
    return markdownLineEndingOrSpace(code2) ? factoryWhitespace(effects, resourceEnd)(code2) : resourceEnd(code2);
  }
  function resourceEnd(code2) {
    if (code2 === 41) {
      effects.enter("resourceMarker");
      effects.consume(code2);
      effects.exit("resourceMarker");
      effects.exit("resource");
      return ok2;
    }
    return nok(code2);
  }
}
function tokenizeReferenceFull(effects, ok2, nok) {
  const self = this;
  return referenceFull;
  function referenceFull(code2) {
    return factoryLabel.call(self, effects, referenceFullAfter, referenceFullMissing, "reference", "referenceMarker", "referenceString")(code2);
  }
  function referenceFullAfter(code2) {
    return self.parser.defined.includes(normalizeIdentifier(self.sliceSerialize(self.events[self.events.length - 1][1]).slice(1, -1))) ? ok2(code2) : nok(code2);
  }
  function referenceFullMissing(code2) {
    return nok(code2);
  }
}
function tokenizeReferenceCollapsed(effects, ok2, nok) {
  return referenceCollapsedStart;
  function referenceCollapsedStart(code2) {
    effects.enter("reference");
    effects.enter("referenceMarker");
    effects.consume(code2);
    effects.exit("referenceMarker");
    return referenceCollapsedOpen;
  }
  function referenceCollapsedOpen(code2) {
    if (code2 === 93) {
      effects.enter("referenceMarker");
      effects.consume(code2);
      effects.exit("referenceMarker");
      effects.exit("reference");
      return ok2;
    }
    return nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/label-start-image.js
var labelStartImage = {
  name: "labelStartImage",
  resolveAll: labelEnd.resolveAll,
  tokenize: tokenizeLabelStartImage
};
function tokenizeLabelStartImage(effects, ok2, nok) {
  const self = this;
  let labelImage;
  return start;
  function start(code2) {
    effects.enter("labelImage");
    effects.enter("labelImageMarker");
    effects.consume(code2);
    effects.exit("labelImageMarker");
    return open;
  }
  function open(code2) {
    if (code2 === 91) {
      effects.enter("labelMarker");
      effects.consume(code2);
      effects.exit("labelMarker");
      labelImage = effects.exit("labelImage");
      return after;
    }
    return nok(code2);
  }
  function after(code2) {
    if (code2 === 94 && "_hiddenFootnoteSupport" in self.parser.constructs) {
      return nok(code2);
    }
    self._labelStarts = self._labelStarts || [];
    self._labelStarts.push(labelImage);
    return ok2(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/label-start-link.js
var labelStartLink = {
  name: "labelStartLink",
  resolveAll: labelEnd.resolveAll,
  tokenize: tokenizeLabelStartLink
};
function tokenizeLabelStartLink(effects, ok2, nok) {
  const self = this;
  let labelLink;
  return start;
  function start(code2) {
    effects.enter("labelLink");
    effects.enter("labelMarker");
    effects.consume(code2);
    effects.exit("labelMarker");
    labelLink = effects.exit("labelLink");
    return after;
  }
  function after(code2) {
    if (code2 === 94 && "_hiddenFootnoteSupport" in self.parser.constructs) {
      return nok(code2);
    }
    self._labelStarts = self._labelStarts || [];
    self._labelStarts.push(labelLink);
    return ok2(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/line-ending.js
var lineEnding = {
  name: "lineEnding",
  tokenize: tokenizeLineEnding
};
function tokenizeLineEnding(effects, ok2) {
  return start;
  function start(code2) {
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    return factorySpace(effects, ok2, "linePrefix");
  }
}

// node_modules/micromark-core-commonmark/lib/thematic-break.js
var thematicBreak = {
  name: "thematicBreak",
  tokenize: tokenizeThematicBreak
};
function tokenizeThematicBreak(effects, ok2, nok) {
  let size = 0;
  let marker;
  return start;
  function start(code2) {
    effects.enter("thematicBreak");
    return before(code2);
  }
  function before(code2) {
    marker = code2;
    return atBreak(code2);
  }
  function atBreak(code2) {
    if (code2 === marker) {
      effects.enter("thematicBreakSequence");
      return sequence(code2);
    }
    if (size >= 3 && (code2 === null || markdownLineEnding(code2))) {
      effects.exit("thematicBreak");
      return ok2(code2);
    }
    return nok(code2);
  }
  function sequence(code2) {
    if (code2 === marker) {
      effects.consume(code2);
      size++;
      return sequence;
    }
    effects.exit("thematicBreakSequence");
    return markdownSpace(code2) ? factorySpace(effects, atBreak, "whitespace")(code2) : atBreak(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/list.js
var list = {
  continuation: {
    tokenize: tokenizeListContinuation
  },
  exit: tokenizeListEnd,
  name: "list",
  tokenize: tokenizeListStart
};
var listItemPrefixWhitespaceConstruct = {
  partial: true,
  tokenize: tokenizeListItemPrefixWhitespace
};
var indentConstruct = {
  partial: true,
  tokenize: tokenizeIndent
};
function tokenizeListStart(effects, ok2, nok) {
  const self = this;
  const tail = self.events[self.events.length - 1];
  let initialSize = tail && tail[1].type === "linePrefix" ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let size = 0;
  return start;
  function start(code2) {
    const kind = self.containerState.type || (code2 === 42 || code2 === 43 || code2 === 45 ? "listUnordered" : "listOrdered");
    if (kind === "listUnordered" ? !self.containerState.marker || code2 === self.containerState.marker : asciiDigit(code2)) {
      if (!self.containerState.type) {
        self.containerState.type = kind;
        effects.enter(kind, {
          _container: true
        });
      }
      if (kind === "listUnordered") {
        effects.enter("listItemPrefix");
        return code2 === 42 || code2 === 45 ? effects.check(thematicBreak, nok, atMarker)(code2) : atMarker(code2);
      }
      if (!self.interrupt || code2 === 49) {
        effects.enter("listItemPrefix");
        effects.enter("listItemValue");
        return inside(code2);
      }
    }
    return nok(code2);
  }
  function inside(code2) {
    if (asciiDigit(code2) && ++size < 10) {
      effects.consume(code2);
      return inside;
    }
    if ((!self.interrupt || size < 2) && (self.containerState.marker ? code2 === self.containerState.marker : code2 === 41 || code2 === 46)) {
      effects.exit("listItemValue");
      return atMarker(code2);
    }
    return nok(code2);
  }
  function atMarker(code2) {
    effects.enter("listItemMarker");
    effects.consume(code2);
    effects.exit("listItemMarker");
    self.containerState.marker = self.containerState.marker || code2;
    return effects.check(
      blankLine,
      // Can’t be empty when interrupting.
      self.interrupt ? nok : onBlank,
      effects.attempt(listItemPrefixWhitespaceConstruct, endOfPrefix, otherPrefix)
    );
  }
  function onBlank(code2) {
    self.containerState.initialBlankLine = true;
    initialSize++;
    return endOfPrefix(code2);
  }
  function otherPrefix(code2) {
    if (markdownSpace(code2)) {
      effects.enter("listItemPrefixWhitespace");
      effects.consume(code2);
      effects.exit("listItemPrefixWhitespace");
      return endOfPrefix;
    }
    return nok(code2);
  }
  function endOfPrefix(code2) {
    self.containerState.size = initialSize + self.sliceSerialize(effects.exit("listItemPrefix"), true).length;
    return ok2(code2);
  }
}
function tokenizeListContinuation(effects, ok2, nok) {
  const self = this;
  self.containerState._closeFlow = void 0;
  return effects.check(blankLine, onBlank, notBlank);
  function onBlank(code2) {
    self.containerState.furtherBlankLines = self.containerState.furtherBlankLines || self.containerState.initialBlankLine;
    return factorySpace(effects, ok2, "listItemIndent", self.containerState.size + 1)(code2);
  }
  function notBlank(code2) {
    if (self.containerState.furtherBlankLines || !markdownSpace(code2)) {
      self.containerState.furtherBlankLines = void 0;
      self.containerState.initialBlankLine = void 0;
      return notInCurrentItem(code2);
    }
    self.containerState.furtherBlankLines = void 0;
    self.containerState.initialBlankLine = void 0;
    return effects.attempt(indentConstruct, ok2, notInCurrentItem)(code2);
  }
  function notInCurrentItem(code2) {
    self.containerState._closeFlow = true;
    self.interrupt = void 0;
    return factorySpace(effects, effects.attempt(list, ok2, nok), "linePrefix", self.parser.constructs.disable.null.includes("codeIndented") ? void 0 : 4)(code2);
  }
}
function tokenizeIndent(effects, ok2, nok) {
  const self = this;
  return factorySpace(effects, afterPrefix, "listItemIndent", self.containerState.size + 1);
  function afterPrefix(code2) {
    const tail = self.events[self.events.length - 1];
    return tail && tail[1].type === "listItemIndent" && tail[2].sliceSerialize(tail[1], true).length === self.containerState.size ? ok2(code2) : nok(code2);
  }
}
function tokenizeListEnd(effects) {
  effects.exit(this.containerState.type);
}
function tokenizeListItemPrefixWhitespace(effects, ok2, nok) {
  const self = this;
  return factorySpace(effects, afterPrefix, "listItemPrefixWhitespace", self.parser.constructs.disable.null.includes("codeIndented") ? void 0 : 4 + 1);
  function afterPrefix(code2) {
    const tail = self.events[self.events.length - 1];
    return !markdownSpace(code2) && tail && tail[1].type === "listItemPrefixWhitespace" ? ok2(code2) : nok(code2);
  }
}

// node_modules/micromark-core-commonmark/lib/setext-underline.js
var setextUnderline = {
  name: "setextUnderline",
  resolveTo: resolveToSetextUnderline,
  tokenize: tokenizeSetextUnderline
};
function resolveToSetextUnderline(events, context) {
  const editMap = new EditMap();
  let index2 = events.length;
  let content3;
  let text3;
  let definition2;
  while (index2--) {
    if (events[index2][0] === "enter") {
      if (events[index2][1].type === "content") {
        content3 = index2;
        break;
      }
      if (events[index2][1].type === "paragraph") {
        text3 = index2;
      }
    } else {
      if (events[index2][1].type === "content") {
        editMap.add(index2, 1, []);
      }
      if (!definition2 && events[index2][1].type === "definition") {
        definition2 = index2;
      }
    }
  }
  const heading = {
    type: "setextHeading",
    start: {
      ...events[content3][1].start
    },
    end: {
      ...events[events.length - 1][1].end
    }
  };
  events[text3][1].type = "setextHeadingText";
  if (definition2) {
    editMap.add(text3, 0, [["enter", heading, context]]);
    editMap.add(definition2 + 1, 0, [["exit", events[content3][1], context]]);
    events[content3][1].end = {
      ...events[definition2][1].end
    };
  } else {
    events[content3][1] = heading;
  }
  editMap.add(events.length, 0, [["exit", heading, context]]);
  editMap.consume(events);
  return events;
}
function tokenizeSetextUnderline(effects, ok2, nok) {
  const self = this;
  let marker;
  return start;
  function start(code2) {
    let index2 = self.events.length;
    let paragraph;
    while (index2--) {
      if (self.events[index2][1].type !== "lineEnding" && self.events[index2][1].type !== "linePrefix" && self.events[index2][1].type !== "content") {
        paragraph = self.events[index2][1].type === "paragraph";
        break;
      }
    }
    if (!self.parser.lazy[self.now().line] && (self.interrupt || paragraph)) {
      effects.enter("setextHeadingLine");
      marker = code2;
      return before(code2);
    }
    return nok(code2);
  }
  function before(code2) {
    effects.enter("setextHeadingLineSequence");
    return inside(code2);
  }
  function inside(code2) {
    if (code2 === marker) {
      effects.consume(code2);
      return inside;
    }
    effects.exit("setextHeadingLineSequence");
    return markdownSpace(code2) ? factorySpace(effects, after, "lineSuffix")(code2) : after(code2);
  }
  function after(code2) {
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("setextHeadingLine");
      return ok2(code2);
    }
    return nok(code2);
  }
}

// node_modules/micromark/lib/initialize/flow.js
var flow = {
  tokenize: initializeFlow
};
function initializeFlow(effects) {
  const self = this;
  const initial = effects.attempt(
    // Try to parse a blank line.
    blankLine,
    atBlankEnding,
    // Try to parse initial flow (essentially, only code).
    effects.attempt(this.parser.constructs.flowInitial, afterConstruct, factorySpace(effects, effects.attempt(this.parser.constructs.flow, afterConstruct, effects.attempt(content2, afterConstruct)), "linePrefix"))
  );
  return initial;
  function atBlankEnding(code2) {
    if (code2 === null) {
      effects.consume(code2);
      return;
    }
    effects.enter("lineEndingBlank");
    effects.consume(code2);
    effects.exit("lineEndingBlank");
    self.currentConstruct = void 0;
    return initial;
  }
  function afterConstruct(code2) {
    if (code2 === null) {
      effects.consume(code2);
      return;
    }
    effects.enter("lineEnding");
    effects.consume(code2);
    effects.exit("lineEnding");
    self.currentConstruct = void 0;
    return initial;
  }
}

// node_modules/micromark/lib/initialize/text.js
var resolver = {
  resolveAll: createResolver()
};
var string = initializeFactory("string");
var text = initializeFactory("text");
function initializeFactory(field) {
  return {
    resolveAll: createResolver(field === "text" ? resolveAllLineSuffixes : void 0),
    tokenize: initializeText
  };
  function initializeText(effects) {
    const self = this;
    const constructs2 = this.parser.constructs[field];
    const text3 = effects.attempt(constructs2, start, notText);
    return start;
    function start(code2) {
      return atBreak(code2) ? text3(code2) : notText(code2);
    }
    function notText(code2) {
      if (code2 === null) {
        effects.consume(code2);
        return;
      }
      effects.enter("data");
      effects.consume(code2);
      return data;
    }
    function data(code2) {
      if (atBreak(code2)) {
        effects.exit("data");
        return text3(code2);
      }
      effects.consume(code2);
      return data;
    }
    function atBreak(code2) {
      if (code2 === null) {
        return true;
      }
      const list2 = constructs2[code2];
      let index2 = -1;
      if (list2) {
        while (++index2 < list2.length) {
          const item = list2[index2];
          if (!item.previous || item.previous.call(self, self.previous)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
function createResolver(extraResolver) {
  return resolveAllText;
  function resolveAllText(events, context) {
    let index2 = -1;
    let enter;
    while (++index2 <= events.length) {
      if (enter === void 0) {
        if (events[index2] && events[index2][1].type === "data") {
          enter = index2;
          index2++;
        }
      } else if (!events[index2] || events[index2][1].type !== "data") {
        if (index2 !== enter + 2) {
          events[enter][1].end = events[index2 - 1][1].end;
          events.splice(enter + 2, index2 - enter - 2);
          index2 = enter + 2;
        }
        enter = void 0;
      }
    }
    return extraResolver ? extraResolver(events, context) : events;
  }
}
function resolveAllLineSuffixes(events, context) {
  const editMap = new EditMap();
  let eventIndex = 0;
  while (++eventIndex <= events.length) {
    if ((eventIndex === events.length || events[eventIndex][1].type === "lineEnding") && events[eventIndex - 1][1].type === "data") {
      const data = events[eventIndex - 1][1];
      const chunks = context.sliceStream(data);
      let index2 = chunks.length;
      let bufferIndex = -1;
      let size = 0;
      let tabs;
      while (index2--) {
        const chunk = chunks[index2];
        if (typeof chunk === "string") {
          bufferIndex = chunk.length;
          while (chunk.charCodeAt(bufferIndex - 1) === 32) {
            size++;
            bufferIndex--;
          }
          if (bufferIndex) {
            break;
          }
          bufferIndex = -1;
        } else if (chunk === -2) {
          tabs = true;
          size++;
        } else if (chunk === -1) {
        } else {
          index2++;
          break;
        }
      }
      if (context._contentTypeTextTrailing && eventIndex === events.length) {
        size = 0;
      }
      if (size) {
        const token = {
          type: eventIndex === events.length || tabs || size < 2 ? "lineSuffix" : "hardBreakTrailing",
          start: {
            _bufferIndex: index2 ? bufferIndex : data.start._bufferIndex + bufferIndex,
            _index: data.start._index + index2,
            line: data.end.line,
            column: data.end.column - size,
            offset: data.end.offset - size
          },
          end: {
            ...data.end
          }
        };
        data.end = {
          ...token.start
        };
        if (data.start.offset === data.end.offset) {
          Object.assign(data, token);
        } else {
          editMap.add(eventIndex, 0, [["enter", token, context], ["exit", token, context]]);
        }
      }
      eventIndex++;
    }
  }
  editMap.consume(events);
  return events;
}

// node_modules/micromark/lib/constructs.js
var constructs_exports = {};
__export(constructs_exports, {
  attentionMarkers: () => attentionMarkers,
  contentInitial: () => contentInitial,
  disable: () => disable,
  document: () => document2,
  flow: () => flow2,
  flowInitial: () => flowInitial,
  insideSpan: () => insideSpan,
  string: () => string2,
  text: () => text2
});
var document2 = {
  [42]: list,
  [43]: list,
  [45]: list,
  [48]: list,
  [49]: list,
  [50]: list,
  [51]: list,
  [52]: list,
  [53]: list,
  [54]: list,
  [55]: list,
  [56]: list,
  [57]: list,
  [62]: blockQuote
};
var contentInitial = {
  [91]: definition
};
var flowInitial = {
  [-2]: codeIndented,
  [-1]: codeIndented,
  [32]: codeIndented
};
var flow2 = {
  [35]: headingAtx,
  [42]: thematicBreak,
  [45]: [setextUnderline, thematicBreak],
  [60]: htmlFlow,
  [61]: setextUnderline,
  [95]: thematicBreak,
  [96]: codeFenced,
  [126]: codeFenced
};
var string2 = {
  [38]: characterReference,
  [92]: characterEscape
};
var text2 = {
  [-5]: lineEnding,
  [-4]: lineEnding,
  [-3]: lineEnding,
  [33]: labelStartImage,
  [38]: characterReference,
  [42]: attention,
  [60]: [autolink, htmlText],
  [91]: labelStartLink,
  [92]: [hardBreakEscape, characterEscape],
  [93]: labelEnd,
  [95]: attention,
  [96]: codeText
};
var insideSpan = {
  null: [attention, resolver]
};
var attentionMarkers = {
  null: [42, 95]
};
var disable = {
  null: []
};

// node_modules/micromark/lib/create-tokenizer.js
function createTokenizer(parser, initialize, from) {
  let point3 = {
    _bufferIndex: -1,
    _index: 0,
    line: from && from.line || 1,
    column: from && from.column || 1,
    offset: from && from.offset || 0
  };
  const columnStart = {};
  const resolveAllConstructs = [];
  let chunks = [];
  let stack = [];
  let consumed = true;
  const effects = {
    attempt: constructFactory(onsuccessfulconstruct),
    check: constructFactory(onsuccessfulcheck),
    consume,
    enter,
    exit: exit3,
    interrupt: constructFactory(onsuccessfulcheck, {
      interrupt: true
    })
  };
  const context = {
    code: null,
    containerState: {},
    defineSkip,
    events: [],
    now,
    parser,
    previous: null,
    sliceSerialize,
    sliceStream,
    write
  };
  let state = initialize.tokenize.call(context, effects);
  let expectedCode;
  if (initialize.resolveAll) {
    resolveAllConstructs.push(initialize);
  }
  return context;
  function write(slice) {
    chunks = push(chunks, slice);
    main2();
    if (chunks[chunks.length - 1] !== null) {
      return [];
    }
    addResult(initialize, 0);
    context.events = resolveAll(resolveAllConstructs, context.events, context);
    return context.events;
  }
  function sliceSerialize(token, expandTabs) {
    return serializeChunks(sliceStream(token), expandTabs);
  }
  function sliceStream(token) {
    return sliceChunks(chunks, token);
  }
  function now() {
    const {
      _bufferIndex,
      _index,
      line,
      column,
      offset: offset2
    } = point3;
    return {
      _bufferIndex,
      _index,
      line,
      column,
      offset: offset2
    };
  }
  function defineSkip(value) {
    columnStart[value.line] = value.column;
    accountForPotentialSkip();
  }
  function main2() {
    while (point3._index < chunks.length) {
      const chunk = chunks[point3._index];
      if (typeof chunk === "string") {
        const chunkIndex = point3._index;
        if (point3._bufferIndex < 0) {
          point3._bufferIndex = 0;
        }
        while (point3._index === chunkIndex && point3._bufferIndex < chunk.length) {
          go(chunk.charCodeAt(point3._bufferIndex));
        }
      } else {
        go(chunk);
      }
    }
  }
  function go(code2) {
    consumed = void 0;
    expectedCode = code2;
    state = state(code2);
  }
  function consume(code2) {
    if (markdownLineEnding(code2)) {
      point3.line++;
      point3.column = 1;
      point3.offset += code2 === -3 ? 2 : 1;
      accountForPotentialSkip();
    } else if (code2 !== -1) {
      point3.column++;
      point3.offset++;
    }
    if (point3._bufferIndex < 0) {
      point3._index++;
    } else {
      point3._bufferIndex++;
      if (point3._bufferIndex === // Points w/ non-negative `_bufferIndex` reference
      // strings.
      /** @type {string} */
      chunks[point3._index].length) {
        point3._bufferIndex = -1;
        point3._index++;
      }
    }
    context.previous = code2;
    consumed = true;
  }
  function enter(type, fields) {
    const token = fields || {};
    token.type = type;
    token.start = now();
    context.events.push(["enter", token, context]);
    stack.push(token);
    return token;
  }
  function exit3(type) {
    const token = stack.pop();
    token.end = now();
    context.events.push(["exit", token, context]);
    return token;
  }
  function onsuccessfulconstruct(construct, info) {
    addResult(construct, info.from);
  }
  function onsuccessfulcheck(_, info) {
    info.restore();
  }
  function constructFactory(onreturn, fields) {
    return hook;
    function hook(constructs2, returnState, bogusState) {
      let listOfConstructs;
      let constructIndex;
      let currentConstruct;
      let info;
      return Array.isArray(constructs2) ? (
        /* c8 ignore next 1 */
        handleListOfConstructs(constructs2)
      ) : "tokenize" in constructs2 ? (
        // Looks like a construct.
        handleListOfConstructs([
          /** @type {Construct} */
          constructs2
        ])
      ) : handleMapOfConstructs(constructs2);
      function handleMapOfConstructs(map) {
        return start;
        function start(code2) {
          const left = code2 !== null && map[code2];
          const all2 = code2 !== null && map.null;
          const list2 = [
            // To do: add more extension tests.
            /* c8 ignore next 2 */
            ...Array.isArray(left) ? left : left ? [left] : [],
            ...Array.isArray(all2) ? all2 : all2 ? [all2] : []
          ];
          return handleListOfConstructs(list2)(code2);
        }
      }
      function handleListOfConstructs(list2) {
        listOfConstructs = list2;
        constructIndex = 0;
        if (list2.length === 0) {
          return bogusState;
        }
        return handleConstruct(list2[constructIndex]);
      }
      function handleConstruct(construct) {
        return start;
        function start(code2) {
          info = store();
          currentConstruct = construct;
          if (!construct.partial) {
            context.currentConstruct = construct;
          }
          if (construct.name && context.parser.constructs.disable.null.includes(construct.name)) {
            return nok(code2);
          }
          return construct.tokenize.call(
            // If we do have fields, create an object w/ `context` as its
            // prototype.
            // This allows a “live binding”, which is needed for `interrupt`.
            fields ? Object.assign(Object.create(context), fields) : context,
            effects,
            ok2,
            nok
          )(code2);
        }
      }
      function ok2(code2) {
        consumed = true;
        onreturn(currentConstruct, info);
        return returnState;
      }
      function nok(code2) {
        consumed = true;
        info.restore();
        if (++constructIndex < listOfConstructs.length) {
          return handleConstruct(listOfConstructs[constructIndex]);
        }
        return bogusState;
      }
    }
  }
  function addResult(construct, from2) {
    if (construct.resolveAll && !resolveAllConstructs.includes(construct)) {
      resolveAllConstructs.push(construct);
    }
    if (construct.resolve) {
      splice(context.events, from2, context.events.length - from2, construct.resolve(context.events.slice(from2), context));
    }
    if (construct.resolveTo) {
      context.events = construct.resolveTo(context.events, context);
    }
  }
  function store() {
    const startPoint = now();
    const startPrevious = context.previous;
    const startCurrentConstruct = context.currentConstruct;
    const startEventsIndex = context.events.length;
    const startStack = Array.from(stack);
    return {
      from: startEventsIndex,
      restore
    };
    function restore() {
      point3 = startPoint;
      context.previous = startPrevious;
      context.currentConstruct = startCurrentConstruct;
      context.events.length = startEventsIndex;
      stack = startStack;
      accountForPotentialSkip();
    }
  }
  function accountForPotentialSkip() {
    if (point3.line in columnStart && point3.column < 2) {
      point3.column = columnStart[point3.line];
      point3.offset += columnStart[point3.line] - 1;
    }
  }
}
function sliceChunks(chunks, token) {
  const startIndex = token.start._index;
  const startBufferIndex = token.start._bufferIndex;
  const endIndex = token.end._index;
  const endBufferIndex = token.end._bufferIndex;
  let view;
  if (startIndex === endIndex) {
    view = [chunks[startIndex].slice(startBufferIndex, endBufferIndex)];
  } else {
    view = chunks.slice(startIndex, endIndex);
    if (startBufferIndex > -1) {
      const head = view[0];
      if (typeof head === "string") {
        view[0] = head.slice(startBufferIndex);
      } else {
        view.shift();
      }
    }
    if (endBufferIndex > 0) {
      view.push(chunks[endIndex].slice(0, endBufferIndex));
    }
  }
  return view;
}
function serializeChunks(chunks, expandTabs) {
  let index2 = -1;
  const result = [];
  let atTab;
  while (++index2 < chunks.length) {
    const chunk = chunks[index2];
    let value;
    if (typeof chunk === "string") {
      value = chunk;
    } else {
      switch (chunk) {
        case -5: {
          value = "\r";
          break;
        }
        case -4: {
          value = "\n";
          break;
        }
        case -3: {
          value = "\r\n";
          break;
        }
        case -2: {
          value = expandTabs ? " " : "	";
          break;
        }
        case -1: {
          if (!expandTabs && atTab) {
            continue;
          }
          value = " ";
          break;
        }
        default: {
          value = String.fromCharCode(chunk);
        }
      }
    }
    atTab = chunk === -2;
    result.push(value);
  }
  return result.join("");
}

// node_modules/micromark/lib/parse.js
function parse(options) {
  const settings = options || {};
  const constructs2 = (
    /** @type {FullNormalizedExtension} */
    combineExtensions([constructs_exports, ...settings.extensions || []])
  );
  const parser = {
    constructs: constructs2,
    content: create(content),
    defined: [],
    document: create(document),
    flow: create(flow),
    lazy: {},
    string: create(string),
    text: create(text)
  };
  return parser;
  function create(initial) {
    return creator;
    function creator(from) {
      return createTokenizer(parser, initial, from);
    }
  }
}

// node_modules/micromark/lib/postprocess.js
function postprocess(events) {
  while (!subtokenize(events)) {
  }
  return events;
}

// node_modules/micromark/lib/preprocess.js
var search = /[\0\t\n\r]/g;
function preprocess() {
  let column = 1;
  let buffer = "";
  let start = true;
  let atCarriageReturn;
  return preprocessor;
  function preprocessor(value, encoding, end) {
    value = buffer + (typeof value === "string" ? value.toString() : new TextDecoder(encoding || void 0).decode(value));
    const chunks = [];
    let startPosition = 0;
    buffer = "";
    if (start) {
      if (value.charCodeAt(0) === 65279) {
        startPosition++;
      }
      start = void 0;
    }
    while (startPosition < value.length) {
      search.lastIndex = startPosition;
      const match = search.exec(value);
      const endPosition = match && match.index !== void 0 ? match.index : value.length;
      const code2 = value.charCodeAt(endPosition);
      if (!match) {
        buffer = value.slice(startPosition);
        break;
      }
      if (code2 === 10 && startPosition === endPosition && atCarriageReturn) {
        chunks.push(-3);
        atCarriageReturn = void 0;
      } else {
        if (atCarriageReturn) {
          chunks.push(-5);
          atCarriageReturn = void 0;
        }
        if (startPosition < endPosition) {
          chunks.push(value.slice(startPosition, endPosition));
          column += endPosition - startPosition;
        }
        switch (code2) {
          case 0: {
            chunks.push(65533);
            column++;
            break;
          }
          case 9: {
            const next = Math.ceil(column / 4) * 4;
            chunks.push(-2);
            while (column++ < next) {
              chunks.push(-1);
            }
            break;
          }
          case 10: {
            chunks.push(-4);
            column = 1;
            break;
          }
          default: {
            atCarriageReturn = true;
            column = 1;
          }
        }
      }
      startPosition = endPosition + 1;
    }
    if (end) {
      if (atCarriageReturn) {
        chunks.push(-5);
      }
      if (buffer) {
        chunks.push(buffer);
      }
      chunks.push(null);
    }
    return chunks;
  }
}

// node_modules/micromark-util-decode-string/index.js
var characterEscapeOrReference = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|x[\da-f]{1,6})|[\da-z]{1,31});/gi;
function decodeString(value) {
  return value.replace(characterEscapeOrReference, decode);
}
function decode($0, $1, $2) {
  if ($1) {
    return $1;
  }
  const head = $2.charCodeAt(0);
  if (head === 35) {
    const head2 = $2.charCodeAt(1);
    const hex = head2 === 120 || head2 === 88;
    return decodeNumericCharacterReference($2.slice(hex ? 2 : 1), hex ? 16 : 10);
  }
  return decodeNamedCharacterReference($2) || $0;
}

// node_modules/unist-util-stringify-position/lib/index.js
function stringifyPosition(value) {
  if (!value || typeof value !== "object") {
    return "";
  }
  if ("position" in value || "type" in value) {
    return position(value.position);
  }
  if ("start" in value || "end" in value) {
    return position(value);
  }
  if ("line" in value || "column" in value) {
    return point(value);
  }
  return "";
}
function point(point3) {
  return index(point3 && point3.line) + ":" + index(point3 && point3.column);
}
function position(pos2) {
  return point(pos2 && pos2.start) + "-" + point(pos2 && pos2.end);
}
function index(value) {
  return value && typeof value === "number" ? value : 1;
}

// node_modules/mdast-util-from-markdown/lib/index.js
var own2 = {}.hasOwnProperty;
function fromMarkdown(value, encoding, options) {
  if (encoding && typeof encoding === "object") {
    options = encoding;
    encoding = void 0;
  }
  return compiler(options)(postprocess(parse(options).document().write(preprocess()(value, encoding, true))));
}
function compiler(options) {
  const config = {
    afterExit: [],
    beforeEnter: [],
    transforms: [],
    canContainEols: ["emphasis", "fragment", "heading", "paragraph", "strong"],
    enter: {
      autolink: opener(link),
      autolinkProtocol: onenterdata,
      autolinkEmail: onenterdata,
      atxHeading: opener(heading),
      blockQuote: opener(blockQuote2),
      characterEscape: onenterdata,
      characterReference: onenterdata,
      codeFenced: opener(codeFlow),
      codeFencedFenceInfo: buffer,
      codeFencedFenceMeta: buffer,
      codeIndented: opener(codeFlow, buffer),
      codeText: opener(codeText2, buffer),
      codeTextData: onenterdata,
      data: onenterdata,
      codeFlowValue: onenterdata,
      definition: opener(definition2),
      definitionDestinationString: buffer,
      definitionLabelString: buffer,
      definitionTitleString: buffer,
      emphasis: opener(emphasis),
      hardBreakEscape: opener(hardBreak),
      hardBreakTrailing: opener(hardBreak),
      htmlFlow: opener(html, buffer),
      htmlFlowData: onenterdata,
      htmlText: opener(html, buffer),
      htmlTextData: onenterdata,
      image: opener(image),
      label: buffer,
      link: opener(link),
      listItem: opener(listItem),
      listItemValue: onenterlistitemvalue,
      listOrdered: opener(list2, onenterlistordered),
      listUnordered: opener(list2),
      paragraph: opener(paragraph),
      reference: onenterreference,
      referenceString: buffer,
      resourceDestinationString: buffer,
      resourceTitleString: buffer,
      setextHeading: opener(heading),
      strong: opener(strong),
      thematicBreak: opener(thematicBreak2)
    },
    exit: {
      atxHeading: closer(),
      atxHeadingSequence: onexitatxheadingsequence,
      autolink: closer(),
      autolinkEmail: onexitautolinkemail,
      autolinkProtocol: onexitautolinkprotocol,
      blockQuote: closer(),
      characterEscapeValue: onexitdata,
      characterReferenceMarkerHexadecimal: onexitcharacterreferencemarker,
      characterReferenceMarkerNumeric: onexitcharacterreferencemarker,
      characterReferenceValue: onexitcharacterreferencevalue,
      characterReference: onexitcharacterreference,
      codeFenced: closer(onexitcodefenced),
      codeFencedFence: onexitcodefencedfence,
      codeFencedFenceInfo: onexitcodefencedfenceinfo,
      codeFencedFenceMeta: onexitcodefencedfencemeta,
      codeFlowValue: onexitdata,
      codeIndented: closer(onexitcodeindented),
      codeText: closer(onexitcodetext),
      codeTextData: onexitdata,
      data: onexitdata,
      definition: closer(),
      definitionDestinationString: onexitdefinitiondestinationstring,
      definitionLabelString: onexitdefinitionlabelstring,
      definitionTitleString: onexitdefinitiontitlestring,
      emphasis: closer(),
      hardBreakEscape: closer(onexithardbreak),
      hardBreakTrailing: closer(onexithardbreak),
      htmlFlow: closer(onexithtmlflow),
      htmlFlowData: onexitdata,
      htmlText: closer(onexithtmltext),
      htmlTextData: onexitdata,
      image: closer(onexitimage),
      label: onexitlabel,
      labelText: onexitlabeltext,
      lineEnding: onexitlineending,
      link: closer(onexitlink),
      listItem: closer(),
      listOrdered: closer(),
      listUnordered: closer(),
      paragraph: closer(),
      referenceString: onexitreferencestring,
      resourceDestinationString: onexitresourcedestinationstring,
      resourceTitleString: onexitresourcetitlestring,
      resource: onexitresource,
      setextHeading: closer(onexitsetextheading),
      setextHeadingLineSequence: onexitsetextheadinglinesequence,
      setextHeadingText: onexitsetextheadingtext,
      strong: closer(),
      thematicBreak: closer()
    }
  };
  configure(config, (options || {}).mdastExtensions || []);
  const data = {};
  return compile;
  function compile(events) {
    let tree = {
      type: "root",
      children: [],
      position: void 0
    };
    const context = {
      stack: [tree],
      tokenStack: [],
      config,
      enter,
      exit: exit3,
      buffer,
      resume,
      data
    };
    const listStack = [];
    const prepared = [];
    let index2 = -1;
    while (++index2 < events.length) {
      prepared.push(events[index2]);
      if (events[index2][1].type === "listOrdered" || events[index2][1].type === "listUnordered") {
        if (events[index2][0] === "enter") {
          listStack.push(prepared.length - 1);
        } else {
          const tail = listStack.pop();
          prepareList(prepared, tail);
        }
      }
    }
    events = prepared;
    index2 = -1;
    while (++index2 < events.length) {
      const handler = config[events[index2][0]];
      if (events[index2][0] === "enter" && config.beforeEnter.length > 0) {
        callListeners(config.beforeEnter, {
          ...context,
          sliceSerialize: events[index2][2].sliceSerialize
        }, events[index2][1]);
      }
      if (own2.call(handler, events[index2][1].type)) {
        handler[events[index2][1].type].call({
          ...context,
          sliceSerialize: events[index2][2].sliceSerialize
        }, events[index2][1]);
      }
      if (events[index2][0] === "exit" && config.afterExit.length > 0) {
        callListeners(config.afterExit, {
          ...context,
          sliceSerialize: events[index2][2].sliceSerialize
        }, events[index2][1]);
      }
    }
    if (context.tokenStack.length > 0) {
      const tail = context.tokenStack[context.tokenStack.length - 1];
      const handler = tail[1] || defaultOnError;
      handler.call(context, void 0, tail[0]);
    }
    tree.position = {
      start: point2(events.length > 0 ? events[0][1].start : {
        line: 1,
        column: 1,
        offset: 0
      }),
      end: point2(events.length > 0 ? events[events.length - 2][1].end : {
        line: 1,
        column: 1,
        offset: 0
      })
    };
    index2 = -1;
    while (++index2 < config.transforms.length) {
      tree = config.transforms[index2](tree) || tree;
    }
    return tree;
  }
  function callListeners(listeners, context, token) {
    let index2 = -1;
    while (++index2 < listeners.length) {
      listeners[index2].call(context, token);
    }
  }
  function prepareList(events, start) {
    const end = events.length - 1;
    let index2 = start - 1;
    let containerBalance = -1;
    let listSpread = false;
    let listItem2;
    let lineIndex;
    let firstBlankLineIndex;
    let atMarker;
    const insertions = [];
    while (++index2 <= end) {
      const event = events[index2];
      switch (event[1].type) {
        case "listUnordered":
        case "listOrdered":
        case "blockQuote": {
          if (event[0] === "enter") {
            containerBalance++;
          } else {
            containerBalance--;
          }
          atMarker = void 0;
          break;
        }
        case "lineEndingBlank": {
          if (event[0] === "enter") {
            if (listItem2 && !atMarker && !containerBalance && !firstBlankLineIndex) {
              firstBlankLineIndex = index2;
            }
            atMarker = void 0;
          }
          break;
        }
        case "linePrefix":
        case "listItemValue":
        case "listItemMarker":
        case "listItemPrefix":
        case "listItemPrefixWhitespace": {
          break;
        }
        default: {
          atMarker = void 0;
        }
      }
      if (!containerBalance && event[0] === "enter" && event[1].type === "listItemPrefix" || containerBalance === -1 && event[0] === "exit" && (event[1].type === "listUnordered" || event[1].type === "listOrdered")) {
        if (listItem2) {
          let tailIndex = index2;
          lineIndex = void 0;
          while (tailIndex--) {
            const tailEvent = events[tailIndex];
            if (tailEvent[1].type === "lineEnding" || tailEvent[1].type === "lineEndingBlank") {
              if (tailEvent[0] === "exit") continue;
              if (lineIndex) {
                events[lineIndex][1].type = "lineEndingBlank";
                listSpread = true;
              }
              tailEvent[1].type = "lineEnding";
              lineIndex = tailIndex;
            } else if (tailEvent[1].type === "linePrefix" || tailEvent[1].type === "blockQuotePrefix" || tailEvent[1].type === "blockQuotePrefixWhitespace" || tailEvent[1].type === "blockQuoteMarker" || tailEvent[1].type === "listItemIndent") {
            } else {
              break;
            }
          }
          if (firstBlankLineIndex && (!lineIndex || firstBlankLineIndex < lineIndex)) {
            listItem2._spread = true;
          }
          listItem2.end = Object.assign({}, lineIndex ? events[lineIndex][1].start : event[1].end);
          insertions.push({
            at: lineIndex || index2,
            event: ["exit", listItem2, event[2]]
          });
        }
        if (event[1].type === "listItemPrefix") {
          const item = {
            type: "listItem",
            _spread: false,
            start: Object.assign({}, event[1].start),
            // @ts-expect-error: we’ll add `end` in a second.
            end: void 0
          };
          listItem2 = item;
          insertions.push({
            at: index2,
            event: ["enter", item, event[2]]
          });
          firstBlankLineIndex = void 0;
          atMarker = true;
        }
      }
    }
    const listEvents = events.splice(start);
    let insertion = 0;
    index2 = -1;
    while (++index2 < listEvents.length) {
      while (insertion < insertions.length && insertions[insertion].at === start + index2) {
        events.push(insertions[insertion++].event);
      }
      events.push(listEvents[index2]);
    }
    events[start][1]._spread = listSpread;
  }
  function opener(create, and) {
    return open;
    function open(token) {
      enter.call(this, create(token), token);
      if (and) and.call(this, token);
    }
  }
  function buffer() {
    this.stack.push({
      type: "fragment",
      children: []
    });
  }
  function enter(node2, token, errorHandler) {
    const parent = this.stack[this.stack.length - 1];
    const siblings = parent.children;
    siblings.push(node2);
    this.stack.push(node2);
    this.tokenStack.push([token, errorHandler || void 0]);
    node2.position = {
      start: point2(token.start),
      // @ts-expect-error: `end` will be patched later.
      end: void 0
    };
  }
  function closer(and) {
    return close;
    function close(token) {
      if (and) and.call(this, token);
      exit3.call(this, token);
    }
  }
  function exit3(token, onExitError) {
    const node2 = this.stack.pop();
    const open = this.tokenStack.pop();
    if (!open) {
      throw new Error("Cannot close `" + token.type + "` (" + stringifyPosition({
        start: token.start,
        end: token.end
      }) + "): it\u2019s not open");
    }
    if (open[0].type !== token.type) {
      if (onExitError) {
        onExitError.call(this, token, open[0]);
      } else {
        const handler = open[1] || defaultOnError;
        handler.call(this, token, open[0]);
      }
    }
    node2.position.end = point2(token.end);
  }
  function resume() {
    return toString(this.stack.pop());
  }
  function onenterlistordered() {
    this.data.expectingFirstListItemValue = true;
  }
  function onenterlistitemvalue(token) {
    if (this.data.expectingFirstListItemValue) {
      const ancestor = this.stack[this.stack.length - 2];
      ancestor.start = Number.parseInt(this.sliceSerialize(token), 10);
      this.data.expectingFirstListItemValue = void 0;
    }
  }
  function onexitcodefencedfenceinfo() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.lang = data2;
  }
  function onexitcodefencedfencemeta() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.meta = data2;
  }
  function onexitcodefencedfence() {
    if (this.data.flowCodeInside) return;
    this.buffer();
    this.data.flowCodeInside = true;
  }
  function onexitcodefenced() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.value = data2.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, "");
    this.data.flowCodeInside = void 0;
  }
  function onexitcodeindented() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.value = data2.replace(/(\r?\n|\r)$/g, "");
  }
  function onexitdefinitionlabelstring(token) {
    const label = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.label = label;
    node2.identifier = normalizeIdentifier(this.sliceSerialize(token)).toLowerCase();
  }
  function onexitdefinitiontitlestring() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.title = data2;
  }
  function onexitdefinitiondestinationstring() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.url = data2;
  }
  function onexitatxheadingsequence(token) {
    const node2 = this.stack[this.stack.length - 1];
    if (!node2.depth) {
      const depth = this.sliceSerialize(token).length;
      node2.depth = depth;
    }
  }
  function onexitsetextheadingtext() {
    this.data.setextHeadingSlurpLineEnding = true;
  }
  function onexitsetextheadinglinesequence(token) {
    const node2 = this.stack[this.stack.length - 1];
    node2.depth = this.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
  }
  function onexitsetextheading() {
    this.data.setextHeadingSlurpLineEnding = void 0;
  }
  function onenterdata(token) {
    const node2 = this.stack[this.stack.length - 1];
    const siblings = node2.children;
    let tail = siblings[siblings.length - 1];
    if (!tail || tail.type !== "text") {
      tail = text3();
      tail.position = {
        start: point2(token.start),
        // @ts-expect-error: we’ll add `end` later.
        end: void 0
      };
      siblings.push(tail);
    }
    this.stack.push(tail);
  }
  function onexitdata(token) {
    const tail = this.stack.pop();
    tail.value += this.sliceSerialize(token);
    tail.position.end = point2(token.end);
  }
  function onexitlineending(token) {
    const context = this.stack[this.stack.length - 1];
    if (this.data.atHardBreak) {
      const tail = context.children[context.children.length - 1];
      tail.position.end = point2(token.end);
      this.data.atHardBreak = void 0;
      return;
    }
    if (!this.data.setextHeadingSlurpLineEnding && config.canContainEols.includes(context.type)) {
      onenterdata.call(this, token);
      onexitdata.call(this, token);
    }
  }
  function onexithardbreak() {
    this.data.atHardBreak = true;
  }
  function onexithtmlflow() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.value = data2;
  }
  function onexithtmltext() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.value = data2;
  }
  function onexitcodetext() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.value = data2;
  }
  function onexitlink() {
    const node2 = this.stack[this.stack.length - 1];
    if (this.data.inReference) {
      const referenceType = this.data.referenceType || "shortcut";
      node2.type += "Reference";
      node2.referenceType = referenceType;
      delete node2.url;
      delete node2.title;
    } else {
      delete node2.identifier;
      delete node2.label;
    }
    this.data.referenceType = void 0;
  }
  function onexitimage() {
    const node2 = this.stack[this.stack.length - 1];
    if (this.data.inReference) {
      const referenceType = this.data.referenceType || "shortcut";
      node2.type += "Reference";
      node2.referenceType = referenceType;
      delete node2.url;
      delete node2.title;
    } else {
      delete node2.identifier;
      delete node2.label;
    }
    this.data.referenceType = void 0;
  }
  function onexitlabeltext(token) {
    const string3 = this.sliceSerialize(token);
    const ancestor = this.stack[this.stack.length - 2];
    ancestor.label = decodeString(string3);
    ancestor.identifier = normalizeIdentifier(string3).toLowerCase();
  }
  function onexitlabel() {
    const fragment = this.stack[this.stack.length - 1];
    const value = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    this.data.inReference = true;
    if (node2.type === "link") {
      const children = fragment.children;
      node2.children = children;
    } else {
      node2.alt = value;
    }
  }
  function onexitresourcedestinationstring() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.url = data2;
  }
  function onexitresourcetitlestring() {
    const data2 = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.title = data2;
  }
  function onexitresource() {
    this.data.inReference = void 0;
  }
  function onenterreference() {
    this.data.referenceType = "collapsed";
  }
  function onexitreferencestring(token) {
    const label = this.resume();
    const node2 = this.stack[this.stack.length - 1];
    node2.label = label;
    node2.identifier = normalizeIdentifier(this.sliceSerialize(token)).toLowerCase();
    this.data.referenceType = "full";
  }
  function onexitcharacterreferencemarker(token) {
    this.data.characterReferenceType = token.type;
  }
  function onexitcharacterreferencevalue(token) {
    const data2 = this.sliceSerialize(token);
    const type = this.data.characterReferenceType;
    let value;
    if (type) {
      value = decodeNumericCharacterReference(data2, type === "characterReferenceMarkerNumeric" ? 10 : 16);
      this.data.characterReferenceType = void 0;
    } else {
      const result = decodeNamedCharacterReference(data2);
      value = result;
    }
    const tail = this.stack[this.stack.length - 1];
    tail.value += value;
  }
  function onexitcharacterreference(token) {
    const tail = this.stack.pop();
    tail.position.end = point2(token.end);
  }
  function onexitautolinkprotocol(token) {
    onexitdata.call(this, token);
    const node2 = this.stack[this.stack.length - 1];
    node2.url = this.sliceSerialize(token);
  }
  function onexitautolinkemail(token) {
    onexitdata.call(this, token);
    const node2 = this.stack[this.stack.length - 1];
    node2.url = "mailto:" + this.sliceSerialize(token);
  }
  function blockQuote2() {
    return {
      type: "blockquote",
      children: [],
      position: void 0
    };
  }
  function codeFlow() {
    return {
      type: "code",
      lang: null,
      meta: null,
      value: "",
      position: void 0
    };
  }
  function codeText2() {
    return {
      type: "inlineCode",
      value: "",
      position: void 0
    };
  }
  function definition2() {
    return {
      type: "definition",
      identifier: "",
      label: null,
      title: null,
      url: "",
      position: void 0
    };
  }
  function emphasis() {
    return {
      type: "emphasis",
      children: [],
      position: void 0
    };
  }
  function heading() {
    return {
      type: "heading",
      // @ts-expect-error `depth` will be set later.
      depth: 0,
      children: [],
      position: void 0
    };
  }
  function hardBreak() {
    return {
      type: "break",
      position: void 0
    };
  }
  function html() {
    return {
      type: "html",
      value: "",
      position: void 0
    };
  }
  function image() {
    return {
      type: "image",
      title: null,
      url: "",
      alt: null,
      position: void 0
    };
  }
  function link() {
    return {
      type: "link",
      title: null,
      url: "",
      children: [],
      position: void 0
    };
  }
  function list2(token) {
    return {
      type: "list",
      ordered: token.type === "listOrdered",
      start: null,
      spread: token._spread,
      children: [],
      position: void 0
    };
  }
  function listItem(token) {
    return {
      type: "listItem",
      spread: token._spread,
      checked: null,
      children: [],
      position: void 0
    };
  }
  function paragraph() {
    return {
      type: "paragraph",
      children: [],
      position: void 0
    };
  }
  function strong() {
    return {
      type: "strong",
      children: [],
      position: void 0
    };
  }
  function text3() {
    return {
      type: "text",
      value: "",
      position: void 0
    };
  }
  function thematicBreak2() {
    return {
      type: "thematicBreak",
      position: void 0
    };
  }
}
function point2(d) {
  return {
    line: d.line,
    column: d.column,
    offset: d.offset
  };
}
function configure(combined, extensions) {
  let index2 = -1;
  while (++index2 < extensions.length) {
    const value = extensions[index2];
    if (Array.isArray(value)) {
      configure(combined, value);
    } else {
      extension(combined, value);
    }
  }
}
function extension(combined, extension2) {
  let key;
  for (key in extension2) {
    if (own2.call(extension2, key)) {
      switch (key) {
        case "canContainEols": {
          const right = extension2[key];
          if (right) {
            combined[key].push(...right);
          }
          break;
        }
        case "transforms": {
          const right = extension2[key];
          if (right) {
            combined[key].push(...right);
          }
          break;
        }
        case "afterExit":
        case "beforeEnter": {
          const right = extension2[key];
          if (right) {
            combined[key].push(right);
          }
          break;
        }
        case "enter":
        case "exit": {
          const right = extension2[key];
          if (right) {
            Object.assign(combined[key], right);
          }
          break;
        }
      }
    }
  }
}
function defaultOnError(left, right) {
  if (left) {
    throw new Error("Cannot close `" + left.type + "` (" + stringifyPosition({
      start: left.start,
      end: left.end
    }) + "): a different token (`" + right.type + "`, " + stringifyPosition({
      start: right.start,
      end: right.end
    }) + ") is open");
  }
  throw new Error("Cannot close document, a token (`" + right.type + "`, " + stringifyPosition({
    start: right.start,
    end: right.end
  }) + ") is still open");
}

// node_modules/devlop/lib/default.js
function ok() {
}

// node_modules/mdast-util-gfm-table/lib/index.js
function gfmTableFromMarkdown() {
  return {
    enter: {
      table: enterTable,
      tableData: enterCell,
      tableHeader: enterCell,
      tableRow: enterRow
    },
    exit: {
      codeText: exitCodeText,
      table: exitTable,
      tableData: exit2,
      tableHeader: exit2,
      tableRow: exit2
    }
  };
}
function enterTable(token) {
  const align = token._align;
  ok(align, "expected `_align` on table");
  this.enter(
    {
      type: "table",
      align: align.map(function(d) {
        return d === "none" ? null : d;
      }),
      children: [],
      position: void 0
    },
    token
  );
  this.data.inTable = true;
}
function exitTable(token) {
  this.exit(token);
  this.data.inTable = void 0;
}
function enterRow(token) {
  this.enter({ type: "tableRow", children: [], position: void 0 }, token);
}
function exit2(token) {
  this.exit(token);
}
function enterCell(token) {
  this.enter({ type: "tableCell", children: [], position: void 0 }, token);
}
function exitCodeText(token) {
  let value = this.resume();
  if (this.data.inTable) {
    value = value.replace(/\\([\\|])/g, replace);
  }
  const node2 = this.stack[this.stack.length - 1];
  ok(node2.type === "inlineCode");
  node2.value = value;
  this.exit(token);
}
function replace($0, $1) {
  return $1 === "|" ? $1 : $0;
}

// node_modules/micromark-extension-gfm-table/lib/edit-map.js
var EditMap2 = class {
  /**
   * Create a new edit map.
   */
  constructor() {
    this.map = [];
    this.index = /* @__PURE__ */ new Map();
  }
  /**
   * Create an edit: a remove and/or add at a certain place.
   *
   * @param {number} index
   *   Index at which to apply the edit.
   * @param {number} remove
   *   Count of items to remove at the index.
   * @param {Array<Event>} add
   *   Items to add at the index.
   * @returns {undefined}
   *   Nothing.
   */
  add(index2, remove, add) {
    addImplementation2(this, index2, remove, add);
  }
  // To do: add this when moving to `micromark`.
  // /**
  //  * Create an edit: but insert `add` before existing additions.
  //  *
  //  * @param {number} index
  //  * @param {number} remove
  //  * @param {Array<Event>} add
  //  * @returns {undefined}
  //  */
  // addBefore(index, remove, add) {
  //   addImplementation(this, index, remove, add, true)
  // }
  /**
   * Done, change the events.
   *
   * @param {Array<Event>} events
   *   List of events to apply the edits to.
   * @returns {undefined}
   *   Nothing.
   */
  consume(events) {
    this.map.sort(function(a, b2) {
      return a[0] - b2[0];
    });
    if (this.map.length === 0) {
      return;
    }
    let index2 = this.map.length;
    const vecs = [];
    while (index2 > 0) {
      index2 -= 1;
      vecs.push(events.slice(this.map[index2][0] + this.map[index2][1]), this.map[index2][2]);
      events.length = this.map[index2][0];
    }
    vecs.push(events.slice());
    events.length = 0;
    let slice = vecs.pop();
    while (slice) {
      for (const element of slice) {
        events.push(element);
      }
      slice = vecs.pop();
    }
    this.map.length = 0;
    this.index.clear();
  }
};
function addImplementation2(editMap, at, remove, add) {
  if (remove === 0 && add.length === 0) {
    return;
  }
  const existing = editMap.index.get(at);
  if (existing) {
    existing[1] += remove;
    existing[2].push(...add);
    return;
  }
  const change = [at, remove, add];
  editMap.map.push(change);
  editMap.index.set(at, change);
}

// node_modules/micromark-extension-gfm-table/lib/infer.js
function gfmTableAlign(events, index2) {
  let inDelimiterRow = false;
  const align = [];
  while (index2 < events.length) {
    const event = events[index2];
    if (inDelimiterRow) {
      if (event[0] === "enter") {
        if (event[1].type === "tableContent") {
          align.push(events[index2 + 1][1].type === "tableDelimiterMarker" ? "left" : "none");
        }
      } else if (event[1].type === "tableContent") {
        if (events[index2 - 1][1].type === "tableDelimiterMarker") {
          const alignIndex = align.length - 1;
          align[alignIndex] = align[alignIndex] === "left" ? "center" : "right";
        }
      } else if (event[1].type === "tableDelimiterRow") {
        break;
      }
    } else if (event[0] === "enter" && event[1].type === "tableDelimiterRow") {
      inDelimiterRow = true;
    }
    index2 += 1;
  }
  return align;
}

// node_modules/micromark-extension-gfm-table/lib/syntax.js
function gfmTable() {
  return {
    flow: {
      null: {
        name: "table",
        tokenize: tokenizeTable,
        resolveAll: resolveTable
      }
    }
  };
}
function tokenizeTable(effects, ok2, nok) {
  const self = this;
  let size = 0;
  let sizeB = 0;
  let seen;
  return start;
  function start(code2) {
    let index2 = self.events.length - 1;
    while (index2 > -1) {
      const {
        type
      } = self.events[index2][1];
      if (type === "lineEnding" || // Note: markdown-rs uses `whitespace` instead of `linePrefix`
      type === "linePrefix") {
        index2--;
      } else {
        break;
      }
    }
    const tail = index2 > -1 ? self.events[index2][1].type : null;
    const next = tail === "tableHead" || tail === "tableRow" ? bodyRowStart : headRowBefore;
    if (next === bodyRowStart && self.parser.lazy[self.now().line]) {
      return nok(code2);
    }
    return next(code2);
  }
  function headRowBefore(code2) {
    effects.enter("tableHead");
    effects.enter("tableRow");
    return headRowStart(code2);
  }
  function headRowStart(code2) {
    if (code2 === 124) {
      return headRowBreak(code2);
    }
    seen = true;
    sizeB += 1;
    return headRowBreak(code2);
  }
  function headRowBreak(code2) {
    if (code2 === null) {
      return nok(code2);
    }
    if (markdownLineEnding(code2)) {
      if (sizeB > 1) {
        sizeB = 0;
        self.interrupt = true;
        effects.exit("tableRow");
        effects.enter("lineEnding");
        effects.consume(code2);
        effects.exit("lineEnding");
        return headDelimiterStart;
      }
      return nok(code2);
    }
    if (markdownSpace(code2)) {
      return factorySpace(effects, headRowBreak, "whitespace")(code2);
    }
    sizeB += 1;
    if (seen) {
      seen = false;
      size += 1;
    }
    if (code2 === 124) {
      effects.enter("tableCellDivider");
      effects.consume(code2);
      effects.exit("tableCellDivider");
      seen = true;
      return headRowBreak;
    }
    effects.enter("data");
    return headRowData(code2);
  }
  function headRowData(code2) {
    if (code2 === null || code2 === 124 || markdownLineEndingOrSpace(code2)) {
      effects.exit("data");
      return headRowBreak(code2);
    }
    effects.consume(code2);
    return code2 === 92 ? headRowEscape : headRowData;
  }
  function headRowEscape(code2) {
    if (code2 === 92 || code2 === 124) {
      effects.consume(code2);
      return headRowData;
    }
    return headRowData(code2);
  }
  function headDelimiterStart(code2) {
    self.interrupt = false;
    if (self.parser.lazy[self.now().line]) {
      return nok(code2);
    }
    effects.enter("tableDelimiterRow");
    seen = false;
    if (markdownSpace(code2)) {
      return factorySpace(effects, headDelimiterBefore, "linePrefix", self.parser.constructs.disable.null.includes("codeIndented") ? void 0 : 4)(code2);
    }
    return headDelimiterBefore(code2);
  }
  function headDelimiterBefore(code2) {
    if (code2 === 45 || code2 === 58) {
      return headDelimiterValueBefore(code2);
    }
    if (code2 === 124) {
      seen = true;
      effects.enter("tableCellDivider");
      effects.consume(code2);
      effects.exit("tableCellDivider");
      return headDelimiterCellBefore;
    }
    return headDelimiterNok(code2);
  }
  function headDelimiterCellBefore(code2) {
    if (markdownSpace(code2)) {
      return factorySpace(effects, headDelimiterValueBefore, "whitespace")(code2);
    }
    return headDelimiterValueBefore(code2);
  }
  function headDelimiterValueBefore(code2) {
    if (code2 === 58) {
      sizeB += 1;
      seen = true;
      effects.enter("tableDelimiterMarker");
      effects.consume(code2);
      effects.exit("tableDelimiterMarker");
      return headDelimiterLeftAlignmentAfter;
    }
    if (code2 === 45) {
      sizeB += 1;
      return headDelimiterLeftAlignmentAfter(code2);
    }
    if (code2 === null || markdownLineEnding(code2)) {
      return headDelimiterCellAfter(code2);
    }
    return headDelimiterNok(code2);
  }
  function headDelimiterLeftAlignmentAfter(code2) {
    if (code2 === 45) {
      effects.enter("tableDelimiterFiller");
      return headDelimiterFiller(code2);
    }
    return headDelimiterNok(code2);
  }
  function headDelimiterFiller(code2) {
    if (code2 === 45) {
      effects.consume(code2);
      return headDelimiterFiller;
    }
    if (code2 === 58) {
      seen = true;
      effects.exit("tableDelimiterFiller");
      effects.enter("tableDelimiterMarker");
      effects.consume(code2);
      effects.exit("tableDelimiterMarker");
      return headDelimiterRightAlignmentAfter;
    }
    effects.exit("tableDelimiterFiller");
    return headDelimiterRightAlignmentAfter(code2);
  }
  function headDelimiterRightAlignmentAfter(code2) {
    if (markdownSpace(code2)) {
      return factorySpace(effects, headDelimiterCellAfter, "whitespace")(code2);
    }
    return headDelimiterCellAfter(code2);
  }
  function headDelimiterCellAfter(code2) {
    if (code2 === 124) {
      return headDelimiterBefore(code2);
    }
    if (code2 === null || markdownLineEnding(code2)) {
      if (!seen || size !== sizeB) {
        return headDelimiterNok(code2);
      }
      effects.exit("tableDelimiterRow");
      effects.exit("tableHead");
      return ok2(code2);
    }
    return headDelimiterNok(code2);
  }
  function headDelimiterNok(code2) {
    return nok(code2);
  }
  function bodyRowStart(code2) {
    effects.enter("tableRow");
    return bodyRowBreak(code2);
  }
  function bodyRowBreak(code2) {
    if (code2 === 124) {
      effects.enter("tableCellDivider");
      effects.consume(code2);
      effects.exit("tableCellDivider");
      return bodyRowBreak;
    }
    if (code2 === null || markdownLineEnding(code2)) {
      effects.exit("tableRow");
      return ok2(code2);
    }
    if (markdownSpace(code2)) {
      return factorySpace(effects, bodyRowBreak, "whitespace")(code2);
    }
    effects.enter("data");
    return bodyRowData(code2);
  }
  function bodyRowData(code2) {
    if (code2 === null || code2 === 124 || markdownLineEndingOrSpace(code2)) {
      effects.exit("data");
      return bodyRowBreak(code2);
    }
    effects.consume(code2);
    return code2 === 92 ? bodyRowEscape : bodyRowData;
  }
  function bodyRowEscape(code2) {
    if (code2 === 92 || code2 === 124) {
      effects.consume(code2);
      return bodyRowData;
    }
    return bodyRowData(code2);
  }
}
function resolveTable(events, context) {
  let index2 = -1;
  let inFirstCellAwaitingPipe = true;
  let rowKind = 0;
  let lastCell = [0, 0, 0, 0];
  let cell2 = [0, 0, 0, 0];
  let afterHeadAwaitingFirstBodyRow = false;
  let lastTableEnd = 0;
  let currentTable;
  let currentBody;
  let currentCell;
  const map = new EditMap2();
  while (++index2 < events.length) {
    const event = events[index2];
    const token = event[1];
    if (event[0] === "enter") {
      if (token.type === "tableHead") {
        afterHeadAwaitingFirstBodyRow = false;
        if (lastTableEnd !== 0) {
          flushTableEnd(map, context, lastTableEnd, currentTable, currentBody);
          currentBody = void 0;
          lastTableEnd = 0;
        }
        currentTable = {
          type: "table",
          start: Object.assign({}, token.start),
          // Note: correct end is set later.
          end: Object.assign({}, token.end)
        };
        map.add(index2, 0, [["enter", currentTable, context]]);
      } else if (token.type === "tableRow" || token.type === "tableDelimiterRow") {
        inFirstCellAwaitingPipe = true;
        currentCell = void 0;
        lastCell = [0, 0, 0, 0];
        cell2 = [0, index2 + 1, 0, 0];
        if (afterHeadAwaitingFirstBodyRow) {
          afterHeadAwaitingFirstBodyRow = false;
          currentBody = {
            type: "tableBody",
            start: Object.assign({}, token.start),
            // Note: correct end is set later.
            end: Object.assign({}, token.end)
          };
          map.add(index2, 0, [["enter", currentBody, context]]);
        }
        rowKind = token.type === "tableDelimiterRow" ? 2 : currentBody ? 3 : 1;
      } else if (rowKind && (token.type === "data" || token.type === "tableDelimiterMarker" || token.type === "tableDelimiterFiller")) {
        inFirstCellAwaitingPipe = false;
        if (cell2[2] === 0) {
          if (lastCell[1] !== 0) {
            cell2[0] = cell2[1];
            currentCell = flushCell(map, context, lastCell, rowKind, void 0, currentCell);
            lastCell = [0, 0, 0, 0];
          }
          cell2[2] = index2;
        }
      } else if (token.type === "tableCellDivider") {
        if (inFirstCellAwaitingPipe) {
          inFirstCellAwaitingPipe = false;
        } else {
          if (lastCell[1] !== 0) {
            cell2[0] = cell2[1];
            currentCell = flushCell(map, context, lastCell, rowKind, void 0, currentCell);
          }
          lastCell = cell2;
          cell2 = [lastCell[1], index2, 0, 0];
        }
      }
    } else if (token.type === "tableHead") {
      afterHeadAwaitingFirstBodyRow = true;
      lastTableEnd = index2;
    } else if (token.type === "tableRow" || token.type === "tableDelimiterRow") {
      lastTableEnd = index2;
      if (lastCell[1] !== 0) {
        cell2[0] = cell2[1];
        currentCell = flushCell(map, context, lastCell, rowKind, index2, currentCell);
      } else if (cell2[1] !== 0) {
        currentCell = flushCell(map, context, cell2, rowKind, index2, currentCell);
      }
      rowKind = 0;
    } else if (rowKind && (token.type === "data" || token.type === "tableDelimiterMarker" || token.type === "tableDelimiterFiller")) {
      cell2[3] = index2;
    }
  }
  if (lastTableEnd !== 0) {
    flushTableEnd(map, context, lastTableEnd, currentTable, currentBody);
  }
  map.consume(context.events);
  index2 = -1;
  while (++index2 < context.events.length) {
    const event = context.events[index2];
    if (event[0] === "enter" && event[1].type === "table") {
      event[1]._align = gfmTableAlign(context.events, index2);
    }
  }
  return events;
}
function flushCell(map, context, range, rowKind, rowEnd, previousCell) {
  const groupName = rowKind === 1 ? "tableHeader" : rowKind === 2 ? "tableDelimiter" : "tableData";
  const valueName = "tableContent";
  if (range[0] !== 0) {
    previousCell.end = Object.assign({}, getPoint(context.events, range[0]));
    map.add(range[0], 0, [["exit", previousCell, context]]);
  }
  const now = getPoint(context.events, range[1]);
  previousCell = {
    type: groupName,
    start: Object.assign({}, now),
    // Note: correct end is set later.
    end: Object.assign({}, now)
  };
  map.add(range[1], 0, [["enter", previousCell, context]]);
  if (range[2] !== 0) {
    const relatedStart = getPoint(context.events, range[2]);
    const relatedEnd = getPoint(context.events, range[3]);
    const valueToken = {
      type: valueName,
      start: Object.assign({}, relatedStart),
      end: Object.assign({}, relatedEnd)
    };
    map.add(range[2], 0, [["enter", valueToken, context]]);
    if (rowKind !== 2) {
      const start = context.events[range[2]];
      const end = context.events[range[3]];
      start[1].end = Object.assign({}, end[1].end);
      start[1].type = "chunkText";
      start[1].contentType = "text";
      if (range[3] > range[2] + 1) {
        const a = range[2] + 1;
        const b2 = range[3] - range[2] - 1;
        map.add(a, b2, []);
      }
    }
    map.add(range[3] + 1, 0, [["exit", valueToken, context]]);
  }
  if (rowEnd !== void 0) {
    previousCell.end = Object.assign({}, getPoint(context.events, rowEnd));
    map.add(rowEnd, 0, [["exit", previousCell, context]]);
    previousCell = void 0;
  }
  return previousCell;
}
function flushTableEnd(map, context, index2, table2, tableBody) {
  const exits = [];
  const related = getPoint(context.events, index2);
  if (tableBody) {
    tableBody.end = Object.assign({}, related);
    exits.push(["exit", tableBody, context]);
  }
  table2.end = Object.assign({}, related);
  exits.push(["exit", table2, context]);
  map.add(index2 + 1, 0, exits);
}
function getPoint(events, index2) {
  const event = events[index2];
  const side = event[0] === "enter" ? "start" : "end";
  return event[1][side];
}

// src/ledger/parse.ts
function parseMarkdown(text3) {
  return fromMarkdown(text3, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}
function parseLedger(file, displayName) {
  const tree = parseMarkdown(file.text);
  const nodes = tree.children;
  const ledger = { title: null, updated: null, pinSection: null, ledgerSection: null };
  for (const node2 of nodes) {
    if (node2.type === "heading" && node2.depth === 1 && !ledger.title) {
      ledger.title = { value: toString(node2), position: pos(file, node2) };
    }
    if (node2.type === "paragraph" && !ledger.updated) {
      const updated = updatedMarker(file, node2);
      if (updated) ledger.updated = updated;
    }
  }
  const pin = section(file, nodes, PIN_SECTION_TITLE);
  if (pin) {
    const lines = pin.body.filter((n) => n.type === "list").flatMap((list2) => list2.children.map((item) => pinLine(file, item, displayName))).filter((l) => l !== null);
    ledger.pinSection = { ...pin.section, lines };
  }
  const pairs = section(file, nodes, LEDGER_SECTION_TITLE);
  if (pairs) {
    const tables = pairs.body.filter((n) => n.type === "table");
    ledger.ledgerSection = {
      ...pairs.section,
      table: tables[0] ? table(file, tables[0]) : null,
      tables: tables.length
    };
  }
  return ledger;
}
function updatedMarker(file, node2) {
  const text3 = toString(node2);
  const m = /^Updated:[ \t]*(.*)$/m.exec(text3);
  if (!m || m.index !== 0) return null;
  return { value: (m[1] ?? "").trim(), position: pos(file, node2) };
}
function section(file, nodes, title) {
  const index2 = nodes.findIndex(
    (n) => n.type === "heading" && n.depth === 2 && normalize(toString(n)) === normalize(title)
  );
  if (index2 === -1) return null;
  const heading = nodes[index2];
  let end = index2 + 1;
  while (end < nodes.length && !(nodes[end].type === "heading" && nodes[end].depth <= 2)) end++;
  const body = nodes.slice(index2 + 1, end);
  const endOffset = end < nodes.length ? offset(nodes[end], "start") : file.text.length;
  return {
    section: { title, position: pos(file, heading), start: offset(heading, "start"), end: endOffset },
    body
  };
}
function pinLine(file, item, displayName) {
  const para = item.children.find((c) => c.type === "paragraph");
  if (!para) return null;
  const code2 = para.children.find((c) => c.type === "inlineCode");
  const text3 = toString(para);
  const colon = text3.indexOf(":");
  if (colon === -1) return null;
  const label = text3.slice(0, colon).trim();
  const value = code2 && code2.type === "inlineCode" ? code2.value : text3.slice(colon + 1).trim();
  const valueNode = code2 ?? para;
  return {
    key: pinLineKey(label, displayName),
    label,
    value,
    position: positionAt(file, offset(valueNode, "start") + (code2 ? 1 : 0)),
    start: offset(item, "start"),
    end: offset(item, "end")
  };
}
function pinLineKey(label, displayName) {
  const l = normalize(label);
  const name = normalize(displayName);
  for (const line of PIN_LINES) {
    const want = normalize(line.label);
    if (line.named) {
      if (l.startsWith(`${name} `) && normalize(l.slice(name.length)) === want) return line.key;
    } else if (l === want) return line.key;
  }
  return null;
}
function table(file, node2) {
  const [head, ...rows] = node2.children;
  const cells = (r) => r.children.map((c) => cell(file, c));
  return {
    header: head ? cells(head) : [],
    rows: rows.map((r) => ({
      cells: cells(r),
      position: pos(file, r),
      start: offset(r, "start"),
      end: offset(r, "end")
    })),
    position: pos(file, node2),
    start: offset(node2, "start"),
    end: offset(node2, "end")
  };
}
function cell(file, node2) {
  const first = node2.children[0];
  const last = node2.children[node2.children.length - 1];
  const start = first ? offset(first, "start") : offset(node2, "start");
  const end = last ? offset(last, "end") : start;
  return { text: toString(node2).trim(), position: positionAt(file, start), start, end };
}
function normalize(s) {
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}
function offset(node2, which) {
  return node2.position?.[which].offset ?? 0;
}
function pos(file, node2) {
  return positionAt(file, offset(node2, "start"));
}

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text3, ignoreTrivia = false) {
  const len = text3.length;
  let pos2 = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text3.charCodeAt(pos2);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos2++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos2 = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos2;
    if (text3.charCodeAt(pos2) === 48) {
      pos2++;
    } else {
      pos2++;
      while (pos2 < text3.length && isDigit(text3.charCodeAt(pos2))) {
        pos2++;
      }
    }
    if (pos2 < text3.length && text3.charCodeAt(pos2) === 46) {
      pos2++;
      if (pos2 < text3.length && isDigit(text3.charCodeAt(pos2))) {
        pos2++;
        while (pos2 < text3.length && isDigit(text3.charCodeAt(pos2))) {
          pos2++;
        }
      } else {
        scanError = 3;
        return text3.substring(start, pos2);
      }
    }
    let end = pos2;
    if (pos2 < text3.length && (text3.charCodeAt(pos2) === 69 || text3.charCodeAt(pos2) === 101)) {
      pos2++;
      if (pos2 < text3.length && text3.charCodeAt(pos2) === 43 || text3.charCodeAt(pos2) === 45) {
        pos2++;
      }
      if (pos2 < text3.length && isDigit(text3.charCodeAt(pos2))) {
        pos2++;
        while (pos2 < text3.length && isDigit(text3.charCodeAt(pos2))) {
          pos2++;
        }
        end = pos2;
      } else {
        scanError = 3;
      }
    }
    return text3.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos2;
    while (true) {
      if (pos2 >= len) {
        result += text3.substring(start, pos2);
        scanError = 2;
        break;
      }
      const ch = text3.charCodeAt(pos2);
      if (ch === 34) {
        result += text3.substring(start, pos2);
        pos2++;
        break;
      }
      if (ch === 92) {
        result += text3.substring(start, pos2);
        pos2++;
        if (pos2 >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text3.charCodeAt(pos2++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos2;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text3.substring(start, pos2);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos2++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos2;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos2 >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code2 = text3.charCodeAt(pos2);
    if (isWhiteSpace(code2)) {
      do {
        pos2++;
        value += String.fromCharCode(code2);
        code2 = text3.charCodeAt(pos2);
      } while (isWhiteSpace(code2));
      return token = 15;
    }
    if (isLineBreak(code2)) {
      pos2++;
      value += String.fromCharCode(code2);
      if (code2 === 13 && text3.charCodeAt(pos2) === 10) {
        pos2++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos2;
      return token = 14;
    }
    switch (code2) {
      // tokens: []{}:,
      case 123:
        pos2++;
        return token = 1;
      case 125:
        pos2++;
        return token = 2;
      case 91:
        pos2++;
        return token = 3;
      case 93:
        pos2++;
        return token = 4;
      case 58:
        pos2++;
        return token = 6;
      case 44:
        pos2++;
        return token = 5;
      // strings
      case 34:
        pos2++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos2 - 1;
        if (text3.charCodeAt(pos2 + 1) === 47) {
          pos2 += 2;
          while (pos2 < len) {
            if (isLineBreak(text3.charCodeAt(pos2))) {
              break;
            }
            pos2++;
          }
          value = text3.substring(start, pos2);
          return token = 12;
        }
        if (text3.charCodeAt(pos2 + 1) === 42) {
          pos2 += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos2 < safeLength) {
            const ch = text3.charCodeAt(pos2);
            if (ch === 42 && text3.charCodeAt(pos2 + 1) === 47) {
              pos2 += 2;
              commentClosed = true;
              break;
            }
            pos2++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text3.charCodeAt(pos2) === 10) {
                pos2++;
              }
              lineNumber++;
              tokenLineStartOffset = pos2;
            }
          }
          if (!commentClosed) {
            pos2++;
            scanError = 1;
          }
          value = text3.substring(start, pos2);
          return token = 13;
        }
        value += String.fromCharCode(code2);
        pos2++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code2);
        pos2++;
        if (pos2 === len || !isDigit(text3.charCodeAt(pos2))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos2 < len && isUnknownContentCharacter(code2)) {
          pos2++;
          code2 = text3.charCodeAt(pos2);
        }
        if (tokenOffset !== pos2) {
          value = text3.substring(tokenOffset, pos2);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code2);
        pos2++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code2) {
    if (isWhiteSpace(code2) || isLineBreak(code2)) {
      return false;
    }
    switch (code2) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos2,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos2 - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index2) => {
  return " ".repeat(index2);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\n" + " ".repeat(index2);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r" + " ".repeat(index2);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r\n" + " ".repeat(index2);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\n" + "	".repeat(index2);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r" + "	".repeat(index2);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index2) => {
      return "\r\n" + "	".repeat(index2);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text3, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset2) => {
      currentParent = onValue({ type: "object", offset: offset2, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset2, length) => {
      currentParent = onValue({ type: "property", offset: offset2, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset: offset2, length, parent: currentParent });
    },
    onObjectEnd: (offset2, length) => {
      ensurePropertyComplete(offset2 + length);
      currentParent.length = offset2 + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset2 + length);
    },
    onArrayBegin: (offset2, length) => {
      currentParent = onValue({ type: "array", offset: offset2, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset2, length) => {
      currentParent.length = offset2 + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset2 + length);
    },
    onLiteralValue: (value, offset2, length) => {
      onValue({ type: getNodeType(value), offset: offset2, length, parent: currentParent, value });
      ensurePropertyComplete(offset2 + length);
    },
    onSeparator: (sep2, offset2, length) => {
      if (currentParent.type === "property") {
        if (sep2 === ":") {
          currentParent.colonOffset = offset2;
        } else if (sep2 === ",") {
          ensurePropertyComplete(offset2);
        }
      }
    },
    onError: (error, offset2, length) => {
      errors.push({ error, offset: offset2, length });
    }
  };
  visit(text3, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node2 = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node2.type !== "object" || !Array.isArray(node2.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node2.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node2 = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index2 = segment;
      if (node2.type !== "array" || index2 < 0 || !Array.isArray(node2.children) || index2 >= node2.children.length) {
        return void 0;
      }
      node2 = node2.children[index2];
    }
  }
  return node2;
}
function visit(text3, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text3, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code2) {
  switch (code2) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// src/source/json-document.ts
var ERROR_TEXT = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "a property name in double quotes is expected",
  ValueExpected: "a value is expected",
  ColonExpected: "':' is expected",
  CommaExpected: "',' is expected",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  EndOfFileExpected: "nothing may follow the top-level value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character in string (control characters must be escaped)"
};
function parseJson(file) {
  const errors = [];
  const root = parseTree2(file.text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: true
  });
  const distinct = errors.filter((e, i) => i === 0 || e.offset !== errors[i - 1].offset);
  const syntaxErrors = distinct.map((e) => {
    const code2 = printParseErrorCode(e.error);
    return { message: ERROR_TEXT[code2] ?? code2, position: positionAt(file, e.offset) };
  });
  if (root === void 0 && file.text.trim() !== "" && syntaxErrors.length === 0) {
    syntaxErrors.push({ message: "a value is expected", position: { line: 1, column: 1 } });
  }
  const duplicateKeys = [];
  if (root) collectDuplicates(file, root, "", duplicateKeys);
  let value = void 0;
  if (root && syntaxErrors.length === 0) {
    value = JSON.parse(file.text);
  }
  return { file, root, value, syntaxErrors, duplicateKeys };
}
function collectDuplicates(file, node2, pointer, out) {
  if (node2.type === "object") {
    const seen = /* @__PURE__ */ new Set();
    for (const prop of node2.children ?? []) {
      const keyNode = prop.children?.[0];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) out.push({ key, pointer, position: positionAt(file, keyNode.offset) });
      seen.add(key);
      const valueNode = prop.children?.[1];
      if (valueNode) collectDuplicates(file, valueNode, `${pointer}/${escapePointer(key)}`, out);
    }
  } else if (node2.type === "array") {
    node2.children?.forEach((child, i) => collectDuplicates(file, child, `${pointer}/${i}`, out));
  }
}
function escapePointer(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function decodePointer(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s);
}
function locate(doc, pointer, key) {
  if (!doc.root) return { line: 1, column: 1 };
  const path = decodePointer(pointer);
  let node2;
  for (let n = path.length; n >= 0 && !node2; n--) node2 = findNodeAtLocation2(doc.root, path.slice(0, n));
  node2 ??= doc.root;
  if (key !== void 0 && node2.type === "object") {
    const prop = node2.children?.find((p) => p.children?.[0]?.value === key);
    if (prop?.children?.[0]) return positionAt(doc.file, prop.children[0].offset);
  }
  return positionAt(doc.file, node2.offset);
}

// src/source/schema-errors.ts
function validateDocument(doc, validate, schemaFile) {
  if (validate(doc.value)) return [];
  const errors = validate.errors ?? [];
  const missing = errors.filter((e) => e.keyword === "required").map((e) => String(e.params.missingProperty));
  const seen = /* @__PURE__ */ new Set();
  const problems = [];
  for (const e of errors.filter((e2) => e2.keyword !== "propertyNames")) {
    const p = describe(doc, e, missing, schemaFile);
    const key = `${p.pointer}\0${p.message}`;
    if (!seen.has(key)) problems.push(p);
    seen.add(key);
  }
  return problems.sort((a, b2) => a.position.line - b2.position.line || a.position.column - b2.position.column);
}
function schemaMessage(e, schemaFile) {
  const hash = e.schemaPath.indexOf("#");
  const file = hash > 0 ? e.schemaPath.slice(0, hash) : schemaFile;
  const pointer = e.schemaPath.slice(hash + 1);
  const entry = me[`${file}#${pointer.slice(0, pointer.lastIndexOf("/"))}`];
  return typeof entry === "string" ? entry : entry?.[e.keyword];
}
function describe(doc, e, missing, schemaFile) {
  const at = e.instancePath;
  switch (e.keyword) {
    case "required": {
      const field = String(e.params.missingProperty);
      return {
        pointer: `${at}/${escapePointer(field)}`,
        position: locate(doc, at),
        message: `${where(at, "the object")} is missing the required field \`${field}\``
      };
    }
    case "additionalProperties": {
      const field = String(e.params.additionalProperty);
      const guess = closest(field, missing);
      const hint = guess ? `; did you mean \`${guess}\`?` : "; remove it or check its spelling";
      return {
        pointer: `${at}/${escapePointer(field)}`,
        position: locate(doc, at, field),
        message: `${where(at, "the object")} has the unknown field \`${field}\`${hint}`
      };
    }
    default: {
      if (e.propertyName !== void 0) {
        return {
          pointer: `${at}/${escapePointer(e.propertyName)}`,
          position: locate(doc, at, e.propertyName),
          message: `the key "${e.propertyName}" in ${where(at, "the document")}: ${schemaMessage(e, schemaFile) ?? e.message}`
        };
      }
      const got = valueAt(doc.value, at);
      const shown = got === void 0 ? "" : ` (got ${preview(got)})`;
      return {
        pointer: at,
        position: locate(doc, at),
        message: `${where(at, "the document")} ${schemaMessage(e, schemaFile) ?? e.message ?? "is invalid"}${shown}`
      };
    }
  }
}
function fieldName(pointer) {
  if (pointer === "") return "";
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).reduce((acc, s) => /^[0-9]+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s, "");
}
function where(pointer, whole) {
  return pointer === "" ? whole : `\`${fieldName(pointer)}\``;
}
function valueAt(value, pointer) {
  if (pointer === "") return value;
  let cur = value;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (cur === null || typeof cur !== "object") return void 0;
    cur = cur[seg];
  }
  return cur;
}
function preview(value, max = 60) {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
}
function closest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
function editDistance(a, b2) {
  let prev = Array.from({ length: b2.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j2 = 1; j2 <= b2.length; j2++) {
      cur[j2] = Math.min(prev[j2] + 1, cur[j2 - 1] + 1, prev[j2 - 1] + (a[i - 1] === b2[j2 - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b2.length];
}

// src/rules/matrix.ts
var START2 = { line: 1, column: 1 };
function matrixRules(trio, ctx) {
  const ledger = trio.matrix.ledger;
  if (!ledger) return [];
  const path = trio.matrix.path;
  const pin = trio.pin.data ?? {};
  return [
    ...updatedMarker2(path, ledger, ctx.now),
    ...pinSection(path, ledger, pin, ctx.baseline),
    ...ledgerTable(path, ledger, pin)
  ];
}
function updatedMarker2(path, ledger, now) {
  const u = ledger.updated;
  if (!u) {
    const at = ledger.title?.position ?? START2;
    return [
      finding("BG203", path, at, "the matrix has no `Updated: YYYY-MM-DD` line; add one under the title")
    ];
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(u.value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== m[0]) {
    return [
      finding(
        "BG203",
        path,
        u.position,
        `"Updated: ${u.value}" is not a calendar date; write Updated: YYYY-MM-DD`
      )
    ];
  }
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  if (date.getTime() > tomorrow) {
    return [
      finding("BG203", path, u.position, `Updated date ${m[0]} is in the future; use the date of the change`)
    ];
  }
  return [];
}
function expectedPinLines(pin, baseline) {
  return {
    repo: pin.memorykernel_repo,
    release_tag: pin.release_tag,
    commit_sha: pin.commit_sha,
    service: pin.expected_service_contract_version,
    api: pin.expected_api_contract_version,
    integration: pin.expected_integration_baseline,
    manifest_sha256: pin.expected_producer_manifest_sha256,
    posture: pin.runtime_cutover_posture,
    pin_path: baseline.trio.pin,
    mirror_path: baseline.trio.manifest
  };
}
function pinLineLabel(line, displayName) {
  return line.named ? `${displayName} ${line.label}` : line.label;
}
function pinLineText(key, value, displayName) {
  return `- ${pinLineLabel(
    PIN_LINES.find((l) => l.key === key),
    displayName
  )}: \`${value}\``;
}
function missingSection(path, ledger, title) {
  return finding("BG204", path, ledger.title?.position ?? START2, `the matrix has no \`## ${title}\` section`);
}
function pinSection(path, ledger, pin, baseline) {
  const section2 = ledger.pinSection;
  if (!section2) return [missingSection(path, ledger, PIN_SECTION_TITLE)];
  const out = [];
  const expected = expectedPinLines(pin, baseline);
  const seen = /* @__PURE__ */ new Set();
  for (const line of section2.lines) {
    if (line.key === null) {
      out.push(
        finding(
          "BG208",
          path,
          line.position,
          `"${line.label}" is not a Baseline Pin line this tool checks (known: ${PIN_LINES.map((l) => pinLineLabel(l, baseline.display_name)).join("; ")})`
        )
      );
      continue;
    }
    if (seen.has(line.key)) {
      out.push(
        finding("BG207", path, line.position, `the line "${line.label}" appears more than once; keep one`)
      );
      continue;
    }
    seen.add(line.key);
    const want = expected[line.key];
    if (typeof want !== "string") continue;
    if ((line.key === "pin_path" || line.key === "mirror_path") && isAbsolute2(line.value)) {
      out.push(
        finding(
          "BG206",
          path,
          line.position,
          `"${line.label}" is an absolute path (${line.value}), which leaks a machine's layout; write the path relative to the repository root: \`${want}\``
        )
      );
    } else if (line.value !== want) {
      out.push(
        finding(
          "BG206",
          path,
          line.position,
          `"${line.label}" says \`${line.value}\` but the ${line.key.endsWith("_path") ? "policy" : "pin"} says \`${want}\``
        )
      );
    }
  }
  for (const l of PIN_LINES) {
    if (seen.has(l.key)) continue;
    const want = expected[l.key];
    const text3 = pinLineText(l.key, typeof want === "string" ? want : "...", baseline.display_name);
    const label = pinLineLabel(l, baseline.display_name);
    out.push(
      finding(
        "BG205",
        path,
        section2.position,
        `the ${PIN_SECTION_TITLE} section has no "${label}" line; add: ${text3}`
      )
    );
  }
  return out;
}
function isAbsolute2(p) {
  return p.startsWith("/") || p.startsWith("~") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("\\\\");
}
function ledgerTable(path, ledger, pin) {
  const section2 = ledger.ledgerSection;
  if (!section2) return [missingSection(path, ledger, LEDGER_SECTION_TITLE)];
  const table2 = section2.table;
  if (!table2) {
    return [
      finding(
        "BG209",
        path,
        section2.position,
        `no table under \`## ${LEDGER_SECTION_TITLE}\`; a GFM table needs a header row and a delimiter row (| --- | --- |)`
      )
    ];
  }
  const out = [];
  if (section2.tables > 1) {
    out.push(
      finding(
        "BG209",
        path,
        section2.position,
        `the section holds ${section2.tables} tables; keep the one ledger table`
      )
    );
  }
  const headerProblems = header(path, table2);
  if (headerProblems.length > 0) return [...out, ...headerProblems];
  const wellFormed = [];
  for (const row of table2.rows) {
    if (row.cells.length !== LEDGER_COLUMNS.length) {
      out.push(
        finding(
          "BG209",
          path,
          row.position,
          `this row has ${row.cells.length} cells; the ledger has ${LEDGER_COLUMNS.length} columns`
        )
      );
    } else wellFormed.push(row);
  }
  for (const row of wellFormed) out.push(...rowFormat(path, row));
  const approved = wellFormed.filter((r) => cellText(r, "status") === "Approved");
  if (approved.length === 0) {
    out.push(
      finding(
        "BG211",
        path,
        table2.position,
        "no row has Status `Approved`; the row of the pinned baseline must be Approved"
      )
    );
  } else if (approved.length > 1) {
    for (const extra of approved.slice(1)) {
      out.push(
        finding(
          "BG211",
          path,
          extra.position,
          `${approved.length} rows are Approved; only the pinned baseline's row may be (mark older ones Superseded)`
        )
      );
    }
  } else {
    out.push(...approvedRow(path, approved[0], pin));
  }
  out.push(...duplicateTags(path, wellFormed));
  return out;
}
function header(path, table2) {
  if (table2.header.length !== LEDGER_COLUMNS.length) {
    return [
      finding(
        "BG209",
        path,
        table2.position,
        `the ledger table has ${table2.header.length} columns; it needs ${LEDGER_COLUMNS.length}: consumer version | consumer commit | producer tag | producer commit | Service contract | API contract | Integration baseline | Status`
      )
    ];
  }
  const out = [];
  LEDGER_COLUMNS.forEach((col, i) => {
    const cell2 = table2.header[i];
    if (!normalize(cell2.text).endsWith(normalize(col.header))) {
      out.push(
        finding(
          "BG209",
          path,
          cell2.position,
          `column ${i + 1} is "${cell2.text}"; it must be the "... ${col.header}" column`
        )
      );
    }
  });
  return out;
}
function cellText(row, key) {
  return row.cells[LEDGER_COLUMNS.findIndex((c) => c.key === key)]?.text ?? "";
}
function cellPosition(row, key) {
  return row.cells[LEDGER_COLUMNS.findIndex((c) => c.key === key)]?.position ?? row.position;
}
function rowFormat(path, row) {
  const record = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, cellText(row, c.key)]));
  if (ne(record)) return [];
  const out = [];
  for (const e of ne.errors ?? []) {
    const key = e.instancePath.slice(1);
    const message = schemaMessage(e, pe.validateLedgerRow) ?? e.message;
    const text3 = cellText(row, key);
    if (key === "status") {
      const near = LEDGER_STATUSES.find((s) => s.toLowerCase() === text3.toLowerCase());
      const hint = near ? ` (write \`${near}\`, with that capitalisation)` : "";
      out.push(finding("BG210", path, cellPosition(row, key), `unknown Status "${text3}": ${message}${hint}`));
    } else {
      out.push(finding("BG213", path, cellPosition(row, key), `${columnName(key)} "${text3}" ${message}`));
    }
  }
  return out;
}
function columnName(key) {
  return key.replace(/_/g, " ");
}
var APPROVED_AGAINST_PIN = [
  ["producer_tag", "release_tag"],
  ["producer_commit", "commit_sha"],
  ["service", "expected_service_contract_version"],
  ["api", "expected_api_contract_version"],
  ["integration", "expected_integration_baseline"]
];
function approvedRow(path, row, pin) {
  const out = [];
  for (const [col, field] of APPROVED_AGAINST_PIN) {
    const want = pin[field];
    const got = cellText(row, col);
    if (typeof want !== "string" || got === want) continue;
    out.push(
      finding(
        "BG212",
        path,
        cellPosition(row, col),
        `the Approved row's ${columnName(col)} is "${got}" but the pin's ${field} is "${want}"`
      )
    );
  }
  return out;
}
function duplicateTags(path, rows) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  for (const row of rows) {
    const tag = cellText(row, "producer_tag");
    const first = seen.get(tag);
    if (first && tag !== "") {
      out.push(
        finding(
          "BG214",
          path,
          cellPosition(row, "producer_tag"),
          `producer tag ${tag} already has a row (line ${first.position.line}); keep one row per baseline`
        )
      );
    } else seen.set(tag, row);
  }
  return out;
}

// src/files/digest.ts
var import_node_crypto = require("node:crypto");
function sha256(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest("hex");
}

// src/rules/pin-mirror.ts
var SHARED_FIELDS = [
  ["release_tag", "release_tag"],
  ["commit_sha", "commit_sha"],
  ["expected_service_contract_version", "expected_service_contract_version"],
  ["expected_api_contract_version", "expected_api_contract_version"],
  ["expected_integration_baseline", "integration_baseline"]
];
function pinMirrorRules(trio) {
  return [...sharedFields(trio), ...manifestHash(trio)];
}
function sharedFields(trio) {
  const pin = trio.pin.data;
  const mirror = trio.manifest.data;
  if (!pin || !mirror || !trio.pin.doc || !trio.manifest.doc) return [];
  const out = [];
  for (const [pinField, mirrorField] of SHARED_FIELDS) {
    const want = pin[pinField];
    const got = mirror[mirrorField];
    if (typeof want !== "string" || typeof got !== "string" || want === got) continue;
    const pinAt = locate(trio.pin.doc, `/${pinField}`);
    out.push(
      finding(
        "BG201",
        trio.manifest.path,
        locate(trio.manifest.doc, `/${mirrorField}`),
        `the mirror's ${mirrorField} is "${got}" but the pin (${trio.pin.path}:${pinAt.line}) says ${pinField} "${want}"; the mirror must be the producer manifest of the pinned release: update the three files together (baseline-gate repin)`
      )
    );
  }
  return out;
}
function manifestHash(trio) {
  const want = trio.pin.data?.expected_producer_manifest_sha256;
  const bytes = trio.manifest.read.kind === "ok" ? trio.manifest.read.bytes : null;
  const empty = !trio.manifest.source || trio.manifest.source.text.trim() === "";
  if (typeof want !== "string" || !/^[0-9a-f]{64}$/.test(want) || !bytes || empty || !trio.pin.doc) return [];
  const got = sha256(bytes);
  if (got === want) return [];
  const pinAt = locate(trio.pin.doc, "/expected_producer_manifest_sha256");
  const why = explainHashMismatch(bytes, want);
  return [
    finding(
      "BG202",
      trio.pin.path,
      pinAt,
      `the mirror ${trio.manifest.path} hashes to ${got}, not the pinned ${want}. ${why}`
    )
  ];
}
function explainHashMismatch(bytes, want) {
  const text3 = bytes.toString("utf8");
  const noBom = text3.replace(/^\uFEFF/, "");
  const lf = noBom.replace(/\r\n/g, "\n");
  const candidates = [];
  if (noBom !== text3) candidates.push(["a byte-order mark", noBom]);
  if (lf !== noBom) candidates.push(["line endings (the file has CRLF; the pinned bytes use LF)", lf]);
  candidates.push(
    ["the final newline", lf.endsWith("\n") ? lf.slice(0, -1) : `${lf}
`],
    ["line endings (the pinned bytes use CRLF)", noBom.replace(/\r?\n/g, "\r\n")]
  );
  let parsed;
  try {
    parsed = JSON.parse(lf);
  } catch {
    parsed = void 0;
  }
  if (parsed !== void 0) {
    for (const indent of [2, 4, "	", 0]) {
      const s = JSON.stringify(parsed, null, indent);
      candidates.push(
        ["formatting (whitespace and indentation)", s],
        ["formatting (whitespace and indentation)", `${s}
`]
      );
    }
  }
  for (const [what, candidate] of candidates) {
    if (candidate !== text3 && sha256(Buffer.from(candidate, "utf8")) === want) {
      return `The content matches the pinned manifest and the bytes differ only by ${what}: restore the exact bytes (copy the producer manifest file, do not re-type or reformat it; .gitattributes \`-text\` stops git converting line endings).`;
    }
  }
  const crlf = text3.includes("\r\n") ? " The file has CRLF line endings, which alone changes the digest." : "";
  return `Copy the producer manifest of the pinned release byte for byte into the mirror; if the producer manifest itself changed, that is a new baseline: update all three trio files together (baseline-gate repin).${crlf}`;
}

// src/rules/index.ts
function trioRules(trio, ctx) {
  return sortFindings([...fileRules(trio), ...pinMirrorRules(trio), ...matrixRules(trio, ctx)]);
}

// src/rules/verdict.ts
function decideVerdict(findings, steps = []) {
  if (findings.some((f) => f.severity === "error")) return "FAIL";
  if (steps.some((s) => s.required && s.status !== "passed")) return "FAIL";
  return "PASS";
}
function aggregateVerdict(verdicts) {
  return verdicts.length > 0 && verdicts.every((v2) => v2 === "PASS") ? "PASS" : "FAIL";
}

// src/trio/identity.ts
function identityOf(trio) {
  const pin = trio.pin.data ?? {};
  return {
    release_tag: str(pin.release_tag),
    commit_sha: str(pin.commit_sha),
    service_contract_version: str(pin.expected_service_contract_version),
    api_contract_version: str(pin.expected_api_contract_version),
    integration_baseline: str(pin.expected_integration_baseline),
    manifest_sha256: str(pin.expected_producer_manifest_sha256)
  };
}
function postureOf(trio) {
  const p = trio.pin.data?.runtime_cutover_posture;
  return p === "GO" || p === "NO-GO" ? p : null;
}
function str(v2) {
  return typeof v2 === "string" && v2 !== "" ? v2 : null;
}

// src/files/read.ts
var import_node_fs4 = require("node:fs");
var import_node_path4 = require("node:path");
var MAX_FILE_BYTES = 4 * 1024 * 1024;
function resolveInRoot(root, rel) {
  const abs = (0, import_node_path4.resolve)(root, rel);
  const back = (0, import_node_path4.relative)((0, import_node_path4.resolve)(root), abs);
  if (back === "" || !back.startsWith(`..${import_node_path4.sep}`) && back !== ".." && !(0, import_node_path4.isAbsolute)(back)) return abs;
  return void 0;
}
function readRepoFile(root, rel, limit = MAX_FILE_BYTES) {
  const abs = resolveInRoot(root, rel);
  if (!abs) return { kind: "outside-root" };
  let fd;
  try {
    fd = (0, import_node_fs4.openSync)(abs, import_node_fs4.constants.O_RDONLY | import_node_fs4.constants.O_NONBLOCK);
  } catch (e) {
    const code2 = e.code;
    if (code2 === "ENOENT" || code2 === "ENOTDIR") return { kind: "missing" };
    if (code2 === "EISDIR") return { kind: "not-a-file" };
    return { kind: "unreadable", reason: code2 ?? String(e) };
  }
  try {
    const stat = (0, import_node_fs4.fstatSync)(fd);
    if (!stat.isFile()) return { kind: "not-a-file" };
    if (stat.size > limit) return { kind: "too-large", size: stat.size, limit };
    const buf = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let n = 0;
    for (; ; ) {
      const got = (0, import_node_fs4.readSync)(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > limit) return { kind: "too-large", size: n, limit };
    return { kind: "ok", bytes: Buffer.from(buf.subarray(0, n)) };
  } catch (e) {
    const code2 = e.code;
    if (code2 === "EISDIR") return { kind: "not-a-file" };
    return { kind: "unreadable", reason: code2 ?? String(e) };
  } finally {
    (0, import_node_fs4.closeSync)(fd);
  }
}

// src/trio/load.ts
var PIN = { validate: ae, file: pe.validatePin };
var MANIFEST = { validate: ie, file: pe.validateManifest };
var MAX_MATRIX_BYTES = 1024 * 1024;
function loadTrio(root, baseline) {
  return {
    pin: loadJson(root, "pin", baseline.trio.pin, PIN),
    manifest: loadJson(root, "manifest", baseline.trio.manifest, MANIFEST),
    matrix: loadMatrix(root, baseline.trio.matrix, baseline.display_name)
  };
}
function fileOf(role, path, read) {
  if (read.kind !== "ok") return { role, path, read, source: null, sha256: null };
  return {
    role,
    path,
    read,
    source: sourceFromBytes(path, read.bytes),
    sha256: sha256(read.bytes)
  };
}
function loadJson(root, role, path, schema) {
  return jsonFile(fileOf(role, path, readRepoFile(root, path, MAX_FILE_BYTES)), schema);
}
function jsonFile(file, schema) {
  if (!file.source || file.source.text.trim() === "")
    return { ...file, doc: null, data: null, schemaProblems: [] };
  const doc = parseJson(file.source);
  if (doc.syntaxErrors.length > 0) return { ...file, doc, data: null, schemaProblems: [] };
  const isObject = doc.value !== null && typeof doc.value === "object" && !Array.isArray(doc.value);
  return {
    ...file,
    doc,
    data: isObject ? doc.value : null,
    schemaProblems: validateDocument(doc, schema.validate, schema.file)
  };
}
function loadMatrix(root, path, displayName) {
  return matrixFile(fileOf("matrix", path, readRepoFile(root, path, MAX_MATRIX_BYTES)), displayName);
}
function matrixFile(file, displayName) {
  if (!file.source || file.source.text.trim() === "") return { ...file, ledger: null };
  return { ...file, ledger: parseLedger(file.source, displayName) };
}

// src/operations/health.ts
async function runHealth(ctx, options) {
  const gitContext = ctx.runContext();
  const tools = { node: process.version };
  const results = [];
  for (const baseline of options.baselines) {
    const startedAt = ctx.clock();
    const trio = loadTrio(ctx.root, baseline);
    const findings = trioRules(trio, { baseline, now: startedAt });
    const verdict2 = decideVerdict(findings);
    const identity = identityOf(trio);
    const posture = postureOf(trio);
    const git = await gitContext;
    const packet = buildPacket({
      toolVersion: ctx.toolVersion,
      operation: "health",
      baseline: baseline.name,
      startedAt,
      finishedAt: ctx.clock(),
      git,
      policy: ctx.policy,
      trio,
      identity,
      posture,
      findings,
      tools,
      verdict: verdict2
    });
    const name = packetName("health", baseline.name);
    const evidence2 = ctx.evidence.write(`${name}.json`, `${JSON.stringify(packet, null, 2)}
`);
    ctx.evidence.write(`${name}.md`, renderPacketMarkdown(packet));
    results.push({ name: baseline.name, identity, posture, findings, steps: [], verdict: verdict2, evidence: evidence2 });
  }
  const verdict = aggregateVerdict(results.map((r) => r.verdict));
  let evidence = results[0]?.evidence ?? "";
  if (results.length !== 1) {
    const index2 = {
      schema: "evidence-index.v1",
      operation: "health",
      verdict,
      packets: results.map((r) => ({ baseline: r.name, verdict: r.verdict, file: (0, import_node_path5.basename)(r.evidence) }))
    };
    evidence = ctx.evidence.write("health.json", `${JSON.stringify(index2, null, 2)}
`);
  }
  return { operation: "health", verdict, baselines: results, evidence };
}

// src/policy/load.ts
var import_node_fs5 = require("node:fs");
var import_node_path6 = require("node:path");

// src/policy/defaults.ts
var DEFAULT_POLICY_PATH = "config/baseline-policy.json";
var DEFAULT_BASELINE_NAME = "memorykernel";
var DEFAULT_STEP_TIMEOUT_S = 900;
var ALL = ["health", "promotion", "rollback"];
var CHANGE = ["promotion", "rollback"];
function step(name, run, cwd, operations) {
  return { name, run, cwd, timeout_s: DEFAULT_STEP_TIMEOUT_S, operations };
}
function defaultBaseline(name, packageManager = "npm") {
  const script = (s) => packageManager === "yarn" ? ["yarn", "run", s] : [packageManager, "run", s];
  return {
    name,
    display_name: name,
    trio: {
      pin: `config/${name}-integration-pin.json`,
      manifest: `config/${name}-producer-manifest.json`,
      matrix: `docs/${name.toUpperCase().replace(/-/g, "_")}_COMPATIBILITY_MATRIX.md`
    },
    producer: {
      root: `services/${name}`,
      manifest: "contracts/integration/v1/producer-contract-manifest.json",
      handoff: "docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json",
      start: {
        run: [
          "cargo",
          "run",
          "--quiet",
          "--locked",
          "--bin",
          `${name}-service`,
          "--",
          "--bind",
          "127.0.0.1:{port}"
        ],
        cwd: "{producer_root}",
        ready_timeout_s: 120
      }
    },
    suites: {
      concurrent: true,
      consumer: [
        step("typecheck", script("typecheck"), "{repo_root}", CHANGE),
        step("test", script("test"), "{repo_root}", CHANGE),
        step("test:governance-negative", script("test:governance-negative"), "{repo_root}", CHANGE),
        step("test:contract", script("test:contract"), "{repo_root}", ALL),
        step("test:ci", script("test:ci"), "{repo_root}", CHANGE)
      ],
      producer: [
        step("cargo fmt", ["cargo", "fmt", "--all", "--", "--check"], "{producer_root}", CHANGE),
        step(
          "cargo clippy",
          ["cargo", "clippy", "--workspace", "--all-targets", "--all-features", "--", "-D", "warnings"],
          "{producer_root}",
          CHANGE
        ),
        step(
          "cargo test",
          ["cargo", "test", "--workspace", "--all-targets", "--all-features"],
          "{producer_root}",
          CHANGE
        ),
        step(
          "verify producer contract manifest",
          ["bash", "scripts/verify_producer_contract_manifest.sh", "--memorykernel-root", "{producer_root}"],
          "{producer_root}",
          CHANGE
        ),
        step(
          "verify producer handoff payload",
          ["bash", "scripts/verify_producer_handoff_payload.sh", "--memorykernel-root", "{producer_root}"],
          "{producer_root}",
          CHANGE
        )
      ]
    },
    owners: { consumer: [], producer: [] },
    adapter: {
      file: null,
      endpoints: ["/v1/health", "/v1/ready", "/v1/db/schema-version", "/v1/query/ask"],
      scan: ["src/**/*.{ts,tsx,js,jsx,mjs,cjs}"],
      exclude: []
    }
  };
}
function completeStep(partial, cwd) {
  return {
    name: partial.name,
    run: partial.run,
    cwd: partial.cwd ?? cwd,
    timeout_s: partial.timeout_s ?? DEFAULT_STEP_TIMEOUT_S,
    operations: partial.operations ?? CHANGE
  };
}

// src/policy/types.ts
var PolicyError = class extends Error {
  name = "PolicyError";
};

// src/policy/load.ts
function loadPolicy(options) {
  const root = (0, import_node_path6.resolve)(options.root);
  const packageManager = detectPackageManager(root);
  const explicit = options.policyPath !== void 0 && options.policyPath !== "";
  const abs = explicit ? (0, import_node_path6.resolve)(options.cwd ?? process.cwd(), options.policyPath) : (0, import_node_path6.join)(root, DEFAULT_POLICY_PATH);
  const shown = displayPath(root, abs);
  const read = readRepoFile("/", abs);
  if (read.kind === "missing") {
    if (explicit) throw new PolicyError(`${shown}: policy file not found (--policy / input 'policy')`);
    const baselines2 = [defaultBaseline(DEFAULT_BASELINE_NAME, packageManager)];
    return { source: "defaults", path: null, sha256: sha256(JSON.stringify(baselines2)), baselines: baselines2 };
  }
  if (read.kind !== "ok")
    throw new PolicyError(`${shown}: policy file cannot be read (${read.kind.replace(/-/g, " ")})`);
  const file = sourceFromBytes(shown, read.bytes);
  if (!file.validUtf8) throw new PolicyError(`${shown}: policy file is not valid UTF-8`);
  const doc = parseJson(file);
  const syntax = doc.syntaxErrors[0];
  if (syntax) {
    throw new PolicyError(
      `${shown}:${syntax.position.line}:${syntax.position.column}: ${syntax.message}${more(doc.syntaxErrors.length)}`
    );
  }
  if (doc.root === void 0)
    throw new PolicyError(`${shown}: policy file is empty; delete it to use the defaults`);
  const dup = doc.duplicateKeys[0];
  if (dup)
    throw new PolicyError(
      `${shown}:${dup.position.line}:${dup.position.column}: key "${dup.key}" appears twice`
    );
  const problems = validateDocument(doc, oe, pe.validatePolicy);
  const first = problems[0];
  if (first) {
    throw new PolicyError(
      `${shown}:${first.position.line}:${first.position.column}: ${first.message}${more(problems.length)}`
    );
  }
  const raw = doc.value;
  const baselines = Object.entries(raw.baselines).map(([name, b2]) => resolveBaseline(name, b2, packageManager));
  return { source: "file", path: shown, sha256: sha256(read.bytes), baselines };
}
function selectBaselines(policy, name) {
  if (name === void 0 || name === "") return policy.baselines;
  const found = policy.baselines.find((b2) => b2.name === name);
  if (!found) {
    const known = policy.baselines.map((b2) => b2.name).join(", ");
    throw new PolicyError(`unknown baseline "${name}"; the policy defines: ${known}`);
  }
  return [found];
}
function resolveBaseline(name, raw, pm) {
  const d = defaultBaseline(name, pm);
  return {
    name,
    display_name: raw.display_name ?? d.display_name,
    trio: { ...d.trio, ...raw.trio },
    producer: {
      ...d.producer,
      ...raw.producer,
      start: { ...d.producer.start, ...raw.producer?.start }
    },
    suites: {
      concurrent: raw.suites?.concurrent ?? d.suites.concurrent,
      consumer: raw.suites?.consumer?.map((s) => completeStep(s, "{repo_root}")) ?? d.suites.consumer,
      producer: raw.suites?.producer?.map((s) => completeStep(s, "{producer_root}")) ?? d.suites.producer
    },
    owners: { ...d.owners, ...raw.owners },
    adapter: { ...d.adapter, ...raw.adapter }
  };
}
function detectPackageManager(root) {
  if ((0, import_node_fs5.existsSync)((0, import_node_path6.join)(root, "pnpm-lock.yaml"))) return "pnpm";
  if ((0, import_node_fs5.existsSync)((0, import_node_path6.join)(root, "yarn.lock"))) return "yarn";
  return "npm";
}
function displayPath(root, abs) {
  const rel = (0, import_node_path6.relative)(root, abs);
  return rel && !rel.startsWith("..") && !(0, import_node_path6.isAbsolute)(rel) ? rel.split("\\").join("/") : abs;
}
function more(n) {
  return n > 1 ? ` (and ${n - 1} more problem${n > 2 ? "s" : ""})` : "";
}

// package.json
var package_default = {
  name: "baseline-gate",
  version: "0.1.0",
  description: "GitHub Actions and a command line that govern how a consumer pins an embedded producer baseline: health, promotion and rollback of the pin / mirror / matrix trio.",
  private: true,
  type: "module",
  license: "MIT",
  engines: {
    node: ">=20"
  },
  bin: {
    "baseline-gate": "dist/cli/index.js"
  },
  scripts: {
    gen: "node scripts/gen-validators.mjs",
    bundle: "node esbuild.config.mjs",
    build: "npm run gen && npm run bundle",
    typecheck: "tsc -p . --noEmit",
    lint: "eslint . && prettier --check .",
    "format:write": "prettier --write .",
    "format:check": "prettier --check .",
    jest: "bash scripts/jest.sh",
    "check-dist": "bash scripts/check-dist.sh",
    docs: "node scripts/gen-docs.mjs",
    test: "bash scripts/ci-test.sh",
    bench: "node bench/run.mjs"
  },
  dependencies: {
    "@actions/core": "3.0.1",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    "jsonc-parser": "3.3.1",
    "mdast-util-from-markdown": "2.1.0",
    "mdast-util-gfm-table": "2.0.1",
    "mdast-util-to-string": "4.0.0",
    "micromark-extension-gfm-table": "2.1.2",
    semver: "7.8.6"
  },
  devDependencies: {
    "@eslint/js": "10.0.1",
    "@jest/globals": "30.5.2",
    "@types/mdast": "4.0.4",
    "@types/node": "20.19.43",
    "@types/semver": "7.8.0",
    esbuild: "0.28.2",
    eslint: "10.15.0",
    jest: "30.5.2",
    prettier: "3.10.1",
    "ts-jest": "29.4.15",
    typescript: "5.9.3",
    "typescript-eslint": "8.73.0",
    yaml: "2.9.1"
  },
  allowScripts: {
    "@parcel/watcher": false,
    esbuild: false,
    "unrs-resolver": false
  },
  overrides: {
    "unrs-resolver": "1.12.2"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;

// src/cli/args.ts
var import_node_util = require("node:util");
var UsageError = class extends Error {
  name = "UsageError";
};
var USAGE = `Usage: baseline-gate <command> [options]

Commands:
  health    check each baseline's trio (pin, mirror, matrix) against itself and the policy

Options (health):
  --root DIR           repository root (default: the current directory)
  --policy FILE        policy file (default: <root>/config/baseline-policy.json, else built-in defaults)
  --baseline NAME      check only this baseline
  --json               print exactly one JSON object on stdout
  --evidence-dir DIR   where to write the evidence packet (default: <root>/.baseline-gate/evidence)
  -h, --help           show this help
  --version            print the version

Exit status: 0 PASS, 1 FAIL, 2 usage or policy error.`;
function parseCommand(argv) {
  const [first, ...rest] = argv;
  if (first === void 0 || first === "-h" || first === "--help" || first === "help")
    return { command: "help" };
  if (first === "--version" || first === "-v") return { command: "version" };
  if (first !== "health") {
    throw new UsageError(
      first.startsWith("-") ? `expected a command before ${first}; try: baseline-gate health` : `unknown command "${first}"; try: baseline-gate --help`
    );
  }
  let parsed;
  try {
    parsed = (0, import_node_util.parseArgs)({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        root: { type: "string" },
        policy: { type: "string" },
        baseline: { type: "string" },
        json: { type: "boolean", default: false },
        "evidence-dir": { type: "string" },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (e) {
    const message = e.message.split("\n").map((l) => l.trim()).filter(Boolean).join(" ");
    throw new UsageError(`${message.replace(/\.$/, "")}; try: baseline-gate --help`);
  }
  const v2 = parsed.values;
  if (v2.help) return { command: "help", topic: "health" };
  for (const name of ["root", "policy", "baseline", "evidence-dir"]) {
    if (v2[name] === "") throw new UsageError(`--${name} needs a value`);
  }
  return {
    command: "health",
    root: v2.root ?? ".",
    policy: v2.policy,
    baseline: v2.baseline,
    json: v2.json,
    evidenceDir: v2["evidence-dir"]
  };
}

// src/cli/render.ts
var plain = { bold: (s) => s, red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s };
var ansi = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
var colors = {
  bold: ansi(1, 22),
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  green: ansi(32, 39),
  dim: ansi(2, 22)
};
function styleFor(stream, env) {
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return plain;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0") return colors;
  return stream.isTTY ? colors : plain;
}
function renderReport(result, root, s = plain) {
  const out = [];
  for (const b2 of result.baselines) {
    const id = b2.identity;
    out.push(s.bold(`baseline-gate ${result.operation} \xB7 ${b2.name}`));
    const short = id.commit_sha ? id.commit_sha.slice(0, 12) : "?";
    out.push(
      s.dim(
        `  ${id.release_tag ?? "?"} \xB7 commit ${short} \xB7 ${id.service_contract_version ?? "?"} \xB7 ${id.api_contract_version ?? "?"} \xB7 ${id.integration_baseline ?? "?"} \xB7 posture ${b2.posture ?? "?"}`
      )
    );
    out.push("");
    if (b2.findings.length === 0) out.push(`  ${s.green("no findings")}`);
    for (const f of b2.findings) out.push(`  ${findingLine(f, s)}`);
    out.push("");
    const c = countBySeverity(b2.findings);
    const verdict = b2.verdict === "PASS" ? s.green(s.bold("PASS")) : s.red(s.bold("FAIL"));
    out.push(
      `  ${verdict}  ${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.notice, "notice")}`
    );
    out.push(s.dim(`  evidence: ${relativeTo(root, b2.evidence)}`));
    out.push("");
  }
  if (result.baselines.length > 1) {
    out.push(`${s.bold("verdict")} ${result.verdict === "PASS" ? s.green("PASS") : s.red("FAIL")}`);
  }
  return out.join("\n");
}
function findingLine(f, s) {
  const where2 = f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : ""}` : "(no file)";
  const sev = f.severity === "error" ? s.red("error  ") : f.severity === "warning" ? s.yellow("warning") : s.dim("notice ");
  return `${s.bold(where2)}  ${sev}  ${s.dim(f.rule)}  ${f.message}`;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function relativeTo(root, path) {
  const prefix = root.endsWith("/") ? root : `${root}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
function toJson(result) {
  return {
    operation: result.operation,
    verdict: result.verdict,
    baselines: result.baselines.map((b2) => ({
      name: b2.name,
      identity: b2.identity,
      posture: b2.posture,
      findings: b2.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        file: f.file,
        line: f.line,
        column: f.column,
        message: f.message
      })),
      steps: b2.steps
    })),
    evidence: result.evidence
  };
}

// src/cli/main.ts
var EXIT = { pass: 0, fail: 1, usage: 2 };
async function main(argv, io) {
  try {
    const cmd = parseCommand(argv);
    if (cmd.command === "help") {
      io.stdout.write(`${USAGE}
`);
      return EXIT.pass;
    }
    if (cmd.command === "version") {
      io.stdout.write(`${TOOL_VERSION}
`);
      return EXIT.pass;
    }
    const root = (0, import_node_path7.resolve)(io.cwd, cmd.root);
    const policy = loadPolicy({ root, policyPath: cmd.policy, cwd: io.cwd });
    const baselines = selectBaselines(policy, cmd.baseline);
    const defaultDir = (0, import_node_path7.join)(root, ".baseline-gate");
    const evidence = cmd.evidenceDir ? createEvidenceStore((0, import_node_path7.resolve)(io.cwd, cmd.evidenceDir)) : createEvidenceStore((0, import_node_path7.join)(defaultDir, "evidence"), { ignoreInGit: defaultDir });
    const result = await runHealth(
      {
        root,
        policy,
        clock: () => /* @__PURE__ */ new Date(),
        runContext: () => readRunContext(root, io.env),
        evidence,
        toolVersion: TOOL_VERSION
      },
      { baselines }
    );
    if (cmd.json) io.stdout.write(`${JSON.stringify(toJson(result), null, 2)}
`);
    else io.stdout.write(`${renderReport(result, root, styleFor(io.stdout, io.env))}
`);
    return result.verdict === "PASS" ? EXIT.pass : EXIT.fail;
  } catch (e) {
    if (e instanceof UsageError || e instanceof PolicyError) {
      io.stderr.write(`baseline-gate: ${e.message}
`);
      return EXIT.usage;
    }
    const err = e;
    io.stderr.write(`baseline-gate: internal error: ${err?.message ?? String(e)}
`);
    if (io.env.BASELINE_GATE_DEBUG === "1" && err?.stack) io.stderr.write(`${err.stack}
`);
    return EXIT.usage;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  EXIT,
  main
});
