//! A small, strict JSON module (RFC 8259) with no dependencies.
//!
//! * [`parse`] accepts exactly one JSON value surrounded by optional whitespace. It rejects what
//!   lenient parsers let through: trailing commas, leading zeros, comments, single quotes, a byte
//!   order mark, unescaped control characters, lone surrogates, duplicate object keys and trailing
//!   content. Nesting is limited to [`MAX_DEPTH`] so hostile input cannot exhaust the stack. Every
//!   error names what was expected and where (line, column and byte offset).
//! * Objects keep their keys in insertion order, so the serializer's output order is the order in
//!   which the value was built (or parsed): stable and reviewable.
//! * [`Value::to_compact`] writes the shortest form; [`Value::to_pretty`] indents by two spaces like
//!   `JSON.stringify(value, null, 2)` and `jq`.

use std::collections::HashSet;
use std::fmt;

/// Maximum nesting of arrays and objects accepted by [`parse`].
pub const MAX_DEPTH: usize = 128;

/// A JSON number. Integers keep their exact value; anything else is an `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer that fits `u64`.
    UInt(u64),
    /// A negative integer that fits `i64`.
    Int(i64),
    /// A number with a fraction or exponent, or an integer too large for the integer variants.
    Float(f64),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::UInt(n) => write!(f, "{n}"),
            Number::Int(n) => write!(f, "{n}"),
            // JSON has no NaN or infinity.
            Number::Float(x) if !x.is_finite() => f.write_str("null"),
            Number::Float(x) if x == x.trunc() && x.abs() < 1e15 => write!(f, "{x:.1}"),
            Number::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// An ordered JSON object: a list of unique keys with their values, in insertion order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    entries: Vec<(String, Value)>,
}

impl Object {
    /// An empty object.
    #[must_use]
    pub fn new() -> Self {
        Object {
            entries: Vec::new(),
        }
    }

    /// Set `key` to `value`: replaces an existing key in place, otherwise appends.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.entries.push((key, value)),
        }
    }

    /// Builder form of [`Object::insert`].
    #[must_use]
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.insert(key, value);
        self
    }

    /// The value of `key`, if present.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is present.
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// The entries in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the object has no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

impl Value {
    /// The string, if this is a string.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The value as `u64`, if this is a non-negative integer.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::UInt(n)) => Some(*n),
            _ => None,
        }
    }

    /// The items, if this is an array.
    #[must_use]
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The object, if this is an object.
    #[must_use]
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// `self[key]` for an object; `None` for a missing key or a non-object.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }

    /// The JSON type name, as used in error messages ("object", "array", "string", ...).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The shortest serialization (no whitespace).
    #[must_use]
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, None, 0);
        out
    }

    /// Two-space indented serialization without a final newline.
    #[must_use]
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(2), 0);
        out
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_compact())
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::String(s.clone())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Number(Number::UInt(n))
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(Number::UInt(u64::from(n)))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        match u64::try_from(n) {
            Ok(u) => Value::Number(Number::UInt(u)),
            Err(_) => Value::Number(Number::Int(n)),
        }
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Number(Number::Float(x))
    }
}

impl From<Object> for Value {
    fn from(o: Object) -> Self {
        Value::Object(o)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::Array(items)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// An array of strings.
#[must_use]
pub fn string_array<S: AsRef<str>>(items: &[S]) -> Value {
    Value::Array(items.iter().map(|s| Value::from(s.as_ref())).collect())
}

// ---------------------------------------------------------------------------------------------
// Serializer

fn write_value(out: &mut String, value: &Value, indent: Option<usize>, level: usize) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.push(']');
        }
        Value::Object(object) => {
            if object.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (key, item)) in object.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_string(out, key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.push('}');
        }
    }
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(width) = indent {
        out.push('\n');
        out.extend(std::iter::repeat(' ').take(width * level));
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

// ---------------------------------------------------------------------------------------------
// Parser

/// A parse failure: what was wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What was expected or found, e.g. "expected ',' or '}' after an object member".
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// 0-based byte offset into the input.
    pub offset: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {} (byte offset {})",
            self.message, self.line, self.column, self.offset
        )
    }
}

impl std::error::Error for ParseError {}

