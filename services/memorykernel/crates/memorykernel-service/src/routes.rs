//! Routing, handlers, telemetry, and the guard that turns a panic or an overrun into an envelope.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

use memorykernel_contract::json::{self, string_array, Object, Value};
use memorykernel_contract::{ErrorCode, CURRENT_SCHEMA_VERSION, TARGET_SCHEMA_VERSION};

use crate::http::{Request, Response};
use crate::query;

/// Request counters, reported by `GET /v1/health`.
#[derive(Debug, Default)]
pub struct Telemetry {
    requests_total: AtomicU64,
    requests_success_total: AtomicU64,
    requests_failure_total: AtomicU64,
    invalid_json_total: AtomicU64,
    validation_error_total: AtomicU64,
    internal_error_total: AtomicU64,
}

impl Telemetry {
    /// Count one answered request.
    pub fn record(&self, response: &Response) {
        self.requests_total.fetch_add(1, Ordering::Relaxed);
        if response.is_success() {
            self.requests_success_total.fetch_add(1, Ordering::Relaxed);
        } else {
            self.requests_failure_total.fetch_add(1, Ordering::Relaxed);
        }
        let counter = match response.code {
            Some(ErrorCode::InvalidJson) => Some(&self.invalid_json_total),
            Some(ErrorCode::ValidationError) => Some(&self.validation_error_total),
            Some(ErrorCode::InternalError) => Some(&self.internal_error_total),
            _ => None,
        };
        if let Some(counter) = counter {
            counter.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The counters as the `telemetry` object of the health response.
    #[must_use]
    pub fn snapshot(&self) -> Object {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        Object::new()
            .with("requests_total", get(&self.requests_total))
            .with("requests_success_total", get(&self.requests_success_total))
            .with("requests_failure_total", get(&self.requests_failure_total))
            .with("invalid_json_total", get(&self.invalid_json_total))
            .with("validation_error_total", get(&self.validation_error_total))
            .with("internal_error_total", get(&self.internal_error_total))
    }
}

/// Shared server state.
#[derive(Debug)]
pub struct State {
    pub operation_timeout: Duration,
    pub telemetry: Telemetry,
}

impl State {
    #[must_use]
    pub fn new(operation_timeout: Duration) -> Self {
        State {
            operation_timeout,
            telemetry: Telemetry::default(),
        }
    }
}

/// A handler: pure apart from reading the state.
pub type Handler = fn(&State, &Request) -> Response;

/// One route of the table.
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub handler: Handler,
    /// The code returned when the handler overruns the operation timeout.
    pub timeout_code: ErrorCode,
}

/// The route table.
pub const ROUTES: [Route; 4] = [
    Route {
        method: "GET",
        path: "/v1/health",
        handler: health,
        timeout_code: ErrorCode::InternalError,
    },
    Route {
        method: "GET",
        path: "/v1/ready",
        handler: ready,
        timeout_code: ErrorCode::SchemaUnavailable,
    },
    Route {
        method: "POST",
        path: "/v1/db/schema-version",
        handler: schema_version,
        timeout_code: ErrorCode::SchemaUnavailable,
    },
    Route {
        method: "POST",
        path: "/v1/query/ask",
        handler: ask,
        timeout_code: ErrorCode::QueryFailed,
    },
];

/// What the router decided.
pub enum Resolution<'a> {
    Found(&'a Route),
    MethodNotAllowed(Vec<&'static str>),
    NotFound,
}

/// Match a method and path against `routes` (exact path match).
#[must_use]
pub fn resolve<'a>(routes: &'a [Route], method: &str, path: &str) -> Resolution<'a> {
    let on_path: Vec<&Route> = routes.iter().filter(|r| r.path == path).collect();
    if on_path.is_empty() {
        return Resolution::NotFound;
    }
    match on_path.iter().find(|r| r.method == method) {
        Some(route) => Resolution::Found(route),
        None => Resolution::MethodNotAllowed(on_path.iter().map(|r| r.method).collect()),
    }
}

/// Answer a request with the production route table.
#[must_use]
pub fn handle(state: &Arc<State>, request: Request) -> Response {
    handle_with(&ROUTES, state, request)
}

/// Answer a request with the given route table (tests inject failing handlers).
#[must_use]
pub fn handle_with(routes: &[Route], state: &Arc<State>, request: Request) -> Response {
    let label = format!("{} {}", request.method, request.path);
    match resolve(routes, &request.method, &request.path) {
        Resolution::NotFound => Response::error(
            404,
            ErrorCode::ValidationError,
            &format!("no route for {label}"),
            Some(
                Object::new()
                    .with("method", request.method.as_str())
                    .with("path", request.path.as_str()),
            ),
        ),
        Resolution::MethodNotAllowed(allowed) => {
            let mut response = Response::error(
                405,
                ErrorCode::ValidationError,
                &format!(
                    "method {} is not allowed on {}; allowed: {}",
                    request.method,
                    request.path,
                    allowed.join(", ")
                ),
                Some(
                    Object::new()
                        .with("method", request.method.as_str())
                        .with("path", request.path.as_str())
                        .with("allowed_methods", string_array(&allowed)),
                ),
            );
            response.allow = Some(allowed.join(", "));
            response
        }
        Resolution::Found(route) => {
            run_guarded(state, request, route.handler, route.timeout_code, &label)
        }
    }
}

