//! `memorykernel-service`: the MemoryKernel HTTP service (`service.v3` / `api.v1`).
//!
//! ```text
//! memorykernel-service [--bind ADDR] [--operation-timeout-ms N] [--read-timeout-ms N] [--print-contract] [--help]
//! ```
//!
//! After binding it prints exactly one line on stdout,
//! `memorykernel-service listening on http://<ip:port>`, with the real port when port 0 was asked.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod http;
mod query;
mod routes;

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use memorykernel_contract::contract_summary;

use crate::http::{read_request, write_response, ReadError};
use crate::routes::State;

const DEFAULT_BIND: &str = "127.0.0.1:4010";
const DEFAULT_OPERATION_TIMEOUT_MS: u64 = 2500;
const MAX_OPERATION_TIMEOUT_MS: u64 = 600_000;
/// Time allowed to receive one complete request, by default.
const DEFAULT_READ_TIMEOUT_MS: u64 = 5000;
const MAX_READ_TIMEOUT_MS: u64 = 600_000;
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// After answering, unread input is drained for at most this long (so the peer sees the
/// response instead of a reset), and at most [`DRAIN_LIMIT_BYTES`].
const DRAIN_TIMEOUT: Duration = Duration::from_secs(2);
const DRAIN_LIMIT_BYTES: u64 = 8 * 1024 * 1024;

const USAGE: &str = "\
Usage: memorykernel-service [--bind ADDR] [--operation-timeout-ms N] [--read-timeout-ms N]
                            [--print-contract] [--help]

  --bind ADDR                IP:PORT to listen on (default 127.0.0.1:4010; port 0 picks a free port)
  --operation-timeout-ms N   per-request handler time limit in ms, 1-600000 (default 2500)
  --read-timeout-ms N        time to receive a whole request in ms, 1-600000 (default 5000);
                             a request still incomplete then is answered 408
  --print-contract           print the contract constants as JSON and exit
  -h, --help                 print this help and exit

Once listening, prints one line on stdout: memorykernel-service listening on http://<ip:port>
";

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Serve {
        bind: SocketAddr,
        operation_timeout_ms: u64,
        read_timeout_ms: u64,
    },
    PrintContract,
    Help,
}

fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut bind: Option<String> = None;
    let mut timeout: Option<String> = None;
    let mut read_timeout: Option<String> = None;
    let mut print_contract = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |slot: &mut Option<String>| -> Result<(), String> {
            if slot.is_some() {
                return Err(format!("{flag} given more than once"));
            }
            let v = match inline.clone() {
                Some(v) => v,
                None => args.next().ok_or_else(|| format!("{flag} needs a value"))?,
            };
            *slot = Some(v);
            Ok(())
        };
        match flag.as_str() {
            "--bind" => value(&mut bind)?,
            "--operation-timeout-ms" => value(&mut timeout)?,
            "--read-timeout-ms" => value(&mut read_timeout)?,
            "--print-contract" if inline.is_none() => print_contract = true,
            "-h" | "--help" if inline.is_none() => return Ok(Command::Help),
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    if print_contract {
        return Ok(Command::PrintContract);
    }
    let bind_text = bind.unwrap_or_else(|| DEFAULT_BIND.to_owned());
    let bind = bind_text.parse::<SocketAddr>().map_err(|_| {
        format!("--bind: '{bind_text}' is not an IP:PORT address (e.g. 127.0.0.1:4010)")
    })?;
    Ok(Command::Serve {
        bind,
        operation_timeout_ms: millis(
            "--operation-timeout-ms",
            timeout,
            DEFAULT_OPERATION_TIMEOUT_MS,
            MAX_OPERATION_TIMEOUT_MS,
        )?,
        read_timeout_ms: millis(
            "--read-timeout-ms",
            read_timeout,
            DEFAULT_READ_TIMEOUT_MS,
            MAX_READ_TIMEOUT_MS,
        )?,
    })
}

/// A flag's milliseconds: `default` when not given, else an integer from 1 to `max`.
fn millis(flag: &str, given: Option<String>, default: u64, max: u64) -> Result<u64, String> {
    match given {
        None => Ok(default),
        Some(t) => match t.parse::<u64>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(format!(
                "{flag}: '{t}' is not an integer between 1 and {max}"
            )),
        },
    }
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("memorykernel-service: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::PrintContract => {
            let mut out = io::stdout().lock();
            match writeln!(out, "{}", contract_summary().to_pretty()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("memorykernel-service: cannot write to stdout: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve {
            bind,
            operation_timeout_ms,
            read_timeout_ms,
        } => match serve(
            bind,
            Duration::from_millis(operation_timeout_ms),
            Duration::from_millis(read_timeout_ms),
        ) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("memorykernel-service: {message}");
                ExitCode::FAILURE
            }
        },
    }
}

