//! Shared helpers of the integration tests: the real binary under a kill-on-drop guard, a raw
//! HTTP client over `TcpStream`, and a small JSON Schema checker for the published schemas.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::Duration;

use memorykernel_contract::json::{self, Value};

pub const BIN: &str = env!("CARGO_BIN_EXE_memorykernel-service");

/// The service, killed (and reaped) when the guard is dropped, even when a test panics.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    pub ready_line: String,
}

impl Server {
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    pub fn start_with(extra: &[&str]) -> Self {
        let mut child = Command::new(BIN)
            .args(["--bind", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn memorykernel-service");
        let stdout = child.stdout.take().expect("piped stdout");
        // Guard first, so the child dies even if reading the line fails.
        let mut server = Server {
            child,
            addr: "127.0.0.1:0".parse().unwrap(),
            ready_line: String::new(),
        };
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the ready line");
        let line = line.trim_end().to_owned();
        let addr = line
            .strip_prefix("memorykernel-service listening on http://")
            .unwrap_or_else(|| panic!("unexpected ready line {line:?}"));
        server.addr = addr.parse().expect("ready line carries ip:port");
        server.ready_line = line;
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        json::parse(&self.body).unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.body))
    }

    /// `error.code` of an error envelope.
    pub fn error_code(&self) -> Option<String> {
        self.json()
            .get("error")
            .and_then(|e| e.get("code"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    }
}

pub fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    stream
        .set_write_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    stream
}

/// Read and parse a whole response (the server closes the connection after it).
pub fn read_response(stream: &mut TcpStream) -> HttpResponse {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    parse_response(&raw)
}

pub fn parse_response(raw: &[u8]) -> HttpResponse {
    let text = String::from_utf8(raw.to_vec()).expect("UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("response head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    assert!(status_line.starts_with("HTTP/1.1 "), "{status_line}");
    let status = status_line[9..12].parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap();
            (k.to_owned(), v.trim().to_owned())
        })
        .collect();
    let response = HttpResponse {
        status,
        headers,
        body: body.to_owned(),
    };
    // Framing every response must have.
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(response.header("connection"), Some("close"));
    assert_eq!(
        response
            .header("content-length")
            .map(|v| v.parse::<usize>().unwrap()),
        Some(response.body.len())
    );
    response
}

/// Send raw bytes in one write and read the response.
pub fn send_raw(addr: SocketAddr, raw: &[u8]) -> HttpResponse {
    send_chunks(addr, &[raw], Duration::ZERO)
}

/// Send raw bytes in several writes with a pause between them, then read the response.
pub fn send_chunks(addr: SocketAddr, chunks: &[&[u8]], pause: Duration) -> HttpResponse {
    let mut stream = connect(addr);
    stream.set_nodelay(true).unwrap();
    for (i, chunk) in chunks.iter().enumerate() {
        if i > 0 {
            thread::sleep(pause);
        }
        stream.write_all(chunk).unwrap();
        stream.flush().unwrap();
    }
    read_response(&mut stream)
}

pub fn get(addr: SocketAddr, path: &str) -> HttpResponse {
    send_raw(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: test\r\n\r\n").as_bytes(),
    )
}

