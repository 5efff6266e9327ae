//! `rota`: the team's on-call schedule as pure computation.
//!
//! Data flows one way: the data folder is validated into [`TeamData`] (at build time for the
//! site and CLI), and everything else — rotation weeks, holidays, swaps, fairness, calendar
//! feeds — is computed from it. No I/O happens here except in the optional `load` feature.

pub mod embedded;
mod explain;
mod model;
mod week_id;

pub mod freshness;
pub mod holiday;
pub mod ics;
pub mod ledger;
pub mod rotation;
pub mod schedule;
mod site_paths;
pub mod what_if;

#[cfg(feature = "load")]
pub mod build_time;
#[cfg(feature = "load")]
pub mod check_warnings;
#[cfg(feature = "codegen")]
pub mod codegen;
#[cfg(feature = "load")]
pub mod load;

pub use model::*;
pub use week_id::{WeekId, WeekIdError};

pub use holiday::Holiday;
pub use ledger::{FairnessLedger, FairnessRow, Period};
pub use rotation::{Rotation, RotationWeek};
pub use schedule::{Schedule, Swap, SwapConflict, WeekAssignment, WeekHoliday, WeekHolidayKind};
pub use site_paths::site_paths;
pub use what_if::{WhatIf, WhatIfError};

// Re-exported so generated code and dependents name the same versions.
pub use chrono;
pub use chrono_tz;
