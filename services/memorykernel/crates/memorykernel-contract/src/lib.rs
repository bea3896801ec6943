//! The MemoryKernel producer contract: the one place that defines the contract versions, the
//! error codes and the shape of every response envelope.
//!
//! The service, the handoff generator and (through `memorykernel-service --print-contract`) the
//! verify scripts and the consumer all read these values from here; nothing else spells them.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod envelope;
pub mod json;
pub mod timestamp;

use json::{string_array, Object, Value};

/// The service contract version carried by every response envelope.
pub const SERVICE_CONTRACT_VERSION: &str = "service.v3";
/// The API contract version carried by every success envelope (never by an error envelope).
pub const API_CONTRACT_VERSION: &str = "api.v1";
/// The integration pack this producer publishes (`contracts/<baseline>/`).
pub const INTEGRATION_BASELINE: &str = "integration/v1";
/// The format version of `producer-contract-manifest.json`.
pub const MANIFEST_CONTRACT_VERSION: &str = "producer-contract-manifest.v1";
/// Where the manifest lives, relative to the producer root.
pub const MANIFEST_PATH: &str = "contracts/integration/v1/producer-contract-manifest.json";
/// Where the changelog lives, relative to the producer root.
pub const CHANGELOG_PATH: &str = "CHANGELOG.md";
/// The ruleset that decides `/v1/query/ask` answers.
pub const RULESET_VERSION: &str = "ruleset.v1";

/// The database schema version this build runs at.
pub const CURRENT_SCHEMA_VERSION: u32 = 3;
/// The newest schema version this build knows how to migrate to.
pub const TARGET_SCHEMA_VERSION: u32 = 3;

// A build can never run ahead of the schema it migrates to.
const _: () = assert!(CURRENT_SCHEMA_VERSION <= TARGET_SCHEMA_VERSION);

/// The machine-readable code of an error envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    InvalidJson,
    ValidationError,
    ContextPackageNotFound,
    WriteConflict,
    WriteFailed,
    SchemaUnavailable,
    MigrationFailed,
    QueryFailed,
    ContextLookupFailed,
    InternalError,
}

impl ErrorCode {
    /// Every code, in the manifest's canonical order.
    pub const ALL: [ErrorCode; 10] = [
        ErrorCode::InvalidJson,
        ErrorCode::ValidationError,
        ErrorCode::ContextPackageNotFound,
        ErrorCode::WriteConflict,
        ErrorCode::WriteFailed,
        ErrorCode::SchemaUnavailable,
        ErrorCode::MigrationFailed,
        ErrorCode::QueryFailed,
        ErrorCode::ContextLookupFailed,
        ErrorCode::InternalError,
    ];

    /// The wire spelling, e.g. `"invalid_json"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::ValidationError => "validation_error",
            ErrorCode::ContextPackageNotFound => "context_package_not_found",
            ErrorCode::WriteConflict => "write_conflict",
            ErrorCode::WriteFailed => "write_failed",
            ErrorCode::SchemaUnavailable => "schema_unavailable",
            ErrorCode::MigrationFailed => "migration_failed",
            ErrorCode::QueryFailed => "query_failed",
            ErrorCode::ContextLookupFailed => "context_lookup_failed",
            ErrorCode::InternalError => "internal_error",
        }
    }

    /// The code's normative HTTP status. Transport-level rejections (404, 405, 408, 411, 413)
    /// carry `validation_error` with their own status instead.
    #[must_use]
    pub const fn default_status(self) -> u16 {
        match self {
            ErrorCode::InvalidJson | ErrorCode::ValidationError => 400,
            ErrorCode::ContextPackageNotFound => 404,
            ErrorCode::WriteConflict => 409,
            ErrorCode::SchemaUnavailable => 503,
            ErrorCode::WriteFailed
            | ErrorCode::MigrationFailed
            | ErrorCode::QueryFailed
            | ErrorCode::ContextLookupFailed
            | ErrorCode::InternalError => 500,
        }
    }

    /// The code with this wire spelling.
    #[must_use]
    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The error codes' wire spellings, in the manifest's canonical order.
pub const ERROR_CODES: [&str; 10] = {
    let mut out = [""; 10];
    let mut i = 0;
    while i < ErrorCode::ALL.len() {
        out[i] = ErrorCode::ALL[i].as_str();
        i += 1;
    }
    out
};

/// The contract summary printed by `memorykernel-service --print-contract`.
#[must_use]
pub fn contract_summary() -> Value {
    Value::from(
        Object::new()
            .with("service_contract_version", SERVICE_CONTRACT_VERSION)
            .with("api_contract_version", API_CONTRACT_VERSION)
            .with("integration_baseline", INTEGRATION_BASELINE)
            .with("manifest_contract_version", MANIFEST_CONTRACT_VERSION)
            .with("error_code_enum", string_array(&ERROR_CODES)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn error_codes_are_unique_snake_case_and_round_trip() {
        let unique: HashSet<_> = ERROR_CODES.iter().collect();
        assert_eq!(unique.len(), ERROR_CODES.len());
        for (code, wire) in ErrorCode::ALL.iter().zip(ERROR_CODES) {
            assert_eq!(code.as_str(), wire);
            assert_eq!(ErrorCode::from_wire(wire), Some(*code));
            assert!(wire
                .split('_')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase())));
        }
        assert_eq!(ErrorCode::from_wire("legacy_error"), None);
    }

    #[test]
    fn error_codes_follow_the_manifest_order() {
        assert_eq!(ERROR_CODES[0], "invalid_json");
        assert_eq!(ERROR_CODES[9], "internal_error");
    }

    #[test]
    fn contract_summary_has_the_five_fields() {
        let summary = contract_summary();
        let keys: Vec<_> = summary.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "service_contract_version",
                "api_contract_version",
                "integration_baseline",
                "manifest_contract_version",
                "error_code_enum"
            ]
        );
        assert_eq!(
            summary
                .get("error_code_enum")
                .and_then(Value::as_array)
                .map(<[Value]>::len),
            Some(10)
        );
    }

    #[test]
    fn manifest_path_lives_under_the_integration_baseline() {
        assert!(MANIFEST_PATH.starts_with(&format!("contracts/{INTEGRATION_BASELINE}/")));
    }
}
