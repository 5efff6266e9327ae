pub mod fairness;
pub mod not_found;
pub mod now;
pub mod person;
pub mod pipeline;
pub mod pipelines;
pub mod runbook;
pub mod schedule;
