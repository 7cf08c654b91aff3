//! Slack exports: a workspace folder (one folder per channel), a channel folder of per-day
//! `YYYY-MM-DD.json` files, or one file holding a list of messages. Authors are resolved
//! through `users.json` when it is there; joins, leaves and topic changes are not events.
//!
//! Day files are read one at a time, so memory holds one day of one channel.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::clean::excerpt;
use super::messages::{self, ImportError};
use super::parse::{Raw, Step};
use super::slack_text::{Names, readable};
use super::stamp::When;

/// Subtypes that record the channel's housekeeping rather than anything said.
const HOUSEKEEPING: &[&str] = &[
    "channel_join",
    "channel_leave",
    "channel_topic",
    "channel_purpose",
    "channel_name",
    "channel_archive",
    "channel_unarchive",
    "group_join",
    "group_leave",
    "group_topic",
    "group_purpose",
    "pinned_item",
    "unpinned_item",
    "bot_add",
    "bot_remove",
    "message_deleted",
];

/// Where a step came from: the file (`inc-412/2026-03-01.json`) and, inside it, the
/// message number from 1.
pub struct SlackStep {
    pub file: String,
    pub step: Step<'static>,
}

pub struct SlackSource {
    days: VecDeque<Day>,
    people: People,
    current: VecDeque<SlackStep>,
    pub notices: Vec<String>,
}

struct Day {
    path: PathBuf,
    channel: String,
    label: String,
}

#[derive(Default)]
struct People {
    /// User id → the name shown (real name first).
    names: Names,
    /// User id → the handle (`maria`), for the event's source.
    handles: HashMap<String, String>,
}

impl SlackSource {
    /// Opens a workspace folder, a channel folder or one message file.
    pub fn open(path: &Path) -> Result<SlackSource, ImportError> {
        let name = messages::shown_path(path);
        let io = |e| ImportError::io(path, e);
        let mut days = Vec::new();
        let users_near: Vec<PathBuf>;
        if path.is_dir() {
            let own = day_files(path).map_err(io)?;
            if own.is_empty() {
                for channel in sorted_dirs(path).map_err(io)? {
                    let files = day_files(&channel).map_err(io)?;
                    days.extend(files.into_iter().map(|f| day(&channel, f)));
                }
            } else {
                days.extend(own.into_iter().map(|f| day(path, f)));
            }
            users_near =
                [Some(path), path.parent()].into_iter().flatten().map(Path::to_path_buf).collect();
            if days.is_empty() {
                return Err(ImportError::NoSlackFiles { name });
            }
        } else {
            let folder = path.parent().unwrap_or(Path::new("."));
            days.push(day(folder, path.to_path_buf()));
            users_near = [Some(folder), folder.parent()]
                .into_iter()
                .flatten()
                .map(Path::to_path_buf)
                .collect();
        }
        let mut notices = Vec::new();
        let people = match users_near.iter().map(|d| d.join("users.json")).find(|p| p.is_file()) {
            Some(users) => read_people(&users).unwrap_or_else(|problem| {
                notices.push(problem);
                People::default()
            }),
            None => {
                notices.push(messages::slack_users_missing(&name));
                People::default()
            }
        };
        let mut source =
            SlackSource { days: days.into(), people, current: VecDeque::new(), notices };
        if !path.is_dir() {
            // A single file that is not a list of messages is not a Slack export at all.
            source.load_next().map_err(|detail| ImportError::NotSlack { name, detail })?;
        }
        Ok(source)
    }

    pub fn next_step(&mut self) -> Option<SlackStep> {
        loop {
            if let Some(step) = self.current.pop_front() {
                return Some(step);
            }
            if self.days.is_empty() {
                return None;
            }
            // A day file that is not a list leaves its problem in `current` and the rest go on.
            let _ = self.load_next();
        }
    }

    /// Reads the next day file into `current`; a file that is not a list of messages
    /// becomes one problem (and, for a single file, an error).
    fn load_next(&mut self) -> Result<(), String> {
        let Some(day) = self.days.pop_front() else { return Ok(()) };
        let list = std::fs::read(&day.path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).map_err(|e| e.to_string()))
            .and_then(|value| match value {
                Value::Array(list) => Ok(list),
                _ => Err("its top level is not a list".to_string()),
            });
        let list = match list {
            Ok(list) => list,
            Err(detail) => {
                let detail =
                    messages::slack_file_not_list(&crate::model::text::sanitize_line(&detail));
                let step = Step::Problem {
                    line: 0,
                    reason: Cow::Owned(detail.clone()),
                    excerpt: String::new(),
                };
                self.current.push_back(SlackStep { file: day.label, step });
                return Err(detail);
            }
        };
        for (i, message) in list.iter().enumerate() {
            let step = self.people.message(message, i as u64 + 1, &day.channel);
            self.current.push_back(SlackStep { file: day.label.clone(), step });
        }
        Ok(())
    }
}

