//! The migrations are embedded by `sqlx::migrate!` at compile time; a new migration file
//! must rebuild this crate, which cargo only knows to do when told.

fn main() {
    println!("cargo:rerun-if-changed=../../migrations/sqlite");
}
