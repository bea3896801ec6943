//! `POST /v1/query/ask`: a deterministic ContextPackage for `{text, actor, action, resource, as_of?}`.
//!
//! The same input always yields byte-identical output: the package id is the FNV-1a 64 hash of
//! the ruleset and the inputs, `generated_at` is `as_of` (or the epoch when absent), and the
//! answer comes from one fixed rule of `ruleset.v1`: destructive actions are denied, anything else
//! is allowed. The memory store is empty in this build, so the item lists are empty.

use memorykernel_contract::json::{self, string_array, Object, Value};
use memorykernel_contract::timestamp::Timestamp;
use memorykernel_contract::{ErrorCode, CURRENT_SCHEMA_VERSION, RULESET_VERSION};

use crate::http::Response;

/// `generated_at` when the query has no `as_of`.
pub const EPOCH: &str = "1970-01-01T00:00:00Z";

/// Actions that `ruleset.v1` denies (compared case-insensitively).
pub const DESTRUCTIVE_ACTIONS: [&str; 7] = [
    "delete", "destroy", "drop", "erase", "purge", "truncate", "wipe",
];

/// The order in which equally ranked memory items would be broken.
pub const TIE_BREAKERS: [&str; 4] = [
    "authority_desc",
    "truth_status_desc",
    "effective_at_desc",
    "memory_version_id_asc",
];

/// The validated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskQuery {
    pub text: String,
    pub actor: String,
    pub action: String,
    pub resource: String,
    pub as_of: Option<String>,
}

/// 64-bit FNV-1a.
#[must_use]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(PRIME))
}

fn validation(message: &str, field: &str) -> Response {
    Response::error(
        400,
        ErrorCode::ValidationError,
        message,
        Some(Object::new().with("field", field)),
    )
}

/// Parse and validate a request body.
///
/// # Errors
/// A 400 response: `invalid_json` for malformed JSON, `validation_error` (with `details.field`)
/// for a body that is not an object or a missing, mistyped or empty field.
pub fn parse_ask(body: &[u8]) -> Result<AskQuery, Response> {
    let value = json::parse_bytes(body).map_err(|e| {
        Response::error(
            400,
            ErrorCode::InvalidJson,
            &format!("request body is not valid JSON: {e}"),
            Some(Object::new().with("rejection", e.to_string())),
        )
    })?;
    let Some(object) = value.as_object() else {
        return Err(validation(
            &format!(
                "request body must be a JSON object, got {}",
                value.type_name()
            ),
            "$",
        ));
    };
    let required = |field: &str| -> Result<String, Response> {
        match object.get(field) {
            None => Err(validation(&format!("field '{field}' is required"), field)),
            Some(Value::String(s)) if s.trim().is_empty() => Err(validation(
                &format!("field '{field}' must not be empty"),
                field,
            )),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(other) => Err(validation(
                &format!(
                    "field '{field}' must be a string, got {}",
                    other.type_name()
                ),
                field,
            )),
        }
    };
    let text = required("text")?;
    let actor = required("actor")?;
    let action = required("action")?;
    let resource = required("resource")?;
    let as_of = match object.get("as_of") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match Timestamp::parse(s) {
            Ok(_) => Some(s.clone()),
            Err(why) => {
                return Err(validation(
                    &format!("field 'as_of' must be a UTC timestamp YYYY-MM-DDTHH:MM:SSZ: {why}"),
                    "as_of",
                ))
            }
        },
        Some(other) => {
            return Err(validation(
                &format!(
                    "field 'as_of' must be a string or null, got {}",
                    other.type_name()
                ),
                "as_of",
            ))
        }
    };
    Ok(AskQuery {
        text,
        actor,
        action,
        resource,
        as_of,
    })
}

