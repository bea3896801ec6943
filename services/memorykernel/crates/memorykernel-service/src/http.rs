//! Just enough HTTP/1.1 for a JSON API, over any `Read`/`Write`.
//!
//! * One request per connection; every response says `Connection: close`.
//! * The head (request line and headers) is at most [`MAX_HEAD_BYTES`]; bodies are delimited by
//!   `Content-Length` only and are at most [`MAX_BODY_BYTES`]. `Transfer-Encoding` is refused
//!   with 411; a request without `Content-Length` has an empty body (a POST then fails as invalid
//!   JSON).
//! * Reads loop until the head terminator and then until the declared body length, so a request
//!   that arrives in many small packets is handled like one that arrives at once.

use std::io::{self, Read, Write};

use memorykernel_contract::envelope;
use memorykernel_contract::json::{Object, Value};
use memorykernel_contract::ErrorCode;

/// Largest accepted request head (request line plus headers).
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Largest accepted request body: 1 MiB.
pub const MAX_BODY_BYTES: u64 = 1024 * 1024;

/// A parsed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The request target without its query string, e.g. `/v1/health`.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// The first header named `name` (case-insensitive).
    #[cfg(test)]
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A response: a status and a JSON body (always an envelope).
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub body: Value,
    /// The error code, for error responses (drives the telemetry counters).
    pub code: Option<ErrorCode>,
    /// The `Allow` header of a 405.
    pub allow: Option<String>,
}

impl Response {
    /// 200 with a success envelope around `data`.
    #[must_use]
    pub fn ok(data: impl Into<Value>) -> Self {
        Response {
            status: 200,
            body: envelope::success(data),
            code: None,
            allow: None,
        }
    }

    /// An error envelope with the given status.
    #[must_use]
    pub fn error(status: u16, code: ErrorCode, message: &str, details: Option<Object>) -> Self {
        Response {
            status,
            body: envelope::error(code, message, details),
            code: Some(code),
            allow: None,
        }
    }

    /// Whether the status is 2xx.
    #[must_use]
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The full HTTP/1.1 response bytes.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let body = self.body.to_compact();
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n",
            self.status,
            reason_phrase(self.status),
            body.len()
        );
        if let Some(allow) = &self.allow {
            head.push_str("Allow: ");
            head.push_str(allow);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body.as_bytes());
        bytes
    }
}

/// The standard reason phrase of the statuses this service sends.
#[must_use]
pub fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The peer closed or went silent before sending anything: nothing to answer.
    Idle,
    /// The request is unacceptable; answer with this response and close.
    Reject(Response),
    /// The connection failed; nothing can be sent.
    Io,
}

