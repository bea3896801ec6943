//! The real binary against the real producer root and against temporary roots.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use memorykernel_contract::json::{self, Value};
use memorykernel_contract::{CHANGELOG_PATH, MANIFEST_PATH};

const BIN: &str = env!("CARGO_BIN_EXE_memorykernel-handoff");
const PUBLISHED: &str = "docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json";
/// 1795478400 seconds after the epoch, for the SOURCE_DATE_EPOCH test.
const EPOCH_1795478400: &str = "2026-11-24T00:00:00Z";

fn producer_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

fn stdout_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json::parse(&String::from_utf8(out.stdout.clone()).unwrap()).unwrap()
}

/// A temporary directory removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("mk-handoff-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// A producer root holding copies of the manifest and the changelog.
    fn producer(tag: &str) -> Self {
        let t = Self::new(tag);
        for rel in [MANIFEST_PATH, CHANGELOG_PATH] {
            let to = t.0.join(rel);
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::copy(producer_root().join(rel), to).unwrap();
        }
        t
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn arg(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_published_payload_is_exactly_a_fresh_stable_generation() {
    // regenerated at the instant it records: every release republishes it, so no date is written down here
    let root = producer_root();
    let published = String::from_utf8(fs::read(root.join(PUBLISHED)).unwrap()).unwrap();
    let at = json::parse(&published)
        .unwrap()
        .get("handoff_generated_at_utc")
        .and_then(Value::as_str)
        .expect("the published payload records when it was generated")
        .to_owned();
    let out = run(&[
        "--mode",
        "stable",
        "--generated-at",
        &at,
        "--memorykernel-root",
        &root.to_string_lossy(),
    ]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        published,
        "regenerate with: bash scripts/generate_producer_handoff_payload.sh --mode stable --out-json {PUBLISHED}"
    );
}

#[test]
fn payload_copies_the_manifest() {
    let root = producer_root();
    let manifest = json::parse(&fs::read_to_string(root.join(MANIFEST_PATH)).unwrap()).unwrap();
    let p = stdout_json(&run(&[
        "--mode",
        "service-v3-candidate",
        "--memorykernel-root",
        &root.to_string_lossy(),
    ]));
    for key in [
        "release_tag",
        "commit_sha",
        "expected_service_contract_version",
        "expected_api_contract_version",
        "integration_baseline",
    ] {
        assert_eq!(p.get(key), manifest.get(key), "{key}");
        assert_eq!(
            p.get("active_runtime_baseline").and_then(|b| b.get(key)),
            manifest.get(key)
        );
    }
    assert_eq!(p.get("error_code_enum"), manifest.get("error_code_enum"));
    assert_eq!(
        p.get("manifest_path").and_then(Value::as_str),
        Some(MANIFEST_PATH)
    );
    assert_eq!(
        p.get("handoff_mode").and_then(Value::as_str),
        Some("service-v3-candidate")
    );
    assert!(p.get("required_consumer_validation_commands").is_some());
}

#[test]
fn the_root_may_be_given_relative_and_the_output_never_names_it() {
    let t = TempDir::producer("relative");
    let out = Command::new(BIN)
        .current_dir(t.path().parent().unwrap())
        .args(["--mode", "stable", "--memorykernel-root"])
        .arg(t.path().file_name().unwrap())
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(!text.contains(&t.arg()));
    assert!(!text.contains(t.path().file_name().unwrap().to_str().unwrap()));
}

#[test]
fn out_json_gets_the_same_bytes_as_stdout() {
    let t = TempDir::producer("out");
    let file = t.path().join("payload.json");
    let out = run(&[
        "--mode",
        "stable",
        "--memorykernel-root",
        &t.arg(),
        "--out-json",
        &file.to_string_lossy(),
    ]);
    assert!(out.status.success());
    assert_eq!(fs::read(&file).unwrap(), out.stdout);
    assert!(out.stdout.ends_with(b"}\n"));
}

#[test]
fn source_date_epoch_sets_the_timestamp() {
    let t = TempDir::producer("sde");
    let out = Command::new(BIN)
        .args(["--mode", "stable", "--memorykernel-root", &t.arg()])
        .env("SOURCE_DATE_EPOCH", "1795478400")
        .output()
        .unwrap();
    let p = stdout_json(&out);
    assert_eq!(
        p.get("handoff_generated_at_utc").and_then(Value::as_str),
        Some(EPOCH_1795478400)
    );
    let bad = Command::new(BIN)
        .args(["--mode", "stable", "--memorykernel-root", &t.arg()])
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &[][..],
        &["--mode", "beta"][..],
        &["--mode", "stable", "--generated-at", "2026-11-24"][..],
        &["--mode", "stable", "--bogus"][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn missing_or_broken_inputs_exit_one_naming_the_problem() {
    let empty = TempDir::new("empty");
    let out = run(&["--mode", "stable", "--memorykernel-root", &empty.arg()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the manifest"));

    let t = TempDir::producer("broken");
    fs::write(
        t.path().join(MANIFEST_PATH),
        "{\"release_tag\": \"v1.0.0\",}",
    )
    .unwrap();
    let out = run(&["--mode", "stable", "--memorykernel-root", &t.arg()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("trailing comma"));

    fs::write(
        t.path().join(MANIFEST_PATH),
        "{\"release_tag\": \"v1.0.0\"}",
    )
    .unwrap();
    let out = run(&["--mode", "stable", "--memorykernel-root", &t.arg()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("missing required key commit_sha"),
        "{stderr}"
    );
    assert!(
        stderr.contains("missing required key error_code_enum"),
        "{stderr}"
    );

    let t = TempDir::producer("nochangelog");
    fs::remove_file(t.path().join(CHANGELOG_PATH)).unwrap();
    let out = run(&["--mode", "stable", "--memorykernel-root", &t.arg()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("changelog"));
}
