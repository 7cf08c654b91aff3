//! The severity policy: how many days after the incident an action may fall due. Set in
//! `config.toml` as `[policy] due_days = { SEV1 = 15, SEV2 = 30, default = 60 }`.

/// Days allowed per severity, and for every other severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuePolicy {
    /// (severity as written, days); compared without case, spaces or dashes.
    pub by_severity: Vec<(String, u32)>,
    pub default: u32,
}

impl Default for DuePolicy {
    fn default() -> Self {
        DuePolicy { by_severity: vec![("SEV1".into(), 15), ("SEV2".into(), 30)], default: 60 }
    }
}

impl DuePolicy {
    /// The days allowed for `severity`: "sev-1", "Sev 1" and "SEV1" are the same.
    pub fn days_for(&self, severity: &str) -> u32 {
        let wanted = normalise(severity);
        self.by_severity.iter().find(|(s, _)| normalise(s) == wanted).map_or(self.default, |p| p.1)
    }

    /// Sets the days for one severity, replacing an earlier entry for it.
    pub fn set(&mut self, severity: &str, days: u32) {
        let key = normalise(severity);
        self.by_severity.retain(|(s, _)| normalise(s) != key);
        self.by_severity.push((severity.to_string(), days));
    }
}

fn normalise(severity: &str) -> String {
    severity.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_compare_without_case_spaces_or_dashes() {
        let p = DuePolicy::default();
        assert_eq!(p.days_for("SEV1"), 15);
        assert_eq!(p.days_for("sev-1"), 15);
        assert_eq!(p.days_for("Sev 2"), 30);
        assert_eq!(p.days_for("near miss"), 60);
        assert_eq!(p.days_for(""), 60);
    }

    #[test]
    fn setting_a_severity_replaces_its_days() {
        let mut p = DuePolicy::default();
        p.set("sev1", 7);
        assert_eq!(p.days_for("SEV1"), 7);
        assert_eq!(p.by_severity.len(), 2);
    }
}
