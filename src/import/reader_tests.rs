//! The reader end to end over small files: counts, problems, sources, filters.
use super::*;
