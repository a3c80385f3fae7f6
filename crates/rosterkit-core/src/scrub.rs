//! Short, secret-free excerpts of response bodies for decode errors.

const MAX_EXCERPT_CHARS: usize = 120;
const SECRET_WORDS: [&str; 6] = [
    "token",
    "secret",
    "password",
    "apikey",
    "api_key",
    "authorization",
];

/// At most 120 characters of `body`, control characters replaced, with the
/// value after `Bearer `/`Basic ` and after any JSON key that names a secret
/// replaced by `***`. A server that echoes a credential back must not get it
/// printed by us.
pub fn excerpt(body: &[u8]) -> String {
    // Scrub a bounded prefix only: a 50 MB body must not cost 50 MB here.
    let head = &body[..body.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let scrubbed = scrub_secrets(&text);
    let mut out: String = scrubbed
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_EXCERPT_CHARS)
        .collect();
    if scrubbed.chars().count() > MAX_EXCERPT_CHARS || body.len() > head.len() {
        out.push('…');
    }
    out
}

/// Replaces credentials found in free text.
pub fn scrub_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        if let Some(skip) = secret_value_start(&lower[i..]) {
            out.push_str(&text[i..i + skip]);
            out.push_str("***");
            i += skip;
            while i < bytes.len() && !is_value_end(bytes[i]) {
                i += 1;
            }
            continue;
        }
        let ch_len = text[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&text[i..i + ch_len]);
        i += ch_len;
    }
    out
}

/// When `s` starts with a secret marker, how many bytes precede the value.
fn secret_value_start(s: &str) -> Option<usize> {
    for scheme in ["bearer ", "basic "] {
        if s.starts_with(scheme) {
            return Some(scheme.len());
        }
    }
    for word in SECRET_WORDS {
        if let Some(rest) = s.strip_prefix(word) {
            // `"token": "value"` or `token=value`: skip the key's tail and separators.
            let sep: usize = rest
                .bytes()
                .take_while(|b| matches!(b, b'"' | b'\'' | b':' | b'=' | b' '))
                .count();
            if sep > 0 && rest[..sep].contains([':', '=']) {
                // `Authorization: Bearer TOKEN`: the scheme is not the secret,
                // the word after it is.
                let value = &rest[sep..];
                let scheme = ["bearer ", "basic "]
                    .iter()
                    .find(|s| value.starts_with(*s))
                    .map_or(0, |s| s.len());
                return Some(word.len() + sep + scheme);
            }
        }
    }
    None
}

fn is_value_end(b: u8) -> bool {
    matches!(
        b,
        b'"' | b'\'' | b',' | b'}' | b']' | b'&' | b' ' | b'\r' | b'\n' | b'<'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_tokens() {
        let e = excerpt(br#"{"error":"bad","token":"s3cr3t-value","h":"Bearer abc.def"}"#);
        assert!(!e.contains("s3cr3t"), "{e}");
        assert!(!e.contains("abc.def"), "{e}");
        assert!(e.contains("bad"));
    }

    #[test]
    fn scrubs_header_lines() {
        let s = scrub_secrets("send failed: Authorization: Bearer abc.def-123; retry");
        assert!(!s.contains("abc.def"), "{s}");
        let s = scrub_secrets("authorization=Basic k3y&x=1");
        assert!(!s.contains("k3y"), "{s}");
    }

    #[test]
    fn bounded() {
        let big = vec![b'x'; 50_000_000];
        assert!(excerpt(&big).chars().count() <= MAX_EXCERPT_CHARS + 1);
    }
}
