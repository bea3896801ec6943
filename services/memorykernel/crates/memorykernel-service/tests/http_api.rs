//! The real binary over real sockets: every route, and the framing edge cases.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::thread;
use std::time::{Duration, Instant};

use common::{
    connect, get, post, read_response, send_chunks, send_ignoring_write_errors, send_raw, Server,
};
use memorykernel_contract::envelope::FORBIDDEN_ERROR_FIELDS;
use memorykernel_contract::json::Value;
use memorykernel_contract::{API_CONTRACT_VERSION, SERVICE_CONTRACT_VERSION};

const ASK: &str = r#"{"text":"printer offline","actor":"support_agent","action":"resolve","resource":"support_ticket"}"#;

fn data(r: &common::HttpResponse) -> Value {
    let v = r.json();
    assert_eq!(
        v.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["service_contract_version", "api_contract_version", "data"],
        "{}",
        r.body
    );
    assert_eq!(
        v.get("service_contract_version").and_then(Value::as_str),
        Some(SERVICE_CONTRACT_VERSION)
    );
    assert_eq!(
        v.get("api_contract_version").and_then(Value::as_str),
        Some(API_CONTRACT_VERSION)
    );
    v.get("data").cloned().unwrap()
}

/// An error envelope with the given status and code, and none of the forbidden fields.
fn assert_error(r: &common::HttpResponse, status: u16, code: &str) -> Value {
    assert_eq!(r.status, status, "{}", r.body);
    let v = r.json();
    let top = v.as_object().unwrap();
    assert_eq!(
        top.get("service_contract_version").and_then(Value::as_str),
        Some(SERVICE_CONTRACT_VERSION)
    );
    let error = v
        .get("error")
        .and_then(Value::as_object)
        .expect("error object");
    for forbidden in FORBIDDEN_ERROR_FIELDS {
        assert!(!top.contains_key(forbidden), "{}", r.body);
        assert!(!error.contains_key(forbidden), "{}", r.body);
    }
    assert!(
        top.keys()
            .all(|k| k == "service_contract_version" || k == "error"),
        "{}",
        r.body
    );
    assert_eq!(
        error.get("code").and_then(Value::as_str),
        Some(code),
        "{}",
        r.body
    );
    assert!(error
        .get("message")
        .and_then(Value::as_str)
        .is_some_and(|m| !m.is_empty()));
    v.get("error").cloned().unwrap()
}

#[test]
fn prints_the_ready_line_with_the_real_port() {
    let server = Server::start();
    assert_ne!(server.addr.port(), 0);
    assert_eq!(
        server.ready_line,
        format!("memorykernel-service listening on http://{}", server.addr)
    );
}

#[test]
fn health_reports_status_timeout_and_telemetry() {
    let server = Server::start_with(&["--operation-timeout-ms", "1234"]);
    let d = data(&get(server.addr, "/v1/health"));
    assert_eq!(d.get("status").and_then(Value::as_str), Some("ok"));
    assert_eq!(d.get("timeout_ms").and_then(Value::as_u64), Some(1234));
    // Two failures and one success later, the counters say so.
    assert_error(
        &post(server.addr, "/v1/query/ask", "{"),
        400,
        "invalid_json",
    );
    assert_error(&get(server.addr, "/v1/missing"), 404, "validation_error");
    let t = data(&get(server.addr, "/v1/health"))
        .get("telemetry")
        .cloned()
        .unwrap();
    let n = |k: &str| t.get(k).and_then(Value::as_u64).unwrap();
    assert_eq!(n("requests_total"), 3);
    assert_eq!(n("requests_success_total"), 1);
    assert_eq!(n("requests_failure_total"), 2);
    assert_eq!(n("invalid_json_total"), 1);
    assert_eq!(n("validation_error_total"), 1);
    assert_eq!(n("internal_error_total"), 0);
}

