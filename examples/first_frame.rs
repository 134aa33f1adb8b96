//! Process start to the first complete frame, as a user sees it: runs
//! `medel --db PATH` in a 120×40 pseudo-terminal, times from spawn until
//! the main view's status pane and footer are on screen, then quits.
//!
//! cargo run --release --example first_frame -- PATH [RUNS]
//!
//! Prints every run and the median in milliseconds.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = args.next().ok_or("usage: first_frame PATH [RUNS]")?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(11);
    let exe = std::env::current_exe()?
        .parent()
        .and_then(|examples| examples.parent())
        .map(|dir| dir.join("medel"))
        .ok_or("cannot find the medel binary beside the example")?;
    let mut times = Vec::new();
    for run in 0..runs {
        let ms = once(&exe, &db)?;
        println!("run {run}: {ms:.1} ms");
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    println!("median: {:.1} ms over {runs} runs", times[runs / 2]);
    Ok(())
}

fn once(exe: &std::path::Path, db: &str) -> Result<f64, Box<dyn std::error::Error>> {
    let pty = native_pty_system().openpty(PtySize {
        rows: 40,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut cmd = CommandBuilder::new(exe);
    cmd.args(["--db", db, "--lang", "en"]);
    cmd.env("TERM", "xterm-256color");
    // The pseudo-terminal's child starts in the home folder otherwise, where
    // a relative path would make a new, empty database.
    cmd.cwd(std::env::current_dir()?);
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(cmd)?;
    let mut reader = pty.master.try_clone_reader()?;
    let mut writer = pty.master.take_writer()?;
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = vt100::Parser::new(40, 120, 0);
    let deadline = Instant::now() + Duration::from_secs(20);
    let elapsed = loop {
        let chunk = rx.recv_timeout(Duration::from_millis(1)).ok();
        if let Some(bytes) = chunk {
            screen.process(&bytes);
            let text = screen.screen().contents();
            // The footer is drawn last in a frame; with the totals it means
            // the whole first frame has arrived. During the use period the
            // line of money to return is named as not yet used.
            let totals = text.contains("To return") || text.contains("Not yet used");
            if totals && text.contains("q quit") {
                break started.elapsed();
            }
        }
        if Instant::now() > deadline {
            let text = screen.screen().contents();
            return Err(format!("no complete frame within 20 s:\n{text}").into());
        }
    };
    let peak = child.process_id().and_then(peak_kib);
    writer.write_all(b"q")?;
    child.wait()?;
    if let Some(kib) = peak {
        println!("  peak memory so far: {:.1} MB", kib as f64 / 1024.0);
    }
    Ok(elapsed.as_secs_f64() * 1000.0)
}

/// The process's peak resident memory (VmHWM), in KiB, on Linux.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
