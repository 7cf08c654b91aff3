//! What a merge says: the reason kept with each conflict, and the lines `waterline merge`
//! prints. Blameless like the rest: two people's work met, nobody did anything wrong.

pub const CHANGED_BOTH: &str = "changed on both sides";
pub const DELETED_THEIRS_CHANGED_OURS: &str = "deleted on their side, changed on ours";
pub const DELETED_OURS_CHANGED_THEIRS: &str = "deleted on our side, changed on theirs";
pub const ADDED_BOTH: &str = "added on both sides with different content";
pub const LOOP: &str = "the two sides moved these answers under each other; our version is kept so the tree has no loop";

/// The reason kept on an item one side deleted while the other still refers to it.
pub fn still_referred(by: &str) -> String {
    format!("deleted on one side, but {by} still refers to it; it is kept until someone chooses")
}

/// One line per renumbered id.
pub fn renumbered(kind: &str, from: &str, to: &str) -> String {
    format!("their {kind} {from} is now {to}: both sides added a {kind} {from}")
}

/// The closing line of `waterline merge`.
pub fn summary(name: &str, conflicts: usize, renumbered: usize) -> String {
    let ids = match renumbered {
        0 => String::new(),
        1 => ", 1 id renumbered".to_string(),
        n => format!(", {n} ids renumbered"),
    };
    match conflicts {
        0 => format!("{name}: merged item by item, no conflicts{ids}"),
        1 => format!(
            "{name}: merged item by item; 1 item changed on both sides is kept in the file as a \
             [[conflict]] for someone to choose{ids}"
        ),
        n => format!(
            "{name}: merged item by item; {n} items changed on both sides are kept in the file \
             as [[conflict]] entries for someone to choose{ids}"
        ),
    }
}

/// Said when the files could not be merged item by item.
pub const LEFT_AS_OURS: &str = "our version is left as it was and git marks the file as conflicted; choose a version with `git checkout --ours` or `--theirs`, then fix what the other side changed";
