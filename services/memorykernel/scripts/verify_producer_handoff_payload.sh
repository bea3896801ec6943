#!/usr/bin/env bash
# Verify the producer release handoff payload: regenerate the stable and service-v3-candidate
# payloads, check them and the published copy against the manifest and the mode rules, and check
# that the published copy is exactly a fresh generation (apart from its timestamp).
#
# Every failure is reported (one "FAIL: ..." line on stderr each); the exit status is 1 if any
# check failed, 0 otherwise, and 2 for bad usage. Expected values come from the manifest.
# The jq programs are single-quoted on purpose: their $variables belong to jq, not to bash.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: verify_producer_handoff_payload.sh [--memorykernel-root DIR] [-h|--help]

  --memorykernel-root DIR   producer root (default: this script's parent directory)
  -h, --help                print this help and exit

Checks docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json and freshly generated payloads
against contracts/integration/v1/producer-contract-manifest.json.
Needs jq, cargo and GNU date. Exit status: 0 all checks passed, 1 a check failed, 2 bad usage.
EOF
}

SCRIPT=verify_producer_handoff_payload.sh
# shellcheck source-path=SCRIPTDIR source=lib/verify.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/verify.sh"
parse_root_args "$@"

MANIFEST=contracts/integration/v1/producer-contract-manifest.json
PUBLISHED=docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json
GENERATOR=scripts/generate_producer_handoff_payload.sh
# Any valid instant: the fresh payloads are compared ignoring their timestamp.
FIXED_AT=2000-01-01T00:00:00Z

# A JSON file that exists and parses; otherwise one failure and status 1.
json_file_ok() {
  local what=$1 file=$2
  if [ ! -f "$file" ]; then
    fail "$what missing ($file): expected a file, got nothing"
    return 1
  fi
  if ! jq empty "$file" 2>"$tmp/jq.err"; then
    fail "$what is not valid JSON ($file): expected JSON, got a parse error: $(head -n 1 "$tmp/jq.err")"
    return 1
  fi
  if [ "$(jq -r 'type' "$file")" != object ]; then
    fail "$what top level ($file at .): expected an object, got $(jq -r 'type' "$file")"
    return 1
  fi
}


tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

JQ_DEFS='
def failure($what; $path; $expected; $got): "\($what) (\($file) at \($path)): expected \($expected), got \($got)";
def show: if . == null then "null" else tojson end;
def jqpath: if length == 0 then "."
  else map(if type == "number" then "[\(.)]" elif test("^[A-Za-z_][A-Za-z0-9_]*$") then ".\(.)" else "[\(tojson)]" end) | join("") end;
'

# --- inputs ------------------------------------------------------------------------------------
check "inputs: manifest and published payload"
manifest_ok=false
if json_file_ok "manifest" "$MANIFEST"; then manifest_ok=true; fi
published_ok=false
if json_file_ok "published payload" "$PUBLISHED"; then published_ok=true; fi

# --- fresh generations -------------------------------------------------------------------------
check "regenerate the stable and service-v3-candidate payloads ($GENERATOR)"
declare -A fresh=()
for mode in stable service-v3-candidate; do
  out="$tmp/$mode.json"
  if [ ! -f "$GENERATOR" ]; then
    fail "generator missing ($GENERATOR): expected a file, got nothing"
    break
  fi
  if bash "$GENERATOR" --memorykernel-root . --mode "$mode" --generated-at "$FIXED_AT" --out-json "$out" \
    >/dev/null 2>"$tmp/$mode.err"; then
    if json_file_ok "fresh $mode payload" "$out"; then fresh[$mode]=$out; fi
  else
    fail "cannot generate the $mode payload ($GENERATOR --mode $mode): expected exit 0, got a failure: $(tail -n 3 "$tmp/$mode.err" | tr '\n' ' ')"
  fi
done

# --- per-payload invariants --------------------------------------------------------------------
# $expected_mode is "stable", "service-v3-candidate", or "" (published: either, by its handoff_mode).
PAYLOAD_RULES='
def common_keys: ["handoff_generated_at_utc", "handoff_mode", "release_tag", "commit_sha",
  "expected_service_contract_version", "expected_api_contract_version", "integration_baseline",
  "active_runtime_baseline", "error_code_enum", "non_2xx_envelope_policy", "manifest_contract_version",
  "manifest_path", "changelog_path", "verification_commands", "consumer_impact_statement_template"];
def identity: ["release_tag", "commit_sha", "expected_service_contract_version",
  "expected_api_contract_version", "integration_baseline"];
def candidate_keys: ["rehearsal_candidate", "compatibility_expectations", "required_consumer_validation_commands"];
def policy: {requires: ["service_contract_version", "error.code", "error.message"],
  optional: ["error.details"], forbids: ["legacy_error", "api_contract_version"]};
