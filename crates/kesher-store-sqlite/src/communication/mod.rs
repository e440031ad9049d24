//! Continuous communication in SQLite: the meetings of bodies.

mod meetings;