/// The ContextPackage for a validated query.
#[must_use]
pub fn context_package(q: &AskQuery) -> Value {
    let generated_at = q.as_of.as_deref().unwrap_or(EPOCH);
    let mut material = Vec::new();
    for part in [
        RULESET_VERSION,
        &q.text,
        &q.actor,
        &q.action,
        &q.resource,
        q.as_of.as_deref().unwrap_or(""),
    ] {
        material.extend_from_slice(part.as_bytes());
        material.push(0x1f); // unit separator: ("ab","c") and ("a","bc") hash differently
    }
    let id = format!("{:016x}", fnv1a64(&material));
    let action = q.action.trim().to_ascii_lowercase();
    let (result, why) = if DESTRUCTIVE_ACTIONS.contains(&action.as_str()) {
        (
            "deny",
            format!(
                "{RULESET_VERSION} denies destructive actions: '{}' by '{}' on '{}' is not allowed without a stored constraint permitting it",
                q.action, q.actor, q.resource
            ),
        )
    } else {
        (
            "allow",
            format!(
                "{RULESET_VERSION} allows non-destructive actions: no stored constraint restricts '{}' by '{}' on '{}'",
                q.action, q.actor, q.resource
            ),
        )
    };
    Value::from(
        Object::new()
            .with("context_package_id", id)
            .with("generated_at", generated_at)
            .with(
                "query",
                Object::new()
                    .with("text", q.text.as_str())
                    .with("actor", q.actor.as_str())
                    .with("action", q.action.as_str())
                    .with("resource", q.resource.as_str())
                    .with("as_of", q.as_of.as_deref()),
            )
            .with(
                "determinism",
                Object::new()
                    .with("ruleset_version", RULESET_VERSION)
                    .with(
                        "snapshot_id",
                        format!("schema-v{CURRENT_SCHEMA_VERSION}@{generated_at}"),
                    )
                    .with("tie_breakers", string_array(&TIE_BREAKERS)),
            )
            .with(
                "answer",
                Object::new().with("result", result).with("why", why),
            )
            .with("selected_items", Value::Array(Vec::new()))
            .with("excluded_items", Value::Array(Vec::new()))
            .with("ordering_trace", Value::Array(Vec::new())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(r: &Response) -> Option<String> {
        r.body
            .get("error")
            .and_then(|e| e.get("details"))
            .and_then(|d| d.get("field"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    fn code_of(r: &Response) -> Option<ErrorCode> {
        r.code
    }

    #[test]
    fn fnv1a64_matches_reference_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn answers_deterministically() {
        let body = br#"{"text":"t","actor":"support_agent","action":"resolve","resource":"support_ticket"}"#;
        let a = context_package(&parse_ask(body).unwrap());
        let b = context_package(&parse_ask(body).unwrap());
        assert_eq!(a.to_compact(), b.to_compact());
        assert_eq!(a.get("generated_at").and_then(Value::as_str), Some(EPOCH));
        assert_eq!(
            a.get("answer")
                .and_then(|x| x.get("result"))
                .and_then(Value::as_str),
            Some("allow")
        );
        assert_eq!(
            a.get("query").and_then(|x| x.get("as_of")),
            Some(&Value::Null)
        );
        let id = a.get("context_package_id").and_then(Value::as_str).unwrap();
        assert_eq!(id.len(), 16);
        assert!(id
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn denies_destructive_actions_and_uses_as_of() {
        let body = br#"{"text":"t","actor":"a","action":" Delete ","resource":"r","as_of":"2026-01-02T03:04:05Z"}"#;
        let p = context_package(&parse_ask(body).unwrap());
        assert_eq!(
            p.get("answer")
                .and_then(|x| x.get("result"))
                .and_then(Value::as_str),
            Some("deny")
        );
        assert_eq!(
            p.get("generated_at").and_then(Value::as_str),
            Some("2026-01-02T03:04:05Z")
        );
    }

    #[test]
    fn ids_depend_on_every_input() {
        let base = AskQuery {
            text: "ab".into(),
            actor: "c".into(),
            action: "read".into(),
            resource: "r".into(),
            as_of: None,
        };
        let id = |q: &AskQuery| context_package(q).get("context_package_id").cloned();
        let mut shifted = base.clone();
        shifted.text = "a".into();
        shifted.actor = "bc".into();
        assert_ne!(id(&base), id(&shifted));
        let mut dated = base.clone();
        dated.as_of = Some("2026-01-01T00:00:00Z".into());
        assert_ne!(id(&base), id(&dated));
    }

    #[test]
    fn rejects_malformed_json_with_position() {
        let r = parse_ask(b"{\"text\": }").unwrap_err();
        assert_eq!(r.status, 400);
        assert_eq!(code_of(&r), Some(ErrorCode::InvalidJson));
        let rejection = r
            .body
            .get("error")
            .and_then(|e| e.get("details"))
            .and_then(|d| d.get("rejection"))
            .and_then(Value::as_str)
            .unwrap();
        assert!(rejection.contains("line 1 column 10"), "{rejection}");
        assert_eq!(
            code_of(&parse_ask(b"").unwrap_err()),
            Some(ErrorCode::InvalidJson)
        );
    }

    #[test]
    fn rejects_invalid_shapes_naming_the_field() {
        let cases: &[(&[u8], &str)] = &[
            (b"[]", "$"),
            (b"\"text\"", "$"),
            (br#"{"actor":"a","action":"b","resource":"c"}"#, "text"),
            (br#"{"text":1,"actor":"a","action":"b","resource":"c"}"#, "text"),
            (br#"{"text":"t","actor":"","action":"b","resource":"c"}"#, "actor"),
            (br#"{"text":"t","actor":"a","action":null,"resource":"c"}"#, "action"),
            (br#"{"text":"t","actor":"a","action":"b"}"#, "resource"),
            (br#"{"text":"t","actor":"a","action":"b","resource":"c","as_of":"yesterday"}"#, "as_of"),
            (br#"{"text":"t","actor":"a","action":"b","resource":"c","as_of":"2026-02-30T00:00:00Z"}"#, "as_of"),
            (br#"{"text":"t","actor":"a","action":"b","resource":"c","as_of":5}"#, "as_of"),
        ];
        for (body, field) in cases {
            let r = parse_ask(body).unwrap_err();
            assert_eq!(r.status, 400);
            assert_eq!(code_of(&r), Some(ErrorCode::ValidationError));
            assert_eq!(
                field_of(&r).as_deref(),
                Some(*field),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
