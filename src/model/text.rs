//! Cleaning text that arrives from outside (pastes, hand-edited files).
// PLACEHOLDER: being written.

pub fn sanitize(input: &str) -> String {
    input.to_string()
}

pub fn sanitize_line(input: &str) -> String {
    input.to_string()
}