impl People {
    fn message(&self, message: &Value, number: u64, channel: &str) -> Step<'static> {
        let problem = |reason: &'static str| Step::Problem {
            line: number,
            reason: Cow::Borrowed(reason),
            excerpt: excerpt(&message.to_string(), 80),
        };
        let Some(object) = message.as_object() else { return problem(messages::SLACK_NOT_OBJECT) };
        if text_of(object.get("subtype")).is_some_and(|s| HOUSEKEEPING.contains(&s)) {
            return Step::Ignored;
        }
        let ts = match object.get("ts") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return problem(messages::SLACK_NO_TS),
        };
        let Some(at) = slack_time(&ts) else { return problem(messages::SLACK_BAD_TS) };
        let user = text_of(object.get("user"));
        let profile = object.get("user_profile");
        let from_profile = |key: &str| text_of(profile.and_then(|p| p.get(key)));
        let bot = text_of(object.get("username"))
            .or_else(|| text_of(object.get("bot_profile").and_then(|b| b.get("name"))));
        // A bot (an alerting integration) is named in the source, not offered as a person.
        let is_bot =
            object.contains_key("bot_id") || text_of(object.get("subtype")) == Some("bot_message");
        let author = user
            .and_then(|id| self.names.get(id).map(String::as_str))
            .or_else(|| from_profile("real_name"))
            .or_else(|| from_profile("display_name"))
            .or(user)
            .filter(|_| !is_bot);
        let handle = user
            .and_then(|id| self.handles.get(id).map(String::as_str))
            .or_else(|| from_profile("name"))
            .or_else(|| from_profile("display_name"))
            .or(author)
            .or(bot);
        let mut text =
            text_of(object.get("text")).map(|t| readable(t, &self.names)).unwrap_or_default();
        if text.trim().is_empty() {
            let file = object.get("files").and_then(|f| f.get(0));
            let title =
                file.and_then(|f| text_of(f.get("title")).or_else(|| text_of(f.get("name"))));
            match title {
                Some(title) => text = format!("shared a file: {title}"),
                None => return problem(messages::SLACK_NO_TEXT),
            }
        }
        let reply = text_of(object.get("thread_ts")).is_some_and(|thread| thread != ts);
        let mut detail = format!("#{channel}");
        if let Some(handle) = handle {
            detail.push_str(&format!(" @{handle}"));
        }
        if reply {
            detail.push_str(", reply in thread");
        }
        Step::Entry(Raw {
            line: number,
            when: When::Instant(at),
            text: Cow::Owned(text),
            author: author.map(|a| Cow::Owned(a.to_string())),
            detail: Some(Cow::Owned(detail)),
        })
    }
}

/// Slack's `ts`: seconds since 1970, a dot, microseconds (`1772442720.000200`).
fn slack_time(ts: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let (seconds, fraction) = ts.trim().split_once('.').unwrap_or((ts.trim(), ""));
    if seconds.is_empty()
        || !seconds.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let micros: u32 = format!("{fraction:0<6}").get(..6)?.parse().ok()?;
    chrono::DateTime::from_timestamp(seconds.parse().ok()?, micros * 1000)
}

fn read_people(path: &Path) -> Result<People, String> {
    let fail = |e: String| {
        format!(
            "users.json could not be read ({}); authors are shown by their Slack ids",
            crate::model::text::sanitize_line(&e)
        )
    };
    let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    let users: Vec<Value> = serde_json::from_slice(&bytes).map_err(|e| fail(e.to_string()))?;
    let mut people = People::default();
    for user in &users {
        let Some(id) = text_of(user.get("id")) else { continue };
        let profile = user.get("profile");
        let real = text_of(user.get("real_name"))
            .or_else(|| text_of(profile.and_then(|p| p.get("real_name"))))
            .or_else(|| text_of(profile.and_then(|p| p.get("display_name"))));
        let handle = text_of(user.get("name"))
            .or_else(|| text_of(profile.and_then(|p| p.get("display_name"))));
        if let Some(name) = real.or(handle) {
            people.names.insert(id.to_string(), name.to_string());
        }
        if let Some(handle) = handle.or(real) {
            people.handles.insert(id.to_string(), handle.to_string());
        }
    }
    Ok(people)
}

/// A string field's text, trimmed; `None` when missing, not a string, or blank.
fn text_of(value: Option<&Value>) -> Option<&str> {
    value.and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

fn day(channel_dir: &Path, file: PathBuf) -> Day {
    let channel = messages::file_name(channel_dir);
    let label = format!("{channel}/{}", messages::file_name(&file));
    Day { path: file, channel, label }
}

/// `YYYY-MM-DD.json` files in a folder, in date order.
fn day_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(is_day_name))
        .collect();
    files.sort();
    Ok(files)
}

fn sorted_dirs(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(dir)?.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    Ok(dirs)
}

fn is_day_name(name: &str) -> bool {
    let b = name.as_bytes();
    name.len() == 15
        && name.ends_with(".json")
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slack_time_reads_seconds_and_micros() {
        assert_eq!(
            slack_time("1772442720.000200").unwrap().to_rfc3339(),
            "2026-03-02T09:12:00.000200+00:00"
        );
        assert_eq!(slack_time("1772442720").unwrap().to_rfc3339(), "2026-03-02T09:12:00+00:00");
        for bad in ["", "abc", "1772442720.x", "-5.0", ".5"] {
            assert_eq!(slack_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn day_names_are_dates() {
        assert!(is_day_name("2026-03-01.json"));
        assert!(!is_day_name("users.json"));
        assert!(!is_day_name("2026-03-01.json.bak"));
        assert!(!is_day_name("2026_03_01.json"));
    }
}