#[test]
fn ready_and_schema_version() {
    let server = Server::start();
    let d = data(&get(server.addr, "/v1/ready"));
    assert_eq!(d.get("status").and_then(Value::as_str), Some("ready"));
    assert_eq!(
        d.get("checks")
            .and_then(|c| c.get("pending_migrations"))
            .and_then(Value::as_u64),
        Some(0)
    );
    for body in ["", "{}", r#"{"anything": [1, 2]}"#] {
        let d = data(&post(server.addr, "/v1/db/schema-version", body));
        assert_eq!(
            d.get("pending_versions")
                .and_then(Value::as_array)
                .map(<[Value]>::len),
            Some(0)
        );
        assert_eq!(
            d.get("inferred_from_legacy").and_then(Value::as_bool),
            Some(false)
        );
        assert_eq!(d.get("current_version"), d.get("target_version"));
    }
    assert_error(
        &post(server.addr, "/v1/db/schema-version", "nope"),
        400,
        "invalid_json",
    );
}

#[test]
fn query_ask_is_deterministic() {
    let server = Server::start();
    let first = post(server.addr, "/v1/query/ask", ASK);
    let second = post(server.addr, "/v1/query/ask", ASK);
    assert_eq!(first.status, 200);
    assert_eq!(first.body, second.body, "same input, same bytes");
    let d = data(&first);
    assert_eq!(
        d.get("generated_at").and_then(Value::as_str),
        Some("1970-01-01T00:00:00Z")
    );
    assert_eq!(
        d.get("answer")
            .and_then(|a| a.get("result"))
            .and_then(Value::as_str),
        Some("allow")
    );
    for key in ["selected_items", "excluded_items", "ordering_trace"] {
        assert_eq!(d.get(key), Some(&Value::Array(vec![])));
    }
    let dated = r#"{"text":"t","actor":"a","action":"purge","resource":"r","as_of":"2026-03-01T12:00:00Z"}"#;
    let d = data(&post(server.addr, "/v1/query/ask", dated));
    assert_eq!(
        d.get("generated_at").and_then(Value::as_str),
        Some("2026-03-01T12:00:00Z")
    );
    assert_eq!(
        d.get("answer")
            .and_then(|a| a.get("result"))
            .and_then(Value::as_str),
        Some("deny")
    );
}

#[test]
fn query_ask_rejects_malformed_json_with_position() {
    let server = Server::start();
    let e = assert_error(
        &post(server.addr, "/v1/query/ask", "{\"text\": \"a\",}"),
        400,
        "invalid_json",
    );
    let rejection = e
        .get("details")
        .and_then(|d| d.get("rejection"))
        .and_then(Value::as_str)
        .unwrap();
    assert!(rejection.contains("trailing comma"), "{rejection}");
    assert!(rejection.contains("line 1 column 14"), "{rejection}");
    assert_error(&post(server.addr, "/v1/query/ask", ""), 400, "invalid_json");
    let r = send_raw(
        server.addr,
        b"POST /v1/query/ask HTTP/1.1\r\nContent-Length: 3\r\n\r\n\"\xff\"",
    );
    assert_error(&r, 400, "invalid_json");
}

#[test]
fn query_ask_validation_names_the_field() {
    let server = Server::start();
    for (body, field) in [
        ("[1]", "$"),
        (r#"{"actor":"a","action":"b","resource":"c"}"#, "text"),
        (
            r#"{"text":"t","actor":7,"action":"b","resource":"c"}"#,
            "actor",
        ),
        (
            r#"{"text":"t","actor":"a","action":"b","resource":"c","as_of":"soon"}"#,
            "as_of",
        ),
    ] {
        let e = assert_error(
            &post(server.addr, "/v1/query/ask", body),
            400,
            "validation_error",
        );
        assert_eq!(
            e.get("details")
                .and_then(|d| d.get("field"))
                .and_then(Value::as_str),
            Some(field),
            "{body}"
        );
    }
}

#[test]
fn a_body_split_across_writes_is_reassembled() {
    let server = Server::start();
    let head = format!(
        "POST /v1/query/ask HTTP/1.1\r\nHost: t\r\nContent-Length: {}\r\n\r\n",
        ASK.len()
    );
    let (a, b) = ASK.as_bytes().split_at(10);
    let (b, c) = b.split_at(20);
    let (h1, h2) = head.as_bytes().split_at(7);
    let r = send_chunks(server.addr, &[h1, h2, a, b, c], Duration::from_millis(30));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body, post(server.addr, "/v1/query/ask", ASK).body);
}

