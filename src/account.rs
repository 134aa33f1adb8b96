//! Who runs this process, for the audit log and for whose drafts are
//! whose. The name comes from the system by the real user id
//! (`getpwuid_r`), as `id -un` and git's reflog do, because the
//! environment is whatever the caller wants it to be: `USER=coord1 medel`
//! run by coord2 is logged as "coord2 as coord1", never as coord1.

/// The name the process's real user has, and the name it asks to be
/// known as when that differs (`MEDEL_USER`, `LOGNAME` or `USER`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub acting_as: Option<String>,
}

impl Account {
    /// This process's account.
    pub fn of_process() -> Account {
        let name = real_user_name().unwrap_or_else(|| "unknown".to_string());
        let asked = ["MEDEL_USER", "LOGNAME", "USER", "USERNAME"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()));
        Account::new(name, asked)
    }

    /// `acting_as` is dropped when it is the account's own name.
    pub fn new(name: String, acting_as: Option<String>) -> Account {
        let acting_as = acting_as.filter(|a| *a != name);
        Account { name, acting_as }
    }

    /// As the audit log records it: "coord2", or "coord2 as coord1". The
    /// same in every language: it is data, not a sentence.
    pub fn label(&self) -> String {
        match &self.acting_as {
            Some(other) => format!("{} as {other}", self.name),
            None => self.name.clone(),
        }
    }
}

/// The process's real user id: whose drafts are whose, on disk too.
#[cfg(unix)]
pub fn real_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

#[cfg(not(unix))]
pub fn real_uid() -> u32 {
    0
}

#[cfg(unix)]
fn real_user_name() -> Option<String> {
    use std::ffi::CStr;
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: a zeroed passwd is a valid value for getpwuid_r to fill.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is to memory we own, `buf` is as long as we
    // say, and the strings read below live in `buf`.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
    if rc != 0 || found.is_null() || pwd.pw_name.is_null() {
        // No entry (a container's bare uid): the number is still true.
        return Some(format!("uid {uid}"));
    }
    // SAFETY: pw_name points into `buf`, NUL-terminated by getpwuid_r.
    let name = unsafe { CStr::from_ptr(pwd.pw_name) };
    Some(name.to_string_lossy().into_owned())
}

#[cfg(not(unix))]
fn real_user_name() -> Option<String> {
    std::env::var("USERNAME").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_is_recorded_beside_the_real_name() {
        let a = Account::new("coord2".into(), Some("coord1".into()));
        assert_eq!(a.label(), "coord2 as coord1");
        let own = Account::new("coord2".into(), Some("coord2".into()));
        assert_eq!(own.label(), "coord2");
    }

    #[cfg(unix)]
    #[test]
    fn the_real_name_comes_from_the_uid_not_the_environment() {
        let out = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        let expected = String::from_utf8(out.stdout).unwrap().trim().to_string();
        assert_eq!(real_user_name().as_deref(), Some(expected.as_str()));
    }
}
