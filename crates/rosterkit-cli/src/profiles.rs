//! The profiles file: named connections, so tokens stay off the command line.
//!
//! ```toml
//! [prod-polaris]
//! provider = "polaris"
//! base_url = "https://acme.app.imply.io"
//! token_env = "POLARIS_API_KEY"   # read the key from this variable
//!
//! [ssw]
//! provider = "ssw"
//! base_url = "https://acme.example"
//! tenant_id = "org_123"
//! token = "..."                   # allowed; keep the file private (chmod 600)
//! ```
//!
//! The file is `$ROSTERKIT_PROFILES`, else
//! `$XDG_CONFIG_HOME/rosterkit/profiles.toml`, else
//! `~/.config/rosterkit/profiles.toml`.

use crate::failure::{usage, Failure};
use rosterkit::Secret;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Environment variable naming the profiles file.
pub const PROFILES_ENV: &str = "ROSTERKIT_PROFILES";

/// One named connection.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Provider id.
    pub provider: Option<String>,
    /// Base URL.
    pub base_url: Option<String>,
    /// SSW organization id or Spotnana company id.
    pub tenant_id: Option<String>,
    /// The token itself (the file must then be private).
    pub token: Option<Secret>,
    /// The environment variable holding the token.
    pub token_env: Option<String>,
}

/// Where the profiles file is looked for.
pub fn profiles_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(PROFILES_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(x).join("rosterkit/profiles.toml"));
    }
    std::env::var_os("HOME")
        .filter(|p| !p.is_empty())
        .map(|h| PathBuf::from(h).join(".config/rosterkit/profiles.toml"))
}

/// Reads profile `name` from the profiles file.
pub fn load(name: &str) -> Result<Profile, Failure> {
    let path = profiles_path().ok_or_else(|| {
        usage(format!(
            "profile {name:?}: no profiles file (set {PROFILES_ENV} or HOME)"
        ))
    })?;
    let text = std::fs::read_to_string(&path).map_err(|e| {
        usage(format!(
            "profile {name:?}: cannot read {}: {e}",
            path.display()
        ))
    })?;
    let mut all = parse(&text).map_err(|e| usage(format!("{}: {e}", path.display())))?;
    let profile = all.remove(name).ok_or_else(|| {
        let known: Vec<&String> = all.keys().collect();
        usage(format!(
            "profile {name:?} not found in {}; profiles there: {known:?}",
            path.display()
        ))
    })?;
    if profile.token.is_some() {
        warn_if_shared(&path);
    }
    Ok(profile)
}

/// Parses the file's text into profiles by name.
pub fn parse(text: &str) -> Result<BTreeMap<String, Profile>, String> {
    toml::from_str(text).map_err(|e| {
        // toml's message quotes the offending source line, which could hold a
        // token; keep only its first line (the description and position).
        e.message().to_owned()
    })
}

#[cfg(unix)]
fn warn_if_shared(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.permissions().mode() & 0o077 != 0 {
            eprintln!(
                "warning: {} holds a token and is readable by other users; run chmod 600 on it",
                path.display()
            );
        }
    }
}

#[cfg(not(unix))]
fn warn_if_shared(_path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_profiles_and_rejects_unknown_keys() {
        let all = parse(
            "[a]\nprovider = \"ssw\"\nbase_url = \"http://x\"\ntenant_id = \"org\"\ntoken_env = \"T\"\n",
        )
        .unwrap();
        assert_eq!(all["a"].provider.as_deref(), Some("ssw"));
        assert_eq!(all["a"].token_env.as_deref(), Some("T"));
        let err = parse("[a]\ntokn = \"very-secret-value\"\n").unwrap_err();
        assert!(err.contains("tokn"), "{err}");
        assert!(!err.contains("very-secret-value"), "{err}");
    }

    #[test]
    fn syntax_errors_do_not_quote_the_line() {
        let err = parse("[a]\ntoken = \"s3cr3t-token\n").unwrap_err();
        assert!(!err.contains("s3cr3t"), "{err}");
    }
}
