//! What the room learned beyond the factors: what went well, what went wrong, and where it
//! got lucky — the three lists every postmortem template asks for.

use super::Extra;

/// The review's lessons. Each list keeps the order the room gave it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lessons {
    pub went_well: Vec<String>,
    pub went_wrong: Vec<String>,
    /// Where luck, not the system, kept it from being worse.
    pub lucky: Vec<String>,
    /// Keys of `[lessons]` this version does not know, kept for the next save.
    pub extra: Extra,
}

/// One of the three lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LessonKind {
    WentWell,
    WentWrong,
    Lucky,
}

impl LessonKind {
    pub const ALL: [LessonKind; 3] = [Self::WentWell, Self::WentWrong, Self::Lucky];

    /// The key in the review file, and in the JSON export.
    pub fn key(self) -> &'static str {
        match self {
            Self::WentWell => "went_well",
            Self::WentWrong => "went_wrong",
            Self::Lucky => "lucky",
        }
    }
}

impl Lessons {
    pub fn list(&self, kind: LessonKind) -> &[String] {
        match kind {
            LessonKind::WentWell => &self.went_well,
            LessonKind::WentWrong => &self.went_wrong,
            LessonKind::Lucky => &self.lucky,
        }
    }

    pub fn list_mut(&mut self, kind: LessonKind) -> &mut Vec<String> {
        match kind {
            LessonKind::WentWell => &mut self.went_well,
            LessonKind::WentWrong => &mut self.went_wrong,
            LessonKind::Lucky => &mut self.lucky,
        }
    }

    /// No lesson written (blank entries do not count).
    pub fn is_empty(&self) -> bool {
        LessonKind::ALL.iter().all(|k| self.list(*k).iter().all(|l| l.trim().is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_with_only_blank_entries_are_empty() {
        let mut lessons = Lessons::default();
        assert!(lessons.is_empty());
        lessons.list_mut(LessonKind::Lucky).push("  ".into());
        assert!(lessons.is_empty());
        lessons.list_mut(LessonKind::Lucky).push("The spare host was already racked".into());
        assert!(!lessons.is_empty());
        assert_eq!(lessons.list(LessonKind::Lucky).len(), 2);
    }
}
