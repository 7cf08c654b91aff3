//! Cleaning text that arrives from outside (pastes, hand-edited files).
// PLACEHOLDER: being written.

pub fn sanitize(input: &str) -> String {
    input.to_string()
}

pub fn sanitize_line(input: &str) -> String {
    input.to_string()
}

pub fn split_pasted_lines(input: &str) -> Vec<String> {
    input.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}
