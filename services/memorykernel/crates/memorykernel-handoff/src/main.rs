//! `memorykernel-handoff`: print (and optionally write) the producer release handoff payload.
//!
//! ```text
//! memorykernel-handoff --mode stable|service-v3-candidate [--memorykernel-root DIR]
//!                      [--generated-at YYYY-MM-DDTHH:MM:SSZ] [--out-json FILE]
//! ```
//!
//! Exit status: 0 on success, 1 when the manifest or changelog is missing or invalid or the output
//! cannot be written, 2 for bad arguments (including an invalid timestamp or SOURCE_DATE_EPOCH).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod payload;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use memorykernel_contract::json;
use memorykernel_contract::timestamp::Timestamp;
use memorykernel_contract::{CHANGELOG_PATH, MANIFEST_PATH};

use crate::payload::Mode;

const USAGE: &str = "\
Usage: memorykernel-handoff --mode stable|service-v3-candidate [--memorykernel-root DIR]
                            [--generated-at YYYY-MM-DDTHH:MM:SSZ] [--out-json FILE]

  --mode MODE               stable or service-v3-candidate (required)
  --memorykernel-root DIR   producer root holding the manifest and CHANGELOG.md (default .)
  --generated-at TS         handoff_generated_at_utc; default SOURCE_DATE_EPOCH, else now (UTC)
  --out-json FILE           also write the payload to FILE (atomically)
  -h, --help                print this help and exit

Prints the payload (2-space JSON) on stdout.
";

#[derive(Debug, PartialEq, Eq)]
struct Options {
    mode: Mode,
    root: PathBuf,
    generated_at: Option<String>,
    out_json: Option<PathBuf>,
}

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Generate(Options),
    Help,
}

fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut mode: Option<String> = None;
    let mut root: Option<String> = None;
    let mut generated_at: Option<String> = None;
    let mut out_json: Option<String> = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let slot = match flag.as_str() {
            "-h" | "--help" if inline.is_none() => return Ok(Command::Help),
            "--mode" => &mut mode,
            "--memorykernel-root" => &mut root,
            "--generated-at" => &mut generated_at,
            "--out-json" => &mut out_json,
            _ => return Err(format!("unknown argument '{arg}'")),
        };
        if slot.is_some() {
            return Err(format!("{flag} given more than once"));
        }
        let value = match inline {
            Some(v) => v,
            None => args.next().ok_or_else(|| format!("{flag} needs a value"))?,
        };
        if value.is_empty() {
            return Err(format!("{flag} needs a non-empty value"));
        }
        *slot = Some(value);
    }
    let mode_text = mode.ok_or("--mode is required (stable or service-v3-candidate)")?;
    let mode = Mode::parse(&mode_text).ok_or_else(|| {
        format!("--mode: '{mode_text}' is not one of stable, service-v3-candidate")
    })?;
    if let Some(ts) = &generated_at {
        Timestamp::parse(ts).map_err(|e| format!("--generated-at: {e}"))?;
    }
    Ok(Command::Generate(Options {
        mode,
        root: PathBuf::from(root.unwrap_or_else(|| ".".to_owned())),
        generated_at,
        out_json: out_json.map(PathBuf::from),
    }))
}

/// `--generated-at`, else `SOURCE_DATE_EPOCH`, else now.
fn resolve_timestamp(
    explicit: Option<&str>,
    source_date_epoch: Option<&str>,
) -> Result<String, String> {
    if let Some(ts) = explicit {
        return Ok(ts.to_owned());
    }
    match source_date_epoch.filter(|s| !s.is_empty()) {
        Some(s) => {
            let seconds = s
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0 && s.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| format!("SOURCE_DATE_EPOCH: '{s}' is not a non-negative integer"))?;
            Timestamp::from_unix_seconds(seconds)
                .map(|t| t.to_string())
                .map_err(|e| format!("SOURCE_DATE_EPOCH: {e}"))
        }
        None => Timestamp::now().map(|t| t.to_string()),
    }
}