#[test]
fn an_oversize_body_gets_413() {
    let server = Server::start();
    let size = 1024 * 1024 + 1;
    let head = format!("POST /v1/query/ask HTTP/1.1\r\nContent-Length: {size}\r\n\r\n");
    let r = send_ignoring_write_errors(server.addr, head.as_bytes(), &vec![b' '; size]);
    let e = assert_error(&r, 413, "validation_error");
    assert_eq!(
        e.get("details")
            .and_then(|d| d.get("limit_bytes"))
            .and_then(Value::as_u64),
        Some(1024 * 1024)
    );
    // A body of exactly the limit is read and judged on its content.
    let size = 1024 * 1024;
    let head = format!("POST /v1/query/ask HTTP/1.1\r\nContent-Length: {size}\r\n\r\n");
    let r = send_ignoring_write_errors(server.addr, head.as_bytes(), &vec![b' '; size]);
    assert_error(&r, 400, "invalid_json");
}

#[test]
fn unknown_routes_wrong_methods_and_bad_framing() {
    let server = Server::start();
    let e = assert_error(&get(server.addr, "/v2/health"), 404, "validation_error");
    let message = e.get("message").and_then(Value::as_str).unwrap();
    assert!(
        message.contains("GET") && message.contains("/v2/health"),
        "{message}"
    );

    let r = post(server.addr, "/v1/health", "");
    assert_error(&r, 405, "validation_error");
    assert_eq!(r.header("allow"), Some("GET"));
    let r = get(server.addr, "/v1/query/ask");
    assert_error(&r, 405, "validation_error");
    assert_eq!(r.header("allow"), Some("POST"));

    // A POST without Content-Length has an empty body (RFC 9112 §6.3); chunked is refused.
    let bare = send_raw(server.addr, b"POST /v1/db/schema-version HTTP/1.1\r\n\r\n");
    assert_eq!(bare.status, 200);
    let chunked =
        b"POST /v1/query/ask HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    assert_error(&send_raw(server.addr, chunked), 411, "validation_error");
    assert_error(
        &send_raw(server.addr, b"garbage\r\n\r\n"),
        400,
        "validation_error",
    );
    // A query string does not change the route.
    assert_eq!(get(server.addr, "/v1/health?verbose=1").status, 200);
}

#[test]
fn serves_connections_concurrently() {
    let server = Server::start();
    // An idle connection that never sends must not hold up anyone else.
    let _idle = connect(server.addr);
    let mut stalled = connect(server.addr);
    stalled.write_all(b"GET /v1/health HTTP/1.1\r\n").unwrap();
    let started = Instant::now();
    let addr = server.addr;
    let workers: Vec<_> = (0..16)
        .map(|i| {
            thread::spawn(move || {
                if i % 2 == 0 {
                    get(addr, "/v1/health").status
                } else {
                    post(addr, "/v1/query/ask", ASK).status
                }
            })
        })
        .collect();
    for w in workers {
        assert_eq!(w.join().unwrap(), 200);
    }
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "requests waited for the stalled ones"
    );
    drop(stalled);
}

#[test]
fn a_stalled_request_is_answered_with_408() {
    // the time a request may take, shortened from its 5 s default so that the test does not wait for it
    let server = Server::start_with(&["--read-timeout-ms", "400"]);
    // before the connection: the server's deadline starts when it accepts, which is later
    let started = Instant::now();
    let mut stream = connect(server.addr);
    stream
        .write_all(b"POST /v1/query/ask HTTP/1.1\r\nContent-Length: 50\r\n\r\n{")
        .unwrap();
    let r = read_response(&mut stream);
    assert_error(&r, 408, "validation_error");
    // answered once the deadline passed, not before (the body never came)
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(400), "{waited:?}");
}
