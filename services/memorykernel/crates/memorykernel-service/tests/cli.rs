//! The command line: --print-contract agrees with the manifest, usage errors exit 2.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::net::TcpListener;
use std::process::Command;

use common::{read_json, BIN};
use memorykernel_contract::json::{self, Value};
use memorykernel_contract::MANIFEST_PATH;

#[test]
fn print_contract_matches_the_manifest() {
    let out = Command::new(BIN).arg("--print-contract").output().unwrap();
    assert!(out.status.success());
    let printed = json::parse(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let manifest = read_json(MANIFEST_PATH);
    for (printed_key, manifest_key) in [
        (
            "service_contract_version",
            "expected_service_contract_version",
        ),
        ("api_contract_version", "expected_api_contract_version"),
        ("integration_baseline", "integration_baseline"),
        ("manifest_contract_version", "manifest_contract_version"),
        ("error_code_enum", "error_code_enum"),
    ] {
        assert_eq!(
            printed.get(printed_key),
            manifest.get(manifest_key),
            "{printed_key}"
        );
    }
    assert_eq!(printed.as_object().unwrap().len(), 5);
}

#[test]
fn help_exits_zero() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--operation-timeout-ms") && help.contains("--read-timeout-ms"));
}

#[test]
fn bad_arguments_exit_two_with_a_message() {
    for args in [
        &["--nope"][..],
        &["--bind"][..],
        &["--bind", "not-an-address"][..],
        &["--operation-timeout-ms", "0"][..],
        &["--read-timeout-ms", "x"][..],
    ] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("memorykernel-service: "));
    }
}

#[test]
fn an_address_in_use_fails_without_a_ready_line() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = Command::new(BIN).args(["--bind", &addr]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot listen"));
    drop(taken);
}

#[test]
fn the_manifest_is_valid_json_with_an_object_at_the_top() {
    assert!(matches!(read_json(MANIFEST_PATH), Value::Object(_)));
}
