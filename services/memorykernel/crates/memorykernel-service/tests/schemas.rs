//! The published schemas describe what the service really returns: live responses of every
//! route are checked against them, and the schemas against the contract constants.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{get, post, schema, send_raw, violations, Server, SCHEMA_DIR};
use memorykernel_contract::json::{string_array, Object, Value};
use memorykernel_contract::{
    envelope, ErrorCode, API_CONTRACT_VERSION, ERROR_CODES, INTEGRATION_BASELINE,
    SERVICE_CONTRACT_VERSION,
};

const SCHEMAS: [&str; 5] = [
    "health-response.schema.json",
    "ready-response.schema.json",
    "schema-version-response.schema.json",
    "query-ask-response.schema.json",
    "error-envelope.schema.json",
];

fn assert_valid(schema_name: &str, body: &Value) {
    let problems = violations(&schema(schema_name), body);
    assert!(problems.is_empty(), "{schema_name}: {problems:?}\n{body}");
}

#[test]
fn every_schema_is_draft_2020_12_with_its_id() {
    let dir = common::producer_root().join(SCHEMA_DIR);
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort_unstable();
    let mut expected: Vec<String> = SCHEMAS.iter().map(|s| (*s).to_owned()).collect();
    expected.sort_unstable();
    assert_eq!(on_disk, expected);
    for name in SCHEMAS {
        let s = schema(name);
        assert_eq!(
            s.get("$schema").and_then(Value::as_str),
            Some("https://json-schema.org/draft/2020-12/schema")
        );
        assert_eq!(
            s.get("$id").and_then(Value::as_str),
            Some(
                format!("https://memorykernel.dev/contracts/{INTEGRATION_BASELINE}/schemas/{name}")
                    .as_str()
            )
        );
        assert_eq!(
            s.get("additionalProperties"),
            Some(&Value::Bool(false)),
            "{name}"
        );
        let service = s
            .get("properties")
            .and_then(|p| p.get("service_contract_version"));
        assert_eq!(
            service.and_then(|v| v.get("const")).and_then(Value::as_str),
            Some(SERVICE_CONTRACT_VERSION)
        );
        let api = s
            .get("properties")
            .and_then(|p| p.get("api_contract_version"));
        if name == "error-envelope.schema.json" {
            assert!(api.is_none());
        } else {
            assert_eq!(
                api.and_then(|v| v.get("const")).and_then(Value::as_str),
                Some(API_CONTRACT_VERSION)
            );
        }
    }
}

#[test]
fn the_error_envelope_schema_lists_the_codes_and_forbids_legacy_fields() {
    let s = schema("error-envelope.schema.json");
    let error = s.get("properties").and_then(|p| p.get("error")).unwrap();
    assert_eq!(error.get("additionalProperties"), Some(&Value::Bool(false)));
    assert_eq!(
        error
            .get("properties")
            .and_then(|p| p.get("code"))
            .and_then(|c| c.get("enum")),
        Some(&string_array(&ERROR_CODES))
    );
    for code in ErrorCode::ALL {
        let with_details = envelope::error(code, "m", Some(Object::new().with("k", 1u64)));
        assert_valid("error-envelope.schema.json", &with_details);
        assert_valid(
            "error-envelope.schema.json",
            &envelope::error(code, "m", None),
        );
    }
    // The forbidden fields are rejected at both levels.
    let legacy = memorykernel_contract::json::parse(
        r#"{"service_contract_version":"service.v3","error":{"code":"internal_error","message":"m","legacy_error":"x"}}"#,
    )
    .unwrap();
    assert!(!violations(&s, &legacy).is_empty());
    let with_api = memorykernel_contract::json::parse(
        r#"{"service_contract_version":"service.v3","api_contract_version":"api.v1","error":{"code":"internal_error","message":"m"}}"#,
    )
    .unwrap();
    assert!(!violations(&s, &with_api).is_empty());
}

#[test]
fn live_responses_match_their_schemas() {
    let server = Server::start();
    let addr = server.addr;
    assert_valid(
        "health-response.schema.json",
        &get(addr, "/v1/health").json(),
    );
    assert_valid("ready-response.schema.json", &get(addr, "/v1/ready").json());
    assert_valid(
        "schema-version-response.schema.json",
        &post(addr, "/v1/db/schema-version", "").json(),
    );
    for body in [
        r#"{"text":"t","actor":"a","action":"read","resource":"r"}"#,
        r#"{"text":"t","actor":"a","action":"delete","resource":"r","as_of":"2026-05-06T07:08:09Z"}"#,
        r#"{"text":"t","actor":"a","action":"read","resource":"r","as_of":null,"extra":1}"#,
    ] {
        let r = post(addr, "/v1/query/ask", body);
        assert_eq!(r.status, 200, "{}", r.body);
        assert_valid("query-ask-response.schema.json", &r.json());
    }
    // Every kind of error the service produces is a valid error envelope.
    let errors = [
        post(addr, "/v1/query/ask", "{"),
        post(addr, "/v1/query/ask", "{}"),
        get(addr, "/nope"),
        post(addr, "/v1/ready", ""),
        send_raw(addr, b"POST /v1/query/ask HTTP/1.1\r\n\r\n"),
        send_raw(
            addr,
            b"POST /v1/query/ask HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n",
        ),
        send_raw(addr, b"GET /x HTTP/3\r\n\r\n"),
    ];
    for r in errors {
        assert!(r.status >= 400, "{}", r.body);
        assert_valid("error-envelope.schema.json", &r.json());
    }
    // Counters grew; the health response still matches.
    assert_valid(
        "health-response.schema.json",
        &get(addr, "/v1/health").json(),
    );
}
