//! The timeline strip: every event as a tick on one line, the milestones on it, and a bar
//! from the start to each of detection, mitigation and resolution with its duration.

use chrono::{Duration, NaiveDateTime, Timelike};

use super::super::content::{Content, clock};
use super::super::words as w;
use super::Svg;
use crate::model::timeline::format_duration;
use crate::model::{Milestone, Timestamp};

const WIDTH: i32 = 960;
const LEFT: i32 = 16;
/// The axis ends here; the labels of the longest bar go to its right.
const RIGHT: i32 = 700;
const STRIP_Y: i32 = 40;
const BAR_H: i32 = 16;
const ROW: i32 = 26;

/// The strip, or `None` when there is no time at all to draw.
pub(in super::super) fn draw(c: &Content) -> Option<String> {
    let times: Vec<Timestamp> =
        (c.events.iter().map(|e| e.at)).chain(c.milestones.iter().filter_map(|m| m.at)).collect();
    let t0 = *times.iter().min()?;
    let mut t1 = *times.iter().max()?;
    if t1 <= t0 {
        t1 = t0 + Duration::minutes(1);
    }
    let span = (t1 - t0).num_milliseconds().max(1) as f64;
    let x = |t: Timestamp| {
        LEFT + (((t - t0).num_milliseconds() as f64 / span) * f64::from(RIGHT - LEFT)).round()
            as i32
    };

    let start = c.milestone(Milestone::Start);
    let bars: Vec<(usize, Milestone, Timestamp, Duration)> = (c.milestones.iter())
        .filter_map(|m| Some((m.milestone, m.at?, m.since_start?)))
        .enumerate()
        .map(|(i, (m, at, d))| (i, m, at, d))
        .collect();
    let axis_y = STRIP_Y + 24 + ROW * bars.len() as i32 + 8;
    let height = axis_y + 22;
    let (title, desc) = words(c, &bars);
    let mut svg = Svg::new("timeline-strip", WIDTH, height, &title, &desc);

    // Grid and time labels first, so everything else is drawn over them.
    for (at, label) in ticks(c, t0, t1) {
        let tx = x(at);
        svg.line(tx, STRIP_Y - 14, tx, axis_y - 12, "d-grid");
        svg.text(tx, axis_y, &label, "d-small", "middle");
    }
    svg.line(LEFT, STRIP_Y, RIGHT, STRIP_Y, "d-axis");
    // One tick per pixel column however many events there are: 10 000 events stay light.
    let mut last = i32::MIN;
    let mut xs: Vec<i32> = c.events.iter().map(|e| x(e.at)).collect();
    xs.sort_unstable();
    for ex in xs {
        if ex != last {
            svg.line(ex, STRIP_Y - 7, ex, STRIP_Y + 7, "d-tick");
            last = ex;
        }
    }
    if let Some(s) = start {
        let sx = x(s);
        svg.path(&diamond(sx, STRIP_Y), "d-mark");
        svg.text(
            sx,
            STRIP_Y - 20,
            &format!("{} {}", w::milestone(Milestone::Start).to_lowercase(), clock(c.local(s))),
            "d-small d-strong",
            "start",
        );
    }
    for (row, m, at, d) in &bars {
        let (bx, ex) = (start.map_or(LEFT, x), x(*at));
        let y = STRIP_Y + 22 + ROW * *row as i32;
        svg.path(&diamond(ex, STRIP_Y), "d-mark");
        svg.rect(bx, y, (ex - bx).max(3), BAR_H, &format!("d-band{}", row + 1));
        let label = format!("{} {} · {}", w::time_to(*m), format_duration(*d), clock(c.local(*at)));
        svg.text(ex + 8, y + BAR_H - 4, &label, "d-text", "start");
    }
    Some(svg.finish())
}

/// A small diamond centred on `(x, y)`.
fn diamond(x: i32, y: i32) -> String {
    format!("M{x} {} L{} {y} L{x} {} L{} {y} Z", y - 6, x + 6, y + 6, x - 6)
}

/// The accessible name and description: every milestone and duration, in words.
fn words(c: &Content, bars: &[(usize, Milestone, Timestamp, Duration)]) -> (String, String) {
    let mut parts = Vec::new();
    if let Some(s) = c.milestone(Milestone::Start) {
        parts.push(format!("started {}", c.when(s)));
    }
    for (_, m, at, d) in bars {
        parts.push(format!(
            "{} {} ({} {})",
            w::milestone(*m).to_lowercase(),
            c.when(*at),
            w::time_to(*m),
            format_duration(*d)
        ));
    }
    let events = match c.events.len() {
        1 => "1 event".to_string(),
        n => format!("{n} events"),
    };
    let title = format!("{}: {events}", w::DIAGRAM_TIMELINE);
    let desc = if parts.is_empty() {
        format!("{events} on the timeline; times in {}", c.zone())
    } else {
        format!("{}; {events}; times in {}", parts.join(", "), c.zone())
    };
    (title, desc)
}

/// Round times between `t0` and `t1` to label, in the incident's offset: at most about
/// eight, on whole minutes, hours or days.
fn ticks(c: &Content, t0: Timestamp, t1: Timestamp) -> Vec<(Timestamp, String)> {
    const STEPS: [i64; 14] = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];
    let minutes = (t1 - t0).num_minutes().max(1);
    let step = STEPS.iter().copied().find(|s| minutes / s <= 8).unwrap_or(minutes / 8 + 1);
    // Counted in whole minutes of local time, so ticks fall on 09:00, 09:30…
    let local0 = c.local(t0);
    let floor = t0
        - Duration::seconds(i64::from(local0.second()))
        - Duration::nanoseconds(i64::from(local0.nanosecond()));
    let base: NaiveDateTime = local0.naive_local();
    let since_epoch = base.and_utc().timestamp().div_euclid(60);
    let first = (since_epoch + step - 1).div_euclid(step) * step;
    let mut out = Vec::new();
    let mut m = first;
    while let Some(at) = floor.checked_add_signed(Duration::minutes(m - since_epoch)) {
        if at > t1 || out.len() > 12 {
            break;
        }
        if at < t0 {
            m += step;
            continue;
        }
        let local = c.local(at);
        let label = if step >= 1440 {
            local.format("%m-%d").to_string()
        } else {
            local.format("%H:%M").to_string()
        };
        out.push((at, label));
        m += step;
    }
    out
}
