//! Moving the selection in a list: the same keys in every step and view.

use crate::tui::intent::Intent;

/// Rows PgUp / PgDn move.
pub const PAGE: usize = 10;

/// Applies a movement (up, down, page, first, last) to `selected` in a list of `len`.
pub fn move_in_list(selected: &mut usize, len: usize, action: &Intent) {
    let last = len.saturating_sub(1);
    *selected = match action {
        Intent::Up => selected.saturating_sub(1),
        Intent::Down => (*selected + 1).min(last),
        Intent::PageUp => selected.saturating_sub(PAGE),
        Intent::PageDown => (*selected + PAGE).min(last),
        Intent::Top => 0,
        Intent::Bottom => last,
        _ => *selected,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movement_stays_inside_the_list() {
        let mut at = 0;
        move_in_list(&mut at, 3, &Intent::Up);
        assert_eq!(at, 0);
        move_in_list(&mut at, 3, &Intent::PageDown);
        assert_eq!(at, 2);
        move_in_list(&mut at, 0, &Intent::Bottom);
        assert_eq!(at, 0, "an empty list keeps the first row");
    }
}
