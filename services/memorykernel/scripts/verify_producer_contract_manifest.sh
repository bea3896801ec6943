#!/usr/bin/env bash
# Verify the producer contract manifest: its keys and formats, its agreement with the code's
# contract (memorykernel-service --print-contract), and the published JSON Schemas.
#
# Every failure is reported (one "FAIL: ..." line on stderr each); the exit status is 1 if any
# check failed, 0 otherwise, and 2 for bad usage. No expected value is written here: versions and
# error codes come from the code and the manifest.
# The jq programs are single-quoted on purpose: their $variables belong to jq, not to bash.
# shellcheck disable=SC2016
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: verify_producer_contract_manifest.sh [--memorykernel-root DIR] [-h|--help]

  --memorykernel-root DIR   producer root (default: this script's parent directory)
  -h, --help                print this help and exit

Checks contracts/integration/v1/producer-contract-manifest.json and contracts/integration/v1/schemas/.
Needs jq and cargo. Exit status: 0 all checks passed, 1 a check failed, 2 bad usage.
EOF
}

SCRIPT=verify_producer_contract_manifest.sh
# shellcheck source-path=SCRIPTDIR source=lib/verify.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/verify.sh"
parse_root_args "$@"

MANIFEST=contracts/integration/v1/producer-contract-manifest.json
SCHEMA_DIR=contracts/integration/v1/schemas
SCHEMAS=(
  health-response.schema.json
  ready-response.schema.json
  schema-version-response.schema.json
  query-ask-response.schema.json
  error-envelope.schema.json
)



tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- the manifest file -------------------------------------------------------------------------
check "manifest exists and is a JSON object"
manifest_ok=false
if [ ! -f "$MANIFEST" ]; then
  fail "manifest missing ($MANIFEST): expected a file, got nothing"
elif ! jq empty "$MANIFEST" 2>"$tmp/jq.err"; then
  fail "manifest is not valid JSON ($MANIFEST): expected JSON, got a parse error: $(head -n 1 "$tmp/jq.err")"
elif [ "$(jq -r 'type' "$MANIFEST")" != object ]; then
  fail "manifest top level ($MANIFEST at .): expected an object, got $(jq -r 'type' "$MANIFEST")"
else
  manifest_ok=true
fi

# Shared jq definitions: a failure line, and key presence along a dotted path.
JQ_DEFS='
def failure($what; $path; $expected; $got): "\($what) (\($file) at \($path)): expected \($expected), got \($got)";
def has_path($p): reduce $p[] as $k ({ok: true, v: .};
  if .ok and (.v | type) == "object" and (.v | has($k)) then {ok: true, v: .v[$k]} else {ok: false, v: null} end) | .ok;
def show: if . == null then "null" else tojson end;
'

if $manifest_ok; then
  check "manifest has every required key"
  fail_each --arg file "$MANIFEST" "$JQ_DEFS"'
    [ "manifest_contract_version", "release_tag", "commit_sha", "expected_service_contract_version",
      "expected_api_contract_version", "integration_baseline", "error_code_enum",
      "stability_window.minimum_sprint_days",
      "additive_error_code_notice_policy.standard_business_days",
      "additive_error_code_notice_policy.emergency_notice_hours",
      "additive_error_code_notice_policy.emergency_requires_same_day_docs_spec_tests" ][] as $key
    | select(has_path($key | split(".")) | not)
    | failure("required key \($key) missing"; ".\($key)"; "the key to be present"; "no such key")
  ' "$MANIFEST"

  check "manifest field formats"
  fail_each --arg file "$MANIFEST" "$JQ_DEFS"'
    def pattern($key; $re; $desc):
      if has_path($key | split(".")) then
        getpath($key | split(".")) as $v
        | if ($v | type) == "string" and ($v | test($re)) then empty
          else failure("\($key) has the wrong format"; ".\($key)"; $desc; $v | show) end
      else empty end;
    def nonneg_int($key):
      if has_path($key | split(".")) then
        getpath($key | split(".")) as $v
        | if ($v | type) == "number" and $v >= 0 and ($v | floor) == $v then empty
          else failure("\($key) has the wrong type"; ".\($key)"; "a non-negative integer"; $v | show) end
      else empty end;
    def boolean($key):
      if has_path($key | split(".")) then
        getpath($key | split(".")) as $v
        | if ($v | type) == "boolean" then empty
          else failure("\($key) has the wrong type"; ".\($key)"; "a boolean"; $v | show) end
      else empty end;
    pattern("manifest_contract_version"; "^[a-z][a-z0-9-]*\\.v[1-9][0-9]*$"; "<name>.vN"),
    pattern("release_tag"; "^v(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$"; "a vX.Y.Z tag"),
    pattern("commit_sha"; "^[0-9a-f]{40}$"; "a 40-character lowercase hex commit"),
    pattern("expected_service_contract_version"; "^service\\.v[1-9][0-9]*$"; "service.vN"),
    pattern("expected_api_contract_version"; "^api\\.v[1-9][0-9]*$"; "api.vN"),
    pattern("integration_baseline"; "^integration/v[1-9][0-9]*$"; "integration/vN"),
    nonneg_int("stability_window.minimum_sprint_days"),
    nonneg_int("additive_error_code_notice_policy.standard_business_days"),
    nonneg_int("additive_error_code_notice_policy.emergency_notice_hours"),
    boolean("additive_error_code_notice_policy.emergency_requires_same_day_docs_spec_tests"),
    (if (.service_v3_transition_guard | type) == "object" then
       .service_v3_transition_guard | keys_unsorted[] as $k | "service_v3_transition_guard.\($k)" as $key
       | ($root | boolean($key))
     else empty end),
    (if has("error_code_enum") then
       .error_code_enum as $codes
       | if ($codes | type) != "array" or ($codes | length) == 0 then
           failure("error_code_enum is not a non-empty list"; ".error_code_enum"; "a non-empty array of codes"; $codes | show)
         else
           ($codes | to_entries[]
             | select((.value | type) != "string" or (.value | test("^[a-z][a-z0-9]*(_[a-z0-9]+)*$") | not))
             | failure("error_code_enum entry is not a snake_case code"; ".error_code_enum[\(.key)]"; "snake_case"; .value | show)),
           ($codes | group_by(.)[] | select(length > 1)
             | failure("error_code_enum has a duplicate code"; ".error_code_enum"; "unique codes"; "\(.[0] | show) \(length) times"))
         end
     else empty end)
  ' --argjson root "$(jq -c . "$MANIFEST")" "$MANIFEST"
