//! Keeping credentials out of text: short, secret-free excerpts of response
//! bodies, credential-looking patterns (`Bearer x`, `"token": "x"`), and the
//! credential's own value wherever it appears.

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

/// Pieces of a secret this long or longer are redacted wherever they appear;
/// a shorter fragment could be an ordinary word.
const MIN_FRAGMENT: usize = 8;

/// `text` with `secret` cut out: the value itself, its standard and URL-safe
/// base64 forms (alone, and as Basic auth's `user:password` halves), and any
/// run of [`MIN_FRAGMENT`] or more of its characters.
pub fn redact(text: &str, secret: &str) -> String {
    let secret = secret.trim();
    if secret.is_empty() || text.is_empty() {
        return text.to_owned();
    }
    let mut forms: Vec<String> = vec![secret.to_owned()];
    for raw in [
        secret.to_owned(),
        format!("{secret}:"),
        format!(":{secret}"),
    ] {
        let b64 = base64(raw.as_bytes());
        forms.push(b64.trim_end_matches('=').to_owned());
        forms.push(
            b64.trim_end_matches('=')
                .replace('+', "-")
                .replace('/', "_"),
        );
    }
    // Byte ranges of `text` to hide.
    let mut hide: Vec<(usize, usize)> = Vec::new();
    for form in &forms {
        if form.len() < 4 {
            continue;
        }
        for (at, _) in text.match_indices(form.as_str()) {
            hide.push((at, at + form.len()));
        }
        // Any long enough fragment: slide a window over the form.
        let chars: Vec<(usize, char)> = form.char_indices().collect();
        if chars.len() > MIN_FRAGMENT {
            for w in 0..=chars.len() - MIN_FRAGMENT {
                let start = chars[w].0;
                let end = chars.get(w + MIN_FRAGMENT).map_or(form.len(), |(i, _)| *i);
                for (at, _) in text.match_indices(&form[start..end]) {
                    hide.push((at, at + (end - start)));
                }
            }
        }
    }
    if hide.is_empty() {
        return text.to_owned();
    }
    hide.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (start, end) in hide {
        if end <= pos {
            continue;
        }
        let start = start.max(pos);
        out.push_str(&text[pos..start]);
        if !out.ends_with("***") {
            out.push_str("***");
        }
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_the_secret_in_every_form() {
        let secret = "sk_live_51HxYzAbCdEfGhIjKl";
        let b64 = base64(format!("{secret}:").as_bytes());
        for text in [
            format!("invalid token {secret}"),
            format!("{{\"message\":\"bad key '{secret}'\"}}"),
            format!("<html><body>token={secret}</body></html>"),
            format!("Basic {b64} rejected"),
            format!("key ends in {}", &secret[10..]),
        ] {
            let out = redact(&text, secret);
            assert!(!out.contains(&secret[..MIN_FRAGMENT]), "{out}");
            assert!(
                !out.contains(&secret[secret.len() - MIN_FRAGMENT..]),
                "{out}"
            );
            assert!(!out.contains(b64.trim_end_matches('=')), "{out}");
        }
        assert_eq!(redact("nothing to see", secret), "nothing to see");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

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
