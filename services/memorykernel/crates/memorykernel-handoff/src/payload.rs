//! The release handoff payload: built from the manifest, with relative paths only.

use memorykernel_contract::json::{string_array, Object, Value};
use memorykernel_contract::{CHANGELOG_PATH, MANIFEST_PATH};

/// The two payload modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Stable,
    ServiceV3Candidate,
}

impl Mode {
    /// Parse the `--mode` value.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "stable" => Some(Mode::Stable),
            "service-v3-candidate" => Some(Mode::ServiceV3Candidate),
            _ => None,
        }
    }

    /// The `handoff_mode` value.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Stable => "stable",
            Mode::ServiceV3Candidate => "service-v3-candidate",
        }
    }
}

/// The manifest fields copied into the payload, in payload order.
pub const IDENTITY_FIELDS: [&str; 5] = [
    "release_tag",
    "commit_sha",
    "expected_service_contract_version",
    "expected_api_contract_version",
    "integration_baseline",
];

/// Commands a reviewer runs in the producer root, all relative.
pub const VERIFICATION_COMMANDS: [&str; 5] = [
    "cargo fmt --all -- --check",
    "cargo clippy --workspace --all-targets --all-features -- -D warnings",
    "cargo test --workspace --all-targets --all-features",
    "bash scripts/verify_producer_contract_manifest.sh --memorykernel-root .",
    "bash scripts/verify_producer_handoff_payload.sh --memorykernel-root .",
];

/// Commands the consumer runs to validate a candidate.
pub const REQUIRED_CONSUMER_VALIDATION_COMMANDS: [&str; 4] = [
    "npx baseline-gate health",
    "npx baseline-gate promote --base origin/main",
    "npm run test:contract",
    "npm run test:ci",
];

/// The manifest values the payload needs, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ManifestFacts {
    /// The five identity fields, in [`IDENTITY_FIELDS`] order.
    pub identity: Vec<(String, String)>,
    pub error_code_enum: Vec<String>,
    pub manifest_contract_version: String,
}

/// Read the facts from a parsed manifest, naming every missing or mistyped field at once.
///
/// # Errors
/// One message per problem.
pub fn manifest_facts(manifest: &Value) -> Result<ManifestFacts, Vec<String>> {
    let Some(object) = manifest.as_object() else {
        return Err(vec![format!(
            "the manifest must be a JSON object, got {}",
            manifest.type_name()
        )]);
    };
    let mut problems = Vec::new();
    let mut string_field = |key: &str| -> String {
        match object.get(key) {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(Value::String(_)) => {
                problems.push(format!("{key} must not be empty"));
                String::new()
            }
            Some(other) => {
                problems.push(format!("{key} must be a string, got {}", other.type_name()));
                String::new()
            }
            None => {
                problems.push(format!("missing required key {key}"));
                String::new()
            }
        }
    };
    let identity: Vec<(String, String)> = IDENTITY_FIELDS
        .iter()
        .map(|k| ((*k).to_owned(), string_field(k)))
        .collect();
    let manifest_contract_version = string_field("manifest_contract_version");
    let error_code_enum = match object.get("error_code_enum") {
        Some(Value::Array(items)) if !items.is_empty() => {
            let codes: Vec<String> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            if codes.len() == items.len() {
                codes
            } else {
                problems.push("error_code_enum must contain only strings".to_owned());
                Vec::new()
            }
        }
        Some(Value::Array(_)) => {
            problems.push("error_code_enum must not be empty".to_owned());
            Vec::new()
        }
        Some(other) => {
            problems.push(format!(
                "error_code_enum must be an array, got {}",
                other.type_name()
            ));
            Vec::new()
        }
        None => {
            problems.push("missing required key error_code_enum".to_owned());
            Vec::new()
        }
    };
    if problems.is_empty() {
        Ok(ManifestFacts {
            identity,
            error_code_enum,
            manifest_contract_version,
        })
    } else {
        Err(problems)
    }
}

fn envelope_policy() -> Object {
    Object::new()
        .with(
            "requires",
            string_array(&["service_contract_version", "error.code", "error.message"]),
        )
        .with("optional", string_array(&["error.details"]))
        .with(
            "forbids",
            string_array(&["legacy_error", "api_contract_version"]),
        )
}

