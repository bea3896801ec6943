//! The two response envelopes of `service.v3`.
//!
//! * Success: `{"service_contract_version", "api_contract_version", "data"}`.
//! * Error (every non-2xx): `{"service_contract_version", "error": {"code", "message", "details"?}}`.
//!   An error envelope never carries `api_contract_version` or `legacy_error`; the builders here
//!   are the only way the service makes envelopes, so that rule holds by construction.

use crate::json::{Object, Value};
use crate::{ErrorCode, API_CONTRACT_VERSION, SERVICE_CONTRACT_VERSION};

/// Fields an error envelope must never contain (at the top level or inside `error`).
pub const FORBIDDEN_ERROR_FIELDS: [&str; 2] = ["legacy_error", "api_contract_version"];

/// `{"service_contract_version", "api_contract_version", "data": data}`.
#[must_use]
pub fn success(data: impl Into<Value>) -> Value {
    Value::from(
        Object::new()
            .with("service_contract_version", SERVICE_CONTRACT_VERSION)
            .with("api_contract_version", API_CONTRACT_VERSION)
            .with("data", data),
    )
}

/// `{"service_contract_version", "error": {"code", "message", "details"?}}`; `details` is omitted
/// when `None`. An empty message is replaced by the code, since the contract requires a non-empty one.
#[must_use]
pub fn error(code: ErrorCode, message: &str, details: Option<Object>) -> Value {
    let message = if message.trim().is_empty() {
        code.as_str()
    } else {
        message
    };
    let mut inner = Object::new()
        .with("code", code.as_str())
        .with("message", message);
    if let Some(details) = details {
        inner.insert("details", details);
    }
    Value::from(
        Object::new()
            .with("service_contract_version", SERVICE_CONTRACT_VERSION)
            .with("error", inner),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn success_envelope_has_exactly_three_fields() {
        let v = success(Object::new().with("status", "ok"));
        assert_eq!(
            v.to_compact(),
            r#"{"service_contract_version":"service.v3","api_contract_version":"api.v1","data":{"status":"ok"}}"#
        );
    }

    #[test]
    fn error_envelope_omits_details_when_none() {
        let v = error(ErrorCode::InternalError, "boom", None);
        assert_eq!(
            v.to_compact(),
            r#"{"service_contract_version":"service.v3","error":{"code":"internal_error","message":"boom"}}"#
        );
    }

    #[test]
    fn error_envelopes_never_carry_forbidden_fields() {
        for code in ErrorCode::ALL {
            for details in [None, Some(Object::new().with("field", "text"))] {
                let v = error(code, "m", details);
                let top = v.as_object().unwrap();
                let inner = v.get("error").and_then(Value::as_object).unwrap();
                for forbidden in FORBIDDEN_ERROR_FIELDS {
                    assert!(!top.contains_key(forbidden));
                    assert!(!inner.contains_key(forbidden));
                    assert!(!v.to_compact().contains(forbidden));
                }
                assert_eq!(
                    top.keys().collect::<Vec<_>>(),
                    ["service_contract_version", "error"]
                );
                assert_eq!(
                    inner.get("code").and_then(Value::as_str),
                    Some(code.as_str())
                );
                // The serialized form parses back to the same value.
                assert_eq!(parse(&v.to_compact()).unwrap(), v);
            }
        }
    }

    #[test]
    fn error_message_is_never_empty() {
        let v = error(ErrorCode::ValidationError, "  ", None);
        assert_eq!(
            v.get("error")
                .and_then(|e| e.get("message"))
                .and_then(Value::as_str),
            Some("validation_error")
        );
    }
}
