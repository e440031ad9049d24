//! The common agenda in SQLite, one file per entity: versioned statements, the results tree,
//! the glossary, the decision log, disputes, endorsements and changes in the field.

mod comments;
mod decisions;
mod disputes;
mod endorsements;
mod field_changes;
mod glossary;
mod results;
mod versions;