/// The payload, keys in their documented order.
#[must_use]
pub fn build(facts: &ManifestFacts, mode: Mode, generated_at: &str) -> Value {
    let mut payload = Object::new()
        .with("handoff_generated_at_utc", generated_at)
        .with("handoff_mode", mode.as_str());
    let mut baseline = Object::new();
    for (key, value) in &facts.identity {
        payload.insert(key.as_str(), value.as_str());
        baseline.insert(key.as_str(), value.as_str());
    }
    payload = payload
        .with("active_runtime_baseline", baseline)
        .with("error_code_enum", string_array(&facts.error_code_enum))
        .with(
            "non_2xx_envelope_policy",
            Object::new()
                .with("service_v3_stable", envelope_policy())
                .with("service_v3_candidate", envelope_policy()),
        )
        .with(
            "manifest_contract_version",
            facts.manifest_contract_version.as_str(),
        )
        .with("manifest_path", MANIFEST_PATH)
        .with("changelog_path", CHANGELOG_PATH)
        .with(
            "verification_commands",
            string_array(&VERIFICATION_COMMANDS),
        )
        .with(
            "consumer_impact_statement_template",
            Object::new()
                .with("runtime_behavior_changes", "<none|describe>")
                .with("required_consumer_mapping_changes", "<none|describe>")
                .with("required_test_updates", "<none|describe>")
                .with("repin_required", "<yes/no>")
                .with("rollback_instruction", "repin to <previous tag/sha>"),
        );
    if mode == Mode::ServiceV3Candidate {
        payload = payload
            .with(
                "rehearsal_candidate",
                Object::new()
                    .with("requires_runtime_cutover", false)
                    .with("service_v2_runtime_stability_required", true)
                    .with("migration_overlap_days", 14u64)
                    .with("consumer_non_blocking_fallback_required", true),
            )
            .with(
                "compatibility_expectations",
                Object::new()
                    .with(
                        "candidate_values_override_release_baseline_fields",
                        string_array(&["expected_service_contract_version"]),
                    )
                    .with(
                        "fields_that_must_match_active_runtime_baseline",
                        string_array(&[
                            "release_tag",
                            "commit_sha",
                            "expected_api_contract_version",
                            "integration_baseline",
                            "error_code_enum",
                        ]),
                    ),
            )
            .with(
                "required_consumer_validation_commands",
                string_array(&REQUIRED_CONSUMER_VALIDATION_COMMANDS),
            );
    }
    Value::from(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use memorykernel_contract::json::parse;

    const MANIFEST: &str = r#"{
      "manifest_contract_version": "producer-contract-manifest.v1",
      "release_tag": "v9.8.7",
      "commit_sha": "0123456789abcdef0123456789abcdef01234567",
      "expected_service_contract_version": "service.v3",
      "expected_api_contract_version": "api.v1",
      "integration_baseline": "integration/v1",
      "error_code_enum": ["b_code", "a_code"]
    }"#;

    fn facts() -> ManifestFacts {
        manifest_facts(&parse(MANIFEST).unwrap()).unwrap()
    }

    fn keys(v: &Value) -> Vec<&str> {
        v.as_object().unwrap().keys().collect()
    }

    #[test]
    fn stable_payload_has_the_documented_keys_in_order() {
        let p = build(&facts(), Mode::Stable, "2026-01-01T00:00:00Z");
        assert_eq!(
            keys(&p),
            [
                "handoff_generated_at_utc",
                "handoff_mode",
                "release_tag",
                "commit_sha",
                "expected_service_contract_version",
                "expected_api_contract_version",
                "integration_baseline",
                "active_runtime_baseline",
                "error_code_enum",
                "non_2xx_envelope_policy",
                "manifest_contract_version",
                "manifest_path",
                "changelog_path",
                "verification_commands",
                "consumer_impact_statement_template",
            ]
        );
        assert_eq!(p.get("release_tag").and_then(Value::as_str), Some("v9.8.7"));
        assert_eq!(
            keys(p.get("active_runtime_baseline").unwrap()),
            IDENTITY_FIELDS
        );
        // Manifest order is kept, not sorted.
        assert_eq!(
            p.get("error_code_enum"),
            Some(&string_array(&["b_code", "a_code"]))
        );
    }

    #[test]
    fn candidate_payload_appends_three_keys() {
        let p = build(&facts(), Mode::ServiceV3Candidate, "2026-01-01T00:00:00Z");
        let k = keys(&p);
        assert_eq!(k.len(), 18);
        assert_eq!(
            &k[15..],
            [
                "rehearsal_candidate",
                "compatibility_expectations",
                "required_consumer_validation_commands"
            ]
        );
        assert_eq!(
            p.get("rehearsal_candidate")
                .and_then(|r| r.get("requires_runtime_cutover")),
            Some(&Value::Bool(false))
        );
    }

    #[test]
    fn no_string_is_an_absolute_path() {
        fn walk(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::String(s) => out.push(s.clone()),
                Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
                Value::Object(o) => o.iter().for_each(|(k, i)| {
                    out.push(k.to_owned());
                    walk(i, out);
                }),
                _ => {}
            }
        }
        let mut strings = Vec::new();
        walk(
            &build(&facts(), Mode::ServiceV3Candidate, "2026-01-01T00:00:00Z"),
            &mut strings,
        );
        for s in strings {
            assert!(
                !s.starts_with('/') && !s.contains("/home/") && !s.contains("/Users/"),
                "{s}"
            );
            assert!(!s.contains(":\\"), "{s}");
        }
    }

    #[test]
    fn reports_every_manifest_problem() {
        let bad = parse(r#"{"release_tag": 1, "commit_sha": "", "error_code_enum": [1]}"#).unwrap();
        let problems = manifest_facts(&bad).unwrap_err();
        let text = problems.join("\n");
        for needle in [
            "release_tag must be a string, got number",
            "commit_sha must not be empty",
            "missing required key expected_service_contract_version",
            "missing required key manifest_contract_version",
            "error_code_enum must contain only strings",
        ] {
            assert!(text.contains(needle), "{needle} not in {text}");
        }
        assert!(manifest_facts(&parse("[]").unwrap()).is_err());
        let empty = parse(r#"{"error_code_enum": []}"#).unwrap();
        assert!(manifest_facts(&empty)
            .unwrap_err()
            .join("\n")
            .contains("must not be empty"));
    }

    #[test]
    fn modes_round_trip() {
        for mode in [Mode::Stable, Mode::ServiceV3Candidate] {
            assert_eq!(Mode::parse(mode.as_str()), Some(mode));
        }
        assert_eq!(Mode::parse("candidate"), None);
    }
}
