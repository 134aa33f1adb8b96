//! The full-screen app in a pseudo-terminal for the attack tests, its
//! screen read back through vt100. Apart from `tests/support` while that
//! is being rewritten; meant to join it.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize};

const DEADLINE: Duration = Duration::from_secs(15);

/// The full-screen app in a pseudo-terminal, its screen read back.
pub struct App {
    pub child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
}

impl App {
    pub fn start(dir: &Path, program: &[&str], env: &[(&str, &str)]) -> App {
        let pair = portable_pty::native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program[0]);
        cmd.args(&program[1..]);
        cmd.env_clear();
        cmd.env("LANG", "en_US.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", dir);
        cmd.env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(dir);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sc = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                sc.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        App {
            child,
            screen,
            _master: pair.master,
            writer,
        }
    }

    pub fn contents(&self) -> String {
        let p = self.screen.lock().unwrap_or_else(|e| e.into_inner());
        p.screen().contents()
    }

    pub fn wait_for(&mut self, what: &str) {
        let start = Instant::now();
        while !self.contents().contains(what) {
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("no {what:?} on screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_for_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("the app did not end:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A failed assertion must not leave the app running behind the tests.
impl Drop for App {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
