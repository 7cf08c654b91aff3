//! Slack's message markup made readable: `<@U123>` becomes `@Maria Lopez` (through
//! users.json), `<#C1|inc-412>` becomes `#inc-412`, `<https://x|label>` becomes
//! `label (https://x)`, `<!here>` becomes `@here`, and `&lt; &gt; &amp;` are decoded.

use std::collections::HashMap;

/// Slack user ids to the name shown for them.
pub type Names = HashMap<String, String>;

pub fn readable(text: &str, names: &Names) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode(&rest[..open]));
        let tail = &rest[open + 1..];
        let Some(close) = tail.find('>') else {
            out.push_str(&decode(&rest[open..]));
            return out;
        };
        out.push_str(&reference(&tail[..close], names));
        rest = &tail[close + 1..];
    }
    out.push_str(&decode(rest));
    out
}

/// One `<…>` reference.
fn reference(inner: &str, names: &Names) -> String {
    let (target, label) = match inner.split_once('|') {
        Some((target, label)) => (target, Some(decode(label))),
        None => (inner, None),
    };
    if let Some(id) = target.strip_prefix('@') {
        return match (names.get(id), label) {
            (Some(name), _) => format!("@{name}"),
            (None, Some(label)) => format!("@{}", label.trim_start_matches('@')),
            (None, None) => format!("@{id}"),
        };
    }
    if let Some(id) = target.strip_prefix('#') {
        return format!("#{}", label.unwrap_or_else(|| id.to_string()));
    }
    if let Some(special) = target.strip_prefix('!') {
        return match label {
            Some(label) if special.starts_with("subteam^") => {
                format!("@{}", label.trim_start_matches('@'))
            }
            Some(label) => label,
            None => format!("@{}", special.split('^').next().unwrap_or(special)),
        };
    }
    let target = decode(target);
    let shown = target.strip_prefix("mailto:").unwrap_or(&target);
    match label {
        Some(label) if label != shown => format!("{label} ({shown})"),
        _ => shown.to_string(),
    }
}

fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::from([("U01".to_string(), "Maria Lopez".to_string())])
    }

    #[test]
    fn markup_becomes_readable_text() {
        let table = [
            ("<@U01> can you look?", "@Maria Lopez can you look?"),
            ("<@U02|chen> ack", "@chen ack"),
            ("<@U03> who?", "@U03 who?"),
            ("see <#C9|inc-412>", "see #inc-412"),
            ("<!here> rolling back", "@here rolling back"),
            ("<!channel>", "@channel"),
            ("<!subteam^S1|@oncall> paged", "@oncall paged"),
            ("<!date^1772442720^{time}|09:12> start", "09:12 start"),
            (
                "dash <https://grafana.example/d/1|error rate>",
                "dash error rate (https://grafana.example/d/1)",
            ),
            ("<https://status.example>", "https://status.example"),
            ("<mailto:ops@example.com|ops@example.com>", "ops@example.com"),
            ("5 &lt; 6 &amp;&amp; 7 &gt; 3", "5 < 6 && 7 > 3"),
            ("unclosed <@U01 tail", "unclosed <@U01 tail"),
            ("&amp;lt; stays literal", "&lt; stays literal"),
        ];
        for (input, want) in table {
            assert_eq!(readable(input, &names()), want, "{input:?}");
        }
    }
}