/// Run a handler on its own thread: a panic becomes 500 `internal_error` (caught with
/// `catch_unwind`), an overrun of the operation timeout becomes the route's timeout code.
fn run_guarded(
    state: &Arc<State>,
    request: Request,
    handler: Handler,
    timeout_code: ErrorCode,
    label: &str,
) -> Response {
    let (tx, rx) = mpsc::channel();
    let worker_state = Arc::clone(state);
    let spawned = thread::Builder::new()
        .name("memorykernel-handler".to_owned())
        .spawn(move || {
            let outcome =
                panic::catch_unwind(AssertUnwindSafe(|| handler(&worker_state, &request)));
            // The receiver is gone only after a timeout; the late answer is dropped.
            let _ = tx.send(outcome);
        });
    if let Err(e) = spawned {
        eprintln!("memorykernel-service: cannot start a handler thread for {label}: {e}");
        return internal_error(label);
    }
    let timeout = state.operation_timeout;
    match rx.recv_timeout(timeout) {
        Ok(Ok(response)) => response,
        Ok(Err(_)) => {
            eprintln!("memorykernel-service: handler for {label} panicked");
            internal_error(label)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            let ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
            Response::error(
                timeout_code.default_status(),
                timeout_code,
                &format!("{label} timed out after {ms} ms"),
                Some(Object::new().with("timeout_ms", ms)),
            )
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => internal_error(label),
    }
}

fn internal_error(label: &str) -> Response {
    Response::error(
        500,
        ErrorCode::InternalError,
        &format!("internal error while handling {label}"),
        None,
    )
}

/// The migrations between two schema versions.
fn pending_between(current: u32, target: u32) -> Vec<u32> {
    (current.saturating_add(1)..=target).collect()
}

fn pending_versions() -> Vec<u32> {
    pending_between(CURRENT_SCHEMA_VERSION, TARGET_SCHEMA_VERSION)
}

fn health(state: &State, _request: &Request) -> Response {
    let timeout_ms = u64::try_from(state.operation_timeout.as_millis()).unwrap_or(u64::MAX);
    Response::ok(
        Object::new()
            .with("status", "ok")
            .with("timeout_ms", timeout_ms)
            .with("telemetry", state.telemetry.snapshot()),
    )
}

fn ready(_state: &State, _request: &Request) -> Response {
    let pending = pending_versions();
    let checks = Object::new()
        .with("current_schema_version", CURRENT_SCHEMA_VERSION)
        .with("target_schema_version", TARGET_SCHEMA_VERSION)
        .with("pending_migrations", pending.len() as u64)
        .with("inferred_from_legacy", false);
    if pending.is_empty() {
        Response::ok(Object::new().with("status", "ready").with("checks", checks))
    } else {
        Response::error(
            503,
            ErrorCode::SchemaUnavailable,
            "database schema is not ready: migrations are pending",
            Some(checks),
        )
    }
}

fn schema_version(_state: &State, request: &Request) -> Response {
    if !request.body.is_empty() {
        if let Err(e) = json::parse_bytes(&request.body) {
            return Response::error(
                400,
                ErrorCode::InvalidJson,
                &format!("request body is not valid JSON: {e}"),
                Some(Object::new().with("rejection", e.to_string())),
            );
        }
    }
    Response::ok(
        Object::new()
            .with("current_version", CURRENT_SCHEMA_VERSION)
            .with("target_version", TARGET_SCHEMA_VERSION)
            .with(
                "pending_versions",
                Value::Array(pending_versions().into_iter().map(Value::from).collect()),
            )
            .with("inferred_from_legacy", false),
    )
}

fn ask(_state: &State, request: &Request) -> Response {
    match query::parse_ask(&request.body) {
        Ok(q) => Response::ok(query::context_package(&q)),
        Err(rejection) => rejection,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use memorykernel_contract::envelope::FORBIDDEN_ERROR_FIELDS;

    fn state() -> Arc<State> {
        Arc::new(State::new(Duration::from_millis(2500)))
    }

    fn request(method: &str, path: &str, body: &str) -> Request {
        Request {
            method: method.to_owned(),
            path: path.to_owned(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    fn code(r: &Response) -> Option<&str> {
        r.body
            .get("error")
            .and_then(|e| e.get("code"))
            .and_then(Value::as_str)
    }

    fn assert_clean_error(r: &Response) {
        let top = r.body.as_object().unwrap();
        let inner = r.body.get("error").and_then(Value::as_object).unwrap();
        for forbidden in FORBIDDEN_ERROR_FIELDS {
            assert!(!top.contains_key(forbidden), "{}", r.body);
            assert!(!inner.contains_key(forbidden), "{}", r.body);
        }
        assert!(!top.contains_key("data"));
    }

    #[test]
    fn routes_every_endpoint() {
        let s = state();
        for (method, path, body) in [
            ("GET", "/v1/health", ""),
            ("GET", "/v1/ready", ""),
            ("POST", "/v1/db/schema-version", ""),
            ("POST", "/v1/db/schema-version", "{}"),
            (
                "POST",
                "/v1/query/ask",
                r#"{"text":"t","actor":"a","action":"read","resource":"r"}"#,
            ),
        ] {
            let r = handle(&s, request(method, path, body));
            assert_eq!(r.status, 200, "{method} {path}: {}", r.body);
            assert_eq!(
                r.body.as_object().unwrap().keys().collect::<Vec<_>>(),
                ["service_contract_version", "api_contract_version", "data"]
            );
        }
    }

    #[test]
    fn unknown_paths_and_methods_are_envelopes() {
        let s = state();
        let r = handle(&s, request("GET", "/v1/nope", ""));
        assert_eq!(r.status, 404);
        assert_eq!(code(&r), Some("validation_error"));
        assert!(r.body.to_compact().contains("no route for GET /v1/nope"));
        assert_clean_error(&r);

        let r = handle(&s, request("DELETE", "/v1/health", ""));
        assert_eq!(r.status, 405);
        assert_eq!(r.allow.as_deref(), Some("GET"));
        assert_eq!(code(&r), Some("validation_error"));
        assert_clean_error(&r);

        let r = handle(&s, request("GET", "/v1/query/ask", ""));
        assert_eq!((r.status, r.allow.as_deref()), (405, Some("POST")));
        // Paths match exactly.
        assert_eq!(handle(&s, request("GET", "/v1/health/", "")).status, 404);
    }

    #[test]
    fn schema_version_rejects_a_non_json_body() {
        let r = handle(&state(), request("POST", "/v1/db/schema-version", "{oops"));
        assert_eq!(r.status, 400);
        assert_eq!(code(&r), Some("invalid_json"));
        assert_clean_error(&r);
    }

    fn panicking(_: &State, _: &Request) -> Response {
        panic!("handler bug");
    }

    fn slow(_: &State, _: &Request) -> Response {
        thread::sleep(Duration::from_millis(300));
        Response::ok(Object::new())
    }

    #[test]
    fn a_panicking_handler_becomes_internal_error() {
        let routes = [Route {
            method: "GET",
            path: "/boom",
            handler: panicking,
            timeout_code: ErrorCode::InternalError,
        }];
        let r = handle_with(&routes, &state(), request("GET", "/boom", ""));
        assert_eq!(r.status, 500);
        assert_eq!(code(&r), Some("internal_error"));
        assert!(
            !r.body.to_compact().contains("handler bug"),
            "panic text must not leak"
        );
        assert_clean_error(&r);
    }

    #[test]
    fn an_overrunning_handler_times_out_with_the_route_code() {
        let routes = [Route {
            method: "POST",
            path: "/slow",
            handler: slow,
            timeout_code: ErrorCode::QueryFailed,
        }];
        let s = Arc::new(State::new(Duration::from_millis(20)));
        let r = handle_with(&routes, &s, request("POST", "/slow", ""));
        assert_eq!(r.status, 500);
        assert_eq!(code(&r), Some("query_failed"));
        assert!(r.body.to_compact().contains("timed out after 20 ms"));
        assert_clean_error(&r);
    }

    #[test]
    fn pending_versions_lie_between_current_and_target() {
        assert_eq!(pending_between(1, 3), [2, 3]);
        assert!(pending_between(3, 3).is_empty());
        assert!(pending_versions().is_empty());
    }

    #[test]
    fn telemetry_counts_outcomes() {
        let s = state();
        for r in [
            Response::ok(Object::new()),
            Response::error(400, ErrorCode::InvalidJson, "x", None),
            Response::error(404, ErrorCode::ValidationError, "x", None),
            Response::error(500, ErrorCode::InternalError, "x", None),
            Response::error(503, ErrorCode::SchemaUnavailable, "x", None),
        ] {
            s.telemetry.record(&r);
        }
        assert_eq!(
            Value::from(s.telemetry.snapshot()).to_compact(),
            r#"{"requests_total":5,"requests_success_total":1,"requests_failure_total":4,"invalid_json_total":1,"validation_error_total":1,"internal_error_total":1}"#
        );
        let health = handle(&s, request("GET", "/v1/health", ""));
        let data = health.body.get("data").unwrap();
        assert_eq!(data.get("timeout_ms").and_then(Value::as_u64), Some(2500));
        assert_eq!(
            data.get("telemetry")
                .and_then(|t| t.get("requests_total"))
                .and_then(Value::as_u64),
            Some(5)
        );
    }
}