fn reject(status: u16, message: &str, details: Option<Object>) -> ReadError {
    ReadError::Reject(Response::error(
        status,
        ErrorCode::ValidationError,
        message,
        details,
    ))
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Read one request. The reader is expected to enforce the connection's deadline by returning
/// `WouldBlock`/`TimedOut` errors.
///
/// # Errors
/// See [`ReadError`].
pub fn read_request<R: Read>(reader: &mut R) -> Result<Request, ReadError> {
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(end) = find_head_end(&buf) {
            break end;
        }
        if buf.len() > MAX_HEAD_BYTES {
            return Err(reject(
                431,
                &format!("request head exceeds {MAX_HEAD_BYTES} bytes"),
                None,
            ));
        }
        match reader.read(&mut chunk) {
            Ok(0) if buf.is_empty() => return Err(ReadError::Idle),
            Ok(0) => {
                return Err(reject(
                    400,
                    "connection closed before the request head was complete",
                    None,
                ))
            }
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if is_timeout(&e) && buf.is_empty() => return Err(ReadError::Idle),
            Err(e) if is_timeout(&e) => {
                return Err(reject(408, "timed out waiting for the request head", None))
            }
            Err(_) => return Err(ReadError::Io),
        }
    };
    if head_end > MAX_HEAD_BYTES {
        return Err(reject(
            431,
            &format!("request head exceeds {MAX_HEAD_BYTES} bytes"),
            None,
        ));
    }
    let (method, path, headers) = parse_head(&buf[..head_end])?;
    let length = body_length(&headers)?;
    let mut body: Vec<u8> = buf[head_end + 4..].to_vec();
    // Connection: close, so anything after the declared body is ignored.
    body.truncate(usize::try_from(length).unwrap_or(usize::MAX));
    let want = usize::try_from(length).unwrap_or(usize::MAX);
    while body.len() < want {
        let room = (want - body.len()).min(chunk.len());
        match reader.read(&mut chunk[..room]) {
            Ok(0) => {
                return Err(reject(
                    400,
                    &format!(
                    "request body ended after {} of the {want} bytes declared by Content-Length",
                    body.len()
                ),
                    None,
                ))
            }
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if is_timeout(&e) => {
                return Err(reject(
                    408,
                    &format!(
                        "timed out after {} of the {want} body bytes declared by Content-Length",
                        body.len()
                    ),
                    None,
                ))
            }
            Err(_) => return Err(ReadError::Io),
        }
    }
    Ok(Request {
        method,
        path,
        headers,
        body,
    })
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n")
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

type Head = (String, String, Vec<(String, String)>);

fn parse_head(head: &[u8]) -> Result<Head, ReadError> {
    let text = std::str::from_utf8(head)
        .map_err(|_| reject(400, "request head is not valid UTF-8", None))?;
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or("");
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts.as_slice() else {
        return Err(reject(
            400,
            "malformed request line: expected 'METHOD /path HTTP/1.1'",
            None,
        ));
    };
    if !is_token(method) {
        return Err(reject(400, "malformed request line: invalid method", None));
    }
    if !target.starts_with('/') {
        return Err(reject(
            400,
            "malformed request line: the target must be an absolute path",
            None,
        ));
    }
    if !matches!(*version, "HTTP/1.1" | "HTTP/1.0") {
        return Err(reject(
            505,
            &format!("unsupported protocol version '{version}'"),
            None,
        ));
    }
    let path = target.split(['?', '#']).next().unwrap_or("").to_owned();
    let mut headers = Vec::new();
    for line in lines {
        if line.starts_with(' ') || line.starts_with('\t') {
            return Err(reject(
                400,
                "obsolete header line folding is not supported",
                None,
            ));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(reject(
                400,
                "malformed header line: expected 'Name: value'",
                None,
            ));
        };
        if !is_token(name) {
            return Err(reject(
                400,
                "malformed header line: invalid header name",
                None,
            ));
        }
        headers.push((name.to_owned(), value.trim_matches([' ', '\t']).to_owned()));
    }
    Ok(((*method).to_owned(), path, headers))
}

fn body_length(headers: &[(String, String)]) -> Result<u64, ReadError> {
    if headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("transfer-encoding"))
    {
        return Err(reject(
            411,
            "Transfer-Encoding is not supported: send the body with a Content-Length header",
            None,
        ));
    }
    let mut declared: Option<u64> = None;
    for (_, value) in headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(reject(
                400,
                &format!("invalid Content-Length '{value}'"),
                None,
            ));
        }
        let n = value.parse::<u64>().unwrap_or(u64::MAX);
        if declared.is_some_and(|d| d != n) {
            return Err(reject(400, "conflicting Content-Length headers", None));
        }
        declared = Some(n);
    }
    match declared {
        Some(n) if n > MAX_BODY_BYTES => Err(reject(
            413,
            &format!("request body of {n} bytes exceeds the limit of {MAX_BODY_BYTES} bytes"),
            Some(
                Object::new()
                    .with("limit_bytes", MAX_BODY_BYTES)
                    .with("content_length", n),
            ),
        )),
        Some(n) => Ok(n),
        // RFC 9112 §6.3: neither Content-Length nor Transfer-Encoding means an empty body
        None => Ok(0),
    }
}