fi

# --- the code's contract -----------------------------------------------------------------------
check "manifest matches the code's contract (memorykernel-service --print-contract)"
contract_ok=false
if ! command -v cargo >/dev/null 2>&1; then
  fail "cannot read the code's contract (cargo): expected cargo on PATH, got nothing"
elif ! CARGO_NET_OFFLINE=true cargo run --quiet --locked --bin memorykernel-service -- --print-contract \
  >"$tmp/contract.json" 2>"$tmp/contract.err"; then
  fail "cannot read the code's contract (cargo run --quiet --locked --bin memorykernel-service -- --print-contract): expected exit 0, got a failure: $(tail -n 3 "$tmp/contract.err" | tr '\n' ' ')"
elif ! jq -e 'type == "object"' "$tmp/contract.json" >/dev/null 2>&1; then
  fail "the code's contract is not a JSON object (memorykernel-service --print-contract): expected an object, got $(head -c 200 "$tmp/contract.json")"
else
  contract_ok=true
fi

if $contract_ok && $manifest_ok; then
  fail_each --arg file "$MANIFEST" --slurpfile contract "$tmp/contract.json" "$JQ_DEFS"'
    $contract[0] as $c
    | ( [ ["expected_service_contract_version", "service_contract_version"],
          ["expected_api_contract_version", "api_contract_version"],
          ["integration_baseline", "integration_baseline"],
          ["manifest_contract_version", "manifest_contract_version"] ][]
        | .[0] as $mk | .[1] as $ck
        | select($root[$mk] != $c[$ck])
        | failure("\($mk) differs from the code contract"; ".\($mk)";
            "\($c[$ck] | show) (--print-contract \($ck))"; $root[$mk] | show) ),
      ( if .error_code_enum != $c.error_code_enum then
          failure("error_code_enum differs from the code contract (same codes, same order)"; ".error_code_enum";
            ($c.error_code_enum | tojson); (.error_code_enum | show)),
          (if (.error_code_enum | type) == "array" then
             ( ($c.error_code_enum - .error_code_enum)[]
               | failure("error_code_enum lacks a code the service returns"; ".error_code_enum"; "\(show) present"; "absent") ),
             ( (.error_code_enum - $c.error_code_enum)[]
               | failure("error_code_enum lists a code the service does not know"; ".error_code_enum"; "absent"; "\(show)") )
           else empty end)
        else empty end )
  ' --argjson root "$(jq -c . "$MANIFEST")" "$MANIFEST"
fi

# --- the published schemas ---------------------------------------------------------------------
check "integration schemas ($SCHEMA_DIR)"
contract_json='{}'
if $contract_ok; then contract_json=$(jq -c . "$tmp/contract.json"); fi
manifest_codes='null'
if $manifest_ok; then manifest_codes=$(jq -c '.error_code_enum' "$MANIFEST"); fi

