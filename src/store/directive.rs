//! The `#:schema` line editors read to find the review format's JSON Schema: kept at the
//! top of a file when waterline writes it again, since the writer does not keep comments.

/// The leading `#:schema …` comment of a review's text, if it has one.
pub(super) fn schema_directive(text: &str) -> Option<&str> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    let line = first.trim_end();
    (line.starts_with("#:schema ") && !line.chars().any(char::is_control)).then_some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_schema_comment_counts() {
        assert_eq!(
            schema_directive("#:schema ./review.schema.json\nwaterline = 1\n"),
            Some("#:schema ./review.schema.json")
        );
        assert_eq!(schema_directive("waterline = 1\n#:schema x\n"), None);
        assert_eq!(schema_directive("# a note\n"), None);
    }
}