/// Write `bytes` to `path` through a temporary file in the same directory and a rename, so a
/// reader never sees a half-written payload.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "the output path has no file name",
        )
    })?;
    let tmp = path.with_file_name(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn generate(options: &Options) -> Result<String, String> {
    let manifest_path = options.root.join(MANIFEST_PATH);
    let text = fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read the manifest {}: {e}", manifest_path.display()))?;
    let manifest = json::parse(&text).map_err(|e| {
        format!(
            "the manifest {} is not valid JSON: {e}",
            manifest_path.display()
        )
    })?;
    let facts = payload::manifest_facts(&manifest).map_err(|problems| {
        format!(
            "the manifest {} is incomplete:\n  {}",
            manifest_path.display(),
            problems.join("\n  ")
        )
    })?;
    let changelog = options.root.join(CHANGELOG_PATH);
    if !changelog.is_file() {
        return Err(format!("the changelog {} is missing", changelog.display()));
    }
    let source_date_epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let generated_at = resolve_timestamp(
        options.generated_at.as_deref(),
        source_date_epoch.as_deref(),
    )?;
    Ok(format!(
        "{}\n",
        payload::build(&facts, options.mode, &generated_at).to_pretty()
    ))
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Generate(options)) => options,
        Err(message) => {
            eprintln!("memorykernel-handoff: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match generate(&options) {
        Ok(text) => text,
        Err(message) if message.starts_with("SOURCE_DATE_EPOCH") => {
            eprintln!("memorykernel-handoff: {message}");
            return ExitCode::from(2);
        }
        Err(message) => {
            eprintln!("memorykernel-handoff: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(out) = &options.out_json {
        if let Err(e) = write_atomically(out, text.as_bytes()) {
            eprintln!("memorykernel-handoff: cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("memorykernel-handoff: cannot write to stdout: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn parses_all_flags_in_both_forms() {
        let expected = Command::Generate(Options {
            mode: Mode::ServiceV3Candidate,
            root: PathBuf::from("some/root"),
            generated_at: Some("2026-11-24T00:00:00Z".to_owned()),
            out_json: Some(PathBuf::from("out.json")),
        });
        assert_eq!(
            parse(&[
                "--mode",
                "service-v3-candidate",
                "--memorykernel-root",
                "some/root",
                "--generated-at",
                "2026-11-24T00:00:00Z",
                "--out-json",
                "out.json"
            ])
            .unwrap(),
            expected
        );
        assert_eq!(
            parse(&[
                "--mode=service-v3-candidate",
                "--memorykernel-root=some/root",
                "--generated-at=2026-11-24T00:00:00Z",
                "--out-json=out.json"
            ])
            .unwrap(),
            expected
        );
        let Command::Generate(defaults) = parse(&["--mode", "stable"]).unwrap() else {
            panic!("expected Generate");
        };
        assert_eq!(defaults.root, PathBuf::from("."));
        assert_eq!(defaults.generated_at, None);
    }

    #[test]
    fn rejects_bad_arguments() {
        for (args, needle) in [
            (&[][..], "--mode is required"),
            (&["--mode", "candidate"][..], "is not one of"),
            (&["--mode"][..], "needs a value"),
            (
                &["--mode", "stable", "--mode", "stable"][..],
                "more than once",
            ),
            (
                &["--mode", "stable", "--generated-at", "2026-02-30T00:00:00Z"][..],
                "--generated-at",
            ),
            (
                &["--mode", "stable", "--generated-at", "yesterday"][..],
                "--generated-at",
            ),
            (&["--mode", "stable", "--out-json", ""][..], "non-empty"),
            (&["--mode", "stable", "extra"][..], "unknown argument"),
        ] {
            let e = parse(args).unwrap_err();
            assert!(e.contains(needle), "{args:?}: {e}");
        }
        assert_eq!(parse(&["--help"]).unwrap(), Command::Help);
    }

    #[test]
    fn timestamps_prefer_the_flag_then_source_date_epoch() {
        assert_eq!(
            resolve_timestamp(Some("2026-11-24T00:00:00Z"), Some("0")).unwrap(),
            "2026-11-24T00:00:00Z"
        );
        assert_eq!(
            resolve_timestamp(None, Some("1795478400")).unwrap(),
            "2026-11-24T00:00:00Z"
        );
        for bad in ["-1", "+5", "1.5", "abc", "99999999999999"] {
            assert!(resolve_timestamp(None, Some(bad)).is_err(), "{bad}");
        }
        let now = resolve_timestamp(None, Some("")).unwrap();
        assert!(Timestamp::parse(&now).is_ok(), "{now}");
        assert!(resolve_timestamp(None, None).is_ok());
    }

    #[test]
    fn writes_atomically_and_leaves_no_temp_file() {
        let dir = std::env::temp_dir().join(format!("mk-handoff-unit-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let out = dir.join("payload.json");
        write_atomically(&out, b"one").unwrap();
        write_atomically(&out, b"two").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("payload.json")]);
        assert!(write_atomically(&dir.join("missing/payload.json"), b"x").is_err());
        fs::remove_dir_all(&dir).unwrap();
    }
}