fn serve(
    bind: SocketAddr,
    operation_timeout: Duration,
    read_timeout: Duration,
) -> Result<(), String> {
    let listener = TcpListener::bind(bind).map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "memorykernel-service listening on http://{local}")
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write the listening line to stdout: {e}"))?;
    }
    let state = Arc::new(State::new(operation_timeout));
    for incoming in listener.incoming() {
        match incoming {
            Ok(stream) => {
                let state = Arc::clone(&state);
                let spawned = thread::Builder::new()
                    .name("memorykernel-conn".to_owned())
                    .spawn(move || serve_connection(&state, stream, read_timeout));
                if let Err(e) = spawned {
                    eprintln!("memorykernel-service: cannot start a connection thread: {e}");
                }
            }
            Err(e) => {
                // E.g. too many open files: back off instead of spinning.
                eprintln!("memorykernel-service: accept failed: {e}");
                thread::sleep(Duration::from_millis(50));
            }
        }
    }
    Ok(())
}

/// A reader that enforces one deadline across all reads of a connection.
struct DeadlineReader<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl Read for DeadlineReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "request deadline passed",
            ));
        }
        self.stream.set_read_timeout(Some(left))?;
        Read::read(&mut self.stream, buf)
    }
}

fn serve_connection(state: &Arc<State>, stream: TcpStream, read_timeout: Duration) {
    // A failed socket option only loses a timeout, never correctness.
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let mut reader = DeadlineReader {
        stream: &stream,
        deadline: Instant::now() + read_timeout,
    };
    let response = match read_request(&mut reader) {
        Ok(request) => routes::handle(state, request),
        Err(ReadError::Reject(response)) => response,
        Err(ReadError::Idle | ReadError::Io) => return,
    };
    state.telemetry.record(&response);
    let mut writer = &stream;
    if write_response(&mut writer, &response).is_err() {
        return;
    }
    linger(&stream);
}

/// Half-close, then discard what the peer still sends (e.g. the rest of a refused oversized
/// body) until it closes, so closing never turns into a reset that could destroy the response.
fn linger(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + DRAIN_TIMEOUT;
    let reader = DeadlineReader { stream, deadline };
    let _ = io::copy(&mut reader.take(DRAIN_LIMIT_BYTES), &mut io::sink());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn defaults() {
        assert_eq!(
            parse(&[]).unwrap(),
            Command::Serve {
                bind: "127.0.0.1:4010".parse().unwrap(),
                operation_timeout_ms: 2500,
                read_timeout_ms: 5000
            }
        );
    }

    #[test]
    fn accepts_both_flag_forms() {
        let expected = Command::Serve {
            bind: "127.0.0.1:0".parse().unwrap(),
            operation_timeout_ms: 100,
            read_timeout_ms: 250,
        };
        assert_eq!(
            parse(&[
                "--bind",
                "127.0.0.1:0",
                "--operation-timeout-ms",
                "100",
                "--read-timeout-ms",
                "250"
            ])
            .unwrap(),
            expected
        );
        assert_eq!(
            parse(&[
                "--bind=127.0.0.1:0",
                "--operation-timeout-ms=100",
                "--read-timeout-ms=250"
            ])
            .unwrap(),
            expected
        );
        assert!(matches!(
            parse(&["--bind", "[::1]:0"]).unwrap(),
            Command::Serve { .. }
        ));
    }

    #[test]
    fn print_contract_and_help() {
        assert_eq!(
            parse(&["--print-contract"]).unwrap(),
            Command::PrintContract
        );
        assert_eq!(
            parse(&["--bind", "0.0.0.0:1", "-h"]).unwrap(),
            Command::Help
        );
        assert_eq!(parse(&["--help"]).unwrap(), Command::Help);
    }

    #[test]
    fn rejects_bad_arguments() {
        for (args, needle) in [
            (&["--bogus"][..], "unknown argument"),
            (&["--bind"][..], "needs a value"),
            (&["--bind", "localhost"][..], "not an IP:PORT"),
            (
                &["--bind", "1.2.3.4:1", "--bind", "1.2.3.4:2"][..],
                "more than once",
            ),
            (&["--operation-timeout-ms", "0"][..], "between 1 and"),
            (&["--operation-timeout-ms", "abc"][..], "between 1 and"),
            (
                &["--read-timeout-ms", "0"][..],
                "--read-timeout-ms: '0' is not",
            ),
            (&["--read-timeout-ms", "600001"][..], "between 1 and 600000"),
            (
                &["--read-timeout-ms", "1", "--read-timeout-ms", "2"][..],
                "more than once",
            ),
            (&["--print-contract=yes"][..], "unknown argument"),
            (&["serve"][..], "unknown argument"),
        ] {
            let e = parse(args).unwrap_err();
            assert!(e.contains(needle), "{args:?}: {e}");
        }
    }
}