/// Parse UTF-8 bytes (e.g. a request body): invalid UTF-8 is reported with its byte offset.
///
/// # Errors
/// A [`ParseError`] for invalid UTF-8 or invalid JSON.
pub fn parse_bytes(input: &[u8]) -> Result<Value, ParseError> {
    match std::str::from_utf8(input) {
        Ok(text) => parse(text),
        Err(e) => {
            let offset = e.valid_up_to();
            // The prefix up to `offset` is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(&input[..offset]).unwrap_or("");
            let (line, column) = line_column(prefix, offset);
            Err(ParseError {
                message: "invalid UTF-8 in input".to_owned(),
                line,
                column,
                offset,
            })
        }
    }
}

/// Parse exactly one JSON value (optionally surrounded by whitespace).
///
/// # Errors
/// A [`ParseError`] naming the problem and its position.
pub fn parse(input: &str) -> Result<Value, ParseError> {
    let mut parser = Parser {
        text: input,
        bytes: input.as_bytes(),
        pos: 0,
    };
    if input.starts_with('\u{feff}') {
        return Err(parser.error_at(
            0,
            "byte order mark (U+FEFF) is not allowed before JSON text",
        ));
    }
    parser.skip_whitespace();
    if parser.pos == parser.bytes.len() {
        return Err(parser.error("empty input: expected a JSON value"));
    }
    let value = parser.parse_value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error(&format!(
            "unexpected {} after the JSON value",
            parser.describe_current()
        )));
    }
    Ok(value)
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> ParseError {
        self.error_at(self.pos, message)
    }

    fn error_at(&self, offset: usize, message: &str) -> ParseError {
        let (line, column) = line_column(self.text, offset);
        ParseError {
            message: message.to_owned(),
            line,
            column,
            offset,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// "end of input" or the current character, quoted.
    fn describe_current(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            None => "end of input".to_owned(),
            Some(c) if c.is_control() => format!("control character U+{:04X}", u32::from(c)),
            Some(c) => format!("character '{c}'"),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn parse_value(&mut self, depth: usize) -> Result<Value, ParseError> {
        match self.peek() {
            None => Err(self.error("unexpected end of input: expected a JSON value")),
            Some(b'{') => self.parse_object(depth + 1),
            Some(b'[') => self.parse_array(depth + 1),
            Some(b'"') => Ok(Value::String(self.parse_string()?)),
            Some(b't') => self.parse_literal("true", Value::Bool(true)),
            Some(b'f') => self.parse_literal("false", Value::Bool(false)),
            Some(b'n') => self.parse_literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.parse_number(),
            Some(b'\'') => Err(self.error("single-quoted strings are not JSON: use double quotes")),
            Some(b'/') => Err(self.error("comments are not allowed in JSON")),
            Some(_) => Err(self.error(&format!(
                "unexpected {}: expected a JSON value",
                self.describe_current()
            ))),
        }
    }

    fn parse_literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(&format!("invalid literal: expected '{word}'")))
        }
    }

    fn enter(&self, depth: usize) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            Err(self.error(&format!("nesting deeper than {MAX_DEPTH} levels")))
        } else {
            Ok(())
        }
    }

    fn parse_array(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.enter(depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            if self.peek() == Some(b']') {
                return Err(self.error("trailing comma before ']'"));
            }
            items.push(self.parse_value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(self.error(&format!(
                        "expected ',' or ']' after an array element, found {}",
                        self.describe_current()
                    )))
                }
            }
        }
    }

    fn parse_object(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.enter(depth)?;
        self.pos += 1; // '{'
        let mut object = Object::new();
        let mut seen = HashSet::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(object));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.error("trailing comma before '}'")),
                _ => {
                    return Err(self.error(&format!(
                        "expected a double-quoted object key, found {}",
                        self.describe_current()
                    )))
                }
            }
            let key_offset = self.pos;
            let key = self.parse_string()?;
            if !seen.insert(key.clone()) {
                return Err(self.error_at(key_offset, &format!("duplicate object key \"{key}\"")));
            }
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error(&format!(
                    "expected ':' after an object key, found {}",
                    self.describe_current()
                )));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.parse_value(depth)?;
            object.entries.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(object));
                }
                _ => {
                    return Err(self.error(&format!(
                        "expected ',' or '}}' after an object member, found {}",
                        self.describe_current()
                    )))
                }
            }
        }
    }

    fn parse_hex4(&mut self) -> Result<u32, ParseError> {
        let start = self.pos;
        let digits = self
            .bytes
            .get(start..start + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.error_at(start, "invalid \\u escape: expected 4 hex digits"))?;
        let text = std::str::from_utf8(digits).unwrap_or("");
        let code = u32::from_str_radix(text, 16)
            .map_err(|_| self.error_at(start, "invalid \\u escape: expected 4 hex digits"))?;
        self.pos += 4;
        Ok(code)
    }

    fn parse_string(&mut self) -> Result<String, ParseError> {
        let open = self.pos;
        self.pos += 1; // '"'
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                None => return Err(self.error_at(open, "unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape_at = self.pos;
                    self.pos += 1;
                    let Some(kind) = self.peek() else {
                        return Err(self.error_at(open, "unterminated string"));
                    };
                    self.pos += 1;
                    match kind {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{08}'),
                        b'f' => out.push('\u{0c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.parse_unicode_escape(escape_at)?),
                        _ => {
                            return Err(self.error_at(
                                escape_at,
                                "invalid escape: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                            ))
                        }
                    }
                }
                Some(b) => {
                    return Err(
                        self.error(&format!("unescaped control character U+{b:04X} in string"))
                    )
                }
            }
        }
    }

    fn parse_unicode_escape(&mut self, escape_at: usize) -> Result<char, ParseError> {
        let first = self.parse_hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.pos..].starts_with(b"\\u") {
                return Err(self.error_at(escape_at, "lone high surrogate in \\u escape"));
            }
            self.pos += 2;
            let second = self.parse_hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(
                    self.error_at(escape_at, "high surrogate not followed by a low surrogate")
                );
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00..0xE000).contains(&first) {
            return Err(self.error_at(escape_at, "lone low surrogate in \\u escape"));
        } else {
            first
        };
        char::from_u32(code)
            .ok_or_else(|| self.error_at(escape_at, "invalid code point in \\u escape"))
    }

    fn parse_number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_at(start, "leading zeros are not allowed in numbers"));
                }
            }
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.error("invalid number: expected a digit")),
        }
        let mut integral = true;
        if self.peek() == Some(b'.') {
            integral = false;
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number: expected a digit after '.'"));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            integral = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number: expected a digit in the exponent"));
            }
            self.skip_digits();
        }
        let text = &self.text[start..self.pos];
        if integral {
            if let Ok(n) = text.parse::<u64>() {
                return Ok(Value::Number(Number::UInt(n)));
            }
            if let Ok(n) = text.parse::<i64>() {
                // "-0" is zero: keep one representation per integer.
                return Ok(Value::from(n));
            }
        }
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Value::Number(Number::Float(x))),
            _ => Err(self.error_at(start, "number out of range")),
        }
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> ParseError {
        match parse(input) {
            Ok(v) => panic!("expected an error for {input:?}, parsed {v}"),
            Err(e) => e,
        }
    }

    #[test]
    fn parses_scalars() {
        assert_eq!(parse("null").unwrap(), Value::Null);
        assert_eq!(parse(" true ").unwrap(), Value::Bool(true));
        assert_eq!(parse("false").unwrap(), Value::Bool(false));
        assert_eq!(parse("0").unwrap(), Value::Number(Number::UInt(0)));
        assert_eq!(parse("-0").unwrap(), Value::Number(Number::UInt(0)));
        assert_eq!(parse("-12").unwrap(), Value::Number(Number::Int(-12)));
        assert_eq!(parse("1.5e2").unwrap(), Value::Number(Number::Float(150.0)));
        assert_eq!(
            parse("18446744073709551615").unwrap(),
            Value::Number(Number::UInt(u64::MAX))
        );
        assert_eq!(
            parse("18446744073709551616").unwrap(),
            Value::Number(Number::Float(18_446_744_073_709_551_616.0))
        );
        assert_eq!(parse(r#""a\"b""#).unwrap(), Value::from("a\"b"));
    }

    #[test]
    fn parses_nested_values_in_order() {
        let v = parse(r#"{"b": [1, {"c": null}], "a": "x"}"#).unwrap();
        let o = v.as_object().unwrap();
        assert_eq!(o.keys().collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(v.get("a").and_then(Value::as_str), Some("x"));
        assert_eq!(v.to_compact(), r#"{"b":[1,{"c":null}],"a":"x"}"#);
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let v = parse(r#""\u00e9\n\t\/\\\ud83d\ude00""#).unwrap();
        assert_eq!(v.as_str(), Some("é\n\t/\\😀"));
        assert_eq!(parse("\"日本\"").unwrap().as_str(), Some("日本"));
    }

    #[test]
    fn reports_positions() {
        let e = err("{\"a\": 1,\n  \"b\" 2}");
        assert_eq!((e.line, e.column, e.offset), (2, 7, 15));
        assert!(e.message.contains("expected ':'"), "{e}");
        assert_eq!(
            e.to_string(),
            "expected ':' after an object key, found character '2' at line 2 column 7 (byte offset 15)"
        );
        // Columns count characters, not bytes.
        let e = err("[\"é\", x]");
        assert_eq!((e.line, e.column, e.offset), (1, 7, 7));
    }

    #[test]
    fn rejects_malformed_input() {
        let cases: &[(&str, &str)] = &[
            ("", "empty input"),
            ("   ", "empty input"),
            ("{", "expected a double-quoted object key"),
            ("[1,]", "trailing comma before ']'"),
            ("{\"a\":1,}", "trailing comma before '}'"),
            ("[1 2]", "expected ',' or ']'"),
            ("01", "leading zeros"),
            ("-", "expected a digit"),
            ("1.", "after '.'"),
            (".5", "expected a JSON value"),
            ("1e", "exponent"),
            ("tru", "expected 'true'"),
            ("nul", "expected 'null'"),
            ("'a'", "single-quoted"),
            ("// x\n1", "comments"),
            ("\"abc", "unterminated string"),
            ("\"a\nb\"", "unescaped control character U+000A"),
            ("\"\\x\"", "invalid escape"),
            ("\"\\u12\"", "4 hex digits"),
            ("\"\\ud800\"", "lone high surrogate"),
            ("\"\\udc00\"", "lone low surrogate"),
            ("\"\\ud800\\u0041\"", "not followed by a low surrogate"),
            ("{\"a\":1,\"a\":2}", "duplicate object key \"a\""),
            ("{} {}", "after the JSON value"),
            ("\u{feff}{}", "byte order mark"),
            ("1e400", "out of range"),
            ("{1:2}", "double-quoted object key"),
            ("NaN", "expected a JSON value"),
        ];
        for (input, needle) in cases {
            let e = err(input);
            assert!(e.message.contains(needle), "{input:?}: {e}");
        }
    }

    #[test]
    fn limits_nesting_depth() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(err(&deep).message.contains("nesting deeper"));
        // Far deeper input fails cleanly instead of overflowing the stack.
        let hostile = "[".repeat(1_000_000);
        assert!(err(&hostile).message.contains("nesting deeper"));
    }

    #[test]
    fn reports_invalid_utf8_offset() {
        let e = parse_bytes(b"{\"a\":\"\xff\"}").unwrap_err();
        assert_eq!(e.offset, 6);
        assert!(e.message.contains("UTF-8"));
        assert_eq!(parse_bytes(b" [] ").unwrap(), Value::Array(vec![]));
    }

    #[test]
    fn serializes_pretty_like_json_stringify() {
        let v = Value::from(
            Object::new()
                .with("a", 1u64)
                .with("b", Value::Array(vec![Value::from("x"), Value::Null]))
                .with("c", Object::new())
                .with("d", Value::Array(vec![]))
                .with("e", Object::new().with("f", true)),
        );
        assert_eq!(
            v.to_pretty(),
            "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    null\n  ],\n  \"c\": {},\n  \"d\": [],\n  \"e\": {\n    \"f\": true\n  }\n}"
        );
    }

    #[test]
    fn escapes_strings() {
        let v = Value::from("q\"b\\n\n\u{1}\u{7f}é");
        assert_eq!(v.to_compact(), "\"q\\\"b\\\\n\\n\\u0001\u{7f}é\"");
    }

    #[test]
    fn round_trips() {
        let inputs = [
            r#"{"a":[1,-2,3.25,true,false,null],"b":{"c":"d\u0000"},"e":[]}"#,
            r#"[{"x":{}},[[]],"\ud83d\ude00",1e-7,-0.5]"#,
        ];
        for input in inputs {
            let v = parse(input).unwrap();
            assert_eq!(parse(&v.to_compact()).unwrap(), v);
            assert_eq!(parse(&v.to_pretty()).unwrap(), v);
        }
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(Value::from(2.0).to_compact(), "2.0");
        assert_eq!(Value::from(0.1).to_compact(), "0.1");
        assert_eq!(Value::from(f64::NAN).to_compact(), "null");
        assert_eq!(Value::from(-3i64).to_compact(), "-3");
        assert_eq!(Value::from(3i64), Value::from(3u64));
    }

    #[test]
    fn object_insert_replaces_in_place() {
        let mut o = Object::new().with("a", 1u64).with("b", 2u64);
        o.insert("a", 3u64);
        assert_eq!(Value::from(o).to_compact(), r#"{"a":3,"b":2}"#);
    }
}