declare -A listed=()
for name in "${SCHEMAS[@]}"; do listed[$name]=1; done
schema_files=("${SCHEMAS[@]}")
if [ -d "$SCHEMA_DIR" ]; then
  for path in "$SCHEMA_DIR"/*.json; do
    [ -e "$path" ] || continue
    name=${path##*/}
    if [ -z "${listed[$name]:-}" ]; then schema_files+=("$name"); fi
  done
fi

for name in "${schema_files[@]}"; do
  file="$SCHEMA_DIR/$name"
  if [ ! -f "$file" ]; then
    fail "schema missing ($file): expected a file, got nothing"
    continue
  fi
  if ! jq empty "$file" 2>"$tmp/jq.err"; then
    fail "schema is not valid JSON ($file): expected JSON, got a parse error: $(head -n 1 "$tmp/jq.err")"
    continue
  fi
  fail_each --arg file "$file" --arg name "$name" --argjson contract "$contract_json" \
    --argjson codes "$manifest_codes" "$JQ_DEFS"'
    def is_error_schema: $name == "error-envelope.schema.json";
    def is_success_schema: $name | test("-response\\.schema\\.json$");
    if type != "object" then failure("schema is not an object"; "."; "an object"; type) else
      ( if (."$id" | type) != "string" or (."$id" | length) == 0 then
          failure("schema has no $id"; ".[\"$id\"]"; "a string"; ."$id" | show)
        elif $contract.integration_baseline != null
          and ."$id" != "https://memorykernel.dev/contracts/\($contract.integration_baseline)/schemas/\($name)" then
          failure("schema $id does not name its file"; ".[\"$id\"]";
            "https://memorykernel.dev/contracts/\($contract.integration_baseline)/schemas/\($name)" | show; ."$id" | show)
        else empty end ),
      ( if ."$schema" != "https://json-schema.org/draft/2020-12/schema" then
          failure("schema is not draft 2020-12"; ".[\"$schema\"]"; "\"https://json-schema.org/draft/2020-12/schema\""; ."$schema" | show)
        else empty end ),
      ( if (is_error_schema or is_success_schema) and .additionalProperties != false then
          failure("schema allows unknown top-level fields"; ".additionalProperties"; "false"; .additionalProperties | show)
        else empty end ),
      ( if (is_error_schema or is_success_schema) and $contract.service_contract_version != null
          and .properties.service_contract_version.const != $contract.service_contract_version then
          failure("service_contract_version const differs from the code contract"; ".properties.service_contract_version.const";
            $contract.service_contract_version | show; .properties.service_contract_version.const | show)
        else empty end ),
      ( if is_success_schema then
          ( if $contract.api_contract_version != null
              and .properties.api_contract_version.const != $contract.api_contract_version then
              failure("api_contract_version const differs from the code contract"; ".properties.api_contract_version.const";
                $contract.api_contract_version | show; .properties.api_contract_version.const | show)
            else empty end ),
          ( if .properties.data.additionalProperties != false then
              failure("data allows unknown fields"; ".properties.data.additionalProperties"; "false"; .properties.data.additionalProperties | show)
            else empty end ),
          ( ["service_contract_version", "api_contract_version", "data"] - (.required // []) | .[]
            | failure("success envelope field not required"; ".required"; "\(show) in required"; "absent") )
        else empty end ),
      ( if is_error_schema then
          ( ["legacy_error", "api_contract_version"][] as $f
            | (select(.properties | has($f)?)
               | failure("error envelope declares a forbidden field"; ".properties.\($f)"; "no such property"; "declared")),
              (select(.properties.error.properties | has($f)?)
               | failure("error envelope declares a forbidden field"; ".properties.error.properties.\($f)"; "no such property"; "declared")) ),
          ( if .properties.error.additionalProperties != false then
              failure("error object allows unknown fields (legacy_error would pass)"; ".properties.error.additionalProperties";
                "false"; .properties.error.additionalProperties | show)
            else empty end ),
          ( ["service_contract_version", "error"] - (.required // []) | .[]
            | failure("error envelope field not required"; ".required"; "\(show) in required"; "absent") ),
          ( ["code", "message"] - (.properties.error.required // []) | .[]
            | failure("error field not required"; ".properties.error.required"; "\(show) in required"; "absent") ),
          ( if $codes != null and .properties.error.properties.code.enum != $codes then
              failure("error code enum differs from the manifest error_code_enum"; ".properties.error.properties.code.enum";
                "\($codes | tojson) (\($manifest))"; .properties.error.properties.code.enum | show)
            else empty end )
        else empty end )
    end
  ' --arg manifest "$MANIFEST" "$file"
done

if [ "$failures" -gt 0 ]; then
  echo "Producer contract manifest checks FAILED: $failures failure(s)." >&2
  exit 1
fi
echo "Producer contract manifest checks passed."
