//! `rota`: the team's on-call schedule as pure computation.
//!
//! Data flows one way: the data folder is validated into [`TeamData`] (at build time for the
//! site and CLI): the [`ScheduleInputs`] (team, roster changes, holidays, leave, covers,
//! trades) and the content (pipelines, runbooks). Everything else — rotation weeks, swaps,
//! fairness, calendar feeds — is computed from the inputs alone. No I/O happens here except in the optional `load` feature.

pub mod contact;
pub mod cover;
pub mod embedded;
mod explain;
mod model;
pub mod roster_change;
mod week;
mod week_id;

pub mod coverage;
pub mod csv_export;
pub mod freshness;
pub mod holiday;
pub mod horizon;
pub mod hours;
pub mod ics;
pub mod layer;
pub mod layer_check;
pub mod layer_list;
pub mod layer_stretches;
pub mod ledger;
mod line_format;
pub mod on_call_table;
pub mod org;
pub mod org_files;
mod org_index;
pub mod preview_effects;
pub mod reminder;
pub mod rotation;
pub mod schedule;
pub mod schedule_diff;
mod shape;
pub mod shift;
mod site_paths;
pub mod stretch_list;
pub mod team_file;
pub mod text_files;
pub mod what_if;

#[cfg(feature = "load")]
pub mod build_time;
#[cfg(feature = "load")]
pub mod check_warnings;
#[cfg(feature = "codegen")]
pub mod codegen;
#[cfg(feature = "load")]
pub mod load;

pub use contact::{Contact, ContactKind};
pub use model::*;
pub use week_id::{WeekId, WeekIdError};

pub use coverage::Coverage;
pub use holiday::Holiday;
pub use horizon::Horizon;
pub use layer::{GapPolicy, Layer, LayerChange, LayerLabel, LayerRole, Layers};
pub use ledger::{FairnessLedger, FairnessRow, Period};
pub use org::{Clash, OrgTeam, Organisation, Person, SiteData};
pub use reminder::Reminder;
pub use roster_change::RosterChangeNote;
pub use rotation::{Rotation, RotationWeek};
pub use schedule::Schedule;
pub use shift::ShiftPattern;
pub use site_paths::{base_path, org_site_paths, site_paths};
pub use week::{Stretch, StretchKind, Swap, SwapConflict, TradeNote, WeekAssignment, WeekHoliday, WeekHolidayKind};
pub use what_if::{WhatIf, WhatIfError};

// Re-exported so generated code and dependents name the same versions.
pub use chrono;
pub use chrono_tz;