pub fn post(addr: SocketAddr, path: &str, body: &str) -> HttpResponse {
    send_raw(
        addr,
        format!(
            "POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )
}

/// Write as much as the server takes (ignoring a reset once it has answered), then read.
pub fn send_ignoring_write_errors(addr: SocketAddr, head: &[u8], body: &[u8]) -> HttpResponse {
    let mut stream = connect(addr);
    stream.write_all(head).unwrap();
    let _ = stream.write_all(body);
    let _ = stream.shutdown(Shutdown::Write);
    read_response(&mut stream)
}

/// The producer root (`services/memorykernel`).
pub fn producer_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn read_json(rel: &str) -> Value {
    let path = producer_root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    json::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub const SCHEMA_DIR: &str = "contracts/integration/v1/schemas";

pub fn schema(name: &str) -> Value {
    read_json(&format!("{SCHEMA_DIR}/{name}"))
}

// -------------------------------------------------------------------------------------------
// A JSON Schema (draft 2020-12) checker for the subset the published schemas use. A keyword it
// does not know fails the test, so a schema can never silently go unchecked. `pattern` is an
// annotation here (std has no regex engine); the consumer's ajv checks it.

const ANNOTATIONS: [&str; 5] = ["$schema", "$id", "title", "description", "pattern"];

/// Every violation of `schema` by `value`, as "<json path>: <problem>".
pub fn violations(schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(schema, schema, value, "$", &mut out);
    out
}

fn type_matches(expected: &str, value: &Value) -> bool {
    match expected {
        "integer" => matches!(
            value,
            Value::Number(json::Number::UInt(_) | json::Number::Int(_))
        ),
        other => value.type_name() == other,
    }
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let Some(keywords) = schema.as_object() else {
        panic!("{path}: schema must be an object, got {schema}");
    };
    for (keyword, arg) in keywords.iter() {
        match keyword {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => {
                let pointer = arg
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .expect("local $ref");
                let target = root
                    .get("$defs")
                    .and_then(|d| d.get(pointer))
                    .expect("$ref target");
                check(root, target, value, path, out);
            }
            "$defs" => {}
            "type" => {
                let t = arg.as_str().expect("single type");
                if !type_matches(t, value) {
                    out.push(format!("{path}: expected {t}, got {}", value.type_name()));
                }
            }
            "const" => {
                if value != arg {
                    out.push(format!("{path}: expected const {arg}, got {value}"));
                }
            }
            "enum" => {
                if !arg.as_array().unwrap().contains(value) {
                    out.push(format!("{path}: {value} is not one of {arg}"));
                }
            }
            "required" => {
                if let Some(object) = value.as_object() {
                    for key in arg.as_array().unwrap() {
                        let key = key.as_str().unwrap();
                        if !object.contains_key(key) {
                            out.push(format!("{path}: missing required property {key}"));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(object) = value.as_object() {
                    for (key, sub) in arg.as_object().unwrap().iter() {
                        if let Some(v) = object.get(key) {
                            check(root, sub, v, &format!("{path}.{key}"), out);
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(object) = value.as_object() {
                    let declared = keywords.get("properties").and_then(Value::as_object);
                    for (key, v) in object.iter() {
                        if declared.is_some_and(|d| d.contains_key(key)) {
                            continue;
                        }
                        match arg {
                            Value::Bool(false) => {
                                out.push(format!("{path}: unexpected property {key}"))
                            }
                            Value::Bool(true) => {}
                            sub => check(root, sub, v, &format!("{path}.{key}"), out),
                        }
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, item) in items.iter().enumerate() {
                        check(root, arg, item, &format!("{path}[{i}]"), out);
                    }
                }
            }
            "minItems" | "maxItems" => {
                if let Some(items) = value.as_array() {
                    let bound = usize::try_from(arg.as_u64().unwrap()).unwrap();
                    let ok = if keyword == "minItems" {
                        items.len() >= bound
                    } else {
                        items.len() <= bound
                    };
                    if !ok {
                        out.push(format!(
                            "{path}: {} items violates {keyword} {bound}",
                            items.len()
                        ));
                    }
                }
            }
            "uniqueItems" => {
                if let Some(items) = value.as_array() {
                    for (i, a) in items.iter().enumerate() {
                        if items[..i].contains(a) {
                            out.push(format!("{path}: duplicate item {a}"));
                        }
                    }
                }
            }
            "minimum" => {
                if let Value::Number(json::Number::Int(n)) = value {
                    out.push(format!("{path}: {n} is below the minimum {arg}"));
                } else if let (Some(n), Some(min)) = (value.as_u64(), arg.as_u64()) {
                    if n < min {
                        out.push(format!("{path}: {n} is below the minimum {min}"));
                    }
                }
            }
            "minLength" => {
                if let Some(s) = value.as_str() {
                    let min = usize::try_from(arg.as_u64().unwrap()).unwrap();
                    if s.chars().count() < min {
                        out.push(format!("{path}: string shorter than {min}"));
                    }
                }
            }
            "anyOf" => {
                let branches = arg.as_array().unwrap();
                if !branches
                    .iter()
                    .any(|b| violations_at(root, b, value, path).is_empty())
                {
                    out.push(format!("{path}: matches no anyOf branch"));
                }
            }
            other => {
                panic!("{path}: schema keyword '{other}' is not supported by the test checker")
            }
        }
    }
}

fn violations_at(root: &Value, schema: &Value, value: &Value, path: &str) -> Vec<String> {
    let mut out = Vec::new();
    check(root, schema, value, path, &mut out);
    out
}