/// Write a response completely.
///
/// # Errors
/// Any write error.
pub fn write_response<W: Write>(writer: &mut W, response: &Response) -> io::Result<()> {
    writer.write_all(&response.to_bytes())?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out its input a few bytes at a time, then reports a timeout.
    struct Trickle {
        data: Vec<u8>,
        pos: usize,
        step: usize,
        end: io::ErrorKind,
    }

    impl Trickle {
        fn new(data: &[u8], step: usize) -> Self {
            Trickle {
                data: data.to_vec(),
                pos: 0,
                step,
                end: io::ErrorKind::UnexpectedEof,
            }
        }
        fn timing_out(mut self) -> Self {
            self.end = io::ErrorKind::WouldBlock;
            self
        }
    }

    impl Read for Trickle {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if self.pos >= self.data.len() {
                return match self.end {
                    io::ErrorKind::UnexpectedEof => Ok(0),
                    kind => Err(io::Error::new(kind, "deadline")),
                };
            }
            let n = self.step.min(out.len()).min(self.data.len() - self.pos);
            out[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    fn rejected(result: Result<Request, ReadError>) -> Response {
        match result {
            Err(ReadError::Reject(r)) => r,
            other => panic!("expected a rejection, got {other:?}"),
        }
    }

    #[test]
    fn reads_a_request_delivered_one_byte_at_a_time() {
        let raw =
            b"POST /v1/query/ask?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n{\"a\":1}";
        for step in [1, 2, 3, 7, 4096] {
            let req = read_request(&mut Trickle::new(raw, step)).unwrap();
            assert_eq!(req.method, "POST");
            assert_eq!(req.path, "/v1/query/ask");
            assert_eq!(req.header("content-length"), Some("7"));
            assert_eq!(req.body, b"{\"a\":1}");
        }
    }

    #[test]
    fn ignores_bytes_after_the_declared_body() {
        let raw = b"POST /x HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET / HTTP/1.1\r\n\r\n";
        assert_eq!(
            read_request(&mut Trickle::new(raw, 100)).unwrap().body,
            b"{}"
        );
    }

    #[test]
    fn get_without_content_length_has_an_empty_body() {
        let req = read_request(&mut Trickle::new(b"GET /v1/health HTTP/1.0\r\n\r\n", 5)).unwrap();
        assert!(req.body.is_empty());
    }

    #[test]
    fn rejects_bad_framing() {
        let cases: &[(&[u8], u16, &str)] = &[
            (
                b"POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                411,
                "Transfer-Encoding",
            ),
            (
                b"POST /x HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n",
                413,
                "exceeds the limit",
            ),
            (
                b"POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                400,
                "invalid Content-Length",
            ),
            (
                b"POST /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                400,
                "conflicting",
            ),
            (
                b"POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\n{}",
                400,
                "ended after 2 of the 5",
            ),
            (b"GET /x\r\n\r\n", 400, "malformed request line"),
            (b"GET x HTTP/1.1\r\n\r\n", 400, "absolute path"),
            (b"GET /x HTTP/2.0\r\n\r\n", 505, "unsupported protocol"),
            (
                b"GET /x HTTP/1.1\r\nBad Header\r\n\r\n",
                400,
                "malformed header",
            ),
            (b"GET /x HTTP/1.1\r\nA: b\r\n c\r\n\r\n", 400, "folding"),
            (
                b"GET /x HTTP/1.1\r\nHost",
                400,
                "before the request head was complete",
            ),
        ];
        for (raw, status, needle) in cases {
            let r = rejected(read_request(&mut Trickle::new(raw, 3)));
            assert_eq!(r.status, *status, "{}", String::from_utf8_lossy(raw));
            let message = r
                .body
                .get("error")
                .and_then(|e| e.get("message"))
                .and_then(Value::as_str);
            assert!(
                message.is_some_and(|m| m.contains(needle)),
                "{message:?} lacks {needle}"
            );
            assert_eq!(r.code, Some(ErrorCode::ValidationError));
        }
    }

    #[test]
    fn rejects_an_oversized_head() {
        let mut raw = b"GET /x HTTP/1.1\r\n".to_vec();
        raw.extend(std::iter::repeat(b'a').take(MAX_HEAD_BYTES + 10));
        assert_eq!(
            rejected(read_request(&mut Trickle::new(&raw, 4096))).status,
            431
        );
    }

    #[test]
    fn times_out_on_a_stalled_request_and_stays_quiet_when_idle() {
        let r = rejected(read_request(
            &mut Trickle::new(b"GET /x HTTP/1.1\r\n", 4).timing_out(),
        ));
        assert_eq!(r.status, 408);
        let raw = b"POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\n{";
        assert_eq!(
            rejected(read_request(&mut Trickle::new(raw, 4).timing_out())).status,
            408
        );
        assert!(matches!(
            read_request(&mut Trickle::new(b"", 4).timing_out()),
            Err(ReadError::Idle)
        ));
        assert!(matches!(
            read_request(&mut Trickle::new(b"", 4)),
            Err(ReadError::Idle)
        ));
    }

    #[test]
    fn serializes_responses_with_framing_headers() {
        let mut r = Response::error(405, ErrorCode::ValidationError, "no", None);
        r.allow = Some("GET".to_owned());
        let text = String::from_utf8(r.to_bytes()).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"));
        assert!(head.contains("\r\nContent-Type: application/json\r\n"));
        assert!(head.contains(&format!("\r\nContent-Length: {}\r\n", body.len())));
        assert!(head.contains("\r\nConnection: close\r\n"));
        assert!(head.ends_with("\r\nAllow: GET"));
        assert_eq!(
            body,
            r#"{"service_contract_version":"service.v3","error":{"code":"validation_error","message":"no"}}"#
        );
    }
}
