//! Any bytes as a review file: the loader must answer with a review or a `line:column`
//! error, never a panic; and what it loads must save to text that loads again.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use waterline::store::{self, LoadError};

fuzz_target!(|data: &[u8]| {
    match store::from_bytes(Path::new("fuzz.toml"), data) {
        Ok(loaded) => {
            let text = store::to_toml(&loaded.session);
            if let Err(e) = store::parse(Path::new("again.toml"), &text) {
                panic!("a loaded review saves to text that does not load: {e}\n{text}");
            }
        }
        Err(LoadError::Format { line, column, message, .. }) => {
            assert!(line >= 1 && column >= 1 && !message.is_empty());
        }
        Err(LoadError::Io { .. }) => unreachable!("no I/O on bytes"),
    }
});
