//! The binary as users run it: every run gets a clean environment with
//! its own home and data folders and an explicit locale, so results do
//! not depend on the machine.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of medel left: its exit code and its output.
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn text(&self) -> String {
        self.stdout.clone()
    }
}

/// A temporary folder to run medel in.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs medel in English.
    pub fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, &[])
    }

    /// Runs medel with the given locale (`LANG`; `LC_ALL` is cleared).
    pub fn run_in(&self, lang: &str, args: &[&str]) -> Out {
        self.run_with(args, &[("LANG", lang)])
    }

    /// Runs medel in English unless `env` says otherwise.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Out {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_medel"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("LANG", "en_GB.UTF-8")
            .env("LC_ALL", "")
            .env("MEDEL_USER", "tester");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run medel");
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8 errors"),
        }
    }

    /// Runs medel in English; it must succeed.
    pub fn ok(&self, args: &[&str]) -> Out {
        let out = self.run(args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out
    }

    /// `medel demo --db NAME`, which must succeed; returns the path.
    pub fn demo(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        self.ok(&["demo", "--db", s(&path)]);
        path
    }
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}
