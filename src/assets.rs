//! Files built into the binary: the example review and the templates a review starts from.

use std::path::Path;

use chrono::NaiveDate;

use crate::model::Session;
use crate::store;

/// The built-in example review.
pub const DEMO: &str = include_str!("../assets/demo.toml");

/// Template names, as `--template` takes them.
pub const TEMPLATE_NAMES: [&str; 3] = ["standard", "near-miss", "self-review"];

pub fn template_text(name: &str) -> Option<&'static str> {
    match name {
        "standard" => Some(include_str!("../assets/templates/standard.toml")),
        "near-miss" => Some(include_str!("../assets/templates/near-miss.toml")),
        "self-review" => Some(include_str!("../assets/templates/self-review.toml")),
        _ => None,
    }
}

/// A new session from a template, with its title set and `created` as the day of the
/// review (the day action due dates are judged from).
pub fn from_template(name: &str, title: &str, created: NaiveDate) -> Result<Session, String> {
    let text = template_text(name).ok_or_else(|| {
        format!("there is no template “{name}”; choose one of: {}", TEMPLATE_NAMES.join(", "))
    })?;
    let loaded = store::parse(Path::new(name), text).map_err(|e| e.to_string())?;
    let mut session = loaded.session;
    session.incident.title = title.to_string();
    session.incident.review_date = Some(created);
    Ok(session)
}