def absolute: test("^/") or test("/Users/") or test("/home/") or test("(^|[^A-Za-z])[A-Za-z]:[\\\\/]");
$manifest[0] as $m
| . as $p
| (if $expected_mode == "" then .handoff_mode else $expected_mode end) as $mode
| ( (common_keys[] | select(. as $k | $p | has($k) | not)
     | failure("required key \(.) missing"; ".\(.)"; "the key to be present"; "no such key")),
    (identity[] as $k | select($p | has($k)) | select($p[$k] != $m[$k])
     | failure("\($k) differs from the manifest"; ".\($k)"; $m[$k] | show; $p[$k] | show)),
    (if has("active_runtime_baseline") then
       if (.active_runtime_baseline | type) != "object" then
         failure("active_runtime_baseline is not an object"; ".active_runtime_baseline"; "an object"; .active_runtime_baseline | show)
       else
         (identity[] as $k | select($p.active_runtime_baseline[$k] != $m[$k])
          | failure("active_runtime_baseline.\($k) differs from the manifest"; ".active_runtime_baseline.\($k)";
              $m[$k] | show; $p.active_runtime_baseline[$k] | show)),
         ((.active_runtime_baseline | keys_unsorted) - identity | .[]
          | failure("active_runtime_baseline has an unknown key"; ".active_runtime_baseline.\(.)"; "only \(identity | join(", "))"; show))
       end
     else empty end),
    (if has("error_code_enum") and .error_code_enum != $m.error_code_enum then
       failure("error_code_enum differs from the manifest (same codes, same order)"; ".error_code_enum";
         $m.error_code_enum | show; .error_code_enum | show)
     else empty end),
    (if has("manifest_contract_version") and .manifest_contract_version != $m.manifest_contract_version then
       failure("manifest_contract_version differs from the manifest"; ".manifest_contract_version";
         $m.manifest_contract_version | show; .manifest_contract_version | show)
     else empty end),
    (if has("non_2xx_envelope_policy") then
       .non_2xx_envelope_policy as $np
       | if ($np | type) != "object" then
           failure("non_2xx_envelope_policy is not an object"; ".non_2xx_envelope_policy"; "an object"; $np | show)
         else
           ["service_v3_stable", "service_v3_candidate"][] as $which
           | if ($np[$which] | type) != "object" then
               failure("non_2xx_envelope_policy.\($which) missing"; ".non_2xx_envelope_policy.\($which)";
                 "an object with requires, optional, forbids"; $np[$which] | show)
             else
               ((($np[$which] | keys_unsorted) - ["requires", "optional", "forbids"])[]
                | failure("non_2xx_envelope_policy.\($which) has an unknown key"; ".non_2xx_envelope_policy.\($which).\(.)";
                    "only requires, optional, forbids"; show)),
               (["requires", "optional", "forbids"][] as $set
                | $np[$which][$set] as $got
                | select(($got | type) != "array" or ($got | sort) != (policy[$set] | sort) or ($got | length) != ($got | unique | length))
                | failure("non_2xx_envelope_policy.\($which).\($set) is not the expected set";
                    ".non_2xx_envelope_policy.\($which).\($set)"; policy[$set] | show; $got | show))
             end
         end
     else empty end),
    (if has("handoff_generated_at_utc")
        and ((.handoff_generated_at_utc | type) != "string"
             or (.handoff_generated_at_utc | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$") | not)) then
       failure("handoff_generated_at_utc is not a UTC timestamp"; ".handoff_generated_at_utc";
         "YYYY-MM-DDTHH:MM:SSZ"; .handoff_generated_at_utc | show)
     else empty end),
    (if .handoff_mode != $mode then
       failure("handoff_mode is wrong for the \($name) payload"; ".handoff_mode"; $mode | show; .handoff_mode | show)
     else empty end),
    (if $mode == "stable" then
       (candidate_keys[] as $k | select($p | has($k))
        | failure("stable payload carries a candidate-only key"; ".\($k)"; "no such key"; "present"))
     elif $mode == "service-v3-candidate" then
       (candidate_keys[] as $k | select($p | has($k) | not)
        | failure("candidate payload lacks \($k)"; ".\($k)"; "the key to be present"; "no such key")),
       (if (.rehearsal_candidate | type) == "object" then
          (if .rehearsal_candidate.requires_runtime_cutover != false then
             failure("candidate must not require a runtime cutover"; ".rehearsal_candidate.requires_runtime_cutover";
               "false"; .rehearsal_candidate.requires_runtime_cutover | show)
           else empty end),
          (if .rehearsal_candidate.consumer_non_blocking_fallback_required != true then
             failure("candidate must require a non-blocking consumer fallback";
               ".rehearsal_candidate.consumer_non_blocking_fallback_required";
               "true"; .rehearsal_candidate.consumer_non_blocking_fallback_required | show)
           else empty end)
        elif has("rehearsal_candidate") then
          failure("rehearsal_candidate is not an object"; ".rehearsal_candidate"; "an object"; .rehearsal_candidate | show)
        else empty end)
     else
       failure("unsupported handoff_mode"; ".handoff_mode"; "\"stable\" or \"service-v3-candidate\""; .handoff_mode | show)
     end),
    (paths as $path | select($path[-1] | type == "string") | select($path[-1] | absolute)
     | failure("absolute path used as a key"; $path | jqpath; "relative paths only"; $path[-1] | show)),
    (paths(type == "string") as $path | getpath($path) | select(absolute)
     | failure("absolute or machine-specific path in the payload"; $path | jqpath; "relative paths only"; show))
  )
'

check_payload() {
  local name=$1 file=$2 expected_mode=$3 label=$4 ts
  check "$name payload ($label)"
  fail_each --arg file "$label" --arg name "$name" --arg expected_mode "$expected_mode" \
    --slurpfile manifest "$MANIFEST" "$JQ_DEFS$PAYLOAD_RULES" "$file"
  # A real calendar instant, not just the right shape.
  ts=$(jq -r '.handoff_generated_at_utc | strings' "$file")
  if [[ $ts =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]]; then
    if [ "$(date -u -d "$ts" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || true)" != "$ts" ]; then
      fail "handoff_generated_at_utc is not a real date ($label at .handoff_generated_at_utc): expected a valid UTC instant, got \"$ts\""
    fi
  fi
  # The paths it names exist under the root.
  local key rel
  for key in manifest_path changelog_path; do
    rel=$(jq -r --arg k "$key" '.[$k] | strings' "$file")
    if [ -n "$rel" ] && [ ! -f "$rel" ]; then
      fail "$key names no file under the producer root ($label at .$key): expected an existing relative path, got \"$rel\""
    fi
  done
}

if $manifest_ok; then
  if [ -n "${fresh[stable]:-}" ]; then check_payload stable "${fresh[stable]}" stable "generated by $GENERATOR --mode stable"; fi
  if [ -n "${fresh[service-v3-candidate]:-}" ]; then
    check_payload candidate "${fresh[service-v3-candidate]}" service-v3-candidate \
      "generated by $GENERATOR --mode service-v3-candidate"
  fi
  if $published_ok; then check_payload published "$PUBLISHED" "" "$PUBLISHED"; fi
fi

# --- the published payload is a fresh generation ----------------------------------------------
if $published_ok; then
  published_mode=$(jq -r '.handoff_mode | strings' "$PUBLISHED")
  check "published payload equals a fresh ${published_mode:-?} generation (ignoring handoff_generated_at_utc)"
  if [ -n "${fresh[$published_mode]:-}" ]; then
    fail_each --arg file "$PUBLISHED" --arg mode "$published_mode" --slurpfile fresh "${fresh[$published_mode]}" \
      "$JQ_DEFS"'
      def absent: "(absent)";
      def firstdiff($a; $b; $p):
        if $a == $b then empty
        elif ($a | type) == "object" and ($b | type) == "object" then
          (($a | keys_unsorted) + (($b | keys_unsorted) - ($a | keys_unsorted)))[] as $k
          | if ($a | has($k)) and ($b | has($k)) then firstdiff($a[$k]; $b[$k]; $p + [$k])
            else {path: ($p + [$k]),
                  published: (if ($a | has($k)) then ($a[$k] | show) else absent end),
                  fresh: (if ($b | has($k)) then ($b[$k] | show) else absent end)} end
        elif ($a | type) == "array" and ($b | type) == "array" then
          range(0; [($a | length), ($b | length)] | max) as $i
          | if $i < ($a | length) and $i < ($b | length) then firstdiff($a[$i]; $b[$i]; $p + [$i])
            else {path: ($p + [$i]),
                  published: (if $i < ($a | length) then ($a[$i] | show) else absent end),
                  fresh: (if $i < ($b | length) then ($b[$i] | show) else absent end)} end
        else {path: $p, published: ($a | show), fresh: ($b | show)} end;
      first(firstdiff(del(.handoff_generated_at_utc); $fresh[0] | del(.handoff_generated_at_utc); []))
      | failure("published payload differs from a fresh \($mode) generation (first difference)"; .path | jqpath;
          "\(.fresh) (fresh)"; "\(.published) (published)")
    ' "$PUBLISHED"
  else
    fail "cannot compare the published payload ($PUBLISHED at .handoff_mode): expected a mode that was generated (stable or service-v3-candidate), got \"$published_mode\""
  fi
fi

# --- the changelog has an entry for the release -----------------------------------------------
check "CHANGELOG.md has an entry for the manifest's release_tag"
if $manifest_ok; then
  tag=$(jq -r '.release_tag | strings' "$MANIFEST")
  if [ ! -f CHANGELOG.md ]; then
    fail "changelog missing (CHANGELOG.md): expected a file, got nothing"
  elif [ -n "$tag" ] && ! grep -E '^## ' CHANGELOG.md | grep -qF -- "$tag"; then
    fail "changelog has no entry for the release (CHANGELOG.md): expected a '## ' heading naming $tag, got none"
  fi
fi

if [ "$failures" -gt 0 ]; then
  if [ -n "${fresh[${published_mode:-none}]:-}" ]; then
    echo "hint: after fixing the inputs, republish with: bash $GENERATOR --mode $published_mode --generated-at <YYYY-MM-DDTHH:MM:SSZ> --out-json $PUBLISHED" >&2
  fi
  echo "Producer handoff payload checks FAILED: $failures failure(s)." >&2
  exit 1
fi
echo "Producer handoff payload checks passed."
